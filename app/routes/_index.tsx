import type { MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export default function Home() {
  const { t } = useTranslation()
  const blocks = [
    ['employersTitle', 'employersText', '/werkgever-worden', 'employersLink'],
    ['caseworkersTitle', 'caseworkersText', '/plaatsen', 'caseworkersLink'],
    ['residentsTitle', 'residentsText', null, null],
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
        {blocks.map(([title, text, to, link]) => (
          <section key={title} className="card" aria-labelledby={title}>
            <h2 id={title}>{t(`home.${title}`)}</h2>
            <p className="mt-2">{t(`home.${text}`)}</p>
            {to && link ? (
              <p className="mt-3">
                <Link to={to}>{t(`home.${link}`)}</Link>
              </p>
            ) : null}
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
