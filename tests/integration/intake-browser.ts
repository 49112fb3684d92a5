import { randomBytes } from 'node:crypto'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { expect } from 'vitest'
import { action as startAction } from '#app/routes/aanmelden+/_index'
import { action as stepAction } from '#app/routes/aanmelden+/$step'
import { action as submitAction, loader as summaryLoader } from '#app/routes/aanmelden+/controle'
import { loader as doneLoader } from '#app/routes/aanmelden+/klaar'
import type { IntakeStep } from '#app/features/intake/intake-steps'
import { cookieHeader, keepCookies } from '#tests/support/cookie-jar'
import { personsHoneypot } from './public-forms-support'

/**
 * A browser for the intake form's routes, without a server: it keeps cookies between requests and follows
 * nothing by itself, so a test sees every redirect. Each browser has its own client address.
 */
export const BASE_URL = 'http://localhost:3000'

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>
type Fields = Record<string, string | string[]>

export const freshIp = () => `10.${[1, 2, 3].map(() => randomBytes(1)[0]!).join('.')}`

export class IntakeBrowser {
  cookies = new Map<string, string>()
  constructor(readonly ip = freshIp()) {}

  /** A second browser with the same cookies: the same page open twice, or a double click. */
  clone() {
    const copy = new IntakeBrowser(this.ip)
    copy.cookies = new Map(this.cookies)
    return copy
  }

  async get(handler: Handler, path: string, params: Record<string, string> = {}) {
    return this.send(handler, new Request(BASE_URL + path, { headers: this.headers() }), params)
  }

  /** Sends the page's honeypot fields as a person's browser does, unless a test gives others (honeypot.test.ts). */
  async post(handler: Handler, path: string, fields: Fields, params: Record<string, string> = {}, honeypot?: Fields) {
    const body = new FormData()
    for (const [name, value] of Object.entries({ ...(honeypot ?? (await personsHoneypot())), ...fields })) for (const item of [value].flat()) body.append(name, item)
    return this.send(handler, new Request(BASE_URL + path, { method: 'POST', body, headers: this.headers() }), params)
  }

  private headers() {
    return { Cookie: cookieHeader(this.cookies) }
  }

  private async send(handler: Handler, request: Request, params: Record<string, string>): Promise<Response> {
    let response: unknown
    try {
      response = await handler({ request, params, context: { clientIp: this.ip, requestId: 'test' } })
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown
      response = thrown
    }
    if (!(response instanceof Response)) throw new Error('The route answered no Response')
    keepCookies(this.cookies, response.headers.getSetCookie())
    return response
  }
}

export const location = (response: Response) => response.headers.get('Location')

/** Answers that pass every step; a test overrides what it is about. */
export function answers(overrides: Partial<Record<IntakeStep, Fields>> = {}): Record<IntakeStep, Fields> {
  return {
    naam: { firstName: 'Amina', lastName: 'El Idrissi' },
    contact: { contactMethod: 'email', email: `amina-${randomBytes(4).toString('hex')}@example.test` },
    woonplaats: { postcode: '9000' },
    geboortejaar: { birthYear: '1990' },
    situatie: { situation: 'no_income', inEducation: 'no' },
    werk: { wantsWork: 'yes', wantsTraining: 'yes' },
    drempels: { barriers: ['debts'] },
    nederlands: { dutchSelfAssessment: 'a_little' },
    voorkeur: { contactLanguage: 'ar', contactMoments: ['morning'] },
    toestemming: { consentProcessing: 'on', consentSharing: 'on' },
    ...overrides,
  }
}

/** Starts the form (unless a channel or partner page started it) and answers every step; answers the summary's key. */
export async function fillIn(browser: IntakeBrowser, language = 'nl', overrides: Partial<Record<IntakeStep, Fields>> = {}, start = true) {
  if (start) expect(location(await browser.post(startAction, `/aanmelden?lng=${language}`, {}))).toBe(`/aanmelden/naam?lng=${language}`)
  for (const [step, fields] of Object.entries(answers(overrides))) {
    const response = await browser.post(stepAction, `/aanmelden/${step}?lng=${language}`, fields, { step })
    expect(response.status, `step ${step}: ${await response.clone().text()}`).toBe(302)
  }
  const summary = await browser.get(summaryLoader, `/aanmelden/controle?lng=${language}`)
  expect(summary.status).toBe(200)
  return ((await summary.json()) as { submissionKey: string }).submissionKey
}

export const submit = (browser: IntakeBrowser, submissionKey: string, language = 'nl') =>
  browser.post(submitAction, `/aanmelden/controle?lng=${language}`, { submissionKey })

/** The confirmation page's data, as the browser that sent the form sees it. */
export async function confirmation(browser: IntakeBrowser, language = 'nl') {
  const response = await browser.get(doneLoader, `/aanmelden/klaar?lng=${language}`)
  expect(response.status).toBe(200)
  return (await response.json()) as { reference: string; next: string; contactWay: string; statusPath: string; statusUrl: string }
}
