import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { ScrollTable } from '#app/components/scroll-table'
import { formatDateTime } from '#app/utils/dates'
import { db } from '#app/utils/db.server'
import { listClients } from '#db/queries/clients'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  return json({ organisation: user.organisation.name, clients: await listClients(db(), user) })
}

export default function ClientsPage() {
  const { organisation, clients } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Cliënten</h1>
      <p className="mt-2 max-w-3xl">
        De cliënten van {organisation}. Alleen jij en je collega's van {organisation} zien ze. Open een cliënt om passende plaatsen te
        zoeken.
      </p>
      <p className="mt-4">
        <Link to="/begeleider/clienten/nieuw" className="btn-primary">
          Nieuwe cliënt
        </Link>
      </p>
      {clients.length === 0 ? (
        <p className="mt-6">Er zijn nog geen cliënten. Voeg er een toe met "Nieuwe cliënt".</p>
      ) : (
        <ScrollTable
          id="clients-caption"
          className="mt-6"
          caption={`Cliënten van ${organisation}, nieuwste eerst`}
          headings={['Naam', 'Woonplaats', 'Jobdoelwitten', 'Toegevoegd']}
        >
          {clients.map((client) => (
            <tr key={client.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-4 font-semibold">
                <Link to={`/begeleider/clienten/${client.id}`}>{client.displayName}</Link>
                {client.closedAt ? <span className="block text-sm font-normal text-slate-700">Afgesloten</span> : null}
              </th>
              <td className="py-2 pr-4">{client.municipality}</td>
              <td className="py-2 pr-4">{client.jobTargets.map((t) => t.label).join(', ')}</td>
              <td className="py-2">{formatDateTime(client.createdAt)}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Cliënten – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
