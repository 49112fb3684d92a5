import { SearchUnavailableError } from '#search/port'

/**
 * The embedded engine is the application's own database: when it cannot be reached, searching is unavailable
 * like it is when Meilisearch is down. Other errors are bugs and keep their stack.
 */
const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT'])

function isConnectionError(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code
    // SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown, cannot connect now).
    if (typeof code === 'string' && (CONNECTION_ERRORS.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code))) return true
  }
  return false
}

export async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (isConnectionError(error)) throw new SearchUnavailableError('The search index in PostgreSQL cannot be reached.', { cause: error })
    throw error
  }
}
