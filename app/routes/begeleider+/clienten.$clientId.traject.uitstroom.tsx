import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { requireClient } from '#app/features/clients/client-editor.server'
import { recordClientOutflow } from '#app/features/trajectories/follow-up.server'
import { OutflowForm } from '#app/features/trajectories/follow-up-forms'
import { loadTrajectoryPage } from '#app/features/trajectories/trajectory.server'
import { parseWithZod } from '#app/utils/parse-form'
import { withToast } from '#app/utils/toast.server'
import { formatDate } from '#domain/compensation-labels'
import { brusselsDate } from '#domain/intake-working-days'
import { outflowSchema } from '#domain/trajectory-follow-up'
import { endOutcomeLabels } from '#domain/trajectory-values'

const noClosedTrajectory = () => new Response('Deze cliënt heeft geen afgesloten traject.', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const { client, trajectory } = await loadTrajectoryPage(user, params.clientId)
  const outflow = trajectory?.followUp.outflow
  if (!outflow) throw noClosedTrajectory()
  return json({ client: { id: client.id, displayName: client.displayName }, outflow })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'edit')
  const submission = parseWithZod(await request.formData(), { schema: outflowSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await recordClientOutflow(user, client.id, submission.value, brusselsDate())
  switch (outcome.kind) {
    case 'recorded':
      throw redirect(`/begeleider/clienten/${client.id}/traject`, await withToast({ kind: 'success', message: 'De uitstroom is opgeslagen.' }))
    case 'not-found':
      throw noClosedTrajectory()
    case 'too-early':
      return json(submission.reply({ formErrors: [`De uitstroom vul je in vanaf ${formatDate(outcome.dueOn)}: 3 maanden na het einde van het traject.`] }), { status: 409 })
    case 'already-recorded':
      return json(submission.reply({ formErrors: ['De uitstroom is al ingevuld en kan niet meer veranderen.'] }), { status: 409 })
  }
}

export default function OutflowPage() {
  const { client, outflow } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to={`/begeleider/clienten/${client.id}/traject`}>← Terug naar het traject</Link>
      </p>
      <h1 className="mt-2">Uitstroom na 3 maanden</h1>
      {outflow.state === 'recorded' && outflow.status && outflow.recordedOn ? (
        <p className="mt-2 max-w-3xl">
          Al ingevuld op {formatDate(outflow.recordedOn)}: {endOutcomeLabels[outflow.status]}. Dat verandert niet meer.
        </p>
      ) : outflow.state === 'not-yet' ? (
        <p className="mt-2 max-w-3xl">De uitstroom vul je in vanaf {formatDate(outflow.dueOn)}: 3 maanden na het einde van het traject.</p>
      ) : (
        <>
          <p className="mt-2 max-w-3xl">Drie maanden na het einde vraagt Stapsteen waar de persoon nu staat. Je vult dat één keer in.</p>
          <OutflowForm lastResult={lastResult} />
        </>
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Uitstroom van ${data?.client.displayName ?? 'cliënt'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
