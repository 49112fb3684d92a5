import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { requireClient } from '#app/features/clients/client-editor.server'
import { CloseForm } from '#app/features/trajectories/close-form'
import { closeClientTrajectory, loadTrajectoryPage } from '#app/features/trajectories/trajectory.server'
import { parseWithZod } from '#app/utils/parse-form'
import { withToast } from '#app/utils/toast.server'
import { endBeforeStartMessage, finalReportSchema } from '#domain/final-report-form'

const noOpenTrajectory = () => new Response('Deze cliënt heeft geen lopend traject.', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const { client, today, trajectory } = await loadTrajectoryPage(user, params.clientId)
  if (!trajectory || (trajectory.status !== 'active' && trajectory.status !== 'suspended')) throw noOpenTrajectory()
  // The goals of the final report are the competences of the latest POP.
  return json({ client: { id: client.id, displayName: client.displayName }, today, goals: trajectory.pops[0]?.competences ?? [] })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'edit')
  const submission = parseWithZod(await request.formData(), { schema: finalReportSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await closeClientTrajectory(user, client.id, submission.value)
  switch (outcome.kind) {
    case 'closed':
      throw redirect(
        `/begeleider/clienten/${client.id}/traject`,
        await withToast({ kind: 'success', message: outcome.status === 'stopped' ? 'Het traject is stopgezet. Het eindverslag staat onderaan.' : 'Het traject is beëindigd. Het eindverslag staat onderaan.' }),
      )
    case 'not-found':
      throw noOpenTrajectory()
    case 'before-start':
      return json(submission.reply({ fieldErrors: { endedOn: [endBeforeStartMessage(outcome.startOn)] } }), { status: 400 })
  }
}

export default function CloseTrajectoryPage() {
  const { client, today, goals } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to={`/begeleider/clienten/${client.id}/traject`}>← Terug naar het traject</Link>
      </p>
      <h1 className="mt-2">Traject van {client.displayName} afsluiten</h1>
      <p className="mt-2 max-w-3xl">Het eindverslag kan daarna niet meer veranderen. Het overzicht toont dan wanneer je de uitstroom opvolgt: drie maanden na het einde.</p>
      <CloseForm goals={goals} today={today} lastResult={lastResult} />
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Traject van ${data?.client.displayName ?? 'cliënt'} afsluiten – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
