import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { loadIncomingTransfers } from '#app/features/trajectories/transfer.server'
import { formatDate } from '#domain/compensation-labels'
import { trajectoryKindLabels } from '#domain/trajectory-values'
import { transferStatusLabels } from '#domain/trajectory-transfer'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const transfers = await loadIncomingTransfers(user)
  return json({ transfers: transfers.map(({ id, client, from, municipality, kind, status, requestedAt }) => ({ id, client, from, municipality, kind, status, requestedAt: requestedAt.toISOString() })) })
}

export default function IncomingTransfersPage() {
  const { transfers } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Overdrachten na verhuis</h1>
      <p className="mt-2 max-w-3xl">Trajecten die een ander OCMW of VDAB-team aan je organisatie voorstelt omdat de cliënt verhuisde naar een gemeente die jullie bedienen.</p>
      {transfers.length === 0 ? (
        <p className="mt-4">Er is geen overdracht voor je organisatie.</p>
      ) : (
        <ul className="mt-4 max-w-3xl space-y-3">
          {transfers.map((t) => (
            <li key={t.id} className="card">
              <Link to={t.id}>{t.client}</Link>: {trajectoryKindLabels[t.kind]}, van {t.from} naar {t.municipality}, voorgesteld op {formatDate(t.requestedAt.slice(0, 10))}.{' '}
              <strong>{transferStatusLabels[t.status]}</strong>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Overdrachten na verhuis – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
