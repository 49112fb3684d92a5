import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { requireClient } from '#app/features/clients/client-editor.server'
import { ConsentForm, ShareList } from '#app/features/trajectories/share-forms'
import { changeShare, loadSharingPage } from '#app/features/trajectories/sharing.server'
import { parseWithZod } from '#app/utils/parse-form'
import { withToast } from '#app/utils/toast.server'
import { shareSchema } from '#domain/trajectory-sharing-forms'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  return json(await loadSharingPage(user, params.clientId))
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'edit')
  const submission = parseWithZod(await request.formData(), { schema: shareSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await changeShare(user, client.id, submission.value)
  const back = `/begeleider/clienten/${client.id}/traject/delen`
  switch (outcome.kind) {
    case 'shared':
      throw redirect(back, await withToast({ kind: 'success', message: 'De toestemming is geregistreerd: het VDAB-team kan het traject nu lezen.' }))
    case 'revoked':
      throw redirect(back, await withToast({ kind: 'success', message: 'Het VDAB-team kan het traject niet meer lezen.' }))
    case 'not-found':
      throw new Response('Dit traject of deze deling bestaat niet (meer).', { status: 404 })
    case 'not-a-team':
      return json(submission.reply({ fieldErrors: { organisationId: ['Kies een VDAB-team dat de gemeente van de cliënt bedient.'] } }), { status: 400 })
    case 'already-shared':
      return json(submission.reply({ formErrors: ['Het traject is al gedeeld met dit VDAB-team.'] }), { status: 409 })
  }
}

export default function SharingPage() {
  const { client, today, shares, teams } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to={`/begeleider/clienten/${client.id}/traject`}>← Terug naar het traject</Link>
      </p>
      <h1 className="mt-2">Traject van {client.displayName} delen met VDAB</h1>
      <p className="mt-2 max-w-3xl">
        Een VDAB-team leest het traject alleen na een warme overdracht of als de cliënt toestemming gaf. Het ziet het traject, maar kan niets
        wijzigen en ziet nooit je vertrouwelijke notities. Bewaar het toestemmingsformulier in het dossier.
      </p>
      <h2 className="mt-6">Gedeeld met</h2>
      <ShareList shares={shares} />
      <section aria-labelledby="consent-title" className="mt-8">
        <h2 id="consent-title">Toestemming registreren</h2>
        {teams.length === 0 ? (
          <p className="mt-2">Geen actief VDAB-team bedient de gemeente van de cliënt.</p>
        ) : (
          <ConsentForm teams={teams} today={today} lastResult={lastResult} />
        )}
      </section>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Traject van ${data?.client.displayName ?? 'cliënt'} delen – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
