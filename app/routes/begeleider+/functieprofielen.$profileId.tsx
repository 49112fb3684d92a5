import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { changeProfile, requireProfile } from '#app/features/function-profiles/function-profiles.server'
import { FunctionProfileForm } from '#app/features/function-profiles/profile-form'
import { ProfileDetails } from '#app/features/function-profiles/profile-views'
import { parseWithZod } from '#app/utils/parse-form'
import { withToast } from '#app/utils/toast.server'
import { functionProfileSchema, publishSchema } from '#domain/function-profile-form'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  return json({ profile: await requireProfile(user, params.profileId) })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const profile = await requireProfile(user, params.profileId)
  const formData = await request.formData()
  const here = `/begeleider/functieprofielen/${profile.id}`
  if (formData.get('intent') !== 'save') {
    const submission = parseWithZod(formData, { schema: publishSchema })
    if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
    const publish = submission.value.intent === 'publish'
    await changeProfile(user, profile.id, { publish })
    throw redirect(here, await withToast({ kind: 'success', message: publish ? 'Het profiel is gedeeld met alle OCMW’s en VDAB.' : 'Het profiel is niet meer gedeeld.' }))
  }
  const submission = parseWithZod(formData, { schema: functionProfileSchema })
  // A phase added or removed (Conform's list buttons without JavaScript): the form again, nothing saved.
  if (submission.status === undefined) return json(submission.reply())
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  await changeProfile(user, profile.id, { title: submission.value.title, phases: submission.value.phases })
  throw redirect(here, await withToast({ kind: 'success', message: 'Het profiel is bewaard.' }))
}

export default function FunctionProfilePage() {
  const { profile } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to="/begeleider/functieprofielen">← Alle functieprofielen</Link>
      </p>
      <h1 className="mt-2">{profile.title}</h1>
      <ProfileDetails profile={profile} />
      {profile.own ? (
        <>
          <Form method="post" className="mt-6">
            <input type="hidden" name="intent" value={profile.publishedAt ? 'unpublish' : 'publish'} />
            <button type="submit" className="btn-secondary">
              {profile.publishedAt ? 'Niet meer delen' : 'Delen met alle OCMW’s en VDAB'}
            </button>
          </Form>
          <section aria-labelledby="edit-title" className="mt-8">
            <h2 id="edit-title">Profiel aanpassen</h2>
            <FunctionProfileForm
              occupations={[{ uri: profile.occupationUri, label: profile.occupation }]}
              defaults={{
                occupationUri: profile.occupationUri,
                title: profile.title,
                phases: profile.phases.map((p) => ({ title: p.title, competences: p.competences.join('\n'), tasks: p.tasks.join('\n') })),
              }}
              submitLabel="Profiel bewaren"
              lastResult={lastResult}
            />
          </section>
        </>
      ) : null}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.profile.title ?? 'Functieprofiel'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
