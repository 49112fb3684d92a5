import type { IntakePageData } from './triage-page.server'
import { closeReasonLabels, intakeStatusLabels } from '#domain/triage-labels'
import { formatDateTime } from '#app/utils/dates'
import { FactList } from '#app/components/fact-list'
import { TriageHistory } from './triage-history'

/** What a referral's sender still sees after the hand-over: the status and who handles it, nothing about the resident. */
export function TriageStatusOnly({ page, organisation }: { page: IntakePageData<'status'>; organisation: string }) {
  const { intake } = page
  return (
    <>
      <h1 className="mt-2">Aanmelding {intake.reference}</h1>
      <p className="mt-2 max-w-3xl">
        {organisation} verwees deze aanmelding door. Je volgt hier de status; de gegevens van de inwoner en de notities zijn nu bij de organisatie die de
        aanmelding behandelt.
      </p>
      <FactList
        facts={[
          ['Status', `${intakeStatusLabels[intake.status]}${intake.closeReason ? ` – ${closeReasonLabels[intake.closeReason]}` : ''}`],
          ['Behandeld door', intake.handlingOrganisation ?? 'Nog niemand'],
          ['Laatst gewijzigd', formatDateTime(intake.updatedAt)],
        ]}
      />
      <TriageHistory history={page.history} referrals={page.referrals} />
    </>
  )
}
