import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { requireClient } from '#app/features/clients/client-editor.server'
import { colleaguesFor, handOverTrajectory } from '#app/features/trajectories/follow-up.server'
import { BegeleiderChangeForm } from '#app/features/trajectories/follow-up-forms'
import { loadTrajectoryPage } from '#app/features/trajectories/trajectory.server'
import { parseWithZod } from '#app/utils/parse-form'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { withToast } from '#app/utils/toast.server'
import { begeleiderChangeSchema } from '#domain/trajectory-follow-up'

const noOpenTrajectory = () => new Response('Deze cliënt heeft geen lopend traject.', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const { client, trajectory } = await loadTrajectoryPage(user, params.clientId)
  if (!trajectory || (trajectory.status !== 'active' && trajectory.status !== 'suspended')) throw noOpenTrajectory()
  const colleagues = await colleaguesFor(user, trajectory.begeleiderUserId)
  return json({ client: { id: client.id, displayName: client.displayName }, begeleider: trajectory.begeleider, colleagues })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'edit')
  const submission = parseWithZod(await request.formData(), { schema: begeleiderChangeSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await handOverTrajectory(user, client.id, submission.value, publicBaseUrl())
  switch (outcome.kind) {
    case 'changed':
      throw redirect(`/begeleider/clienten/${client.id}/traject`, await withToast({ kind: 'success', message: `Het traject is overgedragen aan ${outcome.to.name}.` }))
    case 'not-found':
      throw noOpenTrajectory()
    case 'not-a-colleague':
      return json(submission.reply({ fieldErrors: { toUserId: ['Kies een collega van je organisatie die cliënten begeleidt (niet de huidige begeleider).'] } }), { status: 400 })
  }
}

export default function BegeleiderChangePage() {
  const { client, begeleider, colleagues } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to={`/begeleider/clienten/${client.id}/traject`}>← Terug naar het traject</Link>
      </p>
      <h1 className="mt-2">Traject overdragen aan een collega</h1>
      <p className="mt-2 max-w-3xl">
        Nu begeleidt {begeleider ?? 'niemand (account afgesloten)'} dit traject. Je collega krijgt een e-mail met een link, zonder de naam van de cliënt
        en zonder de nota.
      </p>
      {colleagues.length === 0 ? (
        <p className="mt-4 max-w-3xl">Er is geen collega die het traject kan overnemen: alleen actieve trajectbegeleiders van je organisatie kunnen dat.</p>
      ) : (
        <BegeleiderChangeForm colleagues={colleagues} lastResult={lastResult} />
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Traject van ${data?.client.displayName ?? 'cliënt'} overdragen – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
