import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requireUserWithAnyPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { DashboardFilters } from '#app/features/regional-dashboard/dashboard-filters'
import { DashboardInputError, loadDashboard } from '#app/features/regional-dashboard/dashboard.server'
import { StatTableView } from '#app/features/regional-dashboard/stat-table-view'

/** /admin/cijfers/:sectie — the regional dashboard (issue 14): regional admins their regions, platform admins all. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithAnyPermission(request, ['statistics:read-all', 'statistics:read-region'])
  try {
    return json({ error: null, ...(await loadDashboard(user, params.sectie, new URL(request.url).searchParams)) })
  } catch (error) {
    if (!(error instanceof DashboardInputError)) throw error
    return json({ error: error.message }, { status: 400 })
  }
}

export default function DashboardPage() {
  const data = useLoaderData<typeof loader>()
  if (data.error !== null || !('section' in data)) {
    return (
      <>
        <h1>Cijfers</h1>
        <p role="alert" className="mt-4 font-semibold text-red-800">
          {data.error}
        </p>
        <p className="mt-2">
          <a href="/admin/cijfers">Terug naar de cijfers van dit kwartaal</a>
        </p>
      </>
    )
  }
  const { section, sections, region, regions, period, periods, running, tables } = data
  const query = `regio=${region.code}&periode=${period.key}`
  return (
    <>
      <h1>Cijfers: {section.title.toLowerCase()}</h1>
      <p className="mt-2 max-w-3xl">
        {section.intro} {region.name}, {period.label}
        {running ? ' (tot vandaag: de cijfers kunnen nog wijzigen)' : ''}, naast de vorige periode en heel Vlaanderen.
      </p>
      <DashboardFilters section={section.slug} sections={sections} region={region} regions={regions} period={period} periods={periods} />
      {tables.map((table) => (
        <StatTableView key={table.id} table={table} csvHref={`/admin/cijfers/${section.slug}.csv?tabel=${table.id}&${query}`} />
      ))}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Cijfers – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
