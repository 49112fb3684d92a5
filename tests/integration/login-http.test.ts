import { randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { throttleKey } from '#app/auth/login-throttle.server'
import { db } from '#db/client'
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE } from '#db/queries/login-throttle'
import { loginThrottles } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'
import { startWebServer, type WebServer } from '#tests/support/web-server'

/**
 * Issue 11, finding 7, against `npm start` over real HTTP, as deployed behind one reverse proxy (TRUST_PROXY=1):
 * the attacker writes any X-Forwarded-For it likes, and the proxy appends the address it saw. Before, with
 * TRUST_PROXY=true, the leftmost entry counted: 35 sprays with a new one each, 0 refused.
 */
const PASSWORD = 'correct horse battery staple'

let portal: WebServer
let owner: { id: string; email: string }

beforeAll(async () => {
  portal = await startWebServer({ TRUST_PROXY: '1' })
  const organisation = await createOrganisation(db(), { type: 'ocmw' })
  owner = await createUser(db(), { organisationId: organisation.id, role: 'caseworker', password: PASSWORD })
}, 120_000)

afterAll(async () => {
  await portal?.stop()
})

/** A documentation address (RFC 5737) no other test uses: the one the proxy saw. */
const seenByProxy = () => `203.0.113.${randomBytes(1)[0]!}`

/** The login form posted through the proxy: `forged` is what the client wrote, `client` what the proxy appended. */
function login(email: string, password: string, client: string, forged = `198.51.100.${randomBytes(1)[0]!}`) {
  return fetch(`${portal.base}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: portal.base, 'X-Forwarded-For': `${forged}, ${client}` },
    body: new URLSearchParams({ email, password, redirectTo: '' }),
  })
}

/** 400: checked against the password and wrong; 429: refused before any check. */
const statuses = (answers: Response[]) => answers.map((answer) => answer.status)

describe('the client address behind one trusted proxy', () => {
  it(`refuses a spray after ${ADDRESS_THROTTLE.free} failures, whatever leftmost X-Forwarded-For each request forges`, async () => {
    const attacker = seenByProxy()
    const answers: Response[] = []
    for (let i = 0; i < ADDRESS_THROTTLE.free + 5; i++) answers.push(await login(`spray-${i}-${attacker}@example.test`, 'Welkom2026!', attacker))
    expect(statuses(answers)).toEqual([...Array<number>(ADDRESS_THROTTLE.free).fill(400), ...Array<number>(5).fill(429)])
    const last = answers.at(-1)!
    expect(Number(last.headers.get('Retry-After'))).toBeGreaterThan(ADDRESS_THROTTLE.firstDelaySeconds - 5)
    expect(await last.text()).toContain('Te veel mislukte pogingen. Probeer opnieuw over ')

    // The attacker's address, forged as the leftmost entry by someone else, is not what counts for them…
    expect((await login(`bystander-${attacker}@example.test`, 'wrong', seenByProxy(), attacker)).status).toBe(400)
    // …and the attacker cannot step out by forging another address in front of their own.
    expect((await login(`spray-next-${attacker}@example.test`, 'wrong', attacker, seenByProxy())).status).toBe(429)
  })
})

describe('the account behind the login form', () => {
  it(`checks at most ${ACCOUNT_THROTTLE.free} of 30 parallel wrong guesses from 30 addresses, and the owner gets in after the wait`, async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(owner.email, `guess-${i}`, seenByProxy())))
    const checked = statuses(answers).filter((status) => status === 400)
    expect(checked).toHaveLength(ACCOUNT_THROTTLE.free)
    expect(statuses(answers).filter((status) => status === 429)).toHaveLength(30 - ACCOUNT_THROTTLE.free)
    const [row] = await db().select().from(loginThrottles).where(eq(loginThrottles.key, await throttleKey('account', owner.email)))
    expect(row?.failures).toBe(ACCOUNT_THROTTLE.free)

    // The owner meanwhile is told how long to wait, in Dutch, and the same as for an address without account.
    const waiting = await login(owner.email, PASSWORD, seenByProxy())
    expect(waiting.status).toBe(429)
    expect(await waiting.text()).toMatch(/Te veel mislukte pogingen\. Probeer opnieuw over \d+ seconden, of kies &quot;Wachtwoord vergeten&quot;\./)

    // Thirty seconds later (the clock moved in the database): in, with a session.
    await db()
      .update(loginThrottles)
      .set({ blockedUntil: sql`now()` })
      .where(eq(loginThrottles.key, await throttleKey('account', owner.email)))
    const signedIn = await login(owner.email, PASSWORD, seenByProxy())
    expect(signedIn.status).toBe(302)
    expect(signedIn.headers.get('Set-Cookie')).toMatch(/stapsteen_session=[^;]+;/)
  })
})

describe('TRUST_PROXY=true', () => {
  it('stops the start with one sentence that says what to write instead', async () => {
    await expect(startWebServer({ TRUST_PROXY: 'true' })).rejects.toThrow(
      'Configuration error: TRUST_PROXY must be the number of proxies in front of the portal (1 for one reverse proxy) or their addresses, comma-separated (IP addresses, CIDR ranges such as 10.0.0.0/8, or loopback, linklocal, uniquelocal), not true: true trusts every X-Forwarded-For entry, so any client could choose its own address and slip past the login limit (got "true"). Fix the environment variable and start again.',
    )
  })
})
