import { randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { throttleKey } from '#app/auth/login-throttle.server'
import { createPasswordLink, resetPassword, verifyLogin } from '#app/auth/password.server'
import { db } from '#db/client'
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, deleteForgottenLoginThrottles } from '#db/queries/login-throttle'
import { loginThrottles } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'

/**
 * Issue 11, finding 7, on the functions the login page calls: five wrong passwords no longer lock an account
 * for 15 minutes, the wait grows instead and the owner gets in once it has passed; parallel guesses cannot
 * outrun the count. Over real HTTP, with forged X-Forwarded-For: login-http.test.ts.
 */
const PASSWORD = 'correct horse battery staple'
const freshIp = () => `10.${[1, 2, 3].map(() => randomBytes(1)[0]!).join('.')}`

async function newUser() {
  const organisation = await createOrganisation(db(), { type: 'employer' })
  return createUser(db(), { organisationId: organisation.id, role: 'employer', password: PASSWORD })
}

/** The key's row as the throttle left it. */
const throttleRow = async (kind: 'account' | 'address', value: string) =>
  (await db().select().from(loginThrottles).where(eq(loginThrottles.key, await throttleKey(kind, value))))[0]

/** Time passes for one key: its wait is over now (its failures stay, as they would). */
const waitIsOver = async (kind: 'account' | 'address', value: string) =>
  db().update(loginThrottles).set({ blockedUntil: sql`now()` }).where(eq(loginThrottles.key, await throttleKey(kind, value)))

/** Refused, to try again in `seconds` (give or take a few: a loaded machine may take seconds between two requests). */
const refused = (seconds: number) => ({ ok: false, reason: 'rate-limited', retryAfterSeconds: expect.closeTo(seconds, -1) })

/** `free` wrong passwords in a row, each checked (answered "invalid"). */
async function failFreely(email: string, ip: string, times = ACCOUNT_THROTTLE.free) {
  for (let i = 0; i < times; i++) expect(await verifyLogin(email, `wrong-${i}`, ip), `guess ${i + 1}`).toEqual({ ok: false, reason: 'invalid' })
}

describe('per account', () => {
  it(`lets ${ACCOUNT_THROTTLE.free} failures through, then makes every address wait, doubling, and lets the owner in after the wait`, async () => {
    const user = await newUser()
    const ip = freshIp()
    await failFreely(user.email, ip)
    // Even the right password waits, from any address: the wait is the account's.
    expect(await verifyLogin(user.email, PASSWORD, ip)).toEqual(refused(ACCOUNT_THROTTLE.firstDelaySeconds))
    expect(await verifyLogin(user.email, PASSWORD, freshIp())).toEqual(refused(ACCOUNT_THROTTLE.firstDelaySeconds))
    // Waiting attempts are not guesses: they neither lengthen the wait nor count.
    expect((await throttleRow('account', user.email))?.failures).toBe(ACCOUNT_THROTTLE.free)

    await waitIsOver('account', user.email)
    expect(await verifyLogin(user.email, 'one more guess', ip)).toEqual({ ok: false, reason: 'invalid' })
    expect(await verifyLogin(user.email, PASSWORD, ip)).toEqual(refused(2 * ACCOUNT_THROTTLE.firstDelaySeconds))

    // The owner, once the wait is over: in, and the account's failures are forgotten.
    await waitIsOver('account', user.email)
    expect(await verifyLogin(user.email, PASSWORD, ip)).toEqual({ ok: true, userId: user.id })
    expect(await throttleRow('account', user.email)).toBeUndefined()
    await failFreely(user.email, ip)
  })

  it('never waits longer than the maximum, however many failures', async () => {
    const user = await newUser()
    const ip = freshIp()
    await failFreely(user.email, ip)
    for (let i = 0; i < 12; i++) {
      await waitIsOver('account', user.email)
      expect(await verifyLogin(user.email, `guess-${i}`, ip)).toEqual({ ok: false, reason: 'invalid' })
    }
    expect(await verifyLogin(user.email, PASSWORD, ip)).toEqual(refused(ACCOUNT_THROTTLE.maxDelaySeconds))
  })

  it('answers an unknown address exactly as a known one (no account enumeration)', async () => {
    const user = await newUser()
    const unknown = `nobody-${randomBytes(4).toString('hex')}@example.test`
    await failFreely(user.email, freshIp())
    await failFreely(unknown, freshIp())
    expect(await verifyLogin(user.email, PASSWORD, freshIp())).toEqual(refused(ACCOUNT_THROTTLE.firstDelaySeconds))
    expect(await verifyLogin(unknown, PASSWORD, freshIp())).toEqual(refused(ACCOUNT_THROTTLE.firstDelaySeconds))
  })

  it('counts 30 parallel wrong guesses atomically: only the free ones are checked against the password', async () => {
    const user = await newUser()
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => verifyLogin(user.email, `parallel-${i}`, freshIp())))
    const checked = results.filter((result) => !result.ok && result.reason === 'invalid')
    expect(checked).toHaveLength(ACCOUNT_THROTTLE.free)
    expect(results.filter((result) => !result.ok && result.reason === 'rate-limited')).toHaveLength(30 - ACCOUNT_THROTTLE.free)
    expect((await throttleRow('account', user.email))?.failures).toBe(ACCOUNT_THROTTLE.free)
  })

  it('lets the owner in at once after a password reset, whatever was guessed before', async () => {
    const user = await newUser()
    await failFreely(user.email, freshIp())
    expect(await verifyLogin(user.email, PASSWORD, freshIp())).toMatchObject({ reason: 'rate-limited' })
    const { token } = await createPasswordLink(db(), user.id, 'http://localhost:3000', 1)
    expect(await resetPassword(token, 'a brand new passphrase 2026')).toBe(true)
    expect(await verifyLogin(user.email, 'a brand new passphrase 2026', freshIp())).toEqual({ ok: true, userId: user.id })
  })
})

