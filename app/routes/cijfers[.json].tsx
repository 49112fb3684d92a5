import type { LoaderFunctionArgs } from '@remix-run/node'
import { openDataJson } from '#app/features/open-statistics/open-downloads'
import { quarterFigures, requestedQuarter } from '#app/features/open-statistics/quarter-figures.server'
import { jsonDownload } from '#app/utils/json-download.server'

/** /cijfers.json?kwartaal=2026-Q3: every table of one published quarter (docs/schemas/open-data.schema.json). */
export async function loader({ request }: LoaderFunctionArgs) {
  const quarter = requestedQuarter(request)
  return jsonDownload(openDataJson(quarter, await quarterFigures(quarter)), `stapsteen-open-cijfers-${quarter.quarter}.json`)
}
