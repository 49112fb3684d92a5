import { lt, sql } from 'drizzle-orm'
import type { Tx } from '../client'
import { intakeRateLimits } from '../schema'

/**
 * Counts one submission of the public intake form for a client (the key is a keyed hash of its address, never
 * the address) in a fixed window, shared by every web process; answers the count in the current window.
 * Rows of windows that ended are deleted first, so the table never keeps an address longer than the window.
 */
export async function countIntakeSubmission(tx: Tx, key: string, windowMinutes: number): Promise<number> {
  const windowEnded = sql`now() - make_interval(mins => ${windowMinutes})`
  await tx.delete(intakeRateLimits).where(lt(intakeRateLimits.windowStart, windowEnded))
  const expired = sql`${intakeRateLimits.windowStart} < ${windowEnded}`
  const [row] = await tx
    .insert(intakeRateLimits)
    .values({ key, windowStart: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: intakeRateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${intakeRateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${intakeRateLimits.windowStart} end`,
      },
    })
    .returning({ count: intakeRateLimits.count })
  return row?.count ?? 1
}
