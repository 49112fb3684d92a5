import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { requireClient } from '#app/features/clients/client-editor.server'
import { ExtendPhaseForm, NewPhaseForm } from '#app/features/trajectories/phase-forms'
import { changeClientPhase, loadTrajectoryPage } from '#app/features/trajectories/trajectory.server'
import { parseWithZod } from '#app/utils/parse-form'
import { withToast } from '#app/utils/toast.server'
import { formatDate } from '#domain/compensation-labels'
import { phaseSchemaFor } from '#domain/phase-form'

const noOpenTrajectory = () => new Response('Deze cliënt heeft geen lopend traject.', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const { client, today, trajectory, proposals } = await loadTrajectoryPage(user, params.clientId)
  if (!trajectory || (trajectory.status !== 'active' && trajectory.status !== 'suspended')) throw noOpenTrajectory()
  const running = trajectory.phases.find((p) => !p.endedOn)
  return json({ client: { id: client.id, displayName: client.displayName }, today, proposals, running: running ?? null, competences: trajectory.pops[0]?.competences ?? [] })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'edit')
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: phaseSchemaFor(formData.get('intent')) })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await changeClientPhase(user, client.id, submission.value)
  const back = `/begeleider/clienten/${client.id}/traject`
  switch (outcome.kind) {
    case 'added':
      throw redirect(back, await withToast({ kind: 'success', message: `Fase ${outcome.position} is gestart.` }))
    case 'extended':
      throw redirect(back, await withToast({ kind: 'success', message: `De fase is verlengd; het POP heeft nu versie ${outcome.popVersion}.` }))
    case 'not-found':
      throw noOpenTrajectory()
    case 'unknown-goal':
      return json(submission.reply({ formErrors: [`Het doel "${outcome.goal}" staat niet (meer) in het POP: herlaad de pagina.`] }), { status: 409 })
    case 'proposal-not-accepted':
      return json(submission.reply({ fieldErrors: { workplace: ['Dit voorstel is niet (meer) aanvaard. Kies een andere werkplek.'] } }), { status: 400 })
    case 'no-running-phase':
      return json(submission.reply({ formErrors: ['Er loopt geen fase om te verlengen. Start een nieuwe fase.'] }), { status: 409 })
    case 'no-pop':
      return json(submission.reply({ formErrors: ['Schrijf eerst het POP: de motivering van een verlenging komt erin.'] }), { status: 409 })
    case 'too-early':
      {
      const when = formatDate(outcome.earliestOn)
      const message = outcome.field === 'startOn' ? `Kies ${when} of later: de vorige fase of het traject begon toen.` : `Kies een datum na ${when}.`
      return json(submission.reply({ fieldErrors: { [outcome.field]: [message] } }), { status: 400 })
    }
  }
}

export default function WorkplacePage() {
  const { client, today, proposals, running, competences } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const intent = lastResult?.initialValue?.intent
  return (
    <>
      <p>
        <Link to={`/begeleider/clienten/${client.id}/traject`}>← Terug naar het traject</Link>
      </p>
      <h1 className="mt-2">Werkplek van {client.displayName}</h1>
      {running ? (
        <section aria-labelledby="extend-title" className="mt-6">
          <h2 id="extend-title">Fase {running.position} verlengen</h2>
          <p className="mt-2 max-w-3xl">
            Loopt sinds {formatDate(running.startOn)}
            {running.plannedEndOn ? `, gepland tot ${formatDate(running.plannedEndOn)}` : ''}.
          </p>
          <ExtendPhaseForm lastResult={intent === 'extend' ? lastResult : undefined} />
        </section>
      ) : null}
      <section aria-labelledby="add-title" className="mt-8">
        <h2 id="add-title">Naar een nieuwe werkplek</h2>
        <NewPhaseForm proposals={proposals} competences={competences} today={today} lastResult={intent === 'add' ? lastResult : undefined} />
      </section>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Werkplek van ${data?.client.displayName ?? 'cliënt'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
