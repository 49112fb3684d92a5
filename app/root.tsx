import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useChangeLanguage } from 'remix-i18next/react'
import { hasDevOutbox } from '#emails/transport.server'
import { getUser } from './auth/session.server'
import { DemoBand } from './components/demo-band'
import { ErrorPage } from './components/error-page'
import { SiteHeader, useNavLabel } from './components/site-header'
import { ToastMessage } from './components/toast-message'
import { i18next } from './i18next.server'
import { publicNavigation } from './navigation'
import stylesheet from './tailwind.css'
import { isDemoEnvironment } from './utils/demo.server'
import { issueStamp } from './utils/honeypot.server'
import { useNonce } from './utils/nonce'
import { takeToast } from './utils/toast.server'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, locale, { toast, setCookie }, honeypotStamp, demo] = await Promise.all([
    getUser(request),
    i18next.getLocale(request),
    takeToast(request),
    issueStamp(),
    isDemoEnvironment(),
  ])
  return json(
    {
      locale,
      toast,
      // The public forms' honeypot (components/honeypot-fields.tsx): the moment this page was made, signed.
      honeypotStamp,
      demo,
      devOutbox: hasDevOutbox(),
      user: user ? { name: user.name, role: user.role, coordinator: user.coordinator, organisationName: user.organisation.name } : null,
    },
    { headers: setCookie ? { 'Set-Cookie': setCookie } : undefined },
  )
}

export const handle = { i18n: ['common'] }

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const locale = data?.locale ?? 'nl'
  const { t, i18n } = useTranslation()
  const navLabel = useNavLabel()
  const nonce = useNonce()
  return (
    <html lang={locale} dir={i18n.dir(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <a href="#inhoud" className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:bg-white focus:p-2">
          {t('skipToContent')}
        </a>
        {data?.demo ? <DemoBand /> : null}
        <SiteHeader user={data?.user ?? null} devOutbox={data?.devOutbox ?? false} />
        <ToastMessage toast={data?.toast ?? null} />
        <main id="inhoud" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-slate-300 bg-slate-50">
          <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-700">
            <nav aria-label={t('footerNavigation')}>
              <ul className="mb-3 flex flex-wrap gap-x-6 gap-y-1">
                {publicNavigation.map((item) => (
                  <li key={item.to}>
                    <Link to={item.to}>{navLabel(item)}</Link>
                  </li>
                ))}
              </ul>
            </nav>
            <p>{t('footer')}</p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  const { locale } = useLoaderData<typeof loader>()
  useChangeLanguage(locale)
  return <Outlet />
}

export const meta: MetaFunction = () => [{ title: 'Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
