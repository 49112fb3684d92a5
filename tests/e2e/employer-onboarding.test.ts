import { randomBytes, randomInt } from 'node:crypto'
import type { Locator } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { enterpriseNumberFrom } from '#db/seed/factories'
import { countPosts, describedBy, type E2EPage, loginAs, logout, main, modes, submitLogin, useE2E } from './fixtures'
import { confirmEmailThroughOutbox, openMail } from './journeys'

const e2e = useE2E()

const PASSWORD = 'een nieuwe werkgever met een lange zin'

/** With JavaScript the browser catches the mistake before sending; without, the server answers 400. Same message. */
async function submitExpectingError(p: E2EPage, button: Locator, field: () => Locator, message: string) {
  if (p.javaScript) {
    const posts = countPosts(p)
    await button.click()
    await expect.poll(() => describedBy(field())).toContain(message)
    expect(posts()).toBe(0)
    await p.expectAccessible()
  } else {
    expect((await p.submit(button)).status()).toBe(400)
    expect(await describedBy(field())).toContain(message)
  }
  expect(await field().getAttribute('aria-invalid')).toBe('true')
}

describe.each(modes)('an employer registers and is verified, $mode', ({ javaScript }) => {
  test('registers with two sites, confirms the address, waits, and is approved by the regional admin', async () => {
    const p = await e2e.newPage({ javaScript })
    const run = randomBytes(4).toString('hex')
    const organisation = `Testbedrijf ${run} bv`
    const email = `contact-${run}@example.test`
    const kbo = enterpriseNumberFrom(randomInt(1_000_000, 20_000_000))
    const form = () => main(p).locator('form#werkgever-worden')
    const site = (n: number) => form().getByRole('group', { name: `Vestiging ${n}`, exact: true })
    const fillPassword = async () => {
      await form().getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD)
      await form().getByLabel('Herhaal het wachtwoord').fill(PASSWORD)
    }

    // 1. The registration form, first with a wrong KBO number and a second site added with its button.
    await p.visit('/werkgever-worden')
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe('Werkgever worden op Stapsteen')
    await form().getByLabel('Naam van de organisatie').fill(organisation)
    await form().getByLabel('Ondernemingsnummer (KBO)').fill('0123.456.789')
    await form().getByRole('group', { name: 'Soort organisatie' }).getByLabel('Privébedrijf').check()
    await form().getByLabel('Sector').fill('Logistiek')
    await form().getByLabel('Naam', { exact: true }).fill('Jana Claes')
    await form().getByLabel('E-mailadres').fill(email)
    await site(1).getByLabel('Naam van de vestiging').fill('Hoofdzetel')
    await site(1).getByLabel('Straat en huisnummer').fill('Korenmarkt 1')
    await site(1).getByLabel('Postcode').fill('9000')
    // Adding and removing rows works without JavaScript too: the server answers the form with one row more or less.
    const press = async (button: Locator) => (javaScript ? button.click() : expect((await p.submit(button)).status()).toBe(200))
    const addSite = form().getByRole('button', { name: 'Nog een vestiging toevoegen' })
    await press(addSite)
    await expect.poll(() => site(2).count()).toBe(1)
    await press(addSite)
    await expect.poll(() => site(3).count()).toBe(1)
    await press(site(3).getByRole('button', { name: 'Vestiging 3 verwijderen' }))
    await expect.poll(() => site(3).count()).toBe(0)
    // Without JavaScript the form came back from the server: what was typed is still there.
    expect(await site(1).getByLabel('Postcode').inputValue()).toBe('9000')
    // 1804 lies in Vilvoorde and Zemst: the form asks which (with JavaScript at once, without after sending it).
    await site(2).getByLabel('Naam van de vestiging').fill('Depot Zemst')
    await site(2).getByLabel('Straat en huisnummer').fill('Brusselsesteenweg 10')
    await site(2).getByLabel('Postcode').fill('1804')
    const municipality = () => site(2).getByLabel('Gemeente')
    if (javaScript) await expect.poll(() => municipality().count()).toBe(1)
    else expect(await municipality().count()).toBe(0)
    await fillPassword()
    const register = form().getByRole('button', { name: 'Organisatie registreren' })
    await submitExpectingError(p, register, () => form().getByLabel('Ondernemingsnummer (KBO)'), 'de controlecijfers passen niet')
    await municipality().selectOption({ label: 'Zemst' })

    // 2. With the right number it goes through (passwords are never sent back into the page, so type them again).
    await form().getByLabel('Ondernemingsnummer (KBO)').fill(kbo)
    await fillPassword()
    await p.submit(register)
    expect(p.path).toBe('/werkgever-worden/e-mail-verstuurd')
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe('Bevestig uw e-mailadres')

    // 3. Logging in before confirming the address is refused, with the reason.
    await p.visit('/inloggen')
    expect((await submitLogin(p, email, PASSWORD)).status()).toBe(400)
    expect(await main(p).getByRole('alert').textContent()).toBe('Bevestig eerst uw e-mailadres via de link in uw mailbox.')

    // 4. The mail, read in the dev outbox; its link shows a button, which confirms the address once.
    await confirmEmailThroughOutbox(p, email)

    // 5. The employer logs in and reads that a regional admin still has to look.
    await submitLogin(p, email, PASSWORD)
    expect(p.path).toBe('/werkgever')
    await p.visit('/werkgever/organisatie')
    expect(await main(p).getByRole('heading', { level: 2, name: /^Verificatie/ }).textContent()).toBe('Verificatie: Wacht op verificatie')
    expect(await main(p).textContent()).toContain('Een regionale beheerder kijkt uw gegevens na. Tot dan zijn uw plaatsen niet zichtbaar.')
    expect(await main(p).getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Depot Zemst', 'Hoofdzetel', 'Vestiging toevoegen'])
    expect(await main(p).textContent()).toContain('Brusselsesteenweg 10, 1804 Zemst')
    await logout(p)

    // 6. The regional admin of Regio Gent finds it in the queue, checks the number and approves (after a too short reason to reject).
    await loginAs(p, 'regionalAdmin')
    await p.visit('/admin/werkgevers')
    const row = main(p).getByRole('row').filter({ hasText: organisation })
    expect(await row.getByRole('cell').nth(5).textContent()).toBe('Ja')
    expect(await row.getByRole('link', { name: new RegExp(kbo.replace(/\./g, '\\.')) }).getAttribute('href')).toBe(
      `https://kbopub.economie.fgov.be/kbopub/zoeknummerform.html?nummer=${kbo.replace(/\./g, '')}`,
    )
    await p.follow(row.getByRole('link', { name: organisation }))
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe(organisation)
    await main(p).getByLabel('Reden').fill('Vals?')
    await submitExpectingError(p, main(p).getByRole('button', { name: 'Werkgever weigeren' }), () => main(p).getByLabel('Reden'), 'minstens 10 tekens')
    await p.submit(main(p).getByRole('button', { name: 'Werkgever goedkeuren' }))
    expect(p.path).toBe('/admin/werkgevers')
    expect(await p.page.getByRole('status').textContent()).toBe(`${organisation} is goedgekeurd. De werkgever kreeg een e-mail.`)
    await logout(p)

    // 7. The employer's page now says so, and the result mail waits in the outbox.
    await p.visit('/inloggen')
    await submitLogin(p, email, PASSWORD)
    await p.visit('/werkgever/organisatie')
    expect(await main(p).getByRole('heading', { level: 2, name: /^Verificatie/ }).textContent()).toBe('Verificatie: Geverifieerd')
    expect(await main(p).textContent()).toContain('Uw organisatie is geverifieerd.')
    await logout(p)
    await loginAs(p, 'platformAdmin')
    await openMail(p, email, 'Uw organisatie is geverifieerd op Stapsteen')
    expect(await main(p).locator('dl').textContent()).toContain('employer-verified')
  })
})
