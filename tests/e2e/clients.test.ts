import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { describedBy, loginAs, logout, main, modes, useE2E } from './fixtures'
import { matchResult, pickOccupation } from './journeys'

const e2e = useE2E()

describe.each(modes)('clients, $mode', ({ javaScript }) => {
  test('a caseworker creates a client with two jobdoelwitten and finds fitting placements with reasons; another organisation gets 404', async () => {
    const p = await e2e.newPage({ javaScript })
    const name = `E2E ${javaScript ? 'met' : 'zonder'} JS ${randomBytes(3).toString('hex')}`
    await loginAs(p, 'caseworkerOcmw')
    await p.visit('/begeleider/clienten')
    // The demo clients of OCMW Gent are there; those of the VDAB team are not.
    expect(await main(p).getByRole('rowheader', { name: 'K.B.' }).count()).toBe(1)
    expect(await main(p).getByRole('rowheader', { name: 'A.Y.' }).count()).toBe(0)
    await p.follow(main(p).getByRole('link', { name: 'Nieuwe cliënt' }))
    expect(p.path).toBe('/begeleider/clienten/nieuw')

    const form = main(p).locator('form[method="post"]')
    await form.getByLabel('Naam of initialen').fill(name)
    await form.getByLabel('Woonplaats').fill('9000')
    await form.getByLabel('Maximale afstand (km)').fill('25')
    await pickOccupation(p, form, 'Jobdoelwit 1 (het belangrijkste)', 'magazijn', 'magazijnmedewerker')
    const add = form.getByRole('button', { name: 'Nog een jobdoelwit toevoegen' })
    if (javaScript) await add.click()
    else expect((await p.submit(add)).status()).toBe(200)
    await pickOccupation(p, form, 'Jobdoelwit 2', 'keukenhulp', 'keukenhulp')
    await form.getByLabel('Op tijd komen').check()
    await form.getByLabel('A1 – eerste woorden').check()
    await form.getByLabel('Uren per week beschikbaar').fill('70')

    // One mistake: 70 hours. With JavaScript the browser catches it before sending; without, the server does (400).
    const save = form.getByRole('button', { name: 'Cliënt opslaan', exact: true })
    if (javaScript) await save.click()
    else expect((await p.submit(save)).status()).toBe(400)
    await expect.poll(() => describedBy(form.getByLabel('Uren per week beschikbaar'))).toContain('Hoogstens 60 uur per week.')
    // The error summary (issue 16): focused, at the top of the form, its one link leading to the field.
    const summary = form.getByRole('region', { name: 'Er is een probleem' })
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true)
    const hoursId = await form.getByLabel('Uren per week beschikbaar').getAttribute('id')
    expect(await summary.getByRole('link').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.textContent]))).toEqual([
      [`#${hoursId}`, 'Hoogstens 60 uur per week.'],
    ])
    expect(await form.getByLabel('Naam of initialen').inputValue()).toBe(name)
    expect(await main(p).getByTestId('chosen-occupation').allTextContents()).toEqual([
      expect.stringContaining('Gekozen: magazijnmedewerker'),
      expect.stringContaining('Gekozen: keukenhulp'),
    ])

    await form.getByLabel('Uren per week beschikbaar').fill('38')
    await p.submit(save)
    expect(p.path).toMatch(/^\/begeleider\/clienten\/[0-9a-f-]{36}$/)
    const recordPath = p.path
    expect(await p.page.getByRole('status').first().textContent()).toContain('De cliënt is opgeslagen.')
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe(name)
    expect(await main(p).locator('dd ol li').allTextContents()).toEqual(['magazijnmedewerker', 'keukenhulp'])
    expect(await main(p).getByRole('link', { name: 'Voorstellen van deze cliënt' }).getAttribute('href')).toBe(`${recordPath}/voorstellen`)

    // Editing keeps what was saved.
    await p.follow(main(p).getByRole('link', { name: 'Bewerken' }))
    expect(await form.getByLabel('Woonplaats').inputValue()).toBe('9000')
    expect(await main(p).getByTestId('chosen-occupation').count()).toBe(2)
    await form.getByLabel('Uren per week beschikbaar').fill('38,5')
    await p.submit(form.getByRole('button', { name: 'Wijzigingen opslaan' }))
    expect(p.path).toBe(recordPath)
    expect(await main(p).textContent()).toContain('38,5 uur')

    await p.follow(main(p).getByRole('link', { name: 'Zoek passende plaatsen' }))
    expect(p.path).toBe(`${recordPath}/passend`)
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe(`Passende plaatsen voor ${name}`)
    const warehouse = matchResult(p, 'Magazijnmedewerker')
    expect(await warehouse.getByTestId('match-reasons').textContent()).toMatch(/zelfde beroep: magazijnmedewerker.*op \d+(,\d)? km/)
    const picker = matchResult(p, 'Orderpicker in ploegen')
    expect(await picker.getByTestId('match-reasons').textContent()).toContain('verwant beroep (zelfde ISCO-groep) als magazijnmedewerker: orderpicker')
    expect(await matchResult(p, 'Keukenhulp in het woonzorgcentrum').getByTestId('match-reasons').textContent()).toContain('zelfde beroep: keukenhulp')
    expect(await matchResult(p, 'Hulp in de bakkerij').count()).toBe(0)
    const placementHref = await warehouse.getByRole('link', { name: 'Magazijnmedewerker', exact: true }).getAttribute('href')
    expect(placementHref).toMatch(/^\/plaatsen\/[0-9a-f-]{36}$/)
    expect(await warehouse.getByRole('link', { name: /^Voorstellen/ }).getAttribute('href')).toBe(
      `${recordPath}/voorstellen/nieuw?plaats=${placementHref!.split('/').at(-1)}`,
    )

    // A caseworker of another organisation: the address reveals nothing.
    await logout(p)
    await loginAs(p, 'caseworkerVdab')
    for (const path of [recordPath, `${recordPath}/passend`, `${recordPath}/bewerken`]) {
      expect((await p.visit(path)).status(), path).toBe(404)
      expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe('Pagina niet gevonden')
      expect(await main(p).textContent()).not.toContain(name)
    }
    await p.visit('/begeleider/clienten')
    expect(await main(p).textContent()).not.toContain(name)
  })
})
