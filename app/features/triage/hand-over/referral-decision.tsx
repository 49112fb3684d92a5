import { TextAreaField } from '#app/components/conform-fields'
import { declineSchema } from '#domain/triage-forms'
import type { IntakePageData } from '#app/features/triage/triage-page.server'
import { formatDateTime } from '#app/utils/dates'
import { TriageActionForm, TriageButton, type TriageResult, useTriageForm } from '#app/features/triage/triage-form'

/** The receiver's side of a hand-over: the sender's message, then accept or decline with a reason. */
export function TriageReferralDecision({ page, lastResult }: { page: IntakePageData<'referral'>; lastResult: TriageResult }) {
  const [form, fields] = useTriageForm('decline', declineSchema, lastResult)
  const referral = page.referrals.find((r) => r.status === 'pending')
  const sender = referral?.from ?? 'De andere organisatie'
  return (
    <section aria-labelledby="decision-title" className="card mt-6 max-w-3xl">
      <h2 id="decision-title">Doorverwijzing van {sender}</h2>
      <p className="mt-1">
        {sender} verwees deze aanmelding {referral ? `op ${formatDateTime(referral.createdAt)} ` : ''}naar jullie door, na een eerste contact met de inwoner. Je
        ziet de antwoorden en de notities die meegestuurd zijn.
      </p>
      {referral?.message ? <p className="mt-2 whitespace-pre-line">Bericht: {referral.message}</p> : null}
      <h3 className="mt-4 font-semibold">Aanvaarden</h3>
      <p className="mt-1">Jullie behandelen de aanmelding dan verder. De inwoner krijgt een e-mail dat jullie het dossier opvolgen.</p>
      <div className="mt-2">
        <TriageButton intent="accept" primary>
          Doorverwijzing aanvaarden
        </TriageButton>
      </div>
      <h3 className="mt-6 font-semibold">Weigeren</h3>
      <TriageActionForm form={form} intent="decline" submit="Doorverwijzing weigeren">
        <TextAreaField meta={fields.declineReason} label="Waarom weiger je?" help={`${sender} krijgt de aanmelding terug en leest je reden.`} rows={3} />
      </TriageActionForm>
    </section>
  )
}
