import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { requireClient } from '#app/features/clients/client-editor.server'
import { EvaluationForm, WorkFloorRequestForm } from '#app/features/trajectories/evaluation-form'
import { askWorkFloorEvaluation, recordClientEvaluation } from '#app/features/trajectories/evaluation.server'
import { loadTrajectoryPage } from '#app/features/trajectories/trajectory.server'
import { parseWithZod } from '#app/utils/parse-form'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { withToast } from '#app/utils/toast.server'
import { plusDays } from '#domain/calendar-dates'
import { formatDate } from '#domain/compensation-labels'
import { evaluationSchema, workFloorRequestSchema } from '#domain/evaluation-form'

const noActiveTrajectory = () => new Response('Deze cliënt heeft geen actief traject: een geschorst of afgesloten traject wordt niet geëvalueerd.', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const { client, today, trajectory } = await loadTrajectoryPage(user, params.clientId)
  if (!trajectory || trajectory.status !== 'active') throw noActiveTrajectory()
  const [pop] = trajectory.pops
  const phases = trajectory.phases.map((p) => ({ id: p.id, label: `Fase ${p.position}: ${p.placementTitle ? `${p.placementTitle} bij ${p.employer}` : p.externalWorkplace}`, atPlacement: p.placementId !== null }))
  const running = trajectory.phases.findLast((p) => !p.endedOn)
  const plan = pop ? { competences: pop.competences, actions: pop.actions, agreements: pop.agreements } : null
  return json({ client: { id: client.id, displayName: client.displayName }, today, plan, phases, runningPhaseId: running?.id ?? null, defaultDueOn: plusDays(today, 14) })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'edit')
  const formData = await request.formData()
  const back = `/begeleider/clienten/${client.id}/traject`
  if (formData.get('intent') === 'work-floor') {
    const submission = parseWithZod(formData, { schema: workFloorRequestSchema })
    if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
    const outcome = await askWorkFloorEvaluation(user, client.id, submission.value, publicBaseUrl())
    switch (outcome.kind) {
      case 'requested':
        throw redirect(back, await withToast({ kind: 'success', message: 'De werkgever kreeg een e-mail met de vraag om de evaluatie op de werkvloer.' }))
      case 'not-found':
        throw noActiveTrajectory()
      case 'unknown-phase':
        return json(submission.reply({ fieldErrors: { phaseId: ['Kies een fase uit de lijst.'] } }), { status: 400 })
      case 'external-workplace':
        return json(submission.reply({ fieldErrors: { phaseId: ['Deze werkplek is niet op Stapsteen: noteer de inbreng van de werkvloer zelf.'] } }), { status: 400 })
      case 'no-goals':
        return json(submission.reply({ formErrors: ['Schrijf eerst het POP: de werkgever beoordeelt de doelen ervan.'] }), { status: 400 })
      case 'already-asked':
        return json(submission.reply({ fieldErrors: { phaseId: ['Voor deze fase wacht al een vraag op de werkgever.'] } }), { status: 409 })
      case 'due-in-past':
        return json(submission.reply({ fieldErrors: { dueOn: [`Kies ${formatDate(outcome.today)} of later.`] } }), { status: 400 })
    }
  }
  const submission = parseWithZod(formData, { schema: evaluationSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await recordClientEvaluation(user, client.id, submission.value)
  switch (outcome.kind) {
    case 'recorded':
      throw redirect(back, await withToast({ kind: 'success', message: `De evaluatie is bewaard, met POP versie ${outcome.popVersion}.` }))
    case 'not-found':
      throw noActiveTrajectory()
    case 'no-pop':
      return json(submission.reply({ formErrors: ['Schrijf eerst het POP: een evaluatie beoordeelt de doelen ervan.'] }), { status: 400 })
    case 'unknown-phase':
      return json(submission.reply({ fieldErrors: { phaseId: ['Kies een fase uit de lijst.'] } }), { status: 400 })
    case 'unknown-goal':
      return json(submission.reply({ formErrors: [`Het doel "${outcome.goal}" staat niet (meer) in het POP: herlaad de pagina.`] }), { status: 409 })
    case 'out-of-range':
      return json(submission.reply({ fieldErrors: { heldOn: [`Kies een datum tussen ${formatDate(outcome.earliestOn)} en ${formatDate(outcome.latestOn)}.`] } }), { status: 400 })
  }
}

export default function EvaluationPage() {
  const { client, today, plan, phases, runningPhaseId, defaultDueOn } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  // Each form shows only its own answer from the server.
  const forWorkFloor = lastResult?.initialValue?.intent === 'work-floor'
  const back = `/begeleider/clienten/${client.id}/traject`
  return (
    <>
      <p>
        <Link to={back}>← Terug naar het traject</Link>
      </p>
      <h1 className="mt-2">Evaluatie van het traject van {client.displayName}</h1>
      <p className="mt-2 max-w-3xl">Evalueer na elke fase en minstens om de zes maanden, en minstens één keer per fase op de werkvloer, met de inbreng van de werkgever.</p>
      <section aria-labelledby="work-floor-title" className="mt-6">
        <h2 id="work-floor-title">De werkgever vragen</h2>
        <WorkFloorRequestForm phases={phases} defaultDueOn={defaultDueOn} lastResult={forWorkFloor ? lastResult : undefined} />
      </section>
      <section aria-labelledby="evaluation-title" className="mt-8">
        <h2 id="evaluation-title">Evaluatie vastleggen</h2>
        {plan ? (
          <EvaluationForm goals={plan.competences} plan={plan} phases={phases} runningPhaseId={runningPhaseId} today={today} lastResult={forWorkFloor ? undefined : lastResult} />
        ) : (
          <p className="mt-2">
            <Link to={`${back}/pop`}>Schrijf eerst het POP</Link>: een evaluatie beoordeelt de doelen ervan.
          </p>
        )}
      </section>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Evaluatie van ${data?.client.displayName ?? 'cliënt'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
