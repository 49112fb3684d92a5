import { and, desc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '#db/client'
import { emailMessages, users } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'
import { errorSerializer } from '#core/log-serializers'
import { HttpBrowser } from '#tests/support/http-client'
import { deliveredMail } from '#tests/support/mail'
import { startWebServer, type WebServer } from '#tests/support/web-server'
import { answers } from './intake-browser'

/**
 * Issue 11, finding 3: `npm start` with every log line on (trace), through a login, a password reset, an intake
 * and a visit to its status page over real HTTP; then nothing secret or personal may be anywhere in its output.
 */
const PASSWORD = 'correct horse battery staple'
const NEW_PASSWORD = 'a new horse, another staple'
const RESIDENT = { firstName: 'Zoltana', lastName: 'Wyndebroek', email: 'zoltana.wyndebroek@example.test', phone: '0470918273' }

let server: WebServer
let user: { id: string; email: string; name: string; organisationId: string }

beforeAll(async () => {
  server = await startWebServer({ LOG_LEVEL: 'trace' })
  const organisation = await createOrganisation(db(), { type: 'employer' })
  user = await createUser(db(), { organisationId: organisation.id, role: 'employer', password: PASSWORD, name: 'Bertilde Vanmaercke' })
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

const latestResetToken = async () => {
  const [mail] = await db()
    .select({ id: emailMessages.id })
    .from(emailMessages)
    .where(and(eq(emailMessages.to, user.email), eq(emailMessages.template, 'password-reset')))
    .orderBy(desc(emailMessages.createdAt))
    .limit(1)
  expect(mail, 'a reset mail').toBeDefined()
  const token = /\/wachtwoord-nieuw\?token=([\w-]+)/.exec((await deliveredMail(mail!.id)).text)?.[1]
  expect(token, 'the reset link as delivered').toBeDefined()
  return token!
}

const cookieValue = (browser: HttpBrowser, name: string) => {
  const value = browser.cookies.get(name)
  expect(value, `cookie ${name}`).toBeTruthy()
  return value!
}

describe('the log of a login, a reset, an intake and a status visit (finding 3)', () => {
  it('holds no secret and no personal datum, and names the routes that ran', async () => {
    const secrets: Record<string, string> = { password: PASSWORD, newPassword: NEW_PASSWORD }

    const staff = new HttpBrowser(server.port)
    expect((await staff.submit('/inloggen', { email: user.email, password: PASSWORD })).status).toBe(302)
    secrets.session = cookieValue(staff, 'stapsteen_session')
    expect((await staff.get('/werkgever')).status).toBe(200)

    const forgetful = new HttpBrowser(server.port)
    expect((await forgetful.submit('/wachtwoord-vergeten', { email: user.email })).status).toBe(302)
    // The toast ("Als <address> bij een account hoort …") travels in a cookie: sealed, so the address is not in it.
    secrets.toast = cookieValue(forgetful, 'stapsteen_toast')
    expect(Buffer.from(decodeURIComponent(secrets.toast), 'base64').toString('latin1')).not.toContain(user.email)
    expect((await forgetful.get('/inloggen')).text).toContain(user.email)
    secrets.resetToken = await latestResetToken()
    const reset = await forgetful.submit(`/wachtwoord-nieuw?token=${secrets.resetToken}`, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })
    expect(reset.status).toBe(302)
    expect((await new HttpBrowser(server.port).submit('/inloggen', { email: user.email, password: NEW_PASSWORD })).status).toBe(302)

    const resident = new HttpBrowser(server.port)
    const started = await resident.submit('/aanmelden?lng=nl', {})
    expect(started.headers.location).toBe('/aanmelden/naam?lng=nl')
    const steps = answers({
      naam: { firstName: RESIDENT.firstName, lastName: RESIDENT.lastName },
      contact: { contactMethod: 'email', email: RESIDENT.email, phone: RESIDENT.phone },
    })
    for (const [step, fields] of Object.entries(steps)) {
      const answer = await resident.submit(`/aanmelden/${step}?lng=nl`, fields)
      expect(answer.status, `step ${step}: ${answer.text.slice(0, 500)}`).toBe(302)
    }
    const summary = await resident.get('/aanmelden/controle?lng=nl')
    expect(summary.text).toContain(RESIDENT.lastName)
    expect((await resident.submit('/aanmelden/controle?lng=nl', {})).headers.location).toBe('/aanmelden/klaar?lng=nl')
    const done = await resident.get('/aanmelden/klaar?lng=nl')
    const statusPath = /\/aanmelden\/status\/([\w-]+)/.exec(done.text)
    expect(statusPath, 'the status link on the confirmation page').not.toBeNull()
    secrets.statusToken = statusPath![1]!
    secrets.intakeDraft = cookieValue(resident, 'stapsteen_intake')
    expect((await new HttpBrowser(server.port).get(`/aanmelden/status/${secrets.statusToken}?lng=nl`)).status).toBe(200)

    // A last request whose line, once there, says every line before it is too (however the request is logged).
    expect((await resident.get('/aanmelden/privacy?lng=nl')).status).toBe(200)
    await server.waitForOutput('/aanmelden/privacy')
    const log = server.output()
    for (const [name, secret] of Object.entries(secrets)) {
      expect(log, `the ${name}`).not.toContain(secret)
      expect(log, `the ${name}, URL-decoded`).not.toContain(decodeURIComponent(secret))
    }
    const personal = { ...RESIDENT, userEmail: user.email, userName: user.name }
    for (const [name, datum] of Object.entries(personal)) expect(log.toLowerCase(), `the ${name}`).not.toContain(datum.toLowerCase())
    // And logging was on: the request lines are there, each naming its route by pattern.
    expect(log).toContain('"route":"/aanmelden/status/:token"')
    expect(log).toContain('"route":"/wachtwoord-nieuw"')
    expect(log).toContain('"route":"/inloggen"')
  })
})

describe('a database error in the log (finding 3)', () => {
  it('keeps the statement and the constraint, not the values the query was about', async () => {
    const failure = await db()
      .insert(users)
      .values({ email: user.email, name: 'Tweede Bertilde', role: 'employer', organisationId: user.organisationId })
      .then(() => null, (error: unknown) => error)
    expect(failure).toBeInstanceOf(Error)
    // Unserialised, the error carries the address twice: in drizzle's "params:" and in PostgreSQL's detail.
    expect(JSON.stringify({ message: (failure as Error).message, cause: (failure as Error).cause })).toContain(user.email)
    const serialized = errorSerializer(failure) as { message: string; cause: { code: string; constraint_name: string } }
    expect(serialized.message).toMatch(/^Failed query: insert into "users" .* values \(default, \$1, \$2/)
    expect(serialized.cause).toMatchObject({ code: '23505', constraint_name: 'users_email_lower_idx' })
    const logged = JSON.stringify(serialized)
    expect(logged).not.toContain(user.email)
    expect(logged).not.toContain('Tweede Bertilde')
  })
})
