import { logger } from '#core/logger'
import { recordSearchTermMiss, retractSearchTermMiss } from '#db/queries/search-term-misses'
import { db } from '#app/utils/db.server'
import { searchTermMisses } from './search-term-text.server'

/**
 * Counts what ./search-term-text.server.ts says a search teaches (issue 15, docs/zoektermen.md), in the background:
 * routes do not await it, so it never slows a search, and the promise never rejects, so it never fails one.
 */
export function recordSearchTerms(request: Request, param: string, total: number): Promise<void> {
  const { add, retract } = searchTermMisses(request, param, total)
  const writes = add.map(([term, reason]) => recordSearchTermMiss(db(), term, reason))
  return Promise.all(retract ? [...writes, retractSearchTermMiss(db(), retract)] : writes)
    .then(() => undefined)
    .catch((error: unknown) => {
      // Without the error object: a database error may quote the term.
      logger().warn({ errorName: error instanceof Error ? error.name : 'unknown' }, 'search term not counted')
    })
}
