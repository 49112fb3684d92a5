import type { LoaderFunctionArgs } from '@remix-run/node'
import { intakeFigures, publishedQuarters } from '#app/features/open-statistics/intake-figures.server'
import { csvDownload } from '#app/utils/csv.server'

/** /cijfers.csv?kwartaal=2026-Q3: one published quarter of the open figures, suppressed as on the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get('kwartaal') ?? ''
  const quarters = publishedQuarters()
  const quarter = quarters.find((q) => q.quarter === asked)
  if (!quarter) {
    const known = quarters.map((q) => q.quarter).join(', ')
    throw new Response(`kwartaal: kies een afgesloten kwartaal dat we publiceren (${known}).`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  return csvDownload(await intakeFigures(quarter), `stapsteen-aanmeldingen-${quarter.quarter}.csv`)
}
