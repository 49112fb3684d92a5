import { describe, expect, test } from 'vitest'
import { demoUsers, header, loginAs, main, modes, submitLogin, useE2E } from './fixtures'

const e2e = useE2E()

describe.each(modes)('pages a visitor may not see, $mode', ({ javaScript }) => {
  test('an employer opening /admin or /dev/outbox gets "Geen toegang" with HTTP 403', async () => {
    const p = await e2e.newPage({ javaScript })
    const user = await loginAs(p, 'employer')
    for (const path of ['/admin', '/dev/outbox']) {
      const response = await p.visit(path)
      expect(response.status(), path).toBe(403)
      expect(p.path).toBe(path)
      expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe('Geen toegang')
      expect(await main(p).textContent()).toContain('U hebt geen toegang tot deze pagina.')
      // Still the portal around it, still logged in: a refusal, not a crash.
      expect(await header(p).textContent()).toContain(`Ingelogd als ${user.name}`)
      expect(await main(p).getByRole('link', { name: 'Naar de startpagina' }).getAttribute('href')).toBe('/')
    }
  })

  test('a visitor who is not logged in is sent to the login page and, after logging in, to the page asked for', async () => {
    const p = await e2e.newPage({ javaScript })
    const response = await p.visit('/werkgever')
    expect(p.path).toBe('/inloggen?redirectTo=%2Fwerkgever')
    expect(response.status()).toBe(200)
    expect(response.request().redirectedFrom()?.url()).toMatch(/\/werkgever$/)
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen')

    const user = demoUsers.employer
    await submitLogin(p, user.email, 'stapsteen-demo-2026')
    expect(p.path).toBe('/werkgever')
    expect(await main(p).textContent()).toContain(`Welkom, ${user.name}.`)
  })

  test('an unknown address shows "Pagina niet gevonden" with HTTP 404', async () => {
    const p = await e2e.newPage({ javaScript })
    const response = await p.visit('/deze-pagina-bestaat-niet')
    expect(response.status()).toBe(404)
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe('Pagina niet gevonden')
    expect(await main(p).textContent()).toContain('Deze pagina bestaat niet (meer).')
    expect(await header(p).getByRole('link', { name: 'Inloggen' }).count()).toBe(1)
  })
})
