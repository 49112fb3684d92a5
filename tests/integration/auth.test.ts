import { randomBytes } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { digest, newSecret } from '#core/crypto.server'
import {
  createPasswordLink,
  requestPasswordReset,
  resetPassword,
  verifyLogin,
} from '#app/auth/password.server'
import { getUser, requireUserWithPermission, signIn, signOut } from '#app/auth/session.server'
import { db } from '#db/client'
import { deleteUserSessions, findApiTokenUser, insertApiToken } from '#db/queries/auth'
import { loadSessionUser } from '#db/queries/users'
import { apiTokens, auditLog, emailMessages, sessions, users } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'
import { deliveredMail } from '#tests/support/mail'

const PASSWORD = 'correct horse battery staple'
const BASE_URL = 'http://localhost:3000'

/** Every test uses its own client address, so the per-IP rate limit of one test never touches another. */
const freshIp = () => `10.${[1, 2, 3].map(() => randomBytes(1)[0]!).join('.')}`

async function newUser(input: Partial<Parameters<typeof createUser>[1]> = {}) {
  const organisation = await createOrganisation(db(), { type: 'employer' })
  return createUser(db(), { organisationId: organisation.id, role: 'employer', password: PASSWORD, ...input })
}

const request = (url = `${BASE_URL}/werkgever`, cookie?: string) =>
  new Request(url, { headers: cookie ? { Cookie: cookie } : {} })

/** Signs in and returns the `name=value` pair a browser would send back. */
async function sessionCookieFor(userId: string) {
  const response = await signIn(request(`${BASE_URL}/inloggen`), userId, 'password', '/werkgever')
  const setCookie = response.headers.get('Set-Cookie')
  expect(setCookie).toMatch(/^stapsteen_session=[^;]+;/)
  return setCookie!.split(';')[0]!
}

const sessionCount = async (userId: string) =>
  (await db().select({ n: sql<number>`count(*)::int` }).from(sessions).where(eq(sessions.userId, userId)))[0]!.n

describe('verifyLogin', () => {
  it('accepts the right password', async () => {
    const user = await newUser()
    expect(await verifyLogin(user.email, PASSWORD, freshIp())).toEqual({ ok: true, userId: user.id })
  })

  it('ignores the case of the email address', async () => {
    const user = await newUser()
    expect(await verifyLogin(user.email.toUpperCase(), PASSWORD, freshIp())).toEqual({ ok: true, userId: user.id })
  })

  it('refuses a wrong password, an unknown email and a disabled user alike', async () => {
    const user = await newUser()
    const disabled = await newUser({ disabledAt: new Date() })
    expect(await verifyLogin(user.email, 'not the password at all', freshIp())).toEqual({ ok: false, reason: 'invalid' })
    expect(await verifyLogin('nobody-here@example.test', PASSWORD, freshIp())).toEqual({ ok: false, reason: 'invalid' })
    expect(await verifyLogin(disabled.email, PASSWORD, freshIp())).toEqual({ ok: false, reason: 'invalid' })
  })

  it('refuses a user who has not chosen a password yet', async () => {
    const organisation = await createOrganisation(db(), { type: 'employer' })
    const user = await createUser(db(), { organisationId: organisation.id })
    expect(user.passwordHash).toBeNull()
    expect(await verifyLogin(user.email, '', freshIp())).toEqual({ ok: false, reason: 'invalid' })
  })
})

