import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { requireClient } from '#app/features/clients/client-editor.server'
import { ResumeForm, SuspendForm } from '#app/features/trajectories/suspension-form'
import { changeClientSuspension, loadTrajectoryPage } from '#app/features/trajectories/trajectory.server'
import { parseWithZod } from '#app/utils/parse-form'
import { withToast } from '#app/utils/toast.server'
import { formatDate } from '#domain/compensation-labels'
import { suspensionSchema } from '#domain/suspension-form'
import { type SuspensionReason, suspensionReasonLabels } from '#domain/trajectory-values'

const noOpenTrajectory = () => new Response('Deze cliënt heeft geen lopend traject.', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const { client, today, trajectory } = await loadTrajectoryPage(user, params.clientId)
  if (!trajectory || (trajectory.status !== 'active' && trajectory.status !== 'suspended')) throw noOpenTrajectory()
  const running = trajectory.status === 'suspended' ? trajectory.suspensions.at(-1) : undefined
  return json({ client: { id: client.id, displayName: client.displayName }, today, running: running ? { fromOn: running.fromOn, reason: running.reason as SuspensionReason } : null })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'edit')
  const submission = parseWithZod(await request.formData(), { schema: suspensionSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await changeClientSuspension(user, client.id, submission.value)
  const back = `/begeleider/clienten/${client.id}/traject`
  switch (outcome.kind) {
    case 'suspended':
      throw redirect(back, await withToast({ kind: 'success', message: 'Het traject is geschorst.' }))
    case 'resumed':
      throw redirect(back, await withToast({ kind: 'success', message: 'De begeleiding is hervat.' }))
    case 'not-found':
      throw noOpenTrajectory()
    case 'not-active':
      return json(submission.reply({ formErrors: ['Het traject is al geschorst.'] }), { status: 409 })
    case 'not-suspended':
      return json(submission.reply({ formErrors: ['Het traject is niet geschorst.'] }), { status: 409 })
    case 'before':
      return json(submission.reply({ fieldErrors: { [outcome.field]: [`Kies ${formatDate(outcome.earliestOn)} of later.`] } }), { status: 400 })
  }
}

export default function SuspensionPage() {
  const { client, today, running } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to={`/begeleider/clienten/${client.id}/traject`}>← Terug naar het traject</Link>
      </p>
      <h1 className="mt-2">{running ? 'Begeleiding hervatten' : 'Traject schorsen'}</h1>
      {running ? (
        <>
          <p className="mt-2 max-w-3xl">
            Geschorst sinds {formatDate(running.fromOn)}: {suspensionReasonLabels[running.reason] ?? running.reason}.
          </p>
          <ResumeForm today={today} lastResult={lastResult} />
        </>
      ) : (
        <>
          <p className="mt-2 max-w-3xl">
            Bij TWE-art60 telt een schorsing niet mee voor de 24 maanden gefinancierde begeleiding; bij TWE-werkzoekende telt ze mee binnen de 24
            maanden.
          </p>
          <SuspendForm today={today} lastResult={lastResult} />
        </>
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Traject van ${data?.client.displayName ?? 'cliënt'} schorsen – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
