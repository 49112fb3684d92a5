import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUserWithPermission } from '#app/auth/session.server'
import { parseStatusFilter } from '#app/features/placements/placement-status-filter'
import { formatHours } from '#domain/placement-form'
import { todayIso } from '#domain/compensation-rules'
import { statusLabels } from '#domain/placement-values'
import { csvDownload } from '#app/utils/csv.server'
import { db } from '#app/utils/db.server'
import { listOwnPlacements } from '#db/queries/placements'

/** /werkgever/plaatsen.csv: the employer's own placements (with the list's status filter), for a spreadsheet. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'placement:manage-own')
  const status = parseStatusFilter(new URL(request.url).searchParams)
  const placements = await listOwnPlacements(db(), user.organisation.id, { status })
  const header = ['Titel', 'Jobdoelwit', 'Vestiging', 'Gemeente', 'Status', 'Plaatsen', 'Uren per week', 'Gepubliceerd op', 'Gewijzigd op']
  const rows = placements.map((p) => [
    p.title,
    p.occupation,
    p.site ?? '',
    p.municipality,
    statusLabels[p.status].label,
    p.places,
    formatHours(p.hoursPerWeek),
    p.publishedAt ? todayIso(p.publishedAt) : '',
    todayIso(p.updatedAt),
  ])
  return csvDownload({ header, rows }, `plaatsen-${todayIso()}.csv`)
}
