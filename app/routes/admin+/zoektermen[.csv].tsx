import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUserWithAnyPermission } from '#app/auth/session.server'
import { csvDownload } from '#app/utils/csv.server'
import { db } from '#app/utils/db.server'
import { listSearchTermMisses } from '#db/queries/search-term-misses'
import { todayIso } from '#domain/compensation-rules'

/** /admin/zoektermen.csv: the terms of /admin/zoektermen, most frequent first. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithAnyPermission(request, ['search-terms:propose', 'search-terms:review'])
  const terms = await listSearchTermMisses(db(), 5000)
  const header = ['Zoekterm', 'Zonder resultaat', 'Meteen verbeterd', 'Totaal', 'Laatste dag']
  const rows = terms.map((t) => [t.term, String(t.noResults), String(t.refined), String(t.total), t.lastDay])
  return csvDownload({ header, rows }, `zoektermen-${todayIso()}.csv`)
}
