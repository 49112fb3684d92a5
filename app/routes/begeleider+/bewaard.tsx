import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { currentHitsOf } from '#app/features/saved-searches/saved-searches.server'
import { SavedSearchTable } from '#app/features/saved-searches/saved-search-list'
import { describeSearch } from '#app/features/placement-search/search-summary'
import { parseSearch } from '#app/features/placement-search/search-params'
import { db } from '#app/utils/db.server'
import { withToast } from '#app/utils/toast.server'
import { listRegions } from '#db/queries/reference'
import { deleteOwnSavedSearch, getOwnSavedSearch, listOwnSavedSearches, setOwnAlert } from '#db/queries/saved-searches'

/** The signed-in user's own saved searches: open one, turn its e-mail alert on or off, delete it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'placement:read-published')
  const [searches, regions] = await Promise.all([listOwnSavedSearches(db(), user.id), listRegions(db())])
  const regionNames = Object.fromEntries(regions.map((r) => [r.code, r.name]))
  return json({
    searches: searches.map((search) => {
      const { input } = parseSearch(new URLSearchParams(search.query))
      return {
        ...search,
        summary: input ? describeSearch(input, regionNames).join(' · ') : 'Deze zoekopdracht bevat een fout: open ze en pas ze aan.',
      }
    }),
  })
}

const ActionSchema = z.object({ intent: z.enum(['alert-on', 'alert-off', 'delete']), savedSearchId: z.string().uuid() })
const notFound = () => new Response('Deze zoekopdracht bestaat niet (meer).', { status: 404 })

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'placement:read-published')
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) throw new Response('Dit formulier kennen we niet.', { status: 400 })
  const { intent, savedSearchId: id } = parsed.data
  const done = async (message: string) => redirect('/begeleider/bewaard', await withToast({ kind: 'success', message }))

  if (intent === 'delete') {
    const deleted = await deleteOwnSavedSearch(db(), user.id, id)
    if (!deleted) throw notFound()
    throw await done(`De zoekopdracht "${deleted.name}" is verwijderd.`)
  }
  if (intent === 'alert-off') {
    const changed = await setOwnAlert(db(), user.id, id, false)
    if (!changed) throw notFound()
    throw await done(`Je krijgt geen e-mails meer voor "${changed.name}".`)
  }
  const search = await getOwnSavedSearch(db(), user.id, id)
  if (!search) throw notFound()
  // What it finds now counts as seen, as when it was saved: the mails are about placements that come after.
  const current = await currentHitsOf(search.query)
  if (!current.ok) return json({ savedSearchId: id, error: current.message }, { status: 409 })
  const changed = await db().transaction((tx) => setOwnAlert(tx, user.id, id, true, current.hits))
  if (!changed) throw notFound()
  throw await done(`We mailen je als er een nieuwe plaats bij komt voor "${changed.name}".`)
}

export default function SavedSearchesPage() {
  const { searches } = useLoaderData<typeof loader>()
  const problem = useActionData<typeof action>()
  return (
    <>
      <h1>Bewaarde zoekopdrachten</h1>
      <p className="mt-2 max-w-3xl">
        Alleen jij ziet je bewaarde zoekopdrachten. Staat de e-mail aan, dan krijg je een bericht zodra er een nieuwe plaats gepubliceerd wordt die
        past.
      </p>
      {searches.length === 0 ? (
        <p className="mt-6">
          Je hebt nog geen zoekopdrachten bewaard. <Link to="/begeleider/zoeken">Zoek plaatsen</Link> en kies "Zoekopdracht bewaren".
        </p>
      ) : (
        <SavedSearchTable searches={searches} problem={problem} />
      )}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Bewaarde zoekopdrachten – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
