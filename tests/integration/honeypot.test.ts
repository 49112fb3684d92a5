import { createHmac, randomBytes } from 'node:crypto'
import { and, count, eq, isNotNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { HONEYPOT_STAMP, HONEYPOT_TRAP } from '#app/components/honeypot-fields'
import { loader as rootLoader } from '#app/root'
import { action as confirmAction } from '#app/routes/_auth+/e-mail-bevestigen'
import { action as forgotAction } from '#app/routes/_auth+/wachtwoord-vergeten'
import { action as startAction } from '#app/routes/aanmelden+/_index'
import { action as stepAction } from '#app/routes/aanmelden+/$step'
import { action as submitAction } from '#app/routes/aanmelden+/controle'
import { action as registerAction } from '#app/routes/werkgever-worden'
import { digest } from '#core/crypto.server'
import { honeypotVerdict, issueStamp, MAX_AGE_MS, MIN_FILL_MS } from '#app/utils/honeypot.server'
import { db } from '#db/client'
import { insertEmailVerificationToken } from '#db/queries/employer-verification'
import { emailMessages, intakes, organisations, users } from '#db/schema'
import { personsHoneypot, registrationFields, unconfirmedEmployer } from './public-forms-support'
import { BASE_URL, fillIn, IntakeBrowser, location } from './intake-browser'

/**
 * Finding 8 of issue 11: remix-utils' honeypot checked nothing when its fields were left out, so a script that
 * never loaded the page got through every public form. Each public form now refuses a post without the fields,
 * with the trap filled in, with a forged, foreign, expired or too fresh stamp, and takes a person's.
 */
type Fields = Record<string, string>

/** A form: set up what it needs, then send it with given honeypot fields; `made` counts what a post made. */
type PublicForm = {
  name: string
  setUp: () => Promise<{ send: (honeypot: Fields) => Promise<Response>; accepted: string; made: () => Promise<number> }>
}

/** The intake's steps keep their answers in a cookie: what they make is a new cookie. */
const cookieChanges = (browser: IntakeBrowser) => {
  const before = JSON.stringify([...browser.cookies])
  return async () => (JSON.stringify([...browser.cookies]) === before ? 0 : 1)
}
const mailsTo = async (to: string) => (await db().select({ n: count() }).from(emailMessages).where(eq(emailMessages.to, to)))[0]!.n

const forms: PublicForm[] = [
  {
    name: 'the start of the intake',
    setUp: async () => {
      const browser = new IntakeBrowser()
      return {
        send: (honeypot) => browser.post(startAction, '/aanmelden?lng=nl', {}, {}, honeypot),
        accepted: '/aanmelden/naam?lng=nl',
        made: cookieChanges(browser),
      }
    },
  },
  {
    name: 'a step of the intake',
    setUp: async () => {
      const browser = new IntakeBrowser()
      await browser.post(startAction, '/aanmelden?lng=nl', {})
      return {
        send: (honeypot) => browser.post(stepAction, '/aanmelden/naam?lng=nl', { firstName: 'Amina' }, { step: 'naam' }, honeypot),
        accepted: '/aanmelden/contact?lng=nl',
        made: cookieChanges(browser),
      }
    },
  },
  {
    name: 'the summary of the intake',
    setUp: async () => {
      const browser = new IntakeBrowser()
      const submissionKey = await fillIn(browser)
      return {
        send: (honeypot) => browser.post(submitAction, '/aanmelden/controle?lng=nl', { submissionKey }, {}, honeypot),
        accepted: '/aanmelden/klaar?lng=nl',
        made: async () => (await db().select({ n: count() }).from(intakes).where(eq(intakes.submissionKey, submissionKey)))[0]!.n,
      }
    },
  },
  {
    name: 'the employer registration',
    setUp: async () => {
      const fields = registrationFields()
      const browser = new IntakeBrowser()
      return {
        send: (honeypot) => browser.post(registerAction, '/werkgever-worden', fields, {}, honeypot),
        accepted: '/werkgever-worden/e-mail-verstuurd',
        made: async () => (await db().select({ n: count() }).from(organisations).where(eq(organisations.enterpriseNumber, fields.enterpriseNumber)))[0]!.n,
      }
    },
  },
  {
    name: 'forgot password',
    setUp: async () => {
      const user = await unconfirmedEmployer()
      const browser = new IntakeBrowser()
      return {
        send: (honeypot) => browser.post(forgotAction, '/wachtwoord-vergeten', { email: user.email }, {}, honeypot),
        accepted: '/inloggen',
        made: () => mailsTo(user.email),
      }
    },
  },
  {
    name: 'a new confirmation link',
    setUp: async () => {
      const user = await unconfirmedEmployer()
      const browser = new IntakeBrowser()
      return {
        send: (honeypot) => browser.post(confirmAction, '/e-mail-bevestigen', { intent: 'resend', email: user.email }, {}, honeypot),
        accepted: '/inloggen',
        made: () => mailsTo(user.email),
      }
    },
  },
  {
    name: 'confirming an address',
    setUp: async () => {
      const user = await unconfirmedEmployer()
      const token = randomBytes(32).toString('base64url')
      await insertEmailVerificationToken(db(), digest(token), user.id, 48)
      const browser = new IntakeBrowser()
      return {
        send: (honeypot) => browser.post(confirmAction, '/e-mail-bevestigen', { intent: 'confirm', token }, {}, honeypot),
        accepted: '/inloggen',
        made: async () => (await db().select({ n: count() }).from(users).where(and(eq(users.id, user.id), isNotNull(users.emailVerifiedAt))))[0]!.n,
      }
    },
  },
]

/** A stamp of a page made a minute ago, split into its time and its signature. */
const minuteOld = async () => (await issueStamp(Date.now() - 60_000)).split('.') as [string, string]
const stamped = (stamp: string) => ({ [HONEYPOT_TRAP]: '', [HONEYPOT_STAMP]: stamp })

/** What a script sends instead of a person's honeypot fields. */
const refusals: [string, () => Promise<Fields>][] = [
  ['without the honeypot fields', async () => ({})],
  ['without the stamp', async () => ({ [HONEYPOT_TRAP]: '' })],
  ['without the trap', async () => ({ [HONEYPOT_STAMP]: (await personsHoneypot())[HONEYPOT_STAMP]! })],
  ['with the trap filled in', async () => ({ ...(await personsHoneypot()), [HONEYPOT_TRAP]: 'Jan Peeters' })],
  [
    'with a stamp whose time was changed',
    async () => {
      const [time, signature] = await minuteOld()
      return stamped(`${Number(time) - 3_600_000}.${signature}`)
    },
  ],
  [
    'with a stamp signed by another key',
    async () => {
      const [time] = await minuteOld()
      return stamped(`${time}.${createHmac('sha256', randomBytes(32)).update(`honeypot ${time}`).digest('base64url')}`)
    },
  ],
  ['with a stamp that is not one', async () => stamped('U2FsdGVkX1+abc=')],
  ['with an expired stamp', async () => stamped(await issueStamp(Date.now() - MAX_AGE_MS - 60_000))],
  ['faster than a person could', async () => stamped(await issueStamp())],
  ['with a stamp from the future', async () => stamped(await issueStamp(Date.now() + 60_000))],
]

describe.each(forms)('$name', ({ setUp }) => {
  it.each(refusals)('refuses a post %s, and makes nothing', async (_, honeypot) => {
    const form = await setUp()
    const response = await form.send(await honeypot())
    expect(response.status).toBe(400)
    expect(await response.text()).toBe('Dit formulier kon niet verwerkt worden.')
    expect(await form.made()).toBe(0)
  })

  it('takes a post with the honeypot fields as a person sends them', async () => {
    const form = await setUp()
    const response = await form.send(await personsHoneypot())
    expect(location(response)).toBe(form.accepted)
    expect(await form.made()).toBe(1)
  })
})

describe('the stamp of a page', () => {
  it('is refused when the form comes back at once, taken once a person could have filled it in', async () => {
    const page = await rootLoader({ request: new Request(`${BASE_URL}/wachtwoord-vergeten`), params: {}, context: { clientIp: '127.0.0.1', requestId: 'honeypot' } })
    const { honeypotStamp } = (await page.json()) as { honeypotStamp: string }
    const user = await unconfirmedEmployer()
    const send = () => new IntakeBrowser().post(forgotAction, '/wachtwoord-vergeten', { email: user.email }, {}, stamped(honeypotStamp))
    expect((await send()).status).toBe(400)
    await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS))
    expect(location(await send())).toBe('/inloggen')
  })

  it('holds from MIN_FILL_MS up to MAX_AGE_MS after the page was made', async () => {
    const issuedAt = Date.now()
    const form = new FormData()
    form.set(HONEYPOT_TRAP, '')
    form.set(HONEYPOT_STAMP, await issueStamp(issuedAt))
    const at = (ms: number) => honeypotVerdict(form, issuedAt + ms)
    expect(await at(-1)).toBe('too-fast')
    expect(await at(MIN_FILL_MS - 1)).toBe('too-fast')
    expect(await at(MIN_FILL_MS)).toBe('ok')
    expect(await at(MAX_AGE_MS)).toBe('ok')
    expect(await at(MAX_AGE_MS + 1)).toBe('expired')
  })
})
