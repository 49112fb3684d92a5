import { Form, Link, NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Role } from '#domain/permissions'
import { navigationFor, publicNavigation } from '#app/navigation'

export type HeaderUser = { name: string; role: Role; coordinator: boolean; organisationName: string } | null

/** A menu item's label in the page's language: public pages are also shown around the multilingual intake form. */
export function useNavLabel() {
  const { t } = useTranslation()
  return (item: { to: string; label: string }) => t(`nav.${item.to}`, { defaultValue: item.label })
}

export function SiteHeader({ user, devOutbox }: { user: HeaderUser; devOutbox: boolean }) {
  const { t } = useTranslation()
  const navLabel = useNavLabel()
  const items = user ? navigationFor(user, { devOutbox }) : publicNavigation
  return (
    <header className="border-b border-slate-300 bg-brand-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link to="/" className="text-2xl font-bold text-brand-800 no-underline">
          {t('siteName')}
        </Link>
        {user ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span>{t('loggedInAs', { name: user.name, organisation: user.organisationName })}</span>
            <Form method="post" action="/uitloggen">
              <button type="submit" className="btn-secondary">
                {t('logout')}
              </button>
            </Form>
          </div>
        ) : (
          <Link to="/inloggen" className="btn-primary">
            {t('login')}
          </Link>
        )}
      </div>
      {items.length > 0 ? (
        <nav aria-label={t('mainNavigation')} className="mx-auto max-w-6xl px-4 pb-2">
          <ul className="flex flex-wrap gap-x-6 gap-y-1">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} className="inline-block py-2 aria-[current=page]:font-bold">
                  {navLabel(item)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  )
}
