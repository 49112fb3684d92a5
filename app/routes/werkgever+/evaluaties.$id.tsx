import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { answerWorkFloor, employerWorkFloorForm } from '#app/features/trajectories/evaluation.server'
import { WorkFloorAnswerForm } from '#app/features/trajectories/work-floor-answer-form'
import { parseWithZod } from '#app/utils/parse-form'
import { withToast } from '#app/utils/toast.server'
import { formatDate } from '#domain/compensation-labels'
import { workFloorAnswerSchema } from '#domain/evaluation-form'
import { evaluationScaleLabels } from '#domain/trajectory-values'

const notFound = () => new Response('Deze evaluatie bestaat niet of hoort niet bij uw organisatie.', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'placement:manage-own')
  const form = await employerWorkFloorForm(user, params.id)
  if (!form) throw notFound()
  return json({ form })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'placement:manage-own')
  const submission = parseWithZod(await request.formData(), { schema: workFloorAnswerSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await answerWorkFloor(user, params.id, submission.value)
  switch (outcome.kind) {
    case 'answered':
      throw redirect('/werkgever/evaluaties', await withToast({ kind: 'success', message: 'Bedankt: de trajectbegeleider ziet uw evaluatie.' }))
    case 'not-found':
      throw notFound()
    case 'already-answered':
      return json(submission.reply({ formErrors: ['Deze evaluatie werd al ingevuld.'] }), { status: 409 })
    case 'goals-changed':
      return json(submission.reply({ formErrors: ['De doelen zijn veranderd sinds u de pagina opende: herlaad de pagina.'] }), { status: 409 })
  }
}

export default function WorkFloorFormPage() {
  const { form } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const period = form.phaseEndOn ? `van ${formatDate(form.phaseStartOn)} tot ${formatDate(form.phaseEndOn)}` : `sinds ${formatDate(form.phaseStartOn)}`
  return (
    <>
      <p>
        <Link to="/werkgever/evaluaties">← Alle evaluaties</Link>
      </p>
      <h1 className="mt-2">Evaluatie op de werkvloer: {form.sharedFirstName ?? 'de persoon op uw plaats'}</h1>
      <p className="mt-2 max-w-3xl">
        Werkervaringsplaats "{form.placementTitle}", {period}. Gevraagd door de trajectbegeleider van {form.guidedBy}
        {form.answeredAt ? '.' : `, graag tegen ${formatDate(form.dueOn)}.`}
      </p>
      {form.answers ? (
        <section aria-labelledby="answers-title" className="mt-6 max-w-3xl">
          <h2 id="answers-title">Uw evaluatie van {formatDate((form.answeredAt ?? '').slice(0, 10))}</h2>
          <ul className="mt-2 list-disc pl-6">
            {form.answers.map((a) => (
              <li key={a.goal}>
                {a.goal}: {evaluationScaleLabels[a.score]}
                {a.comment ? ` — ${a.comment}` : ''}
              </li>
            ))}
          </ul>
          {form.comment ? <p className="mt-2 whitespace-pre-line">{form.comment}</p> : null}
        </section>
      ) : (
        <WorkFloorAnswerForm goals={form.goals} lastResult={lastResult} />
      )}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Evaluatie op de werkvloer – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
