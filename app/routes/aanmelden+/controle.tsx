import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { getFormProps, useForm } from '@conform-to/react'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { HoneypotFields } from '#app/components/honeypot-fields'
import { useIntakeLanguage } from '#app/features/intake/language-switcher'
import { IntakeAssistedNotice, IntakeErrorSummary, IntakeProgress } from '#app/features/intake/step-form'
import { IntakeSummary } from '#app/features/intake/intake-summary'
import { commitDraft, readDraft } from '#app/features/intake/intake-draft.server'
import { type IntakeLanguage, intakePath } from '#domain/intake-languages'
import { assistingUser, helpingOrganisation, intakeLanguage, intakePageLanguage, intakeTranslations, requireDraft } from '#app/features/intake/intake-page.server'
import { firstMissingStep, intakeSteps, isComplete, SUMMARY_STEP, submitSchema, TOTAL_STEPS } from '#app/features/intake/intake-steps'
import { submitIntake } from '#app/features/intake/intake-submit.server'
import { db } from '#app/utils/db.server'
import { checkHoneypot } from '#app/utils/honeypot.server'
import { parseWithZod } from '#app/utils/parse-form'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { findMunicipality } from '#db/queries/reference'

// Public: the last step of the intake form. Sending it is the one moment the intake reaches the database.
export async function loader({ request }: LoaderFunctionArgs) {
  const language = await intakePageLanguage(request)
  const draft = await requireDraft(request, language)
  const { answers } = draft
  if (!isComplete(answers)) throw redirect(intakePath(firstMissingStep(answers)!, language))
  const municipality = await findMunicipality(db(), answers.woonplaats.municipalityNis ?? '')
  const t = await intakeTranslations(language)
  return json({
    title: t('summary.title'),
    answers,
    municipalityName: municipality?.name ?? '',
    helperName: await helpingOrganisation(request, draft),
    assisted: draft.assisted,
    submissionKey: draft.submissionKey,
  })
}

const done = (language: IntakeLanguage) => intakePath('klaar', language)

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  await checkHoneypot(formData)
  const submission = parseWithZod(formData, { schema: submitSchema })
  const key = submission.status === 'success' ? submission.value.submissionKey : undefined
  const language = await intakeLanguage(request)
  const draft = await readDraft(request)
  // A page sent again after it was sent (back button, double click): the intake exists, show its confirmation.
  if (draft?.submitted && draft.submissionKey === key) throw redirect(done(language))
  const current = await requireDraft(request, language)
  if (current.submissionKey !== key) throw redirect(intakePath(SUMMARY_STEP, language))
  const helper = await assistingUser(request, current)
  if (current.assisted && !helper) {
    throw redirect(`/inloggen?redirectTo=${encodeURIComponent(intakePath(SUMMARY_STEP, language))}`)
  }
  const outcome = await submitIntake({
    draft: { ...current, language },
    clientIp: context.clientIp,
    assistedByUserId: helper?.id ?? null,
    baseUrl: publicBaseUrl(),
  })
  if (outcome.kind === 'incomplete') throw redirect(intakePath(outcome.step, language))
  if (outcome.kind === 'rate-limited') return json({ result: submission.reply({ formErrors: ['errors.rateLimited'] }) }, { status: 429 })
  // The answers leave the browser; the key and the status token stay for the confirmation page.
  const submitted = { ...current, language, answers: {}, submitted: true }
  throw redirect(done(language), { headers: { 'Set-Cookie': await commitDraft(request, submitted) } })
}

export default function IntakeSummaryPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('intake')
  const language = useIntakeLanguage()
  const [form] = useForm({ id: 'intake-submit', lastResult: actionData?.result })
  return (
    <>
      {data.assisted ? <IntakeAssistedNotice organisation={data.helperName} /> : null}
      <IntakeProgress current={TOTAL_STEPS} />
      <h1>{t('summary.title')}</h1>
      <p className="mt-2 mb-6 text-lg">{t('summary.intro')}</p>
      <IntakeSummary answers={data.answers} municipalityName={data.municipalityName} helperName={data.helperName} />
      <Form method="post" {...getFormProps(form)} className="mt-8">
        <HoneypotFields label={t('honeypot')} />
        <IntakeErrorSummary form={form} schema={submitSchema} />
        <input type="hidden" name="submissionKey" value={data.submissionKey} />
        <div className="flex flex-wrap items-center justify-between gap-4">
          <Link to={intakePath(intakeSteps[intakeSteps.length - 1]!, language)} className="btn-secondary">
            {t('nav.back')}
          </Link>
          <button type="submit" className="btn-primary">
            {t('summary.submit')}
          </button>
        </div>
      </Form>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – Stapsteen` : 'Stapsteen' }]
