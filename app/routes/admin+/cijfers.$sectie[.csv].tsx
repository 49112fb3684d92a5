import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUserWithAnyPermission } from '#app/auth/session.server'
import { DashboardInputError, loadDashboard } from '#app/features/regional-dashboard/dashboard.server'
import { statTableCsv } from '#app/features/regional-dashboard/stat-table-csv'
import { csvDownload } from '#app/utils/csv.server'

/** /admin/cijfers/:sectie.csv?tabel=…: one dashboard table as a spreadsheet, same scope and period as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithAnyPermission(request, ['statistics:read-all', 'statistics:read-region'])
  const search = new URL(request.url).searchParams
  const plain = (message: string) => new Response(message, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  try {
    const { tables, region, period } = await loadDashboard(user, params.sectie, search)
    const table = tables.find((candidate) => candidate.id === search.get('tabel'))
    if (!table) throw plain(`tabel: kies een van ${tables.map((candidate) => candidate.id).join(', ')}.`)
    return csvDownload(statTableCsv(table), `stapsteen-${table.id}-${region.code}-${period.key}.csv`)
  } catch (error) {
    if (error instanceof DashboardInputError) throw plain(error.message)
    throw error
  }
}
