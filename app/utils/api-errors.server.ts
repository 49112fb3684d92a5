import { json } from '@remix-run/node'
import { SearchInputError, SearchUnavailableError } from '#search/port'
import { logger } from '#core/logger'

/**
 * Error answers of the JSON API (docs/openapi.yaml, ErrorResponse). Always `{ error: { message, fields } }` as JSON,
 * never an HTML error page: the caller is a program that reads `fields` (field name → Dutch reason) to show what
 * to fix. `fields` is empty when no single field is to blame (401, 403, 405, 503).
 */
export type FieldErrors = Record<string, string>

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldErrors = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Answers of an authenticated API are for one caller only: no cache may keep them. */
export const NO_STORE = { 'Cache-Control': 'no-store' } as const

/** The engine catches up quickly after an outage (the index sync retries within 30 s), so ask for a short wait. */
const RETRY_AFTER_SECONDS = 10

export function errorJson(status: number, message: string, fields: FieldErrors = {}, headers: Record<string, string> = {}) {
  return json({ error: { message, fields } }, { status, headers: { ...NO_STORE, ...headers } })
}

/** 400 for input that breaks the rules; the message repeats each field's reason, so a log line says it all. */
export function badRequest(fields: FieldErrors) {
  const message = Object.entries(fields)
    .map(([field, reason]) => `${field}: ${reason}`)
    .join(' ')
  return new ApiError(400, message, fields)
}

export const methodNotAllowed = (allow: 'GET' | 'POST') => errorJson(405, `Dit adres kent alleen ${allow}.`, {}, { Allow: allow })

/**
 * Any failure as an answer. The engine's own input errors name a field in its terms (`postcode`); `engineFields`
 * renames them to the request's terms (`home.postcode` in a match body).
 */
export function errorResponse(error: unknown, engineFields: Record<string, string> = {}): Response {
  if (error instanceof ApiError) return errorJson(error.status, error.message, error.fields, error.headers)
  if (error instanceof SearchInputError) {
    const { fields, message } = badRequest({ [engineFields[error.field] ?? error.field]: error.message })
    return errorJson(400, message, fields)
  }
  if (error instanceof SearchUnavailableError) {
    logger().warn({ err: error }, 'search engine unavailable for an API request')
    return errorJson(503, 'Zoeken is tijdelijk niet beschikbaar. Probeer het over enkele seconden opnieuw.', {}, { 'Retry-After': String(RETRY_AFTER_SECONDS) })
  }
  // A bug, not the caller's fault: logged with its stack, answered without details.
  logger().error({ err: error }, 'API request failed')
  return errorJson(500, 'Er ging iets mis bij Stapsteen. Probeer het later opnieuw; blijft het mislukken, meld het dan.')
}
