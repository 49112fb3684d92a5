import { describe, expect, test } from 'vitest'
import { homeByRole } from '#domain/permissions'
import { baseUrl, type E2EPage, header, loginAs, logout, main, modes, useE2E } from './fixtures'

/**
 * Issue 11, finding 9: the portal's Content-Security-Policy (server/security-headers.ts) is on for every page,
 * also here on localhost, so the whole e2e suite runs under it and the fixtures fail a test on any violation.
 * These tests show that the policy is really there, that the portal works under it with and without JavaScript,
 * and that the fixtures' collector really sees a violation.
 */
const e2e = useE2E()

const policyOf = async (p: E2EPage, path: string) => (await p.visit(path)).headerValue('content-security-policy')

describe.each(modes)('$mode', ({ javaScript }) => {
  test('the policy is on every page; a visitor signs in and out through forms that post to the portal (form-action)', async () => {
    const p = await e2e.newPage({ javaScript })
    const policy = await policyOf(p, '/')
    expect(policy).toMatch(/script-src 'self' 'nonce-[\w+/=]+';/)
    expect(policy).toContain("form-action 'self'")
    expect(policy).not.toContain('unsafe-inline')
    // The login form, then the header's logout form: both POSTs.
    const user = await loginAs(p, 'employer')
    expect(p.path).toBe(homeByRole[user.role])
    await logout(p)
    expect(await header(p).getByRole('link', { name: 'Inloggen' }).count()).toBe(1)
    // A GET form too: the placements filter.
    await p.visit('/plaatsen')
    await p.follow(main(p).getByRole('button', { name: 'Zoeken' }))
    expect(p.path).toMatch(/^\/plaatsen\?/)
  })
})

describe('the collector of violations', () => {
  test('with JavaScript, sees a script the policy refuses (and the test would fail)', async () => {
    const p = await e2e.newPage({ javaScript: true })
    await p.visit('/')
    await p.page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__injected = true'
      document.body.append(script)
    })
    // Chromium's console report may come first; the event follows.
    await expect.poll(() => p.cspViolations()).toEqual([expect.stringMatching(/^script-src-elem refused inline at /)])
    p.takeCspViolations()
    expect(await p.page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined()
  })

  test('without JavaScript, sees a style attribute the policy refuses (Chromium’s console report)', async () => {
    const p = await e2e.newPage({ javaScript: false })
    // A page of the portal's origin that the server never sees, with a policy like the portal's and a style attribute.
    await p.page.route(new URL('/__e2e-csp-probe__', baseUrl).href, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': "default-src 'self'; style-src 'self'" },
        body: '<!DOCTYPE html><html lang="nl"><title>CSP-proef</title><main><h1 style="color: #0b5e4f">Proef</h1></main></html>',
      }),
    )
    await p.visit('/__e2e-csp-probe__')
    await expect.poll(() => p.cspViolations()).toEqual([expect.stringMatching(/inline style violates the following Content Security Policy directive 'style-src 'self''/)])
    p.takeCspViolations()
  })
})
