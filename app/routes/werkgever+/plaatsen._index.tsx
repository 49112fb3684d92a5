import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { PlacementStatusFilter, parseStatusFilter } from '#app/features/placements/placement-status-filter'
import { formatHours } from '#domain/placement-form'
import { statusLabels } from '#domain/placement-values'
import { formatDateTime } from '#app/utils/dates'
import { db } from '#app/utils/db.server'
import { listOwnPlacements } from '#db/queries/placements'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'placement:manage-own')
  const status = parseStatusFilter(new URL(request.url).searchParams)
  return json({ status, placements: await listOwnPlacements(db(), user.organisation.id, { status }) })
}

export default function OwnPlacementsPage() {
  const { status, placements } = useLoaderData<typeof loader>()
  return (
    <>
      {/* A soft hyphen: Dutch breaks the compound there on a phone, with a hyphen, even without hyphenation data. */}
      <h1>{'Werkervarings\u00ADplaatsen'}</h1>
      <p className="mt-2 max-w-3xl">
        De plaatsen van uw organisatie. Gepubliceerde plaatsen zien trajectbegeleiders en bemiddelaars, en iedereen op de{' '}
        <Link to="/plaatsen">openbare lijst</Link>.
      </p>
      <p className="mt-4 flex flex-wrap gap-3">
        <Link to="nieuw" className="btn-primary">
          Nieuwe plaats
        </Link>
        <a href={`/werkgever/plaatsen.csv${status ? `?status=${status}` : ''}`} className="btn-secondary" download>
          Download als CSV
        </a>
      </p>
      <Form method="get" className="mt-6">
        <PlacementStatusFilter value={status} />
      </Form>
      {placements.length === 0 ? (
        <p className="mt-6">{status ? 'Geen plaatsen met deze status.' : 'U heeft nog geen plaatsen. Maak er een aan met "Nieuwe plaats".'}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">Plaatsen van uw organisatie, laatst gewijzigd eerst</caption>
            <thead>
              <tr className="border-b border-slate-400">
                {['Titel', 'Jobdoelwit', 'Vestiging', 'Status', 'Plaatsen', 'Gewijzigd'].map((h) => (
                  <th key={h} scope="col" className="py-2 pr-4">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {placements.map((p) => (
                <tr key={p.id} className="border-b border-slate-200">
                  <td className="py-2 pr-4">
                    <Link to={p.id}>{p.title}</Link>
                  </td>
                  <td className="py-2 pr-4">{p.occupation}</td>
                  <td className="py-2 pr-4">{p.site ?? p.municipality}</td>
                  <td className="py-2 pr-4">{statusLabels[p.status].label}</td>
                  <td className="py-2 pr-4">
                    {p.places} <span className="text-sm text-slate-700">({formatHours(p.hoursPerWeek)} u/week)</span>
                  </td>
                  <td className="py-2">{formatDateTime(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Werkervaringsplaatsen – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
