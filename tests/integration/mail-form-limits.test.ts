import { randomBytes } from 'node:crypto'
import { and, count, eq, like, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { action as confirmAction } from '#app/routes/_auth+/e-mail-bevestigen'
import { action as forgotAction } from '#app/routes/_auth+/wachtwoord-vergeten'
import { action as registerAction } from '#app/routes/werkgever-worden'
import { MAIL_FORM_LIMITS, mailFormLimitMessage } from '#app/utils/rate-limit.server'
import { STEADY_ANSWER_MS } from '#app/utils/steady-answer.server'
import { db } from '#db/client'
import { emailMessages, employerProfiles, rateLimits, users } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'
import { freshIp, IntakeBrowser, location } from './intake-browser'
import { registrationFields, unconfirmedEmployer } from './public-forms-support'

/**
 * Finding 8 of issue 11: the public forms that send mail had no rate limit (a script could flood any inbox, or
 * send thousands of mails through the portal), and registration said which addresses have an account.
 */
const PER_EMAIL = MAIL_FORM_LIMITS.perEmail.max
const PER_CLIENT = MAIL_FORM_LIMITS.perClient.max
const unique = () => randomBytes(4).toString('hex')

type MailForm = (email: string, ip?: string) => Promise<Response>
const forgot: MailForm = (email, ip) => new IntakeBrowser(ip).post(forgotAction, '/wachtwoord-vergeten', { email })
const resend: MailForm = (email, ip) => new IntakeBrowser(ip).post(confirmAction, '/e-mail-bevestigen', { intent: 'resend', email })
const register: MailForm = (email, ip) => new IntakeBrowser(ip).post(registerAction, '/werkgever-worden', registrationFields(email))

const mailForms: [string, MailForm][] = [
  ['forgot password', forgot],
  ['a new confirmation link', resend],
  ['employer registration', register],
]

const mailsTo = async (to: string) => (await db().select({ n: count() }).from(emailMessages).where(eq(emailMessages.to, to)))[0]!.n

async function expectLimited(response: Response) {
  expect(response.status).toBe(429)
  expect(JSON.stringify(await response.json())).toContain(mailFormLimitMessage)
}

describe.each(mailForms)('%s', (_, send) => {
  it(`mails one address at most ${PER_EMAIL} times an hour, from any number of client addresses`, async () => {
    const user = await unconfirmedEmployer()
    for (let i = 0; i < PER_EMAIL; i++) expect((await send(user.email, freshIp())).status).toBe(302)
    const mails = await mailsTo(user.email)
    expect(mails).toBe(PER_EMAIL)
    await expectLimited(await send(user.email.toUpperCase(), freshIp()))
    expect(await mailsTo(user.email)).toBe(mails)
    // Another address is not held back by it.
    expect((await send(`ander-${unique()}@example.test`, freshIp())).status).toBe(302)
  })

  it('answers an address without an account over its limit in the same way', async () => {
    const nobody = `niemand-${unique()}@example.test`
    for (let i = 0; i < PER_EMAIL; i++) expect((await send(nobody, freshIp())).status).toBe(302)
    await expectLimited(await send(nobody, freshIp()))
  })
})

describe('the limits of the forms that send mail', () => {
  it(`take at most ${PER_CLIENT} submissions an hour from one client address, to any addresses`, async () => {
    const ip = freshIp()
    // At once: each answer takes STEADY_ANSWER_MS, one after another they would take a quarter of a minute.
    const answers = await Promise.all(Array.from({ length: PER_CLIENT }, () => forgot(`iemand-${unique()}@example.test`, ip)))
    expect(answers.map(location)).toEqual(Array(PER_CLIENT).fill('/inloggen'))
    await expectLimited(await resend(`iemand-${unique()}@example.test`, ip))
    expect((await forgot(`iemand-${unique()}@example.test`, freshIp())).status).toBe(302)
  })

  it('count the three forms together for one address', async () => {
    const user = await unconfirmedEmployer()
    for (const send of [forgot, resend, register, forgot, resend].slice(0, PER_EMAIL)) expect((await send(user.email, freshIp())).status).toBe(302)
    await expectLimited(await register(user.email, freshIp()))
  })

  it('let no more through than the limit when the requests come at once (one statement counts and reads)', async () => {
    const user = await unconfirmedEmployer()
    const responses = await Promise.all(Array.from({ length: 4 * PER_EMAIL }, () => forgot(user.email, freshIp())))
    expect(responses.filter((r) => r.status === 302)).toHaveLength(PER_EMAIL)
    expect(responses.filter((r) => r.status === 429)).toHaveLength(3 * PER_EMAIL)
    expect(await mailsTo(user.email)).toBe(PER_EMAIL)
  })

  it('store keyed hashes, not the addresses, and start again when the window is over', async () => {
    const ip = freshIp()
    const user = await unconfirmedEmployer()
    for (let i = 0; i <= PER_EMAIL; i++) await forgot(user.email, ip)
    await expectLimited(await forgot(user.email, freshIp()))
    const rows = await db().select().from(rateLimits).where(like(rateLimits.key, 'mail-form-%'))
    expect(rows.length).toBeGreaterThanOrEqual(2)
    for (const row of rows) expect(`${row.key}`).not.toMatch(new RegExp(`${ip}|${user.email}`, 'i'))
    await db().update(rateLimits).set({ windowEndsAt: sql`now()` }).where(like(rateLimits.key, 'mail-form-%'))
    expect(location(await forgot(user.email, ip))).toBe('/inloggen')
  })
})

describe('answers that tell nobody which addresses have an account', () => {
  /** Everything a client sees of an answer, with the address it typed taken out. */
  async function seen(response: Response, email: string) {
    const headers = [...response.headers].map(([name, value]) => [name, name === 'set-cookie' ? value.replace(/=[^;]*/, '=…') : value])
    return { status: response.status, headers, body: (await response.text()).replaceAll(email, '…') }
  }

  it('forgot password: the same answer for an account and for no account', async () => {
    const user = await unconfirmedEmployer()
    const nobody = `niemand-${unique()}@example.test`
    expect(await seen(await forgot(user.email), user.email)).toEqual(await seen(await forgot(nobody), nobody))
    expect(await mailsTo(user.email)).toBe(1)
    expect(await mailsTo(nobody)).toBe(0)
  })

  it('registration: the same answer for a new address and for one with an account, whose owner gets a mail', async () => {
    const organisation = await createOrganisation(db(), { type: 'ocmw' })
    const caseworker = await createUser(db(), { organisationId: organisation.id, role: 'caseworker' })
    const fresh = `nieuw-${unique()}@example.test`
    const known = await register(caseworker.email)
    expect(await seen(known, caseworker.email)).toEqual(await seen(await register(fresh), fresh))
    expect(location(known)).toBe('/werkgever-worden/e-mail-verstuurd')
    const mails = await db().select().from(emailMessages).where(eq(emailMessages.to, caseworker.email))
    expect(mails.map((mail) => mail.template)).toEqual(['registration-attempt'])
    expect(await db().select().from(emailMessages).where(and(eq(emailMessages.to, fresh), eq(emailMessages.template, 'verify-email')))).toHaveLength(1)
    // Nothing was made for the known address: still its one account, and no employer with it as contact.
    expect((await db().select({ n: count() }).from(users).where(eq(users.email, caseworker.email)))[0]!.n).toBe(1)
    expect(await db().select().from(employerProfiles).where(eq(employerProfiles.contactEmail, caseworker.email))).toEqual([])
  })

  // Without this the time told: an address with an account took four times as long (its token, its mail).
  it.each(mailForms)('%s: answers no sooner than STEADY_ANSWER_MS, for an address with an account and without', async (_, send) => {
    const user = await unconfirmedEmployer()
    for (const email of [user.email, `niemand-${unique()}@example.test`]) {
      const started = performance.now()
      expect((await send(email, freshIp())).status).toBe(302)
      // Node's timers count whole milliseconds: one may end up to a millisecond before performance.now() says.
      expect(performance.now() - started).toBeGreaterThanOrEqual(STEADY_ANSWER_MS - 1)
    }
  })
})
