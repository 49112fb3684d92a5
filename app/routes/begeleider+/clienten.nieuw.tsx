import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ClientEditor, type ClientEditorData } from '#app/features/clients/client-editor'
import { clientEditorAction } from '#app/features/clients/client-editor.server'
import { ErrorPage } from '#app/components/error-page'
import { newClientDefaults } from '#domain/client-form'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'client:manage-own-org')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  return clientEditorAction(await request.formData(), user, null)
}

export default function NewClientPage() {
  const actionData = useActionData<typeof action>() as ClientEditorData | undefined
  return (
    <>
      <p>
        <Link to="/begeleider/clienten">← Alle cliënten</Link>
      </p>
      <h1 className="mt-2">Nieuwe cliënt</h1>
      <ClientEditor defaultValue={newClientDefaults} occupations={{}} homeChoices={[]} actionData={actionData} submitLabel="Cliënt opslaan" />
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Nieuwe cliënt – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
