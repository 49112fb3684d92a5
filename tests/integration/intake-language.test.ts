import type { LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { loader as homeLoader } from '#app/routes/_index'
import { action as startAction, loader as startLoader } from '#app/routes/aanmelden+/_index'
import { loader as stepLoader } from '#app/routes/aanmelden+/$step'
import { cookieHeader } from '#tests/support/cookie-jar'
import { BASE_URL, IntakeBrowser, location } from './intake-browser'

/** Issue 16: a browser that asks for Arabic gets the Arabic form, unless the resident chose another language. */
type Loader = (args: LoaderFunctionArgs) => Promise<Response>
async function get(loader: Loader, path: string, headers: Record<string, string>, params: Record<string, string> = {}) {
  try {
    return await loader({ request: new Request(BASE_URL + path, { headers }), params, context: { clientIp: '10.9.9.9', requestId: 'test' } })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

describe('the language of /aanmelden', () => {
  it.each([
    ['ar', 'ar'],
    ['fr;q=0.9', 'fr'],
    ['de-DE, de;q=0.9, fr;q=0.8', 'fr'],
    ['nl-BE, ar;q=0.8', 'nl'],
    ['fr;q=0.5, tr;q=0.9', 'tr'],
    ['uk-UA', 'uk'],
    ['ar;q=0, en;q=0.1', 'en'],
    ['xx, pt-BR;q=0.9', 'nl'],
    ['', 'nl'],
  ])('sends a first visit with Accept-Language "%s" to the form in %s', async (header, language) => {
    const response = await get(startLoader, '/aanmelden', header ? { 'Accept-Language': header } : {})
    expect(response.status).toBe(302)
    expect(location(response)).toBe(`/aanmelden?lng=${language}`)
  })

  it('opens the form in the language in the address (a language button), whatever the browser asks', async () => {
    const response = await get(startLoader, '/aanmelden?lng=fr', { 'Accept-Language': 'ar' })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ title: "Trouver de l'aide pour un emploi ou une formation" })
  })

  it('sends a step without ?lng= to the browser’s language before the form started, to the chosen one after', async () => {
    const before = await get(stepLoader, '/aanmelden/naam', { 'Accept-Language': 'ar' }, { step: 'naam' })
    expect(location(before)).toBe('/aanmelden/naam?lng=ar')

    const browser = new IntakeBrowser()
    expect(location(await browser.post(startAction, '/aanmelden?lng=fr', {}))).toBe('/aanmelden/naam?lng=fr')
    const cookies = { Cookie: cookieHeader(browser.cookies), 'Accept-Language': 'ar' }
    expect(location(await get(stepLoader, '/aanmelden/naam', cookies, { step: 'naam' }))).toBe('/aanmelden/naam?lng=fr')
    expect(location(await get(startLoader, '/aanmelden', cookies))).toBe('/aanmelden?lng=fr')
  })
})

describe('the home page’s link for residents', () => {
  const intakeLink = async (path: string, headers: Record<string, string>) => {
    const response = await get(homeLoader, path, headers)
    expect(response.status).toBe(200)
    return ((await response.json()) as { intake: unknown }).intake
  }

  it('leads to the form in the browser’s language, named in that language', async () => {
    expect(await intakeLink('/', { 'Accept-Language': 'ar-MA, ar;q=0.9, fr;q=0.8' })).toEqual({
      to: '/aanmelden?lng=ar',
      text: 'مساعدة في إيجاد عمل أو تدريب',
      language: 'ar',
      dir: 'rtl',
    })
    expect(await intakeLink('/', {})).toEqual({ to: '/aanmelden?lng=nl', text: 'Hulp zoeken naar werk of een opleiding', language: 'nl', dir: 'ltr' })
  })

  it('follows the page’s own language (?lng=) before the browser’s', async () => {
    expect(await intakeLink('/?lng=tr', { 'Accept-Language': 'ar' })).toMatchObject({ to: '/aanmelden?lng=tr', language: 'tr', dir: 'ltr' })
  })
})
