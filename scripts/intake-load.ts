/**
 * Load test of the public intake form against a running server (a script, not a test):
 *
 *   node --import tsx scripts/intake-load.ts --url http://localhost:3000 [--n 500]
 *
 * 1. N residents fill in the whole form at the same time, as a browser without JavaScript does (one POST per
 *    step, cookies kept), and send it;
 * 2. the same N send their summary page again, with the same submission keys (a resubmitted page);
 * 3. every confirmation's private status link is opened: a confirmed intake must be in the database.
 * It prints records created, duplicates and errors, and exits 1 unless there are exactly N records and 0 errors.
 *
 * The form allows 10 submissions per client address in 10 minutes, so every resident here sends its own
 * X-Forwarded-For address: start the server with TRUST_PROXY=true, or most submissions are refused (429).
 */
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: { url: { type: 'string', default: 'http://localhost:3000' }, n: { type: 'string', default: '500' } },
})
const base = new URL(values.url!).origin
const total = Number.parseInt(values.n!, 10)
if (!Number.isInteger(total) || total < 1) throw new Error('--n must be a positive whole number')

// Phone contact, so the run does not fill the mail outbox; everything else passes every step.
const steps: [string, Record<string, string>][] = [
  ['naam', { firstName: 'Load', lastName: 'Test' }],
  ['contact', { contactMethod: 'phone', phone: '0470 12 34 56' }],
  ['woonplaats', { postcode: '9000' }],
  ['geboortejaar', { birthYear: '1990' }],
  ['situatie', { situation: 'no_income' }],
  ['werk', { wantsWork: 'yes', wantsTraining: 'no' }],
  ['drempels', { barriers: 'transport' }],
  ['nederlands', { dutchSelfAssessment: 'good' }],
  ['voorkeur', { contactLanguage: 'nl', contactMoments: 'morning' }],
  ['toestemming', { consentProcessing: 'on', consentSharing: 'on' }],
]

class LoadError extends Error {}
let resent = 0

/** One resident's browser: its own address and cookie jar; redirects are followed by hand, like a browser does. */
class Resident {
  cookies = new Map<string, string>()
  honeypot: Record<string, string> = {}
  constructor(readonly address: string) {}

  clone() {
    const copy = new Resident(this.address)
    copy.cookies = new Map(this.cookies)
    copy.honeypot = this.honeypot
    return copy
  }

