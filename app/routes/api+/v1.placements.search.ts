import type { LoaderFunctionArgs } from '@remix-run/node'
import { methodNotAllowed, serveApi } from '#app/utils/api.server'
import { parseSearchParams } from '#app/utils/api-input.server'
import { recordSearchTerms } from '#app/features/search-terms/record.server'

/**
 * GET /api/v1/placements/search (docs/openapi.yaml): published placements for a bearer token of a caseworker or
 * an admin, ranked best first by the search port, with the filters of the query string.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return serveApi(request, context, { endpoint: 'placements.search', permission: 'api:use' }, async (engine) => {
    const result = await engine.search(parseSearchParams(new URL(request.url).searchParams))
    // A partner system's query that found nothing is counted like the page's (no Referer: never "refined").
    void recordSearchTerms(request, 'q', result.total)
    return result
  })
}

// Public on purpose: every other method gets a JSON 405, not Remix's error for a route without an action.
export const action = () => methodNotAllowed('GET')
