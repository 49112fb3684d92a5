import { and, desc, eq, gt, gte, lt, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { searchTermMisses } from '#db/schema'
import { SEARCH_TERM_DAYS } from '#domain/search-terms'

export type MissReason = 'noResults' | 'refined'

/** Today in Belgium: a day is what an admin reads on the page, not UTC's. */
const today = sql`(now() at time zone 'Europe/Brussels')::date`

/**
 * Counts one search that found nothing or was replaced at once: one upsert, the term only (already folded by
 * the caller as the search folds it). Nothing about who searched is passed in, so nothing can be stored.
 */
export async function recordSearchTermMiss(tx: Tx, term: string, reason: MissReason) {
  await tx
    .insert(searchTermMisses)
    .values({ day: today, term, [reason]: 1 })
    .onConflictDoUpdate({ target: [searchTermMisses.day, searchTermMisses.term], set: { [reason]: sql`${searchTermMisses[reason]} + 1` } })
}

/** Takes one "found nothing" of today back: the text was a step in typing a longer one (see its caller). */
export async function retractSearchTermMiss(tx: Tx, term: string) {
  await tx
    .update(searchTermMisses)
    .set({ noResults: sql`${searchTermMisses.noResults} - 1` })
    .where(and(eq(searchTermMisses.day, today), eq(searchTermMisses.term, term), gt(searchTermMisses.noResults, 0)))
}

/** The retention run's part (server/worker-registry.ts → privacy worker): rows older than SEARCH_TERM_DAYS go. */
export async function deleteOldSearchTermMisses(tx: Tx) {
  const deleted = await tx
    .delete(searchTermMisses)
    .where(lt(searchTermMisses.day, sql`${today} - ${SEARCH_TERM_DAYS}::int`))
    .returning({ term: searchTermMisses.term })
  return deleted.length
}

export type SearchTermCount = { term: string; noResults: number; refined: number; total: number; lastDay: string }

/** The terms of the last SEARCH_TERM_DAYS days, most frequent first (the admin page and its CSV). */
export async function listSearchTermMisses(tx: Tx, limit = 500): Promise<SearchTermCount[]> {
  const noResults = sql<number>`sum(${searchTermMisses.noResults})::int`
  const refined = sql<number>`sum(${searchTermMisses.refined})::int`
  const total = sql<number>`sum(${searchTermMisses.noResults} + ${searchTermMisses.refined})::int`
  return tx
    .select({ term: searchTermMisses.term, noResults, refined, total, lastDay: sql<string>`max(${searchTermMisses.day})::text` })
    .from(searchTermMisses)
    .where(gte(searchTermMisses.day, sql`${today} - ${SEARCH_TERM_DAYS}::int`))
    .groupBy(searchTermMisses.term)
    // A row whose only count was taken back (a step in typing) is no term anyone searched.
    .having(sql`${total} > 0`)
    .orderBy(desc(total), searchTermMisses.term)
    .limit(limit)
}