  async request(path: string, form?: Record<string, string>) {
    const response = await this.fetch(path, form)
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';')
      const at = pair.indexOf('=')
      if (pair.slice(at + 1) === '' || /max-age=0/i.test(cookie)) this.cookies.delete(pair.slice(0, at))
      else this.cookies.set(pair.slice(0, at), pair.slice(at + 1))
    }
    return { status: response.status, location: response.headers.get('Location'), body: await response.text() }
  }

  /**
   * Like a browser, a request that finds its kept-alive connection closed by the server (a race with the
   * server's keep-alive timeout, frequent on a loaded machine) is sent once more. Safe for every request of the
   * form: steps overwrite their answers and the summary carries its submission key. Counted and reported.
   */
  private async fetch(path: string, form?: Record<string, string>, attempt = 1): Promise<Response> {
    try {
      return await fetch(base + path, {
        method: form ? 'POST' : 'GET',
        body: form ? new URLSearchParams({ ...this.honeypot, ...form }) : undefined,
        headers: { Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'X-Forwarded-For': this.address, Origin: base },
        redirect: 'manual',
      })
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code
      if (attempt > 2 || (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET')) throw error
      resent += 1
      return this.fetch(path, form, attempt + 1)
    }
  }

  /** A POST that must redirect to `expected`. */
  async post(path: string, form: Record<string, string>, expected: string) {
    const { status, location, body } = await this.request(path, form)
    if (status !== 302 || location !== expected) throw new LoadError(`POST ${path}: ${status} ${location ?? body.slice(0, 120)}`)
  }
}

const hidden = (html: string, name: string) => html.match(new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`))?.[1]?.replace(/&amp;/g, '&')

/** Fills in every step; answers the summary's submission key, with the cookies of the form just before sending. */
async function fillIn(resident: Resident) {
  const start = await resident.request('/aanmelden?lng=nl')
  for (const name of ['name__confirm', 'from__confirm']) resident.honeypot[name] = hidden(start.body, name) ?? ''
  // The start page is an index route: its form posts to ?index, as Remix renders it.
  await resident.post('/aanmelden?index&lng=nl', {}, '/aanmelden/naam?lng=nl')
  for (const [index, [step, answers]] of steps.entries()) {
    await resident.post(`/aanmelden/${step}?lng=nl`, answers, `/aanmelden/${steps[index + 1]?.[0] ?? 'controle'}?lng=nl`)
  }
  const key = hidden((await resident.request('/aanmelden/controle?lng=nl')).body, 'submissionKey')
  if (!key) throw new LoadError('no submission key on the summary page')
  return key
}

type Confirmed = { reference: string; statusPath: string }

/** Sends the summary and reads the confirmation page: the reference and the private status link. */
async function send(resident: Resident, key: string): Promise<Confirmed> {
  const sent = await resident.request('/aanmelden/controle?lng=nl', { submissionKey: key })
  if (sent.status === 429) throw new LoadError('429: rate limited (is the server running with TRUST_PROXY=true?)')
  if (sent.status !== 302 || sent.location !== '/aanmelden/klaar?lng=nl') throw new LoadError(`send: ${sent.status} ${sent.location ?? ''}`)
  const page = (await resident.request('/aanmelden/klaar?lng=nl')).body
  const reference = page.match(/STP-[2-9A-Z]{4}-[2-9A-Z]{4}/)?.[0]
  const statusPath = page.match(/href="(\/aanmelden\/status\/[\w-]{43}\?lng=nl)"/)?.[1]
  if (!reference || !statusPath) throw new LoadError('the confirmation page shows no reference or status link')
  return { reference, statusPath }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: string }
async function attempt<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() }
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return { ok: false, error: error instanceof LoadError ? error.message : `${String(error)}${cause ? ` (${cause.code ?? cause.message})` : ''}` }
  }
}

function report(label: string, outcomes: Outcome<unknown>[], started: number) {
  const errors = outcomes.filter((o) => !o.ok) as { error: string }[]
  console.log(`${label}: ${outcomes.length - errors.length} ok, ${errors.length} errors, ${((Date.now() - started) / 1000).toFixed(1)} s`)
  const kinds = new Map<string, number>()
  for (const { error } of errors) kinds.set(error, (kinds.get(error) ?? 0) + 1)
  for (const [error, count] of [...kinds].slice(0, 5)) console.log(`  ${count}× ${error}`)
  return errors.length
}

const residents = Array.from({ length: total }, (_, i) => new Resident(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`))
console.log(`${total} residents fill in and send the intake form at ${base} at the same time`)

let started = Date.now()
const first = await Promise.all(
  residents.map((resident) =>
    attempt(async () => {
      const key = await fillIn(resident)
      const beforeSending = resident.clone()
      return { key, beforeSending, confirmed: await send(resident, key) }
    }),
  ),
)
let errors = report('round 1 (fill in and send)', first, started)

started = Date.now()
const sentFirst = first.flatMap((o) => (o.ok ? [o.value] : []))
const second = await Promise.all(sentFirst.map((s) => attempt(() => send(s.beforeSending, s.key))))
errors += report('round 2 (the same summary pages again)', second, started)

const references = new Set(sentFirst.map((s) => s.confirmed.reference))
let duplicates = 0
for (const [index, outcome] of second.entries()) {
  if (!outcome.ok) continue
  if (outcome.value.reference === sentFirst[index]!.confirmed.reference) duplicates += 1
  else references.add(outcome.value.reference)
}

started = Date.now()
const verified = await Promise.all(
  sentFirst.map((s) =>
    attempt(async () => {
      const page = await new Resident('10.255.255.254').request(s.confirmed.statusPath)
      if (page.status !== 200 || !page.body.includes(s.confirmed.reference)) throw new LoadError(`status page ${page.status}`)
    }),
  ),
)
errors += report('round 3 (every confirmed intake on its status page)', verified, started)

console.log(`records created: ${references.size}, duplicates: ${duplicates}, errors: ${errors} (requests sent again after a connection reset: ${resent})`)
process.exitCode = references.size === total && errors === 0 ? 0 : 1
