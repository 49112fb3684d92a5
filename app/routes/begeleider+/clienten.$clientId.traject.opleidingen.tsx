import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { requireClient } from '#app/features/clients/client-editor.server'
import { TrainingOutcomeForm, TrainingRequestForm } from '#app/features/trajectories/training-forms'
import { TrainingSummary } from '#app/features/trajectories/training-section'
import { recordClientTrainingOutcome, requestClientTraining } from '#app/features/trajectories/trainings.server'
import { loadTrajectoryPage } from '#app/features/trajectories/trajectory.server'
import { parseWithZod } from '#app/utils/parse-form'
import { withToast } from '#app/utils/toast.server'
import { trainingSchemaFor } from '#domain/training-form'

const notFound = (message: string) => new Response(message, { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const { client, today, trajectory } = await loadTrajectoryPage(user, params.clientId)
  if (!trajectory) throw notFound('Deze cliënt heeft geen traject.')
  const open = trajectory.status === 'active' || trajectory.status === 'suspended'
  return json({ client: { id: client.id, displayName: client.displayName }, today, open, trainings: trajectory.trainings })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'edit')
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: trainingSchemaFor(formData.get('intent')) })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const here = `/begeleider/clienten/${client.id}/traject/opleidingen`
  if (submission.value.intent === 'request') {
    const outcome = await requestClientTraining(user, client.id, submission.value)
    if (outcome.kind === 'not-open') return json(submission.reply({ formErrors: ['Het traject loopt niet meer: je kunt geen opleiding meer aanvragen.'] }), { status: 409 })
    throw redirect(here, await withToast({ kind: 'success', message: 'De aanvraag is opgeslagen.' }))
  }
  const outcome = await recordClientTrainingOutcome(user, client.id, submission.value)
  if (outcome.kind === 'not-found') throw notFound('Deze aanvraag bestaat niet of hoort niet bij het traject van deze cliënt.')
  throw redirect(here, await withToast({ kind: 'success', message: 'De uitkomst is opgeslagen.' }))
}

export default function TrainingsPage() {
  const { client, today, open, trainings } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const posted = lastResult?.initialValue
  return (
    <>
      <p>
        <Link to={`/begeleider/clienten/${client.id}/traject`}>← Terug naar het traject</Link>
      </p>
      <h1 className="mt-2">Opleidingen van {client.displayName}</h1>
      <section aria-labelledby="list-title" className="mt-6 max-w-3xl">
        <h2 id="list-title">Aanvragen</h2>
        {trainings.length === 0 ? <p className="mt-2">Nog geen opleiding aangevraagd.</p> : null}
        <ul className="mt-2 space-y-4">
          {trainings.map((t) => (
            <li key={t.id} className="card">
              <p>
                <TrainingSummary training={t} />
              </p>
              <TrainingOutcomeForm training={t} lastResult={posted?.intent === 'outcome' && posted.trainingId === t.id ? lastResult : undefined} />
            </li>
          ))}
        </ul>
      </section>
      {open ? (
        <section aria-labelledby="request-title" className="mt-8">
          <h2 id="request-title">Een opleiding aanvragen</h2>
          <TrainingRequestForm today={today} lastResult={posted?.intent === 'request' ? lastResult : undefined} />
        </section>
      ) : (
        <p className="mt-6 max-w-3xl">Het traject loopt niet meer: je kunt nog wel de uitkomst van een aanvraag noteren.</p>
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Opleidingen van ${data?.client.displayName ?? 'cliënt'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
