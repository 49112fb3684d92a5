import type { IntakePageData } from './triage-page.server'
import { intakeStatusLabels, referralStatusLabels } from '#domain/triage-labels'
import { formatDateTime } from '#app/utils/dates'
import { ScrollTable } from '#app/components/scroll-table'

type Props = Pick<IntakePageData, 'history' | 'referrals'>

const cell = 'py-2 pr-4'

/** The status history and the hand-overs, oldest first: who did what, when. */
export function TriageHistory({ history, referrals }: Props) {
  return (
    <section aria-labelledby="history-title" className="mt-8">
      <h2 id="history-title">Geschiedenis</h2>
      {history.length === 0 ? (
        <p className="mt-2">Nog geen wijzigingen: de aanmelding is nieuw.</p>
      ) : (
        <ScrollTable id="history-caption" caption="Statuswijzigingen, oudste eerst" headings={['Wanneer', 'Status', 'Door', 'Toelichting']}>
          {history.map((event) => (
            <tr key={event.id} className="border-b border-slate-200 align-top">
              <td className={cell}>{formatDateTime(event.at)}</td>
              <td className={cell}>
                {event.fromStatus && event.fromStatus !== event.toStatus ? `${intakeStatusLabels[event.fromStatus]} → ` : ''}
                {intakeStatusLabels[event.toStatus]}
              </td>
              <td className={cell}>{[event.actor, event.organisation].filter(Boolean).join(', ') || 'De inwoner'}</td>
              <td className={cell}>{event.note ?? ''}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      {referrals.length > 0 ? (
        <>
          <h3 className="mt-6 text-lg font-semibold">Doorverwijzingen</h3>
          <ul className="mt-2 space-y-3">
            {referrals.map((referral) => (
              <li key={referral.id} className="max-w-3xl">
                <strong>
                  {referral.from} → {referral.to}: {referralStatusLabels[referral.status]}
                </strong>
                <br />
                Doorverwezen op {formatDateTime(referral.createdAt)}
                {referral.referredBy ? ` door ${referral.referredBy}` : ''}.
                {referral.decidedAt ? ` Beslist op ${formatDateTime(referral.decidedAt)}${referral.decidedBy ? ` door ${referral.decidedBy}` : ''}.` : ''}
                {referral.message ? <span className="block whitespace-pre-line">Bericht: {referral.message}</span> : null}
                {referral.declineReason ? <span className="block whitespace-pre-line">Reden van weigering: {referral.declineReason}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
