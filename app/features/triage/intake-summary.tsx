import { formatDate } from '#domain/compensation-labels'
import type { IntakePageData } from './triage-page.server'
import { closeReasonLabels, intakeStatusLabels } from '#domain/triage-labels'
import { formatDateTime } from '#app/utils/dates'
import { FactList } from '#app/components/fact-list'

export const residentName = (intake: { firstName: string | null; lastName: string | null }) =>
  [intake.firstName, intake.lastName].filter(Boolean).join(' ') || 'Naam niet opgegeven'

/** Where it came from: the outreach channel and whether someone filled in the form with the resident. */
export function originText(intake: {
  channel: string | null
  channelPartner: string | null
  assistedBy: string | null
  assistedByOrganisation: string | null
}) {
  const channel = intake.channel ? `Via ${intake.channel}${intake.channelPartner ? ` (${intake.channelPartner})` : ''}` : 'Rechtstreeks op de website'
  const assisted = intake.assistedBy
    ? `samen ingevuld met ${intake.assistedBy}${intake.assistedByOrganisation ? `, ${intake.assistedByOrganisation}` : ''}`
    : 'zelf ingevuld'
  return `${channel}, ${assisted}`
}

/** The top of the intake page: who, where it stands, the first-contact timer in words, and consent warnings. */
export function TriageIntakeSummary({ page }: { page: IntakePageData<'full' | 'referral'> }) {
  const { intake, timer } = page
  // Without consent to share, an intake nobody handles is in the OCMW's queue only (docs/triage-visibility.md).
  const sharing = intake.consentSharing && !intake.consentWithdrawnAt
  const queues = (sharing ? [intake.ocmwName, intake.vdabName] : [intake.ocmwName ?? intake.vdabName]).filter(Boolean).join(' en ')
  return (
    <>
      <h1 className="mt-2">{residentName(intake)}</h1>
      <FactList
        facts={[
          ['Referentie', intake.reference],
          ['Status', `${intakeStatusLabels[intake.status]}${intake.closeReason ? ` – ${closeReasonLabels[intake.closeReason]}` : ''}`],
          [
            'Eerste contact',
            <span key="timer" className={timer.overdue ? 'font-semibold text-red-800' : undefined}>
              {timer.overdue ? <span aria-hidden="true">⚠ </span> : null}
              {timer.text} (uiterlijk {formatDate(intake.firstContactDueOn)})
            </span>,
          ],
          ['Behandeld door', intake.handlingOrganisation ?? `Nog niemand: de aanmelding staat in de wachtrij van ${queues || 'geen enkele organisatie'}`],
          ['Toegewezen aan', intake.claimedBy ?? 'Niemand'],
          ['Aangemeld', `${formatDateTime(intake.createdAt)}. ${originText(intake)}.`],
        ]}
      />
      {intake.consentWithdrawnAt ? (
        <p className="mt-4 max-w-3xl rounded-md border border-amber-700 bg-amber-50 px-4 py-3">
          <strong>Let op:</strong> de inwoner trok op {formatDateTime(intake.consentWithdrawnAt)} de toestemming in om gegevens te delen tussen OCMW en VDAB.
        </p>
      ) : !intake.consentSharing ? (
        <p className="mt-4 max-w-3xl rounded-md border border-amber-700 bg-amber-50 px-4 py-3">
          <strong>Let op:</strong> de inwoner gaf geen toestemming om gegevens te delen tussen OCMW en VDAB.
        </p>
      ) : null}
    </>
  )
}
