import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ClientEditor, type ClientEditorData } from '#app/features/clients/client-editor'
import { clientEditorAction, describeOccupations, homeChoicesFor, requireClient } from '#app/features/clients/client-editor.server'
import { ErrorPage } from '#app/components/error-page'
import { clientFormDefaults } from '#domain/client-form'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'edit')
  const [occupations, homeChoices] = await Promise.all([
    describeOccupations(client.jobTargets.map((t) => t.uri)),
    homeChoicesFor(client.postcode, client.homeMunicipalityNis),
  ])
  return json({ client: { id: client.id, displayName: client.displayName }, defaults: clientFormDefaults(client), occupations, homeChoices })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  // The id is checked against the user's organisation when saving; a foreign or unknown one answers 404.
  return clientEditorAction(await request.formData(), user, params.clientId ?? '')
}

export default function EditClientPage() {
  const { client, defaults, occupations, homeChoices } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ClientEditorData | undefined
  return (
    <>
      <p>
        <Link to={`/begeleider/clienten/${client.id}`}>← Terug naar {client.displayName}</Link>
      </p>
      <h1 className="mt-2">{client.displayName} bewerken</h1>
      <ClientEditor
        key={client.id}
        defaultValue={defaults}
        occupations={occupations}
        homeChoices={homeChoices}
        actionData={actionData}
        submitLabel="Wijzigingen opslaan"
      />
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.client.displayName ?? 'Cliënt'} bewerken – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
