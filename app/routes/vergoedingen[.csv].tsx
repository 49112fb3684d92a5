import type { LoaderFunctionArgs } from '@remix-run/node'
import { publicComparison } from '~/compensation/compensation.server'
import { parseComparisonFilter } from '~/compensation/comparison-filter'
import { csvResponse } from '~/compensation/csv'
import { comparisonCsv } from '~/compensation/exports'

/** /vergoedingen.csv: the public comparison for a spreadsheet, with the same filters as the page. Public. */
export async function loader({ request }: LoaderFunctionArgs) {
  const filter = parseComparisonFilter(new URL(request.url).searchParams)
  const { comparison } = await publicComparison(filter)
  return csvResponse(comparisonCsv(comparison), `vergoedingen-${filter.instrument}-${filter.employerType}-${comparison.on}.csv`)
}
