import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { SharedTrajectory } from '#app/features/trajectories/shared-trajectory'
import { requireTrajectoryExport } from '#app/features/trajectories/sharing.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const { data } = await requireTrajectoryExport(user, params.trajectoryId, 'page')
  return json({ data })
}

export default function SharedTrajectoryPage() {
  const { data } = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        <Link to="/begeleider/gedeelde-trajecten">← Gedeelde trajecten</Link>
      </p>
      <h1 className="mt-2">Gedeeld traject</h1>
      <p className="mt-2 max-w-3xl">Alleen lezen. Vertrouwelijke notities van {data.organisation.name} zijn er niet bij.</p>
      <p className="mt-2">
        <a href={`/begeleider/gedeelde-trajecten/${data.id}/traject.json`} download>
          Download als JSON (voor het cliëntdossier)
        </a>
      </p>
      <SharedTrajectory data={data} />
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Gedeeld traject – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
