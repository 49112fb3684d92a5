import { lte, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { rateLimits } from '#db/schema'

/**
 * Counts one attempt for `key` in a fixed window of `windowMinutes` that starts with the key's first attempt,
 * shared by every web process; answers the count in the current window. Counting and reading are one
 * statement, so parallel requests each see their own number (no check-then-record race). Rows of windows that
 * ended are deleted first, so the table keeps nothing longer than its window.
 */
export async function countAttempt(tx: Tx, key: string, windowMinutes: number): Promise<number> {
  await tx.delete(rateLimits).where(lte(rateLimits.windowEndsAt, sql`now()`))
  const ended = sql`${rateLimits.windowEndsAt} <= now()`
  const windowEnd = sql`now() + make_interval(mins => ${windowMinutes})`
  const [row] = await tx
    .insert(rateLimits)
    .values({ key, count: 1, windowEndsAt: windowEnd })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${ended} then 1 else ${rateLimits.count} + 1 end`,
        windowEndsAt: sql`case when ${ended} then ${windowEnd} else ${rateLimits.windowEndsAt} end`,
      },
    })
    .returning({ count: rateLimits.count })
  return row!.count
}
