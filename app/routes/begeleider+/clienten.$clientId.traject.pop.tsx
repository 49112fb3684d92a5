import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { PopForm } from '#app/features/trajectories/pop-form'
import { profilePrefill, profilesForOccupations } from '#app/features/function-profiles/function-profiles.server'
import { PopProfileChoice } from '#app/features/function-profiles/profile-views'
import { loadTrajectoryPage, savePopVersion } from '#app/features/trajectories/trajectory.server'
import { requireClient } from '#app/features/clients/client-editor.server'
import { parseWithZod } from '#app/utils/parse-form'
import { withToast } from '#app/utils/toast.server'
import { popSchema } from '#domain/trajectory-form'

const noOpenTrajectory = () => new Response('Deze cliënt heeft geen lopend traject.', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const { client, trajectory } = await loadTrajectoryPage(user, params.clientId)
  if (!trajectory || (trajectory.status !== 'active' && trajectory.status !== 'suspended')) throw noOpenTrajectory()
  const [latest] = trajectory.pops
  const defaults = latest ? { jobTargets: latest.jobTargets, competences: latest.competences, actions: latest.actions, agreements: latest.agreements } : null
  // Starting from a function profile (?profiel=…) replaces only the competences; the rest stays the latest version's.
  const [prefill, profiles] = await Promise.all([
    profilePrefill(user, new URL(request.url).searchParams.get('profiel')),
    profilesForOccupations(user, client.jobTargets.map((t) => t.uri)),
  ])
  const fromProfile = prefill ? { jobTargets: client.jobTargets.map((t) => t.uri), actions: '', agreements: '', ...defaults, competences: prefill.competences } : null
  return json({ client, defaults: fromProfile ?? defaults, nextVersion: (latest?.version ?? 0) + 1, profiles, profileId: prefill?.id ?? null })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'edit')
  const submission = parseWithZod(await request.formData(), { schema: popSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await savePopVersion(user, client, submission.value)
  switch (outcome.kind) {
    case 'added':
      throw redirect(`/begeleider/clienten/${client.id}/traject`, await withToast({ kind: 'success', message: `POP versie ${outcome.version} is bewaard.` }))
    case 'not-found':
      throw noOpenTrajectory()
    case 'unknown-occupation':
      return json(submission.reply({ fieldErrors: { jobTargets: ['Kies jobdoelwitten uit het dossier van de cliënt.'] } }), { status: 400 })
    case 'note-required':
      return json(submission.reply({ fieldErrors: { changeNote: ['Schrijf wat er verandert en waarom: zo blijft de geschiedenis van het plan leesbaar.'] } }), { status: 400 })
  }
}

export default function PopPage() {
  const { client, defaults, nextVersion, profiles, profileId } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to={`/begeleider/clienten/${client.id}/traject`}>← Terug naar het traject</Link>
      </p>
      <h1 className="mt-2">POP van {client.displayName}</h1>
      <p className="mt-2 max-w-3xl">Elke versie blijft bewaard: wat je nu bewaart, wordt versie {nextVersion}.</p>
      <PopProfileChoice profiles={profiles} chosenId={profileId} />
      <PopForm key={profileId ?? 'plan'} jobTargets={client.jobTargets} defaults={defaults} nextVersion={nextVersion} lastResult={lastResult} />
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `POP van ${data?.client.displayName ?? 'cliënt'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
