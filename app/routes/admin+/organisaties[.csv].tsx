import type { LoaderFunctionArgs } from '@remix-run/node'
import { todayIso } from '#domain/compensation-rules'
import { areaSummary, ORGANISATION_CSV_MAX_ROWS, parseOrganisationFilters } from '#app/features/organisations/organisation-list'
import { organisationTypeLabels } from '#domain/organisation-labels'
import { csvDownload } from '#app/utils/csv.server'
import { db } from '#app/utils/db.server'
import { requireOrganisationAdmin } from '#app/features/organisations/organisation-admin.server'
import { listManagedOrganisations } from '#db/queries/organisation-admin'

/** /admin/organisaties.csv: the organisations of /admin/organisaties with the same filters and scope, by name. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { admin, regions } = await requireOrganisationAdmin(request)
  const { filters } = parseOrganisationFilters(
    new URL(request.url).searchParams,
    regions.map((r) => r.code),
  )
  const { rows } = await listManagedOrganisations(db(), admin, filters, { limit: ORGANISATION_CSV_MAX_ROWS, offset: 0 })
  const header = ['Naam', 'Slug', 'Soort', 'Werkgebied', 'Aantal gemeenten', 'Medewerkers', 'Contactadres', 'Status', 'Demo']
  const lines = rows.map((o) => [
    o.name,
    o.slug,
    organisationTypeLabels[o.type],
    areaSummary(o.area, Number.POSITIVE_INFINITY),
    String(o.area.count),
    String(o.staff),
    o.contactEmail ? 'ja' : 'nee',
    o.deactivatedAt ? 'gedeactiveerd' : 'actief',
    o.demo ? 'ja' : 'nee',
  ])
  return csvDownload({ header, rows: lines }, `organisaties-${todayIso()}.csv`)
}
