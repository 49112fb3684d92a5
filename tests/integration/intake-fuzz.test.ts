import fs from 'node:fs'
import type { ActionFunctionArgs } from '@remix-run/node'
import { getZodConstraint } from '@conform-to/zod'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { contactSchema, erasureSchema, intakeSteps, isIntakeStep, nextStep, stepSchemas } from '#app/features/intake/intake-steps'
import { action as stepAction } from '#app/routes/aanmelden+/$step'
import { action as startAction } from '#app/routes/aanmelden+/_index'
import { action as submitAction } from '#app/routes/aanmelden+/controle'
import { loader as channelLoader } from '#app/routes/aanmelden+/k.$code'
import { action as statusAction } from '#app/routes/aanmelden+/status.$token'
import { db } from '#db/client'
import { intakeChannels } from '#db/schema'
import { intakeLanguages } from '#domain/values'
import { createOrganisation } from '#db/seed/factories'
import { personsHoneypot } from './public-forms-support'
import { BASE_URL, confirmation, fillIn, freshIp, IntakeBrowser, submit } from './intake-browser'

/**
 * Issue 5: "fuzzed form input never yields a 500; every rejection names the field". tests/unit/intake-steps.test.ts
 * fuzzes the step schemas on their own; here whole requests go through the real route actions: form-data parsing,
 * honeypot, draft cookie, language detection, the checks against the database, the status page's intents.
 * A route that throws anything but a Response would be a 500 in the server.
 */
const NUM_RUNS = 200

type Value = string | File
type Entries = [string, Value][]
type Handler = (args: ActionFunctionArgs) => Promise<unknown>

/**
 * Posts raw entries (repeated names, files, odd names) with a raw Cookie header: what a crafted request can send,
 * behind a person's honeypot fields unless the entries are about the honeypot itself.
 */
async function post(handler: Handler, path: string, entries: Entries, headers: Record<string, string>, params: Record<string, string>, honeypot = true) {
  const body = new FormData()
  for (const [name, value] of [...(honeypot ? Object.entries(await personsHoneypot()) : []), ...entries]) body.append(name, value)
  const request = new Request(BASE_URL + path, { method: 'POST', body, headers })
  let response: unknown
  try {
    response = await handler({ request, params, context: { clientIp: freshIp(), requestId: 'fuzz' } })
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    response = thrown
  }
  if (!(response instanceof Response)) throw new Error('The route answered no Response')
  expect(response.status, `${path} answered ${response.status}`).toBeLessThan(500)
  return response
}

const cookieHeader = (browser: IntakeBrowser) => [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ')

// --- What a person, a broken browser or a bot may send ---

const bidi = fc
  .array(fc.oneof(fc.constantFrom('\u200F', '\u200E', '\u202E', '\u202B', '\u2066', '\u2069', '\u061C', '\u0000', 'أمينة', 'Олена', '0470'), fc.string({ maxLength: 4 })), { maxLength: 8 })
  .map((parts) => parts.join(''))
const number = fc.oneof(fc.integer(), fc.double(), fc.bigInt(), fc.constantFrom('NaN', 'Infinity', '-0', '1e309', '0x7C6', '1990.5', ' 1990 ', '１９９０')).map(String)
// Built by repetition: long strings from fast-check itself would make every run slow.
const huge = fc.tuple(fc.string({ minLength: 1, maxLength: 3 }), fc.integer({ min: 500, max: 100_000 })).map(([part, times]) => part.repeat(times))
const file = fc.uint8Array({ maxLength: 64 }).map((bytes) => new File([bytes], 'x.bin'))

/** A value for a field: often an option of that very field (so the checks behind the schema run), often not. */
const valueFor = (options: string[]): fc.Arbitrary<Value> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...options, ''), weight: 4 },
    { arbitrary: fc.constantFrom(...options).map((option) => ` ${option.toUpperCase()} `), weight: 1 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 100 }), weight: 1 },
    { arbitrary: bidi, weight: 1 },
    { arbitrary: number, weight: 1 },
    { arbitrary: huge, weight: 1 },
    { arbitrary: file, weight: 1 },
  )

