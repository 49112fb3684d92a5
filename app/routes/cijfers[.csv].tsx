import type { LoaderFunctionArgs } from '@remix-run/node'
import { tableRows } from '#app/features/open-statistics/open-downloads'
import { openTables } from '#app/features/open-statistics/open-tables.server'
import { plainText, quarterFigures, requestedQuarter } from '#app/features/open-statistics/quarter-figures.server'
import { csvDownload } from '#app/utils/csv.server'

/**
 * /cijfers.csv?kwartaal=2026-Q3&tabel=ID: one table of one published quarter, suppressed as on the page. Without
 * `tabel` the first table (the intakes per destination, the only one before there were several).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const quarter = requestedQuarter(request)
  const id = new URL(request.url).searchParams.get('tabel') ?? openTables[0]!.id
  if (!openTables.some((spec) => spec.id === id)) throw plainText(`tabel: kies een van ${openTables.map((spec) => spec.id).join(', ')}.`, 400)
  const open = (await quarterFigures(quarter)).find((table) => table.id === id)!
  if (open.status === 'not_published') throw plainText(`Tabel ${id}, ${quarter.quarter}: niet gepubliceerd. ${open.reason}`, 404)
  return csvDownload(tableRows(open), `stapsteen-${id}-${quarter.quarter}.csv`)
}
