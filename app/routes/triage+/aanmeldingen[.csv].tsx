import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUserWithPermission } from '#app/auth/session.server'
import { parseQueueFilter } from '#domain/triage-forms'
import { closeReasonLabels, destinationLabels, intakeStatusLabels } from '#domain/triage-labels'
import { loadQueueExport } from '#app/features/triage/triage-queue.server'
import { csvDownload } from '#app/utils/csv.server'
import { formatDateTime } from '#app/utils/dates'

const header = [
  'Referentie',
  'Voornaam',
  'Naam',
  'Gemeente',
  'Aangemeld op',
  'Eerste contact uiterlijk',
  'Te laat',
  'Status',
  'Reden afsluiting',
  'Suggestie',
  'Redenen van de suggestie',
  'Kanaal',
  'Samen ingevuld met',
  'Behandeld door',
  'Toegewezen aan',
  'Notities (niet vertrouwelijk)',
]

/**
 * /triage/aanmeldingen.csv: the queue with the page's status filter, for a spreadsheet. Notes marked confidential
 * never go in, not even the organisation's own: a file travels further than the portal (db/queries/intake-notes.ts).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'intake:triage-own-org')
  const filter = parseQueueFilter(new URL(request.url).searchParams)
  const { rows, notes, today } = await loadQueueExport(user, filter)
  const table = {
    header,
    rows: rows.map((row) => [
      row.reference,
      row.firstName ?? '',
      row.lastName ?? '',
      row.municipality,
      formatDateTime(row.createdAt),
      row.firstContactDueOn,
      row.overdue ? 'ja' : 'nee',
      intakeStatusLabels[row.status],
      row.closeReason ? closeReasonLabels[row.closeReason] : '',
      destinationLabels[row.suggestedDestination],
      row.suggestionReasons.map((reason) => reason.rule).join(' | '),
      row.channel ?? '',
      row.assistedBy ? [row.assistedBy, row.assistedByOrganisation].filter(Boolean).join(', ') : '',
      row.handlingOrganisation ?? '',
      row.claimedBy ?? '',
      notes
        .filter((note) => note.intakeId === row.id)
        .map((note) => `${formatDateTime(note.createdAt)} ${note.organisation}: ${note.body}`)
        .join(' | '),
    ]),
  }
  return csvDownload(table, `triage-${filter}-${today}.csv`)
}
