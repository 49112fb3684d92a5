import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { TrajectoryStartForm } from '#app/features/trajectories/start-form'
import { TrajectoryOverview } from '#app/features/trajectories/trajectory-overview'
import { loadTrajectoryPage, startTrajectory } from '#app/features/trajectories/trajectory.server'
import { requireClient } from '#app/features/clients/client-editor.server'
import { parseWithZod } from '#app/utils/parse-form'
import { withToast } from '#app/utils/toast.server'
import { trajectoryStartSchema } from '#domain/trajectory-form'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  return json(await loadTrajectoryPage(user, params.clientId))
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'edit')
  const submission = parseWithZod(await request.formData(), { schema: trajectoryStartSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await startTrajectory(user, client.id, submission.value)
  switch (outcome.kind) {
    case 'started':
      throw redirect(`/begeleider/clienten/${client.id}/traject`, await withToast({ kind: 'success', message: 'Het traject is gestart. Schrijf nu het POP.' }))
    case 'client-not-found':
      throw new Response('Deze cliënt bestaat niet, is afgesloten of hoort niet bij je organisatie.', { status: 404 })
    case 'already-open':
      return json(submission.reply({ formErrors: ['Deze cliënt heeft al een lopend traject. Stop of beëindig dat eerst.'] }), { status: 409 })
    case 'proposal-not-accepted':
      return json(submission.reply({ fieldErrors: { workplace: ['Dit voorstel is niet (meer) aanvaard. Kies een andere werkplek.'] } }), { status: 400 })
  }
}

export default function TrajectoryPage() {
  const { client, today, trajectory, proposals } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const back = `/begeleider/clienten/${client.id}`
  const open = trajectory && (trajectory.status === 'active' || trajectory.status === 'suspended')
  return (
    <>
      <p>
        <Link to={back}>← Terug naar {client.displayName}</Link>
      </p>
      <h1 className="mt-2">Traject van {client.displayName}</h1>
      {trajectory ? <TrajectoryOverview trajectory={trajectory} base={`${back}/traject`} /> : null}
      {open ? null : client.closed ? (
        <p className="mt-4">Het dossier is afgesloten: heropen het om een traject te starten.</p>
      ) : (
        <section aria-labelledby="start-title" className="mt-8">
          <h2 id="start-title">{trajectory ? 'Een nieuw traject starten' : 'Traject starten'}</h2>
          <TrajectoryStartForm proposals={proposals} today={today} lastResult={lastResult} />
        </section>
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Traject van ${data?.client.displayName ?? 'cliënt'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
