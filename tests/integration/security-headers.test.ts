import { describe, expect, it } from 'vitest'
import { requestPasswordReset } from '#app/auth/password.server'
import { db } from '#db/client'
import { listOutbox } from '#emails/outbox.server'
import { deliverEmail } from '#emails/deliver.server'
import { parseSetCookie, useWebServer } from './security-headers-support'

/**
 * Issue 11, finding 9, on a portal on this machine (no PUBLIC_URL): the real web process answers with a
 * nonce-based Content-Security-Policy, no-store where a shared computer must keep nothing, compressed bodies, and
 * cookies as before (plain http). The public portal's side: security-headers-public.test.ts.
 */
const { send, signIn, startIntake } = useWebServer(undefined)

/** The policy as directive → sources. */
const policy = (header: string | string[] | undefined) =>
  Object.fromEntries(String(header).split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...sources]) => [name, sources]))

const nonceOf = (header: string | string[] | undefined) => /'nonce-([^']+)'/.exec(String(header))?.[1]

describe('Content-Security-Policy', () => {
  it('carries a fresh nonce per response, and every script of the page has it', async () => {
    const [first, second] = [await send('GET', '/'), await send('GET', '/')]
    const nonce = nonceOf(first.headers['content-security-policy'])
    expect(nonce).toMatch(/^[\w+/]{22}==$/)
    expect(nonceOf(second.headers['content-security-policy'])).not.toBe(nonce)
    const scripts = [...first.body.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag)
    expect(scripts.length).toBeGreaterThanOrEqual(2)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
    // React streams its own inline scripts (Suspense) with the same nonce: renderToPipeableStream got it.
    expect(second.body).toContain(`nonce="${nonceOf(second.headers['content-security-policy'])}"`)
  })

  it('allows no inline script or style without the nonce, no eval, no framing, no <base>, no plugins, forms only to the portal', async () => {
    const page = await send('GET', '/inloggen')
    const directives = policy(page.headers['content-security-policy'])
    expect(directives).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", `'nonce-${nonceOf(page.headers['content-security-policy'])}'`],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'"],
      'img-src': ["'self'"],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    })
    expect(page.body).not.toMatch(/\sstyle=/)
    expect(page.headers['x-frame-options']).toBe('DENY')
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.headers['referrer-policy']).toBe('same-origin')
  })

  it('is on every response, also the ones that are not pages', async () => {
    for (const path of ['/favicon.svg', '/healthz', '/api/v1/placements/search']) {
      expect((await send('GET', path)).headers['content-security-policy'], path).toContain("frame-ancestors 'none'")
    }
  })

  it('gives a mail in the dev outbox a policy of its own: inline styles, nothing else, sandboxed, framed only by the portal', async () => {
    const { cookie, user } = await signIn()
    await requestPasswordReset(user.email, 'http://localhost:3000')
    const [admin] = await listOutbox(db(), 1)
    await deliverEmail(admin!.id)
    const page = await send('GET', `/dev/outbox/${admin!.id}`, { Cookie: cookie })
    expect(page.status).toBe(200)
    expect(page.body).toContain(`src="/dev/outbox/${admin!.id}/inhoud"`)
    expect(page.headers['content-security-policy']).toContain("style-src 'self';")
    expect(page.body).not.toContain('srcdoc')

    const mail = await send('GET', `/dev/outbox/${admin!.id}/inhoud`, { Cookie: cookie })
    expect(mail.status).toBe(200)
    expect(mail.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(mail.body).toContain('style=')
    expect(policy(mail.headers['content-security-policy'])).toEqual({
      'default-src': ["'none'"],
      'style-src': ["'unsafe-inline'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'self'"],
      sandbox: [],
    })
    expect(mail.headers['x-frame-options']).toBe('SAMEORIGIN')
    // Nobody else reads it: without a session, the login page.
    expect((await send('GET', `/dev/outbox/${admin!.id}/inhoud`)).status).toBe(302)
  })
})

describe('Strict-Transport-Security', () => {
  it('is not sent by a portal on this machine, which speaks plain http', async () => {
    expect((await send('GET', '/')).headers['strict-transport-security']).toBeUndefined()
  })
})

describe('Cache-Control: no-store', () => {
  it('is on every response to a signed-in user: the login itself, pages, data requests, resource routes', async () => {
    const { answer, cookie } = await signIn()
    expect(answer.headers['cache-control']).toBe('no-store')
    for (const path of ['/admin', '/admin?_data=routes%2Fadmin%2B%2F_index', '/admin/audit.csv', '/account', '/']) {
      const response = await send('GET', path, { Cookie: cookie })
      expect(response.status, path).toBe(200)
      expect(response.headers['cache-control'], path).toBe('no-store')
    }
  })

  it('is on every download, whoever asks', async () => {
    const csv = await send('GET', '/vergoedingen.csv')
    expect(csv.status).toBe(200)
    expect(csv.headers['content-disposition']).toMatch(/^attachment/)
    expect(csv.headers['cache-control']).toBe('no-store')
  })

  it('is not on public pages for visitors, nor on what calls itself public (static files, the import template)', async () => {
    expect((await send('GET', '/')).headers['cache-control']).toBeUndefined()
    expect((await send('GET', '/plaatsen')).headers['cache-control']).toBeUndefined()
    expect((await send('GET', '/importeren/sjabloon.csv')).headers['cache-control']).toBe('public, max-age=3600')
    const { cookie } = await signIn()
    expect((await send('GET', '/favicon.svg', { Cookie: cookie })).headers['cache-control']).toBe('public, max-age=3600')
  })
})

describe('cookies on a portal on this machine', () => {
  it('keep their names, paths and flags of before: no prefix, not Secure over plain http', async () => {
    const { setCookie, cookie } = await signIn()
    expect(parseSetCookie(setCookie)).toEqual({ name: 'stapsteen_session', value: expect.stringMatching(/.{20}/), path: '/', httponly: true, samesite: 'Lax' })

    const revoked = await send('POST', '/account', { Cookie: cookie }, { intent: 'sessions-revoke-others' })
    expect(revoked.status).toBe(302)
    const toast = parseSetCookie(revoked.headers['set-cookie']?.find((line) => line.includes('toast')) ?? '')
    expect(toast).toEqual({ name: 'stapsteen_toast', value: expect.any(String), path: '/', httponly: true, samesite: 'Lax' })

    const started = await startIntake()
    expect(started.status).toBe(302)
    const draft = parseSetCookie(started.headers['set-cookie']?.[0] ?? '')
    expect(draft).toEqual({ name: 'stapsteen_intake', value: expect.any(String), 'max-age': '3600', path: '/aanmelden', httponly: true, samesite: 'Lax' })
  })
})

describe('compression', () => {
  it('answers brotli or gzip as the client asks, and plain to a client that does not', async () => {
    const br = await send('GET', '/', { 'Accept-Encoding': 'br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.body).toContain('<!DOCTYPE html>')
    expect(br.raw.length).toBeLessThan(br.body.length / 2)
    const gzip = await send('GET', '/', { 'Accept-Encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gzip.body).toContain('<!DOCTYPE html>')
    const plain = await send('GET', '/')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.raw.toString('utf8')).toContain('<!DOCTYPE html>')
  })

  it('compresses the build’s scripts too', async () => {
    const page = await send('GET', '/')
    const script = /<link rel="modulepreload" href="(\/build\/[^"]+\.js)"/.exec(page.body)?.[1]
    expect(script).toBeDefined()
    expect((await send('GET', script!, { 'Accept-Encoding': 'gzip, br' })).headers['content-encoding']).toBe('br')
  })
})
