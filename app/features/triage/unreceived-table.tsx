import type { SerializeFrom } from '@remix-run/node'
import { destinationLabels, intakeStatusLabels } from '#domain/triage-labels'
import { formatDateTime } from '#app/utils/dates'
import type { listUnreceivedIntakes } from '#db/queries/intake-unreceived'
import { FirstContactCell } from './first-contact-cell'
import { ScrollTable } from '#app/components/scroll-table'

type Row = SerializeFrom<Awaited<ReturnType<typeof listUnreceivedIntakes>>['rows'][number]>

const cell = 'py-3 pr-4'

/** Where the intake waits, and why nobody sees it there. */
function receiverText(name: string | null, deactivated: boolean) {
  if (!name) return 'geen'
  return deactivated ? `${name} (gedeactiveerd)` : `${name} (geen triagemedewerker)`
}

/**
 * Intakes without a receiver, late first contacts on top, marked in words, with a sign and a border (never by
 * colour alone). References and places only: admins see that a file waits, not who the resident is.
 */
export function UnreceivedTable({ rows, today }: { rows: Row[]; today: string }) {
  return (
    <ScrollTable
      id="unreceived-caption"
      className="mt-4"
      caption="Aanmeldingen zonder ontvanger, te late eerste contacten eerst"
      headings={['Referentie', 'Gemeente', 'Eerste contact', 'Suggestie', 'Wacht bij', 'Aangemeld']}
      headingClass={cell}
    >
      {rows.map((row) => (
        <tr key={row.id} className={`border-b border-slate-200 align-top ${row.overdue ? 'border-l-8 border-l-red-700 bg-red-50' : ''}`}>
          <th scope="row" className={`${cell} pl-2`}>
            {row.reference}
            <span className="block text-sm font-normal">{intakeStatusLabels[row.status]}</span>
          </th>
          <td className={cell}>
            {row.municipality}
            <span className="block text-sm">{row.region}</span>
          </td>
          <FirstContactCell intake={{ ...row, firstContactAt: null }} overdue={row.overdue} today={today} className={cell} />
          <td className={cell}>{destinationLabels[row.suggestedDestination]}</td>
          <td className={cell}>
            <span className="block">OCMW: {receiverText(row.ocmw, row.ocmwDeactivated)}</span>
            <span className="block">VDAB: {receiverText(row.vdab, row.vdabDeactivated)}</span>
          </td>
          <td className={cell}>{formatDateTime(row.createdAt)}</td>
        </tr>
      ))}
    </ScrollTable>
  )
}