// Conform reads `name[3]` and `name.x` as paths into lists and objects; the honeypot's fields have their own test.
const HONEYPOT_FIELDS = ['name__confirm', 'from__confirm']
const nameFor = (fields: string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...fields), weight: 8 },
    { arbitrary: fc.tuple(fc.constantFrom(...fields), fc.constantFrom('[', '.'), fc.nat({ max: 2 ** 32 })).map(([field, kind, i]) => (kind === '[' ? `${field}[${i}]` : `${field}.${i}`)), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom(...fields), fc.constantFrom('[]', '.x', '.__proto__', '[0].y')).map(([field, suffix]) => field + suffix), weight: 1 },
    { arbitrary: fc.constantFrom('__proto__', '__proto__.polluted', 'constructor.prototype.polluted', 'intent', 'submissionKey', ''), weight: 1 },
    { arbitrary: fc.string({ maxLength: 16 }).filter((name) => !HONEYPOT_FIELDS.includes(name)), weight: 1 },
  )

/**
 * Entries: either a form as a browser sends it (each field once or not at all, with one of its options), or
 * anything: fields zero, one or several times (a list where one value is expected), odd names, unknown fields.
 */
const entriesFor = (fieldOptions: Record<string, string[]>): fc.Arbitrary<Entries> => {
  const fields = Object.keys(fieldOptions)
  const asSent = fc
    .tuple(...fields.map((field) => fc.option(fc.constantFrom(...fieldOptions[field]!), { nil: undefined })))
    .map((values) => fields.flatMap((field, i): Entries => (values[i] === undefined ? [] : [[field, values[i]]])))
  // The longest field name that starts the name: `contactLanguageOther.x` belongs to contactLanguageOther.
  const byLength = [...fields].sort((a, b) => b.length - a.length)
  const optionsOf = (name: string) => fieldOptions[byLength.find((field) => name.startsWith(field)) ?? ''] ?? ['x']
  const entry = nameFor(fields).chain((name) => valueFor(optionsOf(name)).map((value): [string, Value] => [name, value]))
  return fc.oneof(asSent, fc.array(entry, { maxLength: 10 }))
}

/** Header text a client can send (HTTP headers are bytes; fetch's Headers take Latin-1). */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 80 })
const languageParam = fc.oneof(fc.constantFrom(...intakeLanguages), fc.constant(undefined), fc.string({ maxLength: 8 }))
const withLanguage = (path: string, language: string | undefined) => (language === undefined ? path : `${path}?${new URLSearchParams({ lng: language })}`)

// --- What a rejection must look like ---

const translations = intakeLanguages.map((language) => JSON.parse(fs.readFileSync(`public/locales/${language}/intake.json`, 'utf8')) as Record<string, unknown>)
const isTranslated = (key: string) => translations.every((texts) => typeof key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], texts) === 'string')

