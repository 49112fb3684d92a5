import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useIntakeLanguage } from '~/components/intake-language-switcher'
import { intakePath } from '~/domain/intake-languages'
import { intakePageLanguage, intakeTranslations } from '~/domain/intake-page.server'

// Public: the privacy notice of the intake form, in each language of the form.
const sections = ['what', 'why', 'who', 'howLong', 'rights', 'contact'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await intakeTranslations(await intakePageLanguage(request))
  return json({ title: t('privacy.title') })
}

export default function IntakePrivacyPage() {
  const { title } = useLoaderData<typeof loader>()
  const { t } = useTranslation('intake')
  const language = useIntakeLanguage()
  return (
    <>
      <h1>{title}</h1>
      <p className="mt-4 text-lg">{t('privacy.intro')}</p>
      {sections.map((section) => (
        <section key={section} className="mt-8" aria-labelledby={`privacy-${section}`}>
          <h2 id={`privacy-${section}`}>{t(`privacy.${section}Title`)}</h2>
          <p className="mt-2">{t(`privacy.${section}Text`)}</p>
        </section>
      ))}
      <p className="mt-8">
        <Link to={intakePath('toestemming', language)}>{t('privacy.backToForm')}</Link>
      </p>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – Stapsteen` : 'Stapsteen' }]
