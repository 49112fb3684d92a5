import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { profileDraft, saveProfileFromTrajectory } from '#app/features/function-profiles/function-profiles.server'
import { FunctionProfileForm } from '#app/features/function-profiles/profile-form'
import { parseWithZod } from '#app/utils/parse-form'
import { withToast } from '#app/utils/toast.server'
import { functionProfileSchema } from '#domain/function-profile-form'

const noPop = () => new Response('Deze cliënt heeft geen traject met een POP.', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const { client, draft } = await profileDraft(user, params.clientId)
  if (!draft) throw noPop()
  return json({ client: { id: client.id, displayName: client.displayName }, occupations: draft.occupations, phases: draft.phases })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const submission = parseWithZod(await request.formData(), { schema: functionProfileSchema })
  // A phase added or removed (Conform's list buttons without JavaScript): the form again, nothing saved.
  if (submission.status === undefined) return json(submission.reply())
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await saveProfileFromTrajectory(user, params.clientId, submission.value)
  switch (outcome.kind) {
    case 'saved':
      throw redirect(`/begeleider/functieprofielen/${outcome.id}`, await withToast({ kind: 'success', message: 'Het functieprofiel is bewaard. Deel het als het ook andere OCMW’s kan helpen.' }))
    case 'no-pop':
      throw noPop()
    case 'unknown-occupation':
      return json(submission.reply({ fieldErrors: { occupationUri: ['Kies een jobdoelwit uit het POP.'] } }), { status: 400 })
  }
}

export default function SaveFunctionProfilePage() {
  const { client, occupations, phases } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to={`/begeleider/clienten/${client.id}/traject`}>← Terug naar het traject</Link>
      </p>
      <h1 className="mt-2">Faseplan bewaren als functieprofiel</h1>
      <p className="mt-2 max-w-3xl">
        De fasen en competenties komen uit het traject en het POP; de taken schrijf je zelf. Het profiel hoort bij je organisatie; je kunt het
        daarna delen met alle OCMW’s en VDAB.
      </p>
      <FunctionProfileForm occupations={occupations} defaults={{ phases }} submitLabel="Functieprofiel bewaren" lastResult={lastResult} />
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Faseplan van ${data?.client.displayName ?? 'cliënt'} als functieprofiel – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
