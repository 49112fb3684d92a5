import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { hasPermission } from '#domain/permissions'
import { requireAuditReader } from '#app/features/audit/audit-access.server'
import { AuditEntryTable } from '#app/features/audit/audit-entry-table'
import { AUDIT_CSV_MAX_ROWS, AuditFilterForm, filterQuery, parseAuditFilters } from '#app/features/audit/audit-filters'
import { auditRow } from '#app/features/audit/audit-summary'
import { ErrorPage } from '#app/components/error-page'
import { Pagination } from '#app/components/pagination'
import { db } from '#app/utils/db.server'
import { AUDIT_PAGE_SIZE, listAuditEntries } from '#db/queries/audit'
import { listRegions } from '#db/queries/reference'

/** /admin/audit: who read or changed what, for platform admins everything, for regional admins their regions. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAuditReader(request)
  const everything = hasPermission(user, 'audit:read-all')
  const regions = everything ? [] : (await listRegions(db())).filter((region) => user.regionCodes.includes(region.code)).map((region) => region.name)
  const parsed = parseAuditFilters(new URL(request.url).searchParams)
  const common = { everything, regions, values: parsed.values, query: filterQuery(parsed.values) }
  if (!parsed.ok) return json({ ...common, errors: parsed.errors, rows: [], total: 0, page: 1, pageCount: 0 }, { status: 400 })
  const offset = (parsed.page - 1) * AUDIT_PAGE_SIZE
  const { entries, total } = await listAuditEntries(db(), user, parsed.filters, { limit: AUDIT_PAGE_SIZE, offset })
  const pageCount = Math.ceil(total / AUDIT_PAGE_SIZE)
  return json({ ...common, errors: {}, rows: entries.map(auditRow), total, page: parsed.page, pageCount })
}

const count = new Intl.NumberFormat('nl-BE')

export default function AuditPage() {
  const { everything, regions, values, query, errors, rows, total, page, pageCount } = useLoaderData<typeof loader>()
  const valid = Object.keys(errors).length === 0
  const pageLink = (n: number) => `?${[query, n > 1 ? `pagina=${n}` : ''].filter(Boolean).join('&')}`
  return (
    <>
      <h1>Auditlog</h1>
      <p className="mt-2 max-w-3xl">
        Wie wat las of wijzigde, en wanneer. Elke keer dat iemand persoonsgegevens van een inwoner of cliënt bekijkt of aanpast, komt hier een
        regel bij. Regels worden nooit gewijzigd of gewist.
      </p>
      <p className="mt-2 max-w-3xl">
        {everything
          ? 'Je ziet het auditlog van het hele platform.'
          : `Je ziet wat er gebeurde in organisaties die werken in jouw regio's (${regions.join(', ') || 'geen'}). Logins, geplande taken en andere regels zonder organisatie ziet alleen een platformbeheerder.`}
      </p>
      <AuditFilterForm values={values} errors={errors} />
      <section className="mt-8" aria-labelledby="audit-results-title">
        <h2 id="audit-results-title">
          {valid ? `${count.format(total)} ${total === 1 ? 'regel' : 'regels'}${pageCount > 1 ? `, pagina ${page} van ${pageCount}` : ''}` : 'Geen resultaten'}
        </h2>
        {!valid ? (
          <p className="mt-2">Verbeter de filters hierboven: er staat een fout in.</p>
        ) : total === 0 ? (
          <p className="mt-2">Er zijn geen regels die bij deze filters passen.</p>
        ) : (
          <>
            <p className="mt-2">
              <Link to={`/admin/audit.csv${query ? `?${query}` : ''}`} reloadDocument>
                Download deze regels als CSV
              </Link>
              {total > AUDIT_CSV_MAX_ROWS ? ` (de nieuwste ${count.format(AUDIT_CSV_MAX_ROWS)}; kies een kortere periode voor oudere regels)` : ''}
            </p>
            <AuditEntryTable rows={rows} caption="Regels van het auditlog, nieuwste eerst" />
            <Pagination page={page} pageCount={pageCount} href={pageLink} />
          </>
        )}
      </section>
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Auditlog – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
