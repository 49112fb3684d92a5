import { randomBytes, randomInt } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { passwordMessages } from '#app/auth/password-policy.server'
import { createPasswordLink, passwordLinkState, verifyLogin } from '#app/auth/password.server'
import { ACCOUNT_THROTTLE } from '#db/queries/login-throttle'
import { getUser } from '#app/auth/session.server'
import { action as accountAction } from '#app/routes/account'
import { action as newPasswordAction } from '#app/routes/_auth+/wachtwoord-nieuw'
import { action as registerAction } from '#app/routes/werkgever-worden'
import { takeToast } from '#app/utils/toast.server'
import { db } from '#db/client'
import { auditLog, emailMessages } from '#db/schema'
import { createOrganisation, createUser, enterpriseNumberFrom } from '#db/seed/factories'
import { deliveredMail } from '#tests/support/mail'
import { requestAs, sessionUser } from './intake-triage-support'
import { personsHoneypot } from './public-forms-support'

/** Issue 11: changing one's own password on /account, and one password policy wherever a password is chosen. */
const PASSWORD = 'een lange zin als wachtwoord'
const NEW_PASSWORD = 'drie koffie bij de rivier'
const BASE_URL = 'http://localhost:3000'
// Breached-list passwords: as they occur in the lists, and decorated as people decorate them to pass length rules.
const BREACHED = ['Welkom123!', 'password123', 'qwerty123456', 'Welkom2024!!', 'P@ssw0rd2024!']

/** Every test its own client address, so the per-address login limit of one never touches another. */
const freshIp = () => `10.${[1, 2, 3].map(() => randomBytes(1)[0]!).join('.')}`

async function signedInUser() {
  const organisation = await createOrganisation(db(), { type: 'ocmw' })
  const user = await createUser(db(), { organisationId: organisation.id, role: 'caseworker', name: 'Jana Claes', password: PASSWORD })
  return sessionUser(user.id)
}

type User = Awaited<ReturnType<typeof signedInUser>>
type Answer = { passwordChange?: { error?: Record<string, string[] | null> } }

/** Posts the password form as the browser of one session (a request with that session's cookie). */
async function changePassword(session: Request, fields: { currentPassword: string; password: string; confirm?: string }, clientIp = freshIp()) {
  const body = new URLSearchParams({ intent: 'password-change', confirm: fields.password, ...fields })
  const request = new Request(session.url, { method: 'POST', headers: session.headers, body })
  return (await accountAction({ request, params: {}, context: { clientIp } as never }).catch((thrown: unknown) => thrown)) as Response
}

const errorsOf = async (response: Response) => ((await response.json()) as Answer).passwordChange?.error ?? {}
const signsInWith = async (user: User, password: string) => (await verifyLogin(user.email, password, freshIp())).ok

describe('changing your own password on /account', () => {
  it('sets the new password, ends every other session but this one, audits it and mails the owner without a secret', async () => {
    const user = await signedInUser()
    const here = await requestAs(user, '/account')
    const elsewhere = await requestAs(user, '/account')

    const response = await changePassword(here, { currentPassword: PASSWORD, password: NEW_PASSWORD })
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/account')
    const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    expect((await takeToast(new Request(BASE_URL, { headers: { Cookie: cookies } }))).toast?.message).toBe('Uw wachtwoord is gewijzigd. Overal elders bent u uitgelogd.')

    expect(await signsInWith(user, NEW_PASSWORD)).toBe(true)
    expect(await signsInWith(user, PASSWORD)).toBe(false)
    expect((await getUser(here))?.id).toBe(user.id)
    expect(await getUser(elsewhere)).toBeUndefined()

    const entries = await db().select().from(auditLog).where(and(eq(auditLog.subjectId, user.id), eq(auditLog.action, 'user.password-change')))
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ actorUserId: user.id, subjectType: 'user', details: null })

    const mails = await db().select().from(emailMessages).where(and(eq(emailMessages.to, user.email), eq(emailMessages.template, 'password-changed')))
    expect(mails).toHaveLength(1)
    const mail = await deliveredMail(mails[0]!.id)
    expect(mail.subject).toBe('Uw wachtwoord voor Stapsteen is gewijzigd')
    expect(mail.text).toContain('Dag Jana Claes,')
    expect(mail.text).toContain(`${BASE_URL}/wachtwoord-vergeten`)
    const stored = JSON.stringify(mail)
    for (const secret of [NEW_PASSWORD, PASSWORD, 'token=']) expect(stored).not.toContain(secret)
  })

  it('refuses a wrong current password, counts it as a failed login, and stops at the login limit', async () => {
    const user = await signedInUser()
    const here = await requestAs(user, '/account')
    const ip = freshIp()
    const wrong = await changePassword(here, { currentPassword: 'niet mijn wachtwoord', password: NEW_PASSWORD }, ip)
    expect(wrong.status).toBe(400)
    expect((await errorsOf(wrong)).currentPassword).toEqual(['Dit is niet uw huidige wachtwoord.'])
    for (let attempt = 2; attempt <= ACCOUNT_THROTTLE.free; attempt++) {
      expect((await changePassword(here, { currentPassword: `gok nummer ${attempt}`, password: NEW_PASSWORD }, ip)).status).toBe(400)
    }
    // The guesses counted as failed logins of this account: now even the right password waits, here and on /inloggen.
    const limited = await changePassword(here, { currentPassword: PASSWORD, password: NEW_PASSWORD }, freshIp())
    expect(limited.status).toBe(429)
    expect(((await limited.json()) as Answer).passwordChange?.error?.['']).toEqual([expect.stringContaining('Te veel mislukte pogingen')])
    expect(await verifyLogin(user.email, PASSWORD, freshIp())).toEqual({ ok: false, reason: 'rate-limited', retryAfterSeconds: expect.any(Number) })
    expect(await db().select().from(auditLog).where(and(eq(auditLog.subjectId, user.id), eq(auditLog.action, 'user.password-change')))).toEqual([])
    expect((await getUser(here))?.id).toBe(user.id)
  })

  it('refuses breached passwords, the e-mail address and the name, saying why, and changes nothing', async () => {
    const user = await signedInUser()
    const here = await requestAs(user, '/account')
    const elsewhere = await requestAs(user, '/account')
    const refusals: [string, string][] = [
      ...BREACHED.map((password): [string, string] => [password, passwordMessages.breached]),
      [user.email.toUpperCase(), passwordMessages.email],
      ['de tuin van jana claes', passwordMessages.name],
      ['CLAES bakt brood op zondag', passwordMessages.name],
    ]
    for (const [password, reason] of refusals) {
      const response = await changePassword(here, { currentPassword: PASSWORD, password })
      expect(response.status, password).toBe(400)
      expect((await errorsOf(response)).password, password).toContain(reason)
    }
    expect(await signsInWith(user, PASSWORD)).toBe(true)
    expect(await getUser(elsewhere)).toBeDefined()
  })

  it('refuses a repeat that differs and a password under 12 characters, and never sends passwords back', async () => {
    const user = await signedInUser()
    const response = await changePassword(await requestAs(user, '/account'), { currentPassword: PASSWORD, password: 'kort', confirm: 'anders' })
    expect(response.status).toBe(400)
    const answer = ((await response.clone().json()) as Answer).passwordChange
    expect(answer?.error).toMatchObject({ password: ['Het wachtwoord moet minstens 12 tekens lang zijn.'], confirm: ['De twee wachtwoorden zijn niet gelijk.'] })
    expect(await response.text()).not.toContain(PASSWORD)
  })
})

