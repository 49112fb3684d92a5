import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUserWithPermission } from '#app/auth/session.server'
import { employerCostOverview } from '#app/features/compensation/compensation.server'
import { employerCostCsv } from '#app/features/compensation/exports'
import { HOURS_PARAM, parseHours } from '#app/features/compensation/hours'
import { csvDownload } from '#app/utils/csv.server'

/** /werkgever/kosten.csv: the cost table of /werkgever/kosten, for a spreadsheet. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'compensation:read-own')
  const { hours } = parseHours(new URL(request.url).searchParams.get(HOURS_PARAM))
  const { columns, on } = await employerCostOverview(user, hours)
  return csvDownload(employerCostCsv(columns, hours), `kosten-per-vestiging-${on}.csv`)
}
