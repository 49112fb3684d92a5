import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { getUser } from '#app/auth/session.server'
import { findOccupationOptions } from '#app/features/placements/placement-editor.server'

/**
 * GET /api/beroepen?q=…: the occupation type-ahead of the placement editor, for any signed-in user (caseworkers
 * will pick jobdoelwitten with it too). At most 10 matches: uri, label, the alternative label that matched, and
 * a few alternative labels. Without a session: 401 JSON, not the login page, which a fetch cannot show.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  if (!user) return json({ error: 'Log in om beroepen te zoeken.' }, { status: 401 })
  const q = new URL(request.url).searchParams.get('q') ?? ''
  return json({ results: await findOccupationOptions(q) })
}
