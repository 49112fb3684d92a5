import { MIN_FILL_MS } from '#app/utils/honeypot.server'

/**
 * One simulated resident of the intake load test: a browser without JavaScript, with its own client address and
 * cookie jar, that fills in the public form one POST per step and follows redirects by hand, like a browser does.
 */
export class LoadError extends Error {}

export type Network = {
  base: string
  /**
   * How long (ms) a request that got no answer at all (refused, reset, closed) is sent again, as a person presses
   * "reload" while the server restarts. 0: only the keep-alive race below is answered, at most twice.
   */
  patience: number
}

/** Requests sent again after getting no answer, over all residents. */
export const resent = { count: 0 }

/** The code of a request that got no answer (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET …); undefined for anything else. */
const networkCode = (error: unknown) => (error instanceof TypeError ? (error.cause as { code?: string } | undefined)?.code : undefined)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export class Resident {
  cookies = new Map<string, string>()
  honeypot: Record<string, string> = {}
  constructor(
    readonly address: string,
    readonly network: Network,
  ) {}

  /** A second tab with the same cookies: to send the same summary page again later. */
  clone() {
    const copy = new Resident(this.address, this.network)
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

  /** A POST that must redirect to `expected`. */
  async post(path: string, form: Record<string, string>, expected: string) {
    const { status, location, body } = await this.request(path, form)
    if (status !== 302 || location !== expected) throw new LoadError(`POST ${path}: ${status} ${location ?? body.slice(0, 120)}`)
  }

  /**
   * A request without an answer is sent again with the same cookies and fields, so the same submission key:
   * safe for every request of the form (steps overwrite their answers; the summary's key makes it idempotent).
   * Without patience, only a connection the server closed while it was being reused (its keep-alive timeout, a
   * frequent race on a loaded machine) is retried. An HTTP answer, even a 500, is never retried.
   */
  private async fetch(path: string, form?: Record<string, string>): Promise<Response> {
    const started = Date.now()
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetch(this.network.base + path, {
          method: form ? 'POST' : 'GET',
          body: form ? new URLSearchParams({ ...this.honeypot, ...form }) : undefined,
          headers: { Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'X-Forwarded-For': this.address, Origin: this.network.base },
          redirect: 'manual',
        })
      } catch (error) {
        const code = networkCode(error)
        const patient = this.network.patience > 0 && code !== undefined && Date.now() - started < this.network.patience
        if (!patient && !(attempt <= 2 && (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'))) throw error
        resent.count += 1
        if (patient) await sleep(Math.min(2_000, 50 * 2 ** attempt))
      }
    }
  }
}

// Phone contact, so the run does not fill the mail outbox; everything else passes every step.
const answers = (lastName: string): [string, Record<string, string>][] => [
  ['naam', { firstName: 'Load', lastName }],
  ['contact', { contactMethod: 'phone', phone: '0470 12 34 56' }],
  ['woonplaats', { postcode: '9000' }],
  ['geboortejaar', { birthYear: '1990' }],
  ['situatie', { situation: 'no_income', inEducation: 'no' }],
  ['werk', { wantsWork: 'yes', wantsTraining: 'no' }],
  ['drempels', { barriers: 'transport' }],
  ['nederlands', { dutchSelfAssessment: 'good' }],
  ['voorkeur', { contactLanguage: 'nl', contactMoments: 'morning' }],
  ['toestemming', { consentProcessing: 'on', consentSharing: 'on' }],
]

const hidden = (html: string, name: string) => html.match(new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`))?.[1]?.replace(/&amp;/g, '&')

/** Loads a page with a form and keeps its honeypot fields; returns when a person could have filled it in. */
export async function openForm(resident: Resident, path: string) {
  const page = await resident.request(path)
  for (const name of ['name__confirm', 'from__confirm']) resident.honeypot[name] = hidden(page.body, name) ?? ''
  // A person reads the page before sending it; the honeypot refuses a form posted sooner than that.
  await sleep(MIN_FILL_MS)
}

/** Fills in every step (the last name marks the run); answers the summary page's submission key. */
export async function fillIn(resident: Resident, lastName: string) {
  await openForm(resident, '/aanmelden?lng=nl')
  // The start page is an index route: its form posts to ?index, as Remix renders it.
  await resident.post('/aanmelden?index&lng=nl', {}, '/aanmelden/naam?lng=nl')
  const steps = answers(lastName)
  for (const [index, [step, fields]] of steps.entries()) {
    await resident.post(`/aanmelden/${step}?lng=nl`, fields, `/aanmelden/${steps[index + 1]?.[0] ?? 'controle'}?lng=nl`)
  }
  const key = hidden((await resident.request('/aanmelden/controle?lng=nl')).body, 'submissionKey')
  if (!key) throw new LoadError('no submission key on the summary page')
  return key
}

/** Sends the summary page. Returns once the server confirmed it: a redirect to the confirmation page. */
export async function sendSummary(resident: Resident, key: string) {
  const sent = await resident.request('/aanmelden/controle?lng=nl', { submissionKey: key })
  if (sent.status === 429) throw new LoadError('429: rate limited (is the server running with TRUST_PROXY=1?)')
  if (sent.status !== 302 || sent.location !== '/aanmelden/klaar?lng=nl') throw new LoadError(`send: ${sent.status} ${sent.location ?? ''}`)
}

export type Confirmed = { reference: string; statusPath: string }

/** The confirmation page the redirect leads to: the reference and the private status link. */
export async function readConfirmation(resident: Resident): Promise<Confirmed> {
  const page = (await resident.request('/aanmelden/klaar?lng=nl')).body
  const reference = page.match(/STP-[2-9A-Z]{4}-[2-9A-Z]{4}/)?.[0]
  const statusPath = page.match(/href="(\/aanmelden\/status\/[\w-]{43}\?lng=nl)"/)?.[1]
  if (!reference || !statusPath) throw new LoadError('the confirmation page shows no reference or status link')
  return { reference, statusPath }
}
