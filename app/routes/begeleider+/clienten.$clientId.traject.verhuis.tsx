import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { requireClient } from '#app/features/clients/client-editor.server'
import { MunicipalityStep, SentTransfers, TransferRequestForm } from '#app/features/trajectories/transfer-forms'
import { loadMovePage, requestMove, withdrawMove } from '#app/features/trajectories/transfer.server'
import { parseWithZod } from '#app/utils/parse-form'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { withToast } from '#app/utils/toast.server'
import { transferSenderSchema } from '#domain/trajectory-transfer'

const noOpenTrajectory = () => new Response('Deze cliënt heeft geen lopend traject.', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  return json(await loadMovePage(user, params.clientId, new URL(request.url).searchParams))
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'edit')
  const submission = parseWithZod(await request.formData(), { schema: transferSenderSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const here = `/begeleider/clienten/${client.id}/traject/verhuis`
  if (submission.value.intent === 'withdraw') {
    const outcome = await withdrawMove(user, client.id)
    if (outcome.kind === 'not-found') return json(submission.reply({ formErrors: ['Er wacht geen overdracht meer op antwoord.'] }), { status: 400 })
    throw redirect(here, await withToast({ kind: 'success', message: 'De overdracht is ingetrokken. Het andere team kan het traject niet meer lezen.' }))
  }
  const outcome = await requestMove(user, client.id, submission.value, publicBaseUrl())
  switch (outcome.kind) {
    case 'requested':
      throw redirect(here, await withToast({ kind: 'success', message: 'De overdracht is voorgesteld. Het andere team krijgt een e-mail.' }))
    case 'not-found':
      throw noOpenTrajectory()
    case 'not-a-target':
      return json(submission.reply({ fieldErrors: { organisationId: ['Kies een actief OCMW of VDAB-team dat de nieuwe gemeente bedient (niet je eigen organisatie).'] } }), { status: 400 })
    case 'already-pending':
      return json(submission.reply({ formErrors: ['Er wacht al een overdracht op antwoord. Trek ze eerst in.'] }), { status: 400 })
  }
}

export default function MovePage() {
  const { client, open, pending, transfers, step } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to={`/begeleider/clienten/${client.id}/traject`}>← Terug naar het traject</Link>
      </p>
      <h1 className="mt-2">Verhuis naar een andere gemeente</h1>
      <p className="mt-2 max-w-3xl">
        Het traject gaat met een warme overdracht naar het OCMW of VDAB-team van de nieuwe gemeente. Dat team leest het traject (zonder vertrouwelijke
        notities) en aanvaardt of weigert. Aanvaardt het, dan loopt het traject daar verder en wordt het hier stopgezet met de reden "verhuis".
      </p>
      {transfers.length > 0 ? (
        <section aria-labelledby="transfers-title" className="mt-6">
          <h2 id="transfers-title">Overdrachten</h2>
          <SentTransfers transfers={transfers} />
        </section>
      ) : null}
      {!open ? <p className="mt-4 max-w-3xl">Het traject loopt niet meer: je kunt het niet meer overdragen.</p> : null}
      {open && pending ? <p className="mt-4 max-w-3xl">Er wacht een overdracht op antwoord. Wil je een ander team kiezen, trek ze dan eerst in.</p> : null}
      {step ? (
        <section aria-labelledby="new-transfer-title" className="mt-6">
          <h2 id="new-transfer-title">Nieuwe overdracht</h2>
          <MunicipalityStep step={step} />
          {step.municipality && step.targets.length === 0 ? (
            <p className="mt-4 max-w-3xl">Geen actief OCMW of VDAB-team (behalve je eigen organisatie) bedient {step.municipality.name} in Stapsteen.</p>
          ) : null}
          {step.municipality && step.targets.length > 0 ? <TransferRequestForm municipality={step.municipality} targets={step.targets} lastResult={lastResult} /> : null}
        </section>
      ) : null}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Verhuis van ${data?.client.displayName ?? 'cliënt'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
