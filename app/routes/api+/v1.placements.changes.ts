import type { LoaderFunctionArgs } from '@remix-run/node'
import { placementChangesPage } from '#app/features/placement-changes/feed.server'
import { methodNotAllowed, serveApiRead } from '#app/utils/api.server'

/**
 * GET /api/v1/placements/changes (docs/openapi.yaml): every create, update, unpublish and delete of a public
 * placement after the cursor, for partner systems that keep their own copy. Public data only, so nothing is audited.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return serveApiRead(request, context, { endpoint: 'placements.changes', permission: 'api:use' }, () =>
    placementChangesPage(new URL(request.url).searchParams),
  )
}

// Public on purpose: another method gets a JSON 405, not Remix's error for a route without an action.
export const action = () => methodNotAllowed('GET')
