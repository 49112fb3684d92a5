import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { PageErrorSummary } from '#app/components/error-summary'
import { TriageAnswers } from '#app/features/triage/triage-answers'
import { TriageDuplicates } from '#app/features/triage/triage-duplicates'
import { TriageHistory } from '#app/features/triage/triage-history'
import { TriageIntakeSummary } from '#app/features/triage/intake-summary'
import { TriageNotes } from '#app/features/triage/triage-notes'
import { TriageReferralDecision } from '#app/features/triage/hand-over/referral-decision'
import { ReferralExportLink } from '#app/features/triage/hand-over/referral-export-link'
import { TriageStatusOnly } from '#app/features/triage/status-only'
import { TriageSuggestion } from '#app/features/triage/triage-suggestion'
import { TriageWorkActions } from '#app/features/triage/work-actions'
import { performIntakeAction } from '#app/features/triage/triage-actions.server'
import { intakeActionSchema, type IntakeIntent } from '#domain/triage-forms'
import { loadIntakePage } from '#app/features/triage/triage-page.server'
import { withToast } from '#app/utils/toast.server'

const notFound = () => new Response('Deze aanmelding bestaat niet of je organisatie mag ze niet zien.', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'intake:triage-own-org')
  const page = await loadIntakePage(user, params.intakeId)
  if (!page) throw notFound()
  return json({ page, viewer: { id: user.id, organisationId: user.organisation.id, organisation: user.organisation.name, organisationType: user.organisation.type } })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'intake:triage-own-org')
  const submission = parseWithZod(await request.formData(), { schema: intakeActionSchema })
  const intent = (submission.payload.intent ?? null) as IntakeIntent | null
  if (submission.status !== 'success') return json({ intent, result: submission.reply() }, { status: 400 })
  const outcome = await performIntakeAction(user, params.intakeId ?? '', submission.value)
  if (!outcome.ok) {
    if (outcome.status === 404) throw notFound()
    return json({ intent, result: submission.reply({ formErrors: [outcome.error] }) }, { status: outcome.status })
  }
  throw redirect(outcome.redirectTo, await withToast({ kind: 'success', message: outcome.message }))
}

export default function IntakePage() {
  const { page, viewer } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const resultFor = (intent: IntakeIntent) => (actionData?.intent === intent ? actionData.result : undefined)
  // The forms with fields show their own summary. Actions without fields of their own, and tampered forms (no
  // intent or one we do not know), report every error at the top of the page.
  const withFields: (IntakeIntent | null)[] = ['assign', 'close', 'note', 'refer', 'decline']
  const pageError =
    actionData && !withFields.includes(actionData.intent) ? Object.values(actionData.result.error ?? {}).flatMap((errors) => errors ?? []) : undefined
  return (
    <>
      <p>
        <Link to="/triage">← Terug naar de wachtrij</Link>
      </p>
      <PageErrorSummary errors={pageError} answer={actionData} />
      {page.access === 'status' ? (
        <TriageStatusOnly page={page} organisation={viewer.organisation} />
      ) : (
        <>
          <TriageIntakeSummary page={page} />
          <TriageSuggestion destination={page.intake.suggestedDestination} reasons={page.intake.suggestionReasons} headingLevel={2} />
          {page.access === 'referral' ? (
            <TriageReferralDecision page={page} lastResult={resultFor('decline')} />
          ) : (
            <TriageWorkActions page={page} viewer={viewer} resultFor={resultFor} />
          )}
          <ReferralExportLink page={page} organisationId={viewer.organisationId} />
          <TriageAnswers intake={page.intake} />
          {page.access === 'full' ? <TriageDuplicates duplicates={page.duplicates} /> : null}
          <TriageNotes page={page} organisation={viewer.organisation} lastResult={resultFor('note')} />
          <TriageHistory history={page.history} referrals={page.referrals} />
        </>
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Aanmelding ${data?.page.intake.reference ?? ''} – Triage – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
