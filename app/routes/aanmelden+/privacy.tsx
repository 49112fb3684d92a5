import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DataFlowList } from '#app/features/privacy/data-flow-list'
import { useIntakeLanguage } from '#app/features/intake/language-switcher'
import { PrivacyContact } from '#app/features/privacy/privacy-contact'
import { readDraft } from '#app/features/intake/intake-draft.server'
import { dataFlows } from '#app/features/privacy/data-flows.server'
import { intakePath } from '#domain/intake-languages'
import { intakePageLanguage, intakeTranslations } from '#app/features/intake/intake-page.server'
import { db } from '#app/utils/db.server'
import { intakeRouting } from '#db/queries/intake'
import { env } from '#core/env'

// Public: the privacy notice of the intake form, in each language of the form.
const sections = ['what', 'why', 'who', 'howLong', 'rights', 'contact'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await intakeTranslations(await intakePageLanguage(request))
  const ocmw = await draftOcmw(request)
  const contact = ocmw?.dpoEmail
    ? { text: t('privacy.dpoText', { organisation: ocmw.name }), email: ocmw.dpoEmail }
    : { text: t('privacy.contactText'), email: null }
  const flows = dataFlows().flows.map(({ id, legalBasis, categories, recipients, retention }) => ({ id, legalBasis, categories, recipients, retention }))
  // The periods the retention jobs run with: the page states what the portal does, not a default.
  const months = { intake: env().INTAKE_RETENTION_MONTHS, 'client-records': env().CLIENT_RETENTION_MONTHS }
  return json({ title: t('privacy.title'), contact, flows, months })
}

/**
 * The OCMW that would receive the form in progress, once it names a municipality: its data protection officer
 * is the one to ask. Nothing else about it is shown; without a draft the notice keeps its general sentence.
 */
async function draftOcmw(request: Request) {
  const nis = (await readDraft(request))?.answers.woonplaats?.municipalityNis
  return nis ? (await intakeRouting(db(), nis))?.ocmw : undefined
}

export default function IntakePrivacyPage() {
  const { title, contact, flows, months } = useLoaderData<typeof loader>()
  const { t } = useTranslation('intake')
  const language = useIntakeLanguage()
  return (
    <>
      <h1>{title}</h1>
      <p className="mt-4 text-lg">{t('privacy.intro')}</p>
      {sections.map((section) => (
        <section key={section} className="mt-8" aria-labelledby={`privacy-${section}`}>
          <h2 id={`privacy-${section}`}>{t(`privacy.${section}Title`)}</h2>
          {section === 'contact' ? <PrivacyContact text={contact.text} email={contact.email} /> : <p className="mt-2">{t(`privacy.${section}Text`)}</p>}
        </section>
      ))}
      <DataFlowList flows={flows} months={months} />
      <p className="mt-8">
        <Link to={intakePath('toestemming', language)}>{t('privacy.backToForm')}</Link>
      </p>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – Stapsteen` : 'Stapsteen' }]
