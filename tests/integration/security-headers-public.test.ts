import { describe, expect, it } from 'vitest'
import { parseSetCookie, useWebServer } from './security-headers-support'

/**
 * Issue 11, finding 9, on a public portal (PUBLIC_URL names a real host): HSTS, and every cookie `Secure` with
 * the `__Host-` prefix, whatever the request looked like (behind a TLS proxy it arrives as plain http). The
 * portal on this machine: security-headers.test.ts.
 */
const { send, signIn, startIntake } = useWebServer('https://stapsteen.example.be')

describe('a public portal', () => {
  it('sends HSTS for a year, and the same Content-Security-Policy as any portal', async () => {
    const page = await send('GET', '/')
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[\w+/]{22}==';script-src-attr 'none';style-src 'self';/)
  })

  it('names every cookie __Host- and makes it Secure, on Path=/ without Domain', async () => {
    const { setCookie, cookie } = await signIn()
    expect(parseSetCookie(setCookie)).toEqual({ name: '__Host-stapsteen_session', value: expect.stringMatching(/.{20}/), path: '/', httponly: true, secure: true, samesite: 'Lax' })

    const revoked = await send('POST', '/account', { Cookie: cookie }, { intent: 'sessions-revoke-others' })
    expect(revoked.status).toBe(302)
    const toast = parseSetCookie(revoked.headers['set-cookie']?.find((line) => line.includes('toast')) ?? '')
    expect(toast).toEqual({ name: '__Host-stapsteen_toast', value: expect.any(String), path: '/', httponly: true, secure: true, samesite: 'Lax' })

    const started = await startIntake()
    expect(started.status).toBe(302)
    const draft = parseSetCookie(started.headers['set-cookie']?.[0] ?? '')
    expect(draft).toEqual({ name: '__Host-stapsteen_intake', value: expect.any(String), 'max-age': '3600', path: '/', httponly: true, secure: true, samesite: 'Lax' })
    // The draft is read back under its new name: the next step of the form opens.
    expect((await send('GET', '/aanmelden/naam?lng=nl', { Cookie: draft.name + '=' + String(draft.value) })).status).toBe(200)
  })

  it('ignores a session cookie under the name of before: the visitor is asked to sign in, nothing fails', async () => {
    const { cookie } = await signIn()
    const value = cookie.slice(cookie.indexOf('=') + 1)
    expect((await send('GET', '/admin', { Cookie: `__Host-stapsteen_session=${value}` })).status).toBe(200)
    const old = await send('GET', '/admin', { Cookie: `stapsteen_session=${value}` })
    expect(old.status).toBe(302)
    expect(old.headers.location).toBe('/inloggen?redirectTo=%2Fadmin')
  })
})
