import type { Locator } from 'playwright-core'
import { expect } from 'vitest'
import { baseUrl, E2EPage, loginAs, logout, main } from './fixtures'

/**
 * Steps that several e2e files take in the same way (clients, matching, proposals, opening a mail in the dev
 * outbox), so each page is driven in one place.
 */

/** The value of a term in a definition list: on the page (its <main>) or within one part of it. */
export const definition = (within: E2EPage | Locator, term: string) =>
  (within instanceof E2EPage ? main(within) : within).locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]')

/**
 * Picks an occupation in the n-th jobdoelwit of the client form: with JavaScript in the combobox, without
 * through "Zoek beroep" and the radio buttons it brings back.
 */
export async function pickOccupation(p: E2EPage, form: Locator, legend: string, text: string, label: string) {
  const target = form.getByRole('group', { name: legend, exact: true })
  const field = `Beroep van jobdoelwit ${/\d+/.exec(legend)![0]}`
  if (p.javaScript) {
    const combobox = target.getByRole('combobox', { name: field })
    await combobox.fill(text)
    await expect.poll(() => combobox.getAttribute('aria-expanded')).toBe('true')
    await target.getByRole('option', { name: label, exact: true }).click()
    expect(await combobox.getAttribute('aria-expanded')).toBe('false')
  } else {
    await target.getByRole('textbox', { name: field }).fill(text)
    expect((await p.submit(target.getByRole('button', { name: 'Zoek beroep' }))).status()).toBe(200)
    await form.getByRole('group', { name: legend, exact: true }).getByRole('group', { name: 'Kies het beroep dat het best past' }).getByLabel(label, { exact: true }).check()
  }
}

/** A result of "Zoek passende plaatsen", by its title. */
export const matchResult = (p: E2EPage, title: string) =>
  main(p).getByRole('article').filter({ has: p.page.getByRole('heading', { name: title, exact: true }) })

/** The employer's proposals for a placement that wait for an answer (rows of /werkgever/voorstellen). */
export const waitingProposals = (p: E2EPage, placement: string) =>
  main(p).getByRole('region', { name: 'Wachten op uw antwoord' }).getByRole('row').filter({ hasText: placement })

/** On the employer's page of an open proposal: accepts it and checks that it is decided. */
export async function acceptProposal(p: E2EPage) {
  await p.submit(main(p).getByRole('button', { name: 'Voorstel aanvaarden' }))
  expect(await p.page.getByRole('status').first().textContent()).toContain('U hebt het voorstel aanvaard.')
  expect(await main(p).textContent()).toContain('Status: Aanvaard')
  expect(await main(p).getByRole('button', { name: 'Voorstel aanvaarden' }).count()).toBe(0)
}

/**
 * From the employer's page of an accepted proposal to its placement: one place fewer than before, and the
 * history says why.
 */
export async function expectOnePlaceFilled(p: E2EPage, placementId: string, placesBefore: number) {
  await p.follow(main(p).getByRole('link', { name: 'Naar de plaats' }))
  expect(p.path).toBe(`/werkgever/plaatsen/${placementId}`)
  expect(Number(await main(p).getByLabel('Aantal plaatsen').inputValue())).toBe(placesBefore - 1)
  expect(await main(p).getByRole('region', { name: 'Geschiedenis' }).textContent()).toContain('Eén plaats ingevuld via een aanvaard voorstel.')
}

/**
 * On the employer's placement page: gives the filled places back, so a demo placement stays as the other
 * tests know it (they share one database).
 */
export async function restorePlaces(p: E2EPage, places: number) {
  await main(p).getByLabel('Aantal plaatsen').fill(String(places))
  await p.submit(main(p).getByRole('button', { name: 'Wijzigingen opslaan' }))
  expect(Number(await main(p).getByLabel('Aantal plaatsen').inputValue())).toBe(places)
}

const MAIL_TIMEOUT_MS = 15_000

/**
 * As platform admin on /dev/outbox: reloads until the newest mail to `to` (with this subject, when given) is sent,
 * then opens it. Newest first, so the first matching row is the newest mail. Only a sent mail shows its links:
 * until then the outbox holds [verborgen] where a link's token goes.
 */
export async function openMail(p: E2EPage, to: string, subject?: string) {
  const deadline = Date.now() + MAIL_TIMEOUT_MS
  for (;;) {
    await p.visit('/dev/outbox')
    const rows = main(p)
      .getByRole('row')
      .filter({ has: p.page.getByRole('cell', { name: to, exact: true }) })
    const row = (subject ? rows.filter({ hasText: subject }) : rows).first()
    expect(await row.count(), `no mail ${subject ? `"${subject}" ` : ''}to ${to} in the outbox`).toBe(1)
    const status = (await row.getByRole('cell').last().textContent())?.trim()
    if (status === 'verstuurd') return p.follow(row.getByRole('link'))
    expect(status).toBe('in de wachtrij')
    if (Date.now() > deadline) throw new Error(`The mail to ${to} was still "${status}" after ${MAIL_TIMEOUT_MS / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/**
 * A new employer's address confirmed through the link in the mail, read in the dev outbox by a platform admin;
 * afterwards nobody is logged in and the login page says the address is confirmed.
 */
/** The links of the mail opened by openMail, as listed under "Links in deze e-mail". */
export async function mailLinks(p: E2EPage) {
  const links = main(p).getByRole('heading', { name: 'Links in deze e-mail' }).locator('xpath=following-sibling::ul[1]').getByRole('link')
  return Promise.all((await links.all()).map(async (link) => (await link.getAttribute('href')) ?? ''))
}

export async function confirmEmailThroughOutbox(p: E2EPage, email: string) {
  await loginAs(p, 'platformAdmin')
  await openMail(p, email, 'Bevestig uw e-mailadres voor Stapsteen')
  const [confirmLink = ''] = await mailLinks(p)
  expect(confirmLink).toMatch(new RegExp(`^${baseUrl}/e-mail-bevestigen\\?token=[\\w-]{20,}$`))
  await logout(p)
  await p.visit(confirmLink)
  await p.submit(main(p).getByRole('button', { name: 'Bevestig mijn e-mailadres' }))
  expect(p.path).toBe('/inloggen')
  expect(await p.page.getByRole('status').textContent()).toBe('Uw e-mailadres is bevestigd. U kan inloggen.')
}
