import { type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { intakeTranslations, residentLanguage } from '#app/features/intake/intake-page.server'
import { intakePath, textDirection } from '#domain/intake-languages'

// Public. Residents are sent to the intake form in their own language: this page's ?lng=, else their browser's.
export async function loader({ request }: LoaderFunctionArgs) {
  const language = residentLanguage(request)
  const t = await intakeTranslations(language)
  return json({ intake: { to: intakePath('', language), text: t('start.title'), language, dir: textDirection(language) } })
}

// The intake link follows the browser's language, so a shared cache must keep one copy per Accept-Language.
export const headers: HeadersFunction = () => ({ Vary: 'Accept-Language' })

export default function Home() {
  const { intake } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const blocks = [
    ['employersTitle', 'employersText', <Link to="/werkgever-worden">{t('home.employersLink')}</Link>],
    ['caseworkersTitle', 'caseworkersText', <Link to="/plaatsen">{t('home.caseworkersLink')}</Link>],
    [
      'residentsTitle',
      'residentsText',
      <Link to={intake.to} lang={intake.language} hrefLang={intake.language} dir={intake.dir}>
        {intake.text}
      </Link>,
    ],
  ] as const
  return (
    <>
      <section aria-labelledby="home-title" className="max-w-3xl">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="mt-4 text-lg">{t('home.intro')}</p>
        <p className="mt-6">
          <Link to="/inloggen" className="btn-primary">
            {t('login')}
          </Link>
        </p>
      </section>
      <div className="mt-10 grid gap-6 md:grid-cols-3">
        {blocks.map(([title, text, link]) => (
          <section key={title} className="card" aria-labelledby={title}>
            <h2 id={title}>{t(`home.${title}`)}</h2>
            <p className="mt-2">{t(`home.${text}`)}</p>
            <p className="mt-3">{link}</p>
          </section>
        ))}
      </div>
    </>
  )
}

export const meta: MetaFunction = () => [
  { title: 'Stapsteen – werkervaring in Vlaanderen' },
  { name: 'description', content: 'Werkervaringsplaatsen van werkgevers, OCMW en VDAB in Vlaanderen.' },
]
