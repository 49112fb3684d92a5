import { type AppLoadContext, json } from '@remix-run/node'
import { searchEngine } from '#search/engine'
import type { SearchEngine, SearchResult } from '#search/port'
import { logger } from '#core/logger'
import type { Permission } from '#domain/permissions'
import type { SessionUser } from '#domain/session-user'
import { requireApiUser } from './api-auth.server'
import { errorResponse, NO_STORE } from './api-errors.server'

export { methodNotAllowed } from './api-errors.server'

/**
 * One API request from token to answer: authenticate, let the route ask the search port (the same engine and
 * ranking as the portal's pages), answer the contract's JSON (docs/openapi.yaml) or an error answer, and log it.
 *
 * The log line is the API's request log: who asked (user and organisation), which endpoint, the outcome, how many
 * results and how long it took, joined to the HTTP access log by requestId. It is not an audit entry: the audit
 * log records changes, and an API call changes nothing. The request's content is not logged: a match body
 * describes a client (home, Dutch level, hours).
 */
type Options = { endpoint: 'placements.search' | 'match'; permission: Permission; engineFields?: Record<string, string> }
type Endpoint = Options['endpoint'] | 'trajectories.read' | 'referrals.read' | 'placements.changes'

export async function serveApi(
  request: Request,
  context: AppLoadContext | undefined,
  options: Options,
  ask: (engine: SearchEngine) => Promise<SearchResult>,
): Promise<Response> {
  const started = performance.now()
  let user: SessionUser | undefined
  let total: number | undefined
  let response: Response
  try {
    user = await requireApiUser(request, options.permission)
    const result = await ask(searchEngine())
    total = result.total
    response = json(apiResult(result), { headers: NO_STORE })
  } catch (error) {
    response = errorResponse(error, options.engineFields)
  }
  logRequest(context, options.endpoint, user, response, started, total)
  return response
}

/**
 * An API read that is not a search (GET /api/v1/trajectories/{id}, /api/v1/referrals/{id}): authenticate, let the route answer the
 * contract's JSON (or throw an ApiError), log it like a search. The route audits the read itself, in its transaction.
 */
export async function serveApiRead(
  request: Request,
  context: AppLoadContext | undefined,
  options: { endpoint: Endpoint; permission: Permission },
  answer: (user: SessionUser) => Promise<unknown>,
): Promise<Response> {
  const started = performance.now()
  let user: SessionUser | undefined
  let response: Response
  try {
    user = await requireApiUser(request, options.permission)
    response = json(await answer(user), { headers: NO_STORE })
  } catch (error) {
    response = errorResponse(error)
  }
  logRequest(context, options.endpoint, user, response, started)
  return response
}

function logRequest(context: AppLoadContext | undefined, endpoint: Endpoint, user: SessionUser | undefined, response: Response, started: number, total?: number) {
  logger().info(
    {
      requestId: context?.requestId,
      endpoint,
      userId: user?.id,
      organisationId: user?.organisation.id,
      status: response.status,
      total,
      ms: Math.round(performance.now() - started),
    },
    'api request',
  )
}

/**
 * The contract's answer, field by field: only what the contract names leaves the process. `occupation` is the
 * ESCO occupation URI, as `occupation` in docs/schemas/placement.schema.json.
 */
export function apiResult(result: SearchResult) {
  return {
    engine: result.engine,
    total: result.total,
    results: result.results.map((hit) => ({
      id: hit.id,
      externalId: hit.externalId,
      title: hit.title,
      occupation: hit.occupationUri,
      municipalityNis: hit.municipalityNis,
      distanceKm: hit.distanceKm,
      score: hit.score,
      reasons: hit.reasons,
    })),
  }
}