describe('per client address', () => {
  it(`lets ${ADDRESS_THROTTLE.free} failures over any accounts through, then makes the address wait; other addresses go on`, async () => {
    const other = await newUser()
    const ip = freshIp()
    // One guess each at many accounts, none near its own limit: the spray the account limit cannot see.
    for (let i = 0; i < ADDRESS_THROTTLE.free; i++) {
      expect(await verifyLogin(`spray-${i}-${ip}@example.test`, 'Welkom2026!', ip), `spray ${i + 1}`).toEqual({ ok: false, reason: 'invalid' })
    }
    expect(await verifyLogin(`spray-last-${ip}@example.test`, 'Welkom2026!', ip)).toEqual(refused(ADDRESS_THROTTLE.firstDelaySeconds))
    expect(await verifyLogin(other.email, PASSWORD, ip)).toEqual(refused(ADDRESS_THROTTLE.firstDelaySeconds))
    expect(await verifyLogin(other.email, PASSWORD, freshIp())).toEqual({ ok: true, userId: other.id })
  })

  it('counts only failures: an office of people who log in right shares one address freely', async () => {
    const colleagues = await Promise.all(Array.from({ length: 5 }, () => newUser()))
    const ip = freshIp()
    for (let i = 0; i < ADDRESS_THROTTLE.free - 1; i++) await verifyLogin(`typo-${i}-${ip}@example.test`, 'wrong', ip)
    for (let round = 0; round < 3; round++) {
      for (const colleague of colleagues) expect(await verifyLogin(colleague.email, PASSWORD, ip)).toEqual({ ok: true, userId: colleague.id })
    }
    expect((await throttleRow('address', ip))?.failures).toBe(ADDRESS_THROTTLE.free - 1)
    // The free failures are still all there is: one more, then the wait.
    expect(await verifyLogin(`typo-last-${ip}@example.test`, 'wrong', ip)).toEqual({ ok: false, reason: 'invalid' })
    expect(await verifyLogin(colleagues[0]!.email, PASSWORD, ip)).toEqual(refused(ADDRESS_THROTTLE.firstDelaySeconds))
  })

  it('does not count attempts at a waiting account against the address (they were never checked)', async () => {
    const user = await newUser()
    const ip = freshIp()
    await failFreely(user.email, ip)
    for (let i = 0; i < ADDRESS_THROTTLE.free; i++) expect(await verifyLogin(user.email, 'still guessing', ip)).toMatchObject({ reason: 'rate-limited' })
    expect((await throttleRow('address', ip))?.failures).toBe(ACCOUNT_THROTTLE.free)
  })
})

describe('data minimisation', () => {
  it('keeps no address in clear, and the daily job deletes what every policy has forgotten', async () => {
    const ip = freshIp()
    const email = `forgotten-${randomBytes(4).toString('hex')}@example.test`
    await verifyLogin(email, 'wrong', ip)
    const rows = await db().select().from(loginThrottles)
    expect(JSON.stringify(rows)).not.toContain(ip)
    expect(JSON.stringify(rows)).not.toContain(email)

    const recent = freshIp()
    await verifyLogin(email, 'wrong', recent)
    await db()
      .update(loginThrottles)
      .set({ lastFailureAt: sql`now() - interval '1 day 1 minute'` })
      .where(eq(loginThrottles.key, await throttleKey('address', ip)))
    expect(await deleteForgottenLoginThrottles(db())).toBeGreaterThanOrEqual(1)
    expect(await throttleRow('address', ip)).toBeUndefined()
    expect(await throttleRow('address', recent)).toMatchObject({ failures: 1 })
    expect(await throttleRow('account', email)).toMatchObject({ failures: 2 })
  })
})