describe('sessions', () => {
  it('signIn redirects with a session cookie that getUser recognises', async () => {
    const user = await newUser()
    const response = await signIn(request(`${BASE_URL}/inloggen`), user.id, 'password', '/werkgever')
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/werkgever')
    const setCookie = response.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).toMatch(/Path=\//)
    // Plain http (localhost): no Secure flag, or the browser would drop the cookie.
    expect(setCookie).not.toMatch(/Secure/i)

    const cookie = setCookie.split(';')[0]!
    const current = await getUser(request(undefined, cookie))
    expect(current).toMatchObject({ id: user.id, email: user.email, role: 'employer', organisation: { id: user.organisationId } })
    // The cookie holds a secret; the database only its digest.
    const secret = decodeURIComponent(cookie.split('=')[1]!)
    const [row] = await db().select().from(sessions).where(eq(sessions.userId, user.id))
    expect(row?.idHash).not.toContain(secret.slice(0, 20))
  })

  it('marks the cookie Secure over https', async () => {
    const user = await newUser()
    const response = await signIn(request('https://stapsteen.example.be/inloggen'), user.id, 'password', '/')
    expect(response.headers.get('Set-Cookie')).toMatch(/; Secure/i)
  })

  it('knows nobody without a cookie or with a made-up one', async () => {
    expect(await getUser(request())).toBeUndefined()
    expect(await getUser(request(undefined, `stapsteen_session=${newSecret()}`))).toBeUndefined()
  })

  it('ends a session after 30 idle minutes', async () => {
    const user = await newUser()
    const cookie = await sessionCookieFor(user.id)
    await db().execute(sql`update sessions set last_seen_at = now() - interval '29 minutes' where user_id = ${user.id}`)
    expect(await getUser(request(undefined, cookie))).toMatchObject({ id: user.id })
    // Using it touched last_seen_at again; now let it sit idle past the limit.
    await db().execute(sql`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = ${user.id}`)
    expect(await getUser(request(undefined, cookie))).toBeUndefined()
  })

  it('ends a session at its maximum age, however active', async () => {
    const user = await newUser()
    const cookie = await sessionCookieFor(user.id)
    await db().execute(sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${user.id}`)
    expect(await getUser(request(undefined, cookie))).toBeUndefined()
  })

  it('ends the session of a user who is disabled', async () => {
    const user = await newUser()
    const cookie = await sessionCookieFor(user.id)
    await db().execute(sql`update users set disabled_at = now() where id = ${user.id}`)
    expect(await getUser(request(undefined, cookie))).toBeUndefined()
  })

  it('signOut deletes the session row and clears the cookie', async () => {
    const user = await newUser()
    const cookie = await sessionCookieFor(user.id)
    const other = await sessionCookieFor(user.id)
    expect(await sessionCount(user.id)).toBe(2)
    const response = await signOut(request(`${BASE_URL}/uitloggen`, cookie))
    expect(response.status).toBe(302)
    expect(response.headers.get('Set-Cookie')).toMatch(/^stapsteen_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i)
    expect(await sessionCount(user.id)).toBe(1)
    expect(await getUser(request(undefined, cookie))).toBeUndefined()
    // Only that session: the one on another device stays.
    expect(await getUser(request(undefined, other))).toMatchObject({ id: user.id })
  })

  it('deleteUserSessions revokes every session of one user and no one else', async () => {
    const user = await newUser()
    const bystander = await newUser()
    const cookies = [await sessionCookieFor(user.id), await sessionCookieFor(user.id)]
    const theirs = await sessionCookieFor(bystander.id)
    await deleteUserSessions(db(), user.id)
    expect(await sessionCount(user.id)).toBe(0)
    for (const cookie of cookies) expect(await getUser(request(undefined, cookie))).toBeUndefined()
    expect(await getUser(request(undefined, theirs))).toMatchObject({ id: bystander.id })
  })

  it('writes a session.start audit entry on signIn', async () => {
    const user = await newUser()
    await sessionCookieFor(user.id)
    const entries = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'session.start'), eq(auditLog.subjectId, user.id)))
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ actorUserId: user.id, subjectType: 'user', details: { authMethod: 'password' } })
  })
})

describe('requireUserWithPermission', () => {
  it('sends someone without a session to the login page, remembering where they were going', async () => {
    const thrown = await requireUserWithPermission(request(`${BASE_URL}/admin/gebruikers?pagina=2`), 'dashboard:admin').then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(thrown).toBeInstanceOf(Response)
    const response = thrown as Response
    expect(response.status).toBe(302)
    const location = new URL(response.headers.get('Location')!, BASE_URL)
    expect(location.pathname).toBe('/inloggen')
    expect(location.searchParams.get('redirectTo')).toBe('/admin/gebruikers?pagina=2')
  })

  it('answers 403 to a signed-in user whose role lacks the permission', async () => {
    const user = await newUser()
    const cookie = await sessionCookieFor(user.id)
    const thrown = await requireUserWithPermission(request(`${BASE_URL}/admin`, cookie), 'dashboard:admin').then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).status).toBe(403)
  })

  it('returns the user when the role holds the permission', async () => {
    const user = await newUser()
    const cookie = await sessionCookieFor(user.id)
    await expect(requireUserWithPermission(request(`${BASE_URL}/werkgever`, cookie), 'dashboard:employer')).resolves.toMatchObject({
      id: user.id,
    })
  })
})

describe('password reset', () => {
  const resetMails = (to: string) =>
    db()
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.to, to), eq(emailMessages.template, 'password-reset')))

  const tokenFrom = (text: string) => {
    const match = /\/wachtwoord-nieuw\?token=([A-Za-z0-9_-]+)/.exec(text)
    expect(match, `no reset link in:\n${text}`).not.toBeNull()
    return match![1]!
  }

  it('mails a reset link to an existing user', async () => {
    const user = await newUser()
    await requestPasswordReset(user.email, BASE_URL)
    const mails = await resetMails(user.email)
    expect(mails).toHaveLength(1)
    const { text } = await deliveredMail(mails[0]!.id)
    expect(text).toContain(`${BASE_URL}/wachtwoord-nieuw?token=`)
    expect(tokenFrom(text).length).toBeGreaterThanOrEqual(40)
  })

  it('writes nothing and does not throw for an unknown or disabled address', async () => {
    const before = await db().select({ n: sql<number>`count(*)::int` }).from(emailMessages)
    await expect(requestPasswordReset('nobody-at-all@example.test', BASE_URL)).resolves.toBeUndefined()
    const disabled = await newUser({ disabledAt: new Date() })
    await expect(requestPasswordReset(disabled.email, BASE_URL)).resolves.toBeUndefined()
    const after = await db().select({ n: sql<number>`count(*)::int` }).from(emailMessages)
    expect(after[0]!.n).toBe(before[0]!.n)
  })

  it('sets the new password once, ending every session', async () => {
    const user = await newUser()
    const cookie = await sessionCookieFor(user.id)
    await requestPasswordReset(user.email, BASE_URL)
    const token = tokenFrom((await deliveredMail((await resetMails(user.email))[0]!.id)).text)

    const newPassword = 'a brand new passphrase 2026'
    expect(await resetPassword(token, newPassword)).toBe(true)
    expect(await verifyLogin(user.email, newPassword, freshIp())).toEqual({ ok: true, userId: user.id })
    expect(await verifyLogin(user.email, PASSWORD, freshIp())).toEqual({ ok: false, reason: 'invalid' })
    expect(await sessionCount(user.id)).toBe(0)
    expect(await getUser(request(undefined, cookie))).toBeUndefined()

    // The link works once.
    expect(await resetPassword(token, 'yet another passphrase 2026')).toBe(false)
    expect(await verifyLogin(user.email, newPassword, freshIp())).toEqual({ ok: true, userId: user.id })
  })

  it('refuses an expired link and leaves the password alone', async () => {
    const user = await newUser()
    const { token } = await createPasswordLink(db(), user.id, BASE_URL, 1)
    await db().execute(sql`update password_reset_tokens set expires_at = now() - interval '1 second' where token_hash = ${digest(token)}`)
    expect(await resetPassword(token, 'a brand new passphrase 2026')).toBe(false)
    expect(await verifyLogin(user.email, PASSWORD, freshIp())).toEqual({ ok: true, userId: user.id })
  })

  it('refuses a made-up token', async () => {
    expect(await resetPassword(newSecret(), 'a brand new passphrase 2026')).toBe(false)
  })
})

describe('session users', () => {
  it('come with their organisation and regions, sorted, in one statement; disabled accounts have none', async () => {
    const user = await newUser({ role: 'regional_admin', regions: ['REFREG13', 'REFREG02'] })
    const found = await loadSessionUser(db(), user.id)
    expect(found).toMatchObject({ id: user.id, email: user.email, role: 'regional_admin', regionCodes: ['REFREG02', 'REFREG13'] })
    expect(found?.organisation.id).toBe(user.organisationId)
    expect((await loadSessionUser(db(), (await newUser()).id))?.regionCodes).toEqual([])

    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id))
    expect(await loadSessionUser(db(), user.id)).toBeUndefined()
  })
})

describe('api tokens', () => {
  it('finds the user of a token by its digest, until it is revoked', async () => {
    const user = await newUser()
    const token = `stp_${newSecret()}`
    await insertApiToken(db(), digest(token), user.id)
    const found = await findApiTokenUser(db(), digest(token))
    expect(found?.id).toBe(user.id)
    expect(found).toEqual(await loadSessionUser(db(), user.id))
    const [row] = await db().select().from(apiTokens).where(eq(apiTokens.userId, user.id))
    expect(row?.tokenHash).toBe(digest(token))
    expect(row?.lastUsedAt).toBeInstanceOf(Date)

    expect(await findApiTokenUser(db(), digest(`stp_${newSecret()}`))).toBeUndefined()
    expect(await findApiTokenUser(db(), token)).toBeUndefined()

    await db().update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.userId, user.id))
    expect(await findApiTokenUser(db(), digest(token))).toBeUndefined()
  })
})
