import type { ActionFunctionArgs } from '@remix-run/node'
import { methodNotAllowed, serveApi } from '#app/utils/api.server'
import { matchEngineFields, readMatchRequest } from '#app/utils/api-input.server'

/**
 * POST /api/v1/match (docs/openapi.yaml): published placements ranked for one client's job targets
 * (docs/schemas/match-request.schema.json). The client's constraints are filters, so no result breaks them.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  return serveApi(request, context, { endpoint: 'match', permission: 'api:use', engineFields: matchEngineFields }, async (engine) =>
    engine.match(await readMatchRequest(request)),
  )
}

// Public on purpose: a GET gets a JSON 405, not Remix's error for a route without a loader.
export const loader = () => methodNotAllowed('POST')
