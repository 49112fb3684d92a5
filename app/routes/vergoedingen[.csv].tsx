import type { LoaderFunctionArgs } from '@remix-run/node'
import { publicComparison } from '#app/features/compensation/compensation.server'
import { parseComparisonFilter } from '#app/features/compensation/comparison-filter'
import { comparisonCsv } from '#app/features/compensation/exports'
import { csvDownload } from '#app/utils/csv.server'

/** /vergoedingen.csv: the public comparison for a spreadsheet, with the same filters as the page. Public. */
export async function loader({ request }: LoaderFunctionArgs) {
  const filter = parseComparisonFilter(new URL(request.url).searchParams)
  const { comparison } = await publicComparison(filter)
  return csvDownload(comparisonCsv(comparison), `vergoedingen-${filter.instrument}-${filter.employerType}-${comparison.on}.csv`)
}
