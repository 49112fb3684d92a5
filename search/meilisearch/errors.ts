import { MeilisearchApiError, MeilisearchError, MeilisearchRequestError, MeilisearchTaskTimeOutError } from 'meilisearch'
import { SearchUnavailableError } from '#search/port'

/**
 * Everything that goes wrong talking to Meilisearch becomes a SearchUnavailableError. Retryable: no connection,
 * timeouts, 5xx and 429, a task that did not finish in time, an answer that is not JSON (a proxy's error page).
 * Not retryable: any other 4xx (a request Meilisearch refuses, e.g. invalid_search_filter) — a bug or a
 * misconfiguration (wrong API key) that retrying does not fix; it keeps Meilisearch's code.
 */
export function toSearchError(error: unknown): SearchUnavailableError {
  if (error instanceof SearchUnavailableError) return error
  if (error instanceof MeilisearchApiError) {
    const status = error.response.status
    const code = error.cause?.code
    const retryable = status >= 500 || status === 429
    return new SearchUnavailableError(`Meilisearch answered ${status}${code ? ` (${code})` : ''}: ${error.message}`, { cause: error, retryable, code })
  }
  if (error instanceof MeilisearchRequestError) return new SearchUnavailableError(`Meilisearch cannot be reached: ${causeMessage(error)}`, { cause: error })
  if (error instanceof MeilisearchTaskTimeOutError) return new SearchUnavailableError(`Meilisearch did not finish in time: ${error.message}`, { cause: error })
  if (error instanceof SyntaxError || error instanceof MeilisearchError) return new SearchUnavailableError(`Meilisearch gave an answer that cannot be read: ${error.message}`, { cause: error })
  return new SearchUnavailableError(`Meilisearch failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
}

function causeMessage(error: Error): string {
  const cause = error.cause
  if (cause instanceof Error) {
    const code = (cause as { code?: string }).code ?? (cause.cause as { code?: string } | undefined)?.code
    return code ? `${cause.message} (${code})` : cause.message
  }
  return error.message
}

/** A task that finished but failed (an invalid document, a bad setting): not retryable, with its code. */
export function taskFailed(task: { status: string; error: { code: string; message: string } | null; type?: string }): SearchUnavailableError {
  return new SearchUnavailableError(`Meilisearch task ${task.type ?? ''} ${task.status}: ${task.error?.message ?? 'no reason given'}`.replace(/\s+/g, ' '), {
    retryable: false,
    code: task.error?.code,
  })
}