/** A 400 of a form: errors under fields of that form (a list's item counts as its list), in every language. */
async function expectFieldErrors(response: Response, fields: string[], label: string) {
  const body = (await response.json()) as { result?: { error?: Record<string, string[] | null> } }
  const named = Object.entries(body.result?.error ?? {}).filter(([, messages]) => messages?.length)
  expect(named.length, `${label}: a 400 that names no field: ${JSON.stringify(body).slice(0, 300)}`).toBeGreaterThan(0)
  for (const [path, messages] of named) {
    expect(fields, `${label}: "${path}" is no field of the form`).toContain(path.replace(/[[.].*$/, ''))
    for (const message of messages!) expect(isTranslated(message), `${label}.${path}: "${message}" is not translated in every language`).toBe(true)
  }
}

const fieldsOf = (schema: Parameters<typeof getZodConstraint>[0]) => Object.keys(getZodConstraint(schema))

// Each step's fields with the values its form offers (and a few more that pass or almost pass).
const options: Record<string, string[]> = {
  firstName: ['Amina', 'A', 'x'.repeat(81)],
  lastName: ['El Idrissi', 'x'.repeat(81)],
  contactMethod: ['phone', 'email', 'organisation'],
  phone: ['0470 12 34 56', '+32 470 12 34 56', '0038 050 123 45 67', '123'],
  email: ['amina@example.test', 'not an address', `${'a'.repeat(250)}@example.test`],
  postcode: ['9000', '1804', '1000', '0000', '99999'],
  municipalityNis: ['23096', '23094', '44021', '1234'],
  birthYear: ['1990', String(new Date().getFullYear() - 10), '1800'],
  situation: ['no_income', 'leefloon', 'unemployment_benefit', 'other'],
  inEducation: ['yes', 'no', 'maybe'],
  wantsWork: ['yes', 'maybe', 'not_now'],
  wantsTraining: ['yes', 'no', 'unknown'],
  barriers: ['debts', 'transport', 'other', 'childcare'],
  barrierOther: ['mantelzorg', '   '],
  dutchSelfAssessment: ['none', 'a_little', 'good'],
  contactLanguage: ['nl', 'ar', 'other'],
  contactLanguageOther: ['Tigrinya', ''],
  contactMoments: ['morning', 'afternoon', 'evening'],
  consentProcessing: ['on', 'off', 'true'],
  consentSharing: ['on', 'false'],
  confirm: ['on', 'yes'],
}
const optionsOf = (fields: string[]) => Object.fromEntries(fields.map((field) => [field, options[field] ?? ['x']]))

let plain: IntakeBrowser
let viaChannel: IntakeBrowser
beforeAll(async () => {
  await createOrganisation(db(), { type: 'ocmw', name: 'OCMW Gent (fuzz)', municipalities: ['44021'] })
  await createOrganisation(db(), { type: 'vdab', name: 'VDAB Gent (fuzz)', regions: ['REFREG13'] })
  const partner = await createOrganisation(db(), { type: 'outreach_partner', name: 'Buurthuis (fuzz)' })
  await db().insert(intakeChannels).values({ code: 'fuzz-kanaal', organisationId: partner.id, name: 'Onthaal', language: 'ar' })
  // Two drafts: one started on the form itself, one through a channel (contact "through the organisation" exists).
  plain = new IntakeBrowser()
  await plain.post(startAction, '/aanmelden?lng=nl', {})
  viaChannel = new IntakeBrowser()
  await viaChannel.get(channelLoader, '/aanmelden/k/fuzz-kanaal', { code: 'fuzz-kanaal' })
  expect([plain.cookies.size, viaChannel.cookies.size]).toEqual([1, 1])
})

/** A draft cookie: a real one mostly; else none, garbage, or a real one with one character changed. */
const cookieArbitrary = () =>
  fc.oneof(
    { arbitrary: fc.constantFrom('plain', 'channel').map((which) => ({ valid: true, header: cookieHeader(which === 'plain' ? plain : viaChannel) })), weight: 6 },
    { arbitrary: fc.oneof(headerText, headerText.map((text) => `stapsteen_intake=${text}`)).map((header) => ({ valid: false, header })), weight: 1 },
    {
      arbitrary: fc.nat().map((at) => {
        const header = cookieHeader(plain)
        const index = 'stapsteen_intake='.length + (at % (header.length - 'stapsteen_intake='.length))
        return { valid: false, header: header.slice(0, index) + (header[index] === 'A' ? 'B' : 'A') + header.slice(index + 1) }
      }),
      weight: 1,
    },
  )

describe('fuzzing the steps of the intake form through their actions', () => {
  it(`never answers 5xx; a rejection names a field of the step with a translated message (${NUM_RUNS * intakeSteps.length} requests)`, async () => {
    const step = fc.oneof({ arbitrary: fc.constantFrom(...intakeSteps), weight: 20 }, { arbitrary: fc.string({ maxLength: 12 }), weight: 1 })
    const request = step.chain((name) => {
      const fields = isIntakeStep(name) ? fieldsOf(stepSchemas[name]) : ['firstName']
      return fc.record({ step: fc.constant(name), entries: entriesFor(optionsOf(fields)), cookie: cookieArbitrary(), language: languageParam, acceptLanguage: fc.option(headerText) })
    })
    const seen = { 302: 0, 400: 0 }
    await fc.assert(
      fc.asyncProperty(request, async ({ step, entries, cookie, language, acceptLanguage }) => {
        const headers: Record<string, string> = { Cookie: cookie.header, ...(acceptLanguage === null ? {} : { 'Accept-Language': acceptLanguage }) }
        const response = await post(stepAction, withLanguage(`/aanmelden/${encodeURIComponent(step)}`, language), entries, headers, { step })
        const location = response.headers.get('Location') ?? ''
        if (!isIntakeStep(step)) expect(response.status).toBe(404)
        else if (!cookie.valid) expect(location).toMatch(/^\/aanmelden\?lng=\w\w&verlopen=1$/)
        else if (response.status === 302) expect(location).toMatch(new RegExp(`^/aanmelden/${nextStep(step)}\\?lng=\\w\\w$`))
        else {
          expect(response.status).toBe(400)
          await expectFieldErrors(response, fieldsOf(stepSchemas[step]), step)
        }
        if (isIntakeStep(step) && cookie.valid) seen[response.status as 302 | 400] += 1
      }),
      { numRuns: NUM_RUNS * intakeSteps.length },
    )
    // The generators reach both sides: steps accepted and steps refused, each in good numbers.
    expect(Math.min(seen[302], seen[400])).toBeGreaterThan(NUM_RUNS)
  })

  // Once half a minute of CPU per request (a list of a billion empty places), or the process out of memory.
  it.each<[keyof typeof stepSchemas, Entries]>([
    ['drempels', [['barriers[999999999]', 'debts']]],
    ['drempels', [['barriers', 'debts'], ['barriers', 'transport'], ['barriers.999999999', 'x']]],
    ['naam', [['firstName[4294967294]', 'Amina']]],
    ['voorkeur', [['contactLanguage', 'nl'], ['contactMoments[99999999]', 'morning']]],
  ])('answers a list index of a billion in a field name of step %s at once', async (step, entries) => {
    const started = Date.now()
    const response = await post(stepAction, `/aanmelden/${step}?lng=nl`, entries, { Cookie: cookieHeader(plain) }, { step })
    expect(Date.now() - started).toBeLessThan(1_000)
    if (response.status === 400) await expectFieldErrors(response, fieldsOf(stepSchemas[step]), step)
    else expect(response.status).toBe(302)
  })

  it('answers a missing, filled-in or garbled honeypot with a plain 400, never a 5xx', async () => {
    // The stamp is "<milliseconds>.<HMAC in base64url>": look-alikes have the shape and a signature of their own.
    // It is only checked when the trap is present and empty, as a person's browser sends it.
    const base64url = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')
    const signature = fc.string({ unit: base64url, minLength: 43, maxLength: 43 })
    const lookAlike = fc.tuple(fc.oneof(fc.nat(), fc.constant(Date.now() - 60_000)), signature).map(([time, mac]) => `${time}.${mac}`)
    const value = fc.oneof(headerText, fc.string({ unit: 'binary', maxLength: 60 }), lookAlike)
    const honeypot = fc
      .record({ name: fc.option(fc.oneof({ arbitrary: fc.constant(''), weight: 3 }, { arbitrary: value, weight: 1 })), from: fc.option(value) })
      .map(({ name, from }): Entries => [...(name === null ? [] : [['name__confirm', name] as [string, Value]]), ...(from === null ? [] : [['from__confirm', from] as [string, Value]])])
    await fc.assert(
      fc.asyncProperty(honeypot, fc.constantFrom(...intakeSteps), async (entries, step) => {
        const response = await post(stepAction, `/aanmelden/${step}?lng=nl`, entries, { Cookie: cookieHeader(plain) }, { step }, false)
        expect(response.status).toBe(400)
      }),
      { numRuns: 200 },
    )
  })
})

describe('fuzzing the start and summary actions', () => {
  it('never answers 5xx, whatever the fields and cookies', async () => {
    const complete = new IntakeBrowser()
    await fillIn(complete)
    const completeCookie = cookieHeader(complete)
    const fields = entriesFor({ submissionKey: ['x'.repeat(43)], intent: ['x'] })
    const cookie = fc.oneof(cookieArbitrary(), fc.constant({ valid: true, header: completeCookie }))
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('start', 'summary'), fields, cookie, languageParam, async (page, entries, { header }, language) => {
        const [handler, path] = page === 'start' ? [startAction, '/aanmelden'] : [submitAction, '/aanmelden/controle']
        const response = await post(handler, withLanguage(path, language), entries, { Cookie: header }, {})
        // No form on these pages has a field a person types in: every answer is a redirect.
        expect(response.status, await response.clone().text()).toBe(302)
      }),
      { numRuns: 300 },
    )
  })
})

