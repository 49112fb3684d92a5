import { describe, expect, test } from 'vitest'
import { homeByRole } from '#domain/permissions'
import { navigationFor, publicNavigation } from '#app/navigation'
import {
  countPosts,
  type DemoUserKey,
  demoUsers,
  describedBy,
  header,
  loginAs,
  logout,
  main,
  modes,
  submitLogin,
  useE2E,
} from './fixtures'

const e2e = useE2E()

const roles: [string, DemoUserKey][] = [
  ['employer', 'employer'],
  ['caseworker (OCMW)', 'caseworkerOcmw'],
  ['caseworker (VDAB)', 'caseworkerVdab'],
  ['triage_worker', 'triageWorker'],
  ['outreach_worker', 'outreachWorker'],
  ['regional_admin', 'regionalAdmin'],
  ['platform_admin', 'platformAdmin'],
]

describe.each(modes)('logging in and out, $mode', ({ javaScript }) => {
  test.each(roles)('%s lands on their home with name, organisation and menu, and logs out', async (_role, key) => {
    const p = await e2e.newPage({ javaScript })
    const user = await loginAs(p, key)
    const home = homeByRole[user.role]

    expect(p.path).toBe(home)
    expect(await header(p).textContent()).toContain(`Ingelogd als ${user.name} (${user.organisation})`)
    expect(await main(p).textContent()).toContain(`Welkom, ${user.name}.`)
    // The role homes show the organisation itself; the admin home shows what the admin manages instead.
    if (home !== '/admin') {
      expect(await main(p).getByRole('heading', { level: 2, name: user.organisation, exact: true }).count()).toBe(1)
    }

    // The menu shows the role's items (app/navigation.ts), starting with its home, marked as the current page.
    const menu = p.page.getByRole('navigation', { name: 'Hoofdmenu' })
    const items = await menu
      .getByRole('link')
      .evaluateAll((links) =>
        links.map((a) => ({ label: a.textContent, to: a.getAttribute('href'), current: a.getAttribute('aria-current') })),
      )
    // The e2e server has no mail provider and is not public: it has the dev outbox.
    expect(items).toEqual(navigationFor(user, { devOutbox: true }).map(({ label, to }) => ({ label, to, current: to === home ? 'page' : null })))
    expect(items[0]).toEqual({ label: 'Overzicht', to: home, current: 'page' })
    expect(items).toContainEqual({ label: 'Mijn account', to: '/account', current: null })
    expect(items.some((item) => item.to === '/dev/outbox')).toBe(user.role === 'platform_admin')

    await logout(p)
    expect(p.path).toBe('/')
    expect(await header(p).getByRole('link', { name: 'Inloggen' }).count()).toBe(1)
    expect(await header(p).getByRole('button', { name: 'Uitloggen' }).count()).toBe(0)
    expect(await header(p).textContent()).not.toContain('Ingelogd als')
    // Logged out, the menu holds only the public pages.
    const publicMenu = await p.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').evaluateAll((links) =>
      links.map((a) => a.getAttribute('href')),
    )
    expect(publicMenu).toEqual(publicNavigation.map((item) => item.to))
  })

  test('a wrong password gives a Dutch error (HTTP 400) and keeps the e-mail address', async () => {
    const p = await e2e.newPage({ javaScript })
    const user = demoUsers.wrongPasswordTarget
    await p.visit('/inloggen')
    const response = await submitLogin(p, user.email, 'dit-is-niet-het-goede-wachtwoord')

    expect(response.status()).toBe(400)
    expect(p.path).toBe('/inloggen')
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen')
    expect(await main(p).getByRole('alert').textContent()).toBe(
      'Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer opnieuw.',
    )
    const form = main(p).locator('form')
    expect(await form.getByLabel('E-mailadres').inputValue()).toBe(user.email)
    // The server never sends a password back: without JavaScript the new page has an empty password field.
    if (!javaScript) expect(await form.getByLabel('Wachtwoord').inputValue()).toBe('')
    expect(await header(p).getByRole('link', { name: 'Inloggen' }).count()).toBe(1)
  })

  test('an empty login form shows an error at the e-mail address and at the password', async () => {
    const p = await e2e.newPage({ javaScript })
    await p.visit('/inloggen')
    const form = main(p).locator('form')
    const email = form.getByLabel('E-mailadres')
    const password = form.getByLabel('Wachtwoord')
    const posts = countPosts(p)

    if (javaScript) {
      // Checked in the browser: nothing is sent, the errors appear at the fields.
      await form.getByRole('button', { name: 'Inloggen' }).click()
      await expect.poll(() => describedBy(email)).toBe('Vul het e-mailadres in.')
      expect(posts()).toBe(0)
      await p.expectAccessible()
    } else {
      // Checked by the server (the form has novalidate, so the browser sends it as it is).
      const response = await p.submit(form.getByRole('button', { name: 'Inloggen' }))
      expect(response.status()).toBe(400)
      expect(p.path).toBe('/inloggen')
    }
    expect(await describedBy(email)).toBe('Vul het e-mailadres in.')
    expect(await describedBy(password)).toBe('Vul uw wachtwoord in.')
    expect(await email.getAttribute('aria-invalid')).toBe('true')
    expect(await password.getAttribute('aria-invalid')).toBe('true')
  })
})
