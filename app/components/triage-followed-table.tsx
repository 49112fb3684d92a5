import { Link } from '@remix-run/react'
import { closeReasonLabels, type CloseReason, type IntakeStatus, intakeStatusLabels } from '~/domain/triage-labels'
import { formatDateTime } from '~/utils/dates'

type Followed = { id: string; reference: string; status: IntakeStatus; closeReason: CloseReason | null; handlingOrganisation: string | null; updatedAt: string }

const cell = 'py-2 pr-4'

/** Hand-overs the organisation made and now follows by status only: reference, status, who handles it. */
export function TriageFollowedTable({ rows, organisation }: { rows: Followed[]; organisation: string }) {
  if (rows.length === 0) return null
  return (
    <section aria-labelledby="followed-title" className="mt-10">
      <h2 id="followed-title">Door {organisation} doorverwezen</h2>
      <p className="mt-1 max-w-3xl">De andere organisatie behandelt deze aanmeldingen. Je volgt alleen de status.</p>
      <div className="mt-2 overflow-x-auto" role="region" aria-labelledby="followed-caption" tabIndex={0}>
        <table className="w-full text-left">
          <caption id="followed-caption" className="sr-only">
            Doorverwezen aanmeldingen, laatst gewijzigd eerst
          </caption>
          <thead>
            <tr className="border-b border-slate-400">
              {['Referentie', 'Status', 'Behandeld door', 'Laatst gewijzigd'].map((heading) => (
                <th key={heading} scope="col" className={cell}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-200">
                <th scope="row" className={`${cell} font-normal`}>
                  <Link to={`/triage/${row.id}`}>{row.reference}</Link>
                </th>
                <td className={cell}>
                  {intakeStatusLabels[row.status]}
                  {row.closeReason ? ` – ${closeReasonLabels[row.closeReason]}` : ''}
                </td>
                <td className={cell}>{row.handlingOrganisation ?? 'Nog niemand'}</td>
                <td className={cell}>{formatDateTime(row.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