describe('the same policy on /wachtwoord-nieuw (reset and invitation links)', () => {
  async function choose(token: string, password: string) {
    const body = new URLSearchParams({ token, password, confirm: password })
    const request = new Request(`${BASE_URL}/wachtwoord-nieuw?token=${token}`, { method: 'POST', body })
    return (await newPasswordAction({ request, params: {}, context: {} as never }).catch((thrown: unknown) => thrown)) as Response
  }

  it('refuses breached passwords and the owner’s name with the reason, keeps the link usable, then takes a good one', async () => {
    const user = await signedInUser()
    const { token } = await createPasswordLink(db(), user.id, BASE_URL, 1)
    for (const [password, reason] of [...BREACHED.map((p) => [p, passwordMessages.breached]), ['Jana Claes 1990 Gent', passwordMessages.name]]) {
      const response = await choose(token, password!)
      expect(response.status, password).toBe(400)
      const { error } = (await response.json()) as { error: Record<string, string[]> }
      expect(error.password, password).toContain(reason)
    }
    expect(await passwordLinkState(token)).toBe('reset')
    expect(await signsInWith(user, PASSWORD)).toBe(true)

    expect((await choose(token, NEW_PASSWORD)).status).toBe(302)
    expect(await signsInWith(user, NEW_PASSWORD)).toBe(true)
  })
})

describe('the same policy on /werkgever-worden (employer registration)', () => {
  async function register(contact: { contactName: string; contactEmail: string }, password: string) {
    const body = new URLSearchParams({
      ...(await personsHoneypot()),
      organisationName: 'Bakkerij Claes bv',
      enterpriseNumber: enterpriseNumberFrom(randomInt(1_000_000, 19_999_999)),
      employerType: 'private',
      sector: 'Voeding',
      ...contact,
      password,
      passwordConfirm: password,
      'sites[0].name': 'Winkel Gent',
      'sites[0].street': 'Veldstraat 12',
      'sites[0].postcode': '9000',
    })
    const request = new Request(`${BASE_URL}/werkgever-worden`, { method: 'POST', body })
    const response = (await registerAction({ request, params: {}, context: { requestId: 'test', clientIp: freshIp() } }).catch((thrown: unknown) => thrown)) as Response
    const { error } = response.status === 400 ? ((await response.json()) as { error: Record<string, string[]> }) : { error: {} }
    return { status: response.status, passwordErrors: error.password ?? [] }
  }

  it('refuses breached passwords and the contact’s name or address with the reason, and takes a good one', async () => {
    const contact = { contactName: 'Jana Claes', contactEmail: `jana-${randomBytes(4).toString('hex')}@example.test` }
    for (const [password, reason] of [
      ...BREACHED.map((p) => [p, passwordMessages.breached]),
      [contact.contactEmail, passwordMessages.email],
      ['bakkerij van jana 2024', passwordMessages.name],
    ]) {
      expect(await register(contact, password!), password).toEqual({ status: 400, passwordErrors: expect.arrayContaining([reason]) })
    }
    expect(await register(contact, NEW_PASSWORD)).toEqual({ status: 302, passwordErrors: [] })
  })
})
