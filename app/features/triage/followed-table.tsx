import { Link } from '@remix-run/react'
import { closeReasonLabels, type CloseReason, type IntakeStatus, intakeStatusLabels } from '#domain/triage-labels'
import { formatDateTime } from '#app/utils/dates'
import { ScrollTable } from '#app/components/scroll-table'

type Followed = { id: string; reference: string; status: IntakeStatus; closeReason: CloseReason | null; handlingOrganisation: string | null; updatedAt: string }

const cell = 'py-2 pr-4'

/** Hand-overs the organisation made and now follows by status only: reference, status, who handles it. */
export function TriageFollowedTable({ rows, organisation }: { rows: Followed[]; organisation: string }) {
  if (rows.length === 0) return null
  return (
    <section aria-labelledby="followed-title" className="mt-10">
      <h2 id="followed-title">Door {organisation} doorverwezen</h2>
      <p className="mt-1 max-w-3xl">De andere organisatie behandelt deze aanmeldingen. Je volgt alleen de status.</p>
      <ScrollTable
        id="followed-caption"
        caption="Doorverwezen aanmeldingen, laatst gewijzigd eerst"
        headings={['Referentie', 'Status', 'Behandeld door', 'Laatst gewijzigd']}
      >
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
      </ScrollTable>
    </section>
  )
}
