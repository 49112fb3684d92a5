import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * What a log line may hold (issue 11, finding 3): the log is read by more people and kept longer than the data,
 * so nothing in it may be a secret or a personal datum. Each serializer names what it keeps, never what it
 * drops, so a new header or error field stays out until someone decides it is safe.
 */

/** A request: its id, method and route pattern (`/aanmelden/status/:token`), never the URL, query or headers. */
export const requestSerializer = (routeOf: (path: string) => string | null) => (req: IncomingMessage & { id?: unknown; path?: string; ip?: string }) => ({
  id: req.id,
  method: req.method,
  route: routeOf(req.path ?? ''),
  // Kept for abuse and rate-limit investigations (legitimate interest); Express's `ip` honours TRUST_PROXY.
  remoteAddress: req.ip,
})

/** A response: its status only. Set-Cookie holds sessions, Location may hold a token. */
export const responseSerializer = (res: ServerResponse) => ({ statusCode: res.statusCode })

// Names PostgreSQL gives a failure: enough to find the statement and the constraint, none of the values.
const POSTGRES_FIELDS = ['code', 'severity', 'schema_name', 'table_name', 'column_name', 'constraint_name', 'routine'] as const

type LoggedError = { type: string; message: string; stack?: string; cause?: LoggedError } & Record<string, unknown>

// Recognised by shape rather than class, so the check does not depend on which copy of drizzle-orm or postgres.js
// the failing code loaded.
const isDrizzleQueryError = (error: Error): error is Error & { query: string } =>
  error.message.startsWith('Failed query: ') && typeof (error as { query?: unknown }).query === 'string'
const isPostgresError = (error: Error): error is Error & Record<(typeof POSTGRES_FIELDS)[number], unknown> => error.name === 'PostgresError'

/**
 * An error without the values it was about: drizzle's "Failed query: … params: …" keeps only the statement,
 * PostgreSQL's message loses its quoted values (`invalid input syntax for type uuid: "…"`) and its `detail`
 * (`Key (email)=(…) already exists.`). Other errors keep message and stack; causes follow the same rules.
 */
export function errorSerializer(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error
  const logged: LoggedError = { type: error.name, message: error.message }
  if (isDrizzleQueryError(error)) {
    logged.message = `Failed query: ${error.query}`
  } else if (isPostgresError(error)) {
    logged.message = error.message.replace(/"[^"]*"/g, '"…"')
    for (const field of POSTGRES_FIELDS) if (error[field] !== undefined) logged[field] = error[field]
  }
  // The stack's first line repeats the message.
  if (error.stack) logged.stack = error.stack.replace(error.message, () => logged.message)
  if (error.cause !== undefined && depth < 5) logged.cause = errorSerializer(error.cause, depth + 1) as LoggedError
  return logged
}
