import { eq, lt, type SQL, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { loginThrottles } from '#db/schema'

/**
 * How one kind of key (an account, a client address) is throttled: `free` failures in a row pass without
 * waiting, then each further attempt waits `firstDelaySeconds`, doubling per failure up to `maxDelaySeconds`.
 * Failures are forgotten after `forgetMinutes` without one.
 */
export type ThrottlePolicy = { free: number; firstDelaySeconds: number; maxDelaySeconds: number; forgetMinutes: number }

/**
 * Per account, against guessing one password (OWASP ASVS 2.2.1): a growing wait instead of a lock, so whoever
 * types someone's address five times wrong cannot lock its owner out; 15 minutes at most between guesses is
 * about a hundred a day. Failures of the day are remembered, so the free five do not come back every 15 minutes.
 */
export const ACCOUNT_THROTTLE: ThrottlePolicy = { free: 5, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60, forgetMinutes: 24 * 60 }
/**
 * Per client address, against one guess sprayed over many accounts. An office behind one address shares it, and
 * only failures count: 30 before the first wait, forgotten after a quiet quarter of an hour (as the old window).
 */
export const ADDRESS_THROTTLE: ThrottlePolicy = { free: 30, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60, forgetMinutes: 15 }

export type Claim = { allowed: true } | { allowed: false; retryAfterSeconds: number }

// Doubling stops here: 2^20 first delays are far past any maximum, and power() would overflow long before int does.
const MAX_DOUBLINGS = 20

/** The wait after `failures` failures in a row, as an interval. */
function delayAfter(failures: SQL, p: ThrottlePolicy): SQL {
  const seconds = sql`case when ${failures} < ${p.free}::int then 0
    else least(${p.firstDelaySeconds}::float8 * power(2, least(${failures} - ${p.free}::int, ${MAX_DOUBLINGS})), ${p.maxDelaySeconds}::float8) end`
  return sql`make_interval(secs => ${seconds})`
}

/**
 * Check and record in ONE statement: when the key is not blocked, its attempt is counted as a failure right away
 * (the caller takes it back with `releaseLoginAttempt` when the password was right) and the next wait is set.
 * The row lock of the upsert puts parallel attempts in a line, each seeing the count the one before it left.
 * A refused attempt changes nothing, so someone waiting does not make their own wait longer.
 */
export async function claimLoginAttempt(tx: Tx, key: string, p: ThrottlePolicy): Promise<Claim> {
  const forgotten = sql`${loginThrottles.lastFailureAt} < now() - make_interval(mins => ${p.forgetMinutes}::int)`
  const failures = sql`case when ${forgotten} then 1 else ${loginThrottles.failures} + 1 end`
  const [counted] = await tx
    .insert(loginThrottles)
    .values({ key, failures: 1, blockedUntil: sql`now() + ${delayAfter(sql`1`, p)}`, lastFailureAt: sql`now()` })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: { failures, blockedUntil: sql`now() + ${delayAfter(failures, p)}`, lastFailureAt: sql`now()` },
      where: sql`${loginThrottles.blockedUntil} <= now()`,
    })
    .returning({ failures: loginThrottles.failures })
  if (counted) return { allowed: true }
  // Only to tell the person how long: the decision above stands whatever this reads.
  const [row] = await tx
    .select({ seconds: sql<number>`ceil(extract(epoch from ${loginThrottles.blockedUntil} - now()))::int` })
    .from(loginThrottles)
    .where(eq(loginThrottles.key, key))
  return { allowed: false, retryAfterSeconds: Math.max(1, row?.seconds ?? 1) }
}

/** Takes back one counted attempt that was no failure (the right password, or a guess that was never checked). */
export async function releaseLoginAttempt(tx: Tx, key: string, p: ThrottlePolicy) {
  const failures = sql`greatest(${loginThrottles.failures} - 1, 0)`
  await tx
    .update(loginThrottles)
    .set({ failures, blockedUntil: sql`least(${loginThrottles.blockedUntil}, ${loginThrottles.lastFailureAt} + ${delayAfter(failures, p)})` })
    .where(eq(loginThrottles.key, key))
}

/** Forgets a key's failures: the account's owner proved who they are (a login, a password reset). */
export async function clearLoginThrottle(tx: Tx, key: string) {
  await tx.delete(loginThrottles).where(eq(loginThrottles.key, key))
}

/** Data minimisation (daily job): rows that every policy has forgotten count for nothing any more. */
export async function deleteForgottenLoginThrottles(tx: Tx) {
  const minutes = Math.max(ACCOUNT_THROTTLE.forgetMinutes, ADDRESS_THROTTLE.forgetMinutes)
  const deleted = await tx
    .delete(loginThrottles)
    .where(lt(loginThrottles.lastFailureAt, sql`now() - make_interval(mins => ${minutes}::int)`))
    .returning({ key: loginThrottles.key })
  return deleted.length
}
