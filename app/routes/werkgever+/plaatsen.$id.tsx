import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { compensationForPlacement } from '#app/features/compensation/placement-compensation.server'
import { ErrorPage } from '#app/components/error-page'
import { type EditorActionData, PlacementEditor } from '#app/features/placements/placement-editor'
import { describeOccupation, editorAction, loadEditorContext, requireOwnPlacement, statusAction } from '#app/features/placements/placement-editor.server'
import { PlacementCompensation } from '#app/features/placements/placement-compensation'
import { PlacementHistory } from '#app/features/placements/placement-history'
import { PlacementStatusActions } from '#app/features/placements/placement-status-actions'
import { placementFormDefaults } from '#domain/placement-form'
import { db } from '#app/utils/db.server'
import { placementHistory } from '#db/queries/placements'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'placement:manage-own')
  const placement = await requireOwnPlacement(user, params.id)
  const { sites, today, verified, employerType } = await loadEditorContext(user)
  const [occupation, history, compensation] = await Promise.all([
    describeOccupation(placement.occupationUri),
    placementHistory(db(), user.organisation.id, placement.id),
    employerType
      ? compensationForPlacement(db(), { municipalityNis: placement.municipalityNis, instruments: placement.instruments, employerType, hoursPerWeek: placement.hoursPerWeek })
      : null,
  ])
  const { id, title, status } = placement
  return json({ placement: { id, title, status }, defaults: placementFormDefaults(placement), sites, today, verified, occupation, history, compensation })
}

/** Status buttons send intent "status:<to>"; everything else is the editor. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'placement:manage-own')
  const placement = await requireOwnPlacement(user, params.id)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  if (intent.startsWith('status:')) return statusAction(user, placement.id, intent.slice('status:'.length))
  return editorAction(formData, user, placement.id)
}

export default function PlacementPage() {
  const { placement, defaults, sites, today, verified, occupation, history, compensation } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const editorData = actionData && 'result' in actionData ? (actionData as EditorActionData) : undefined
  const statusError = actionData && 'statusError' in actionData ? actionData.statusError : undefined
  return (
    <>
      <p>
        <Link to="/werkgever/plaatsen">← Alle plaatsen</Link>
      </p>
      <h1 className="mt-2">{placement.title}</h1>
      {placement.status === 'published' ? (
        <p className="mt-2">
          <Link to={`/plaatsen/${placement.id}`}>Bekijk de openbare pagina</Link>
        </p>
      ) : null}
      <PlacementStatusActions status={placement.status} verified={verified} error={statusError} />
      <section aria-labelledby="cost-title" className="mt-8 max-w-4xl">
        <h2 id="cost-title">Wat deze plaats u kost</h2>
        <p className="mt-1 mb-3 text-slate-700">Volgens de regeling van de regio waar de plaats is, voor elke maatregel die u aanvaardt.</p>
        {compensation ? <PlacementCompensation data={compensation} /> : <p>Uw organisatie heeft nog geen type werkgever; vraag het na bij Stapsteen.</p>}
      </section>
      {placement.status === 'closed' ? (
        <p className="mt-8">Deze plaats is afgesloten en kan niet meer gewijzigd worden.</p>
      ) : (
        <PlacementEditor
          key={placement.id}
          defaultValue={defaults}
          sites={sites}
          today={today}
          verified={verified}
          occupation={occupation}
          status={placement.status}
          actionData={editorData}
        />
      )}
      <PlacementHistory events={history} />
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.placement.title ?? 'Plaats'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
