import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { loadSharedTrajectories } from '#app/features/trajectories/sharing.server'
import { formatDate } from '#domain/compensation-labels'
import { shareBasisLabels, trajectoryKindLabels, trajectoryStatusLabels } from '#domain/trajectory-values'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  return json({ trajectories: await loadSharedTrajectories(user) })
}

export default function SharedTrajectoriesPage() {
  const { trajectories } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Gedeelde trajecten</h1>
      <p className="mt-2 max-w-3xl">Trajecten van een andere organisatie die na een warme overdracht of met toestemming van de cliënt met je team gedeeld zijn. Je kunt ze lezen en downloaden, niet wijzigen.</p>
      {trajectories.length === 0 ? (
        <p className="mt-4">Er is geen traject met je organisatie gedeeld.</p>
      ) : (
        <ul className="mt-4 max-w-3xl space-y-3">
          {trajectories.map((t) => (
            <li key={t.id} className="card">
              <Link to={t.id}>{t.client}</Link>: {trajectoryKindLabels[t.kind]}, {trajectoryStatusLabels[t.status].toLowerCase()}, gestart {formatDate(t.startOn)} bij {t.owner} ({shareBasisLabels[t.basis].toLowerCase()})
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Gedeelde trajecten – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
