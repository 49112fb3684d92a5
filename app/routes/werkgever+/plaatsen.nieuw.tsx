import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { type EditorActionData, PlacementEditor } from '#app/features/placements/placement-editor'
import { editorAction, loadEditorContext } from '#app/features/placements/placement-editor.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'placement:manage-own')
  const { sites, today, verified } = await loadEditorContext(user)
  return json({ sites, today, verified })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'placement:manage-own')
  return editorAction(await request.formData(), user)
}

export default function NewPlacementPage() {
  const { sites, today, verified } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as EditorActionData | undefined
  return (
    <>
      <p>
        <Link to="/werkgever/plaatsen">← Alle plaatsen</Link>
      </p>
      <h1 className="mt-2">Nieuwe werkervaringsplaats</h1>
      <p className="mt-2 mb-4 max-w-3xl">
        Beschrijf de plaats in gewone woorden. U kan ze eerst als ontwerp bewaren; gepubliceerde plaatsen zien trajectbegeleiders en
        bemiddelaars, die er hun cliënten aan voorstellen.
      </p>
      {sites.length === 0 ? (
        <p className="mt-4">
          Uw organisatie heeft nog geen vestiging. <Link to="/werkgever/organisatie">Voeg eerst een vestiging toe</Link>: daar zal de
          persoon werken.
        </p>
      ) : (
        <PlacementEditor sites={sites} today={today} verified={verified} occupation={null} status={null} actionData={actionData} />
      )}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Nieuwe werkervaringsplaats – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
