import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireAuditReader } from '#app/features/audit/audit-access.server'
import { AUDIT_CSV_MAX_ROWS, parseAuditFilters } from '#app/features/audit/audit-filters'
import { auditRow } from '#app/features/audit/audit-summary'
import { todayIso } from '#domain/compensation-rules'
import { csvDownload } from '#app/utils/csv.server'
import { db } from '#app/utils/db.server'
import { audit, listAuditEntries } from '#db/queries/audit'

/** /admin/audit.csv: the entries of /admin/audit with the same filters and scope, the newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAuditReader(request)
  const parsed = parseAuditFilters(new URL(request.url).searchParams)
  if (!parsed.ok) throw new Response('De filters in dit adres kloppen niet. Kies ze opnieuw op de pagina Auditlog.', { status: 400 })
  // Taking the log out of the portal is itself logged, with the filters that were used.
  const { entries } = await db().transaction(async (tx) => {
    const result = await listAuditEntries(tx, user, parsed.filters, { limit: AUDIT_CSV_MAX_ROWS, offset: 0 })
    const filters = Object.fromEntries(Object.entries(parsed.filters).filter(([, value]) => value !== undefined))
    await audit(tx, {
      actorUserId: user.id,
      organisationId: user.organisation.id,
      action: 'audit.export',
      subjectType: 'audit-log',
      details: { filters, rows: result.entries.length },
    })
    return result
  })
  const header = ['Wanneer', 'Tijdstip (UTC)', 'Wie', 'Organisatie', 'Handeling', 'Code handeling', 'Onderwerp', 'Id onderwerp', 'Details', 'Details (JSON)']
  const rows = entries.map((entry) => {
    const row = auditRow(entry)
    return [row.when, row.at, row.who, row.whoOrganisation, row.actionLabel, row.action, row.subjectLabel, row.subjectId, row.summary, entry.details ? JSON.stringify(entry.details) : '']
  })
  return csvDownload({ header, rows }, `auditlog-${todayIso()}.csv`)
}
