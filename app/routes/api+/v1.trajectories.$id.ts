import type { LoaderFunctionArgs } from '@remix-run/node'
import { findTrajectoryExport } from '#app/features/trajectories/sharing.server'
import { methodNotAllowed, serveApiRead } from '#app/utils/api.server'
import { ApiError } from '#app/utils/api-errors.server'

/**
 * GET /api/v1/trajectories/{id} (docs/openapi.yaml): the trajectory as docs/schemas/trajectory-export.schema.json,
 * for a token of the owning organisation or of a team with an active share. Anyone else gets the 404 of an unknown
 * id, so the API never confirms that an id exists. Audited as an export read.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return serveApiRead(request, context, { endpoint: 'trajectories.read', permission: 'api:use' }, async (user) => {
    const found = await findTrajectoryExport(user, params.id, 'api')
    if (!found) throw new ApiError(404, 'Dit traject bestaat niet of je organisatie mag het niet lezen.')
    return found.data
  })
}

// Public on purpose: another method gets a JSON 405, not Remix's error for a route without an action.
export const action = () => methodNotAllowed('GET')
