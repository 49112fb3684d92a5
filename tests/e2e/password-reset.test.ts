import { describe, expect, test } from 'vitest'
import { homeByRole } from '#domain/permissions'
import {
  baseUrl,
  countPosts,
  DEMO_PASSWORD,
  demoUsers,
  describedBy,
  type E2EPage,
  header,
  loginAs,
  logout,
  main,
  modes,
  submitLogin,
  useE2E,
} from './fixtures'
import { openMail } from './journeys'

const e2e = useE2E()

/** Fills in the new-password form; submit() or a plain click sends it. */
async function fillNewPassword(p: E2EPage, password: string, confirm: string) {
  const form = main(p).locator('form')
  await form.getByLabel('Nieuw wachtwoord').fill(password)
  await form.getByLabel('Herhaal het nieuwe wachtwoord').fill(confirm)
  return { form, button: form.getByRole('button', { name: 'Wachtwoord opslaan' }) }
}

describe.each(modes)('forgotten password, $mode', ({ javaScript }) => {
  // Each run changes the password of its own demo user (see demoUsers in fixtures.ts).
  const user = demoUsers[javaScript ? 'resetWithJavaScript' : 'resetWithoutJavaScript']
  const newPassword = `een nieuwe lange zin ${javaScript ? 'met' : 'zonder'} JavaScript`

  test('a user asks for a link, chooses a new password with it, and the link works only once', async () => {
    const p = await e2e.newPage({ javaScript })

    // 1. Ask for a link.
    await p.visit('/inloggen')
    await p.follow(main(p).getByRole('link', { name: 'Wachtwoord vergeten?' }))
    expect(p.path).toBe('/wachtwoord-vergeten')
    await main(p).locator('form').getByLabel('E-mailadres').fill(user.email)
    await p.submit(main(p).getByRole('button', { name: 'Stuur me een link' }))
    expect(p.path).toBe('/inloggen')
    expect(await p.page.getByRole('status').textContent()).toBe(
      `Als ${user.email} bij een account hoort, krijgt u binnen enkele minuten een e-mail met een link om een nieuw wachtwoord te kiezen.`,
    )

    // 2. The platform admin finds the mail in the dev outbox, once the job worker has sent it.
    await loginAs(p, 'platformAdmin')
    await p.follow(p.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dev-outbox' }))
    await openMail(p, user.email)
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe('Kies een nieuw wachtwoord voor Stapsteen')
    expect(await main(p).locator('dl').textContent()).toContain(user.email)
    const links = main(p)
      .getByRole('heading', { name: 'Links in deze e-mail' })
      .locator('xpath=following-sibling::ul[1]')
      .getByRole('link')
    expect(await links.count()).toBe(1)
    const resetLink = (await links.getAttribute('href')) ?? ''
    expect(resetLink).toMatch(new RegExp(`^${baseUrl}/wachtwoord-nieuw\\?token=[\\w-]{20,}$`))
    await logout(p)

    // 3. The user follows the link. Too short first, then two different passwords, then a good one.
    await p.visit(resetLink)
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe('Nieuw wachtwoord kiezen')
    const posts = countPosts(p)
    {
      const { form, button } = await fillNewPassword(p, 'te kort', 'te kort')
      if (javaScript) {
        // Checked in the browser before anything is sent.
        await button.click()
        await expect.poll(() => describedBy(form.getByLabel('Nieuw wachtwoord'))).toContain('minstens 12 tekens')
        expect(posts()).toBe(0)
        await p.expectAccessible()
      } else {
        expect((await p.submit(button)).status()).toBe(400)
      }
      expect(await describedBy(main(p).getByLabel('Nieuw wachtwoord'))).toBe(
        'Minstens 12 tekens. Het wachtwoord moet minstens 12 tekens lang zijn.',
      )
      expect(await main(p).getByLabel('Nieuw wachtwoord').getAttribute('aria-invalid')).toBe('true')
    }
    {
      const { form, button } = await fillNewPassword(p, newPassword, `${newPassword}!`)
      if (javaScript) {
        await button.click()
        await expect
          .poll(() => describedBy(form.getByLabel('Herhaal het nieuwe wachtwoord')))
          .toBe('De twee wachtwoorden zijn niet gelijk.')
        expect(posts()).toBe(0)
        await p.expectAccessible()
      } else {
        expect((await p.submit(button)).status()).toBe(400)
        expect(await describedBy(main(p).getByLabel('Herhaal het nieuwe wachtwoord'))).toBe(
          'De twee wachtwoorden zijn niet gelijk.',
        )
      }
      expect(await main(p).getByLabel('Herhaal het nieuwe wachtwoord').getAttribute('aria-invalid')).toBe('true')
    }
    {
      const { button } = await fillNewPassword(p, newPassword, newPassword)
      await p.submit(button)
      expect(p.path).toBe('/inloggen')
      expect(await p.page.getByRole('status').textContent()).toBe('Uw nieuwe wachtwoord is opgeslagen. Log in om verder te gaan.')
    }

    // 4. The old password no longer works; the new one does.
    const refused = await submitLogin(p, user.email, DEMO_PASSWORD)
    expect(refused.status()).toBe(400)
    expect(await main(p).getByRole('alert').textContent()).toContain('Dit e-mailadres en wachtwoord horen niet bij elkaar.')
    await submitLogin(p, user.email, newPassword)
    expect(p.path).toBe(homeByRole[user.role])
    expect(await header(p).textContent()).toContain(`Ingelogd als ${user.name} (${user.organisation})`)
    await logout(p)

    // 5. The link was used: it says so, and offers a new one instead of a form.
    await p.visit(resetLink)
    expect(await main(p).textContent()).toContain('Deze link is verlopen of al gebruikt.')
    expect(await main(p).locator('form').count()).toBe(0)
    expect(await main(p).getByRole('link', { name: 'Nieuwe link aanvragen' }).getAttribute('href')).toBe('/wachtwoord-vergeten')
  })
})
