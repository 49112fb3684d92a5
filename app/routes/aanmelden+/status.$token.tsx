import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PrivacyContact } from '#app/features/privacy/privacy-contact'
import { ConsentWithdrawalForm, ContactCorrectionForm, ErasureRequestForm } from '#app/features/intake/status-forms'
import { checkContactMethod } from '#app/features/intake/intake-checks.server'
import { intakePath } from '#domain/intake-languages'
import { intakeFormData, intakeLanguage, intakeTranslations, requireLanguageParam } from '#app/features/intake/intake-page.server'
import { requireResidentIntake, statusTexts } from '#app/features/intake/intake-status.server'
import { contactSchema, erasureSchema } from '#app/features/intake/intake-steps'
import { db } from '#app/utils/db.server'
import { withToast } from '#app/utils/toast.server'
import { correctContactDetails, requestErasure, withdrawSharingConsent } from '#db/queries/intake-status'

// Public, behind the resident's secret link: the status of their intake, and what they may change.
const privateHeaders = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' }
export const headers: HeadersFunction = () => privateHeaders

export async function loader({ request, params }: LoaderFunctionArgs) {
  const intake = await requireResidentIntake(params.token)
  requireLanguageParam(request, intake.language)
  const language = await intakeLanguage(request)
  const t = await intakeTranslations(language)
  return json(
    {
      title: t('status.title'),
      reference: intake.reference,
      texts: statusTexts(t, intake, language),
      contact: { contactMethod: intake.contactMethod, phone: intake.phone, email: intake.email },
      helperName: intake.helperName,
      consent: intake.consentSharing ? 'given' : intake.consentWithdrawnAt ? 'withdrawn' : 'notGiven',
      erasureRequested: intake.erasureRequestedAt !== null,
    },
    { headers: privateHeaders },
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const intake = await requireResidentIntake(params.token)
  const language = await intakeLanguage(request)
  const t = await intakeTranslations(language)
  const formData = await intakeFormData(request)
  const url = new URL(request.url)
  const here = url.pathname + url.search
  const intent = formData.get('intent')
  if (intent === 'contact') {
    const submission = parseWithZod(formData, { schema: contactSchema })
    if (submission.status !== 'success') return json({ form: 'contact', result: submission.reply() }, { status: 400 })
    const checked = checkContactMethod(submission.value, intake.helperName)
    if (!checked.ok) return json({ form: 'contact', result: submission.reply({ fieldErrors: checked.fieldErrors }) }, { status: 400 })
    await db().transaction((tx) => correctContactDetails(tx, intake, checked.value))
    throw redirect(here, await withToast({ kind: 'success', message: t('status.contactSaved') }))
  }
  if (intent === 'withdraw') {
    await db().transaction((tx) => withdrawSharingConsent(tx, intake))
    throw redirect(here, await withToast({ kind: 'success', message: t('status.consentWithdrawn') }))
  }
  if (intent === 'erase') {
    const submission = parseWithZod(formData, { schema: erasureSchema })
    if (submission.status !== 'success') return json({ form: 'erase', result: submission.reply() }, { status: 400 })
    await db().transaction((tx) => requestErasure(tx, intake, 'status-page'))
    throw redirect(intakePath('gewist', language))
  }
  throw new Response('Unknown intent', { status: 400 })
}

export default function IntakeStatusPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('intake')
  const { texts } = data
  return (
    <>
      <h1>{data.title}</h1>
      <p className="mt-2 text-lg">
        {t('status.reference')} <strong dir="ltr">{data.reference}</strong>
      </p>
      <section aria-labelledby="status-now-title" className="card mt-6">
        <h2 id="status-now-title">{t('status.nowTitle', { status: texts.status })}</h2>
        <p className="mt-2">{texts.explanation}</p>
        {texts.closeReason ? <p className="mt-2">{t('status.closeReason', { reason: texts.closeReason })}</p> : null}
        <p className="mt-2">{texts.who}</p>
        {texts.next ? <p className="mt-2">{texts.next}</p> : null}
        <p className="mt-2">{t('status.submittedOn', { date: texts.submittedOn ?? '' })}</p>
      </section>

      <section aria-labelledby="status-contact-title" className="mt-8">
        <h2 id="status-contact-title">{t('status.contactTitle')}</h2>
        <p className="mt-2 mb-4">{texts.contactWay}</p>
        <ContactCorrectionForm lastResult={actionData?.form === 'contact' ? actionData.result : undefined} contact={data.contact} helperName={data.helperName} />
      </section>

      <section aria-labelledby="status-consent-title" className="mt-8">
        <h2 id="status-consent-title">{t('status.consentTitle')}</h2>
        {data.consent === 'given' ? (
          <>
            <p className="mt-2 mb-4">{t('status.consentGiven')}</p>
            <ConsentWithdrawalForm />
          </>
        ) : (
          <p className="mt-2">{data.consent === 'withdrawn' ? t('status.consentWithdrawnOn', { date: texts.consentWithdrawnOn ?? '' }) : t('status.consentNotGiven')}</p>
        )}
      </section>

      <section aria-labelledby="status-privacy-title" className="mt-8">
        <h2 id="status-privacy-title">{t('status.privacyTitle')}</h2>
        <PrivacyContact text={texts.privacyContact} email={texts.dpoEmail} />
      </section>

      <section aria-labelledby="status-erase-title" className="mt-8">
        <h2 id="status-erase-title">{t('status.eraseTitle')}</h2>
        {data.erasureRequested ? (
          <p className="mt-2">{t('status.eraseRequestedOn', { date: texts.erasureRequestedOn ?? '' })}</p>
        ) : (
          <>
            <p className="mt-2 mb-4">{t('status.eraseText')}</p>
            <ErasureRequestForm lastResult={actionData?.form === 'erase' ? actionData.result : undefined} />
          </>
        )}
      </section>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} – Stapsteen` : 'Stapsteen' },
  { name: 'robots', content: 'noindex' },
]
