import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { describedBy, type E2EPage, loginAs, main, modes, useE2E } from './fixtures'

const e2e = useE2E()

const form = (p: E2EPage) => main(p).getByRole('search', { name: 'Plaatsen zoeken' })
const resultCount = (p: E2EPage) => main(p).getByRole('status')

/**
 * Changes the search form: without JavaScript by pressing "Zoeken" (a new page), with JavaScript by waiting for
 * the search-as-you-type to put the new address in place, then scanning the page as it is now.
 */
async function search(p: E2EPage, change: () => Promise<void>, expectInAddress: RegExp) {
  await change()
  if (p.javaScript) {
    await p.page.waitForURL(expectInAddress)
    await p.settle()
    await p.expectAccessible()
  } else {
    await p.follow(form(p).getByRole('button', { name: 'Zoeken' }))
  }
  expect(p.path).toMatch(expectInAddress)
}

describe.each(modes)('searching placements, $mode', ({ javaScript }) => {
  test('a caseworker searches with a typo and a filter, sees counts and reasons, and saves the search', async () => {
    const p = await e2e.newPage({ javaScript })
    await loginAs(p, 'caseworkerOcmw')
    await p.visit('/begeleider/zoeken')
    expect(await resultCount(p).textContent()).toMatch(/^\d+ plaatsen gevonden\.$/)

    // A typing error in the occupation: the engine searches for what was meant, and says so.
    await search(p, () => form(p).getByLabel('Beroep of woorden').fill('magazijnmedewerkr'), /q=magazijnmedewerkr/)
    expect(await main(p).getByText('Gezocht op beroep: magazijnmedewerker').count()).toBe(1)
    expect(
      await main(p)
        .getByText(/^Bedoelde je magazijnmedewerker\?$/)
        .count(),
    ).toBe(1)
    const card = main(p)
      .getByRole('listitem')
      .filter({ has: p.page.getByRole('link', { name: 'Magazijnmedewerker', exact: true }) })
      .first()
    expect(await card.textContent()).toContain('Waarom: zelfde beroep (magazijnmedewerker)')
    expect(await card.textContent()).toContain('Privébedrijf · Zelzate')
    expect(await card.getByRole('link').getAttribute('href')).toMatch(/^\/plaatsen\/[0-9a-f-]{36}$/)

    // A filter from the facets: its label counts the placements it gives, and that is what the result then says.
    const instruments = form(p).getByRole('group', { name: 'Maatregel' })
    const ibo = instruments.getByRole('checkbox', { name: /^IBO \(\d+\)$/ })
    const iboCount = Number(/^IBO \((\d+)\)$/.exec((await instruments.locator('label', { hasText: /^IBO / }).textContent()) ?? '')?.[1])
    expect(iboCount).toBeGreaterThan(0)
    await search(p, () => ibo.check(), /maatregel=IBO/)
    expect(await resultCount(p).textContent()).toBe(iboCount === 1 ? '1 plaats gevonden.' : `${iboCount} plaatsen gevonden.`)
    expect(
      await form(p)
        .getByRole('checkbox', { name: /^IBO \(\d+\)$/ })
        .isChecked(),
    ).toBe(true)
    expect(await main(p).getByRole('link', { name: 'Orderpicker in ploegen' }).count()).toBe(0)

    // A mistake gets a message on its field, and the search stays as it was typed.
    await search(p, () => form(p).getByLabel('Hoogstens uren per week').fill('veel'), /uren=veel/)
    expect(await describedBy(form(p).getByLabel('Hoogstens uren per week'))).toContain('Typ een getal, bijvoorbeeld 19.')
    expect(await form(p).getByLabel('Beroep of woorden').inputValue()).toBe('magazijnmedewerkr')
    await search(p, () => form(p).getByLabel('Hoogstens uren per week').fill('38'), /uren=38/)
    expect(await resultCount(p).textContent()).toMatch(/gevonden\.$/)

    // Saved, for this caseworker only, with an e-mail when a new placement matches.
    const name = `Magazijn IBO ${javaScript ? 'met' : 'zonder'} JS ${randomBytes(3).toString('hex')}`
    const save = main(p).locator('details').filter({ hasText: 'Zoekopdracht bewaren' })
    await save.locator('summary').click()
    await save.getByLabel('Naam').fill(name)
    expect(await save.getByLabel('Stuur me een e-mail als er een nieuwe plaats bij komt').isChecked()).toBe(true)
    const response = await p.submit(save.getByRole('button', { name: 'Bewaren' }))
    // Remix answers its own fetch with 204 and the address to go to; a browser without JavaScript gets a 302.
    expect(response.status()).toBe(javaScript ? 204 : 302)
    // Back on the search, at its address without the empty fields (what was saved, and what the list opens).
    const savedAt = '/begeleider/zoeken?q=magazijnmedewerkr&maatregel=IBO&uren=38'
    expect(p.path).toBe(savedAt)
    expect(await save.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false)
    expect(
      await p.page
        .getByRole('status')
        .filter({ hasText: `Je zoekopdracht "${name}" is bewaard.` })
        .count(),
    ).toBe(1)

    await p.visit('/begeleider/bewaard')
    const row = main(p).getByRole('row').filter({ hasText: name })
    expect(await row.getByRole('cell').first().textContent()).toBe('"magazijnmedewerkr" · hoogstens 38 uur per week · IBO')
    expect(await row.textContent()).toContain('Aan')
    await p.follow(row.getByRole('link', { name }))
    expect(p.path).toBe(savedAt)
    expect(
      await form(p)
        .getByRole('checkbox', { name: /^IBO \(\d+\)$/ })
        .isChecked(),
    ).toBe(true)
  })
})