describe('fuzzing the status page’s actions', () => {
  it('never answers 5xx; a rejected correction or erasure names its field', async () => {
    const browser = new IntakeBrowser()
    const key = await fillIn(browser)
    await submit(browser, key)
    const { statusPath } = await confirmation(browser)
    const token = statusPath.split('/')[3]!.split('?')[0]!
    const contactFields = fieldsOf(contactSchema)
    const eraseFields = fieldsOf(erasureSchema)
    const intent: fc.Arbitrary<string[]> = fc.oneof(
      { arbitrary: fc.constantFrom('contact', 'withdraw', 'erase').map((name) => [name]), weight: 8 },
      { arbitrary: fc.array(fc.oneof(fc.constantFrom('contact', 'erase'), fc.string({ maxLength: 8 })), { maxLength: 3 }), weight: 1 },
    )
    const request = fc.record({
      intent,
      // Random fields are mostly refused; one request in four is a valid answer to either form, so both sides
      // are reached in good numbers (see the count at the end).
      entries: fc.oneof(
        { arbitrary: entriesFor(optionsOf([...contactFields, ...eraseFields])), weight: 3 },
        { arbitrary: fc.constant<Entries>([['contactMethod', 'phone'], ['phone', '0470 12 34 56'], ['confirm', 'on']]), weight: 1 },
      ),
      token: fc.oneof({ arbitrary: fc.constant(token), weight: 10 }, { arbitrary: fc.string({ maxLength: 50 }), weight: 1 }),
      language: languageParam,
    })
    const seen = { 302: 0, 400: 0 }
    await fc.assert(
      fc.asyncProperty(request, async ({ intent, entries, token: asked, language }) => {
        const path = withLanguage(`/aanmelden/status/${encodeURIComponent(asked)}`, language)
        const all: Entries = [...intent.map((name): [string, Value] => ['intent', name]), ...entries.filter(([name]) => name !== 'intent')]
        const response = await post(statusAction, path, all, {}, { token: asked })
        const chosen = intent[0]
        if (asked !== token) expect(response.status).toBe(404)
        // The intent is the hidden field of each form, not something a person types: a wrong one is a plain 400.
        else if (chosen !== 'contact' && chosen !== 'withdraw' && chosen !== 'erase') expect(response.status).toBe(400)
        else if (response.status !== 302) {
          expect(response.status).toBe(400)
          await expectFieldErrors(response, chosen === 'contact' ? contactFields : eraseFields, `status ${chosen}`)
        }
        if (asked === token && ['contact', 'erase'].includes(chosen!)) seen[response.status as 302 | 400] += 1
      }),
      { numRuns: 300 },
    )
    expect(Math.min(seen[302], seen[400])).toBeGreaterThan(20)
  })
})
