import { Link } from '@remix-run/react'
import type { SerializeFrom } from '@remix-run/node'
import { closeReasonLabels, intakeStatusLabels, labelOf, languageLabels } from '#domain/triage-labels'
import type { loadQueue } from './triage-queue.server'
import { formatDateTime } from '#app/utils/dates'
import { originText, residentName } from './intake-summary'
import { FirstContactCell } from './first-contact-cell'
import { ScrollTable } from '#app/components/scroll-table'
import { TriageSuggestion } from './triage-suggestion'

type Row = SerializeFrom<typeof loadQueue>['rows'][number]

const cell = 'py-3 pr-4'

function statusText(row: Row) {
  if (row.access === 'referral') return 'Doorverwezen naar jullie: wacht op jullie antwoord'
  return `${intakeStatusLabels[row.status]}${row.closeReason ? ` – ${closeReasonLabels[row.closeReason]}` : ''}`
}

/**
 * The queue, late first contacts on top. A late row is marked three ways — the words "Te laat", a warning sign
 * and a tinted background with a thick left border — so colour is never the only signal.
 */
export function TriageQueueTable({ rows, today }: { rows: Row[]; today: string }) {
  if (rows.length === 0) return <p className="mt-6">Er zijn geen aanmeldingen met deze status.</p>
  return (
    <ScrollTable
      id="queue-caption"
      className="mt-4"
      caption="Aanmeldingen, te late eerste contacten eerst"
      headings={['Inwoner', 'Eerste contact', 'Suggestie', 'Status', 'Behandeld door', 'Aangemeld']}
      headingClass={cell}
    >
      {rows.map((row) => (
        <tr key={row.id} className={`border-b border-slate-200 align-top ${row.overdue ? 'border-l-8 border-l-red-700 bg-red-50' : ''}`}>
          <th scope="row" className={`${cell} pl-2 font-normal`}>
            <Link to={`/triage/${row.id}`} className="font-semibold">
              {residentName(row)}
            </Link>
            <span className="block text-sm">{row.reference}</span>
            <span className="block text-sm">
              {row.municipality}
              {row.birthYear ? `, geboren in ${row.birthYear}` : ''}
            </span>
          </th>
          <FirstContactCell intake={row} overdue={row.overdue} today={today} className={cell} />
          <td className={cell}>
            <TriageSuggestion destination={row.suggestedDestination} reasons={row.suggestionReasons} />
          </td>
          <td className={cell}>{statusText(row)}</td>
          <td className={cell}>
            {row.handlingOrganisation ?? 'Nog niemand'}
            {row.claimedBy ? <span className="block text-sm">Toegewezen aan {row.claimedBy}</span> : null}
          </td>
          <td className={cell}>
            {formatDateTime(row.createdAt)}
            <span className="block text-sm">{originText(row)}</span>
            <span className="block text-sm">Formulier in het {labelOf(languageLabels, row.language).toLowerCase()}</span>
          </td>
        </tr>
      ))}
    </ScrollTable>
  )
}
