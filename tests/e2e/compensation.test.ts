import { describe, expect, test } from 'vitest'
import { formatDate } from '#domain/compensation-labels'
import { countPosts, describedBy, loginAs, main, modes, useE2E } from './fixtures'

const e2e = useE2E()

// Demo schedules (db/seed/compensation.ts): Regio Gent has versions from 1 January and 1 July 2026, Westhoek none.
const regionRow = (p: Parameters<typeof main>[0], name: string) =>
  main(p)
    .getByRole('table')
    .first()
    .getByRole('row')
    .filter({ has: p.page.getByRole('rowheader', { name, exact: true }) })

describe.each(modes)('compensation schedules, $mode', ({ javaScript }) => {
  test('the public comparison shows all regions, the demo notice, regions without schedule and the map', async () => {
    const p = await e2e.newPage({ javaScript })
    const response = await p.visit('/vergoedingen')
    expect(response.status()).toBe(200)
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe('Vergoedingen per regio')
    expect(await main(p).textContent()).toContain('Let op: demowaarden.')

    const table = main(p).getByRole('table').first()
    expect(await table.locator('caption').textContent()).toContain('TWE met artikel 60§7-contract, privébedrijf')
    expect(await regionRow(p, 'Westhoek').textContent()).toContain('Nog geen regeling.')
    expect(await regionRow(p, 'Regio Gent').textContent()).toMatch(/€\s4,60 per gewerkt uur.*1 juli 2026/)
    expect(await regionRow(p, 'Regio Antwerpen').textContent()).toMatch(/\+18% \(hoger\)/)
    // The deviation of OCMW Gent is listed under its region.
    expect(await table.getByRole('rowheader', { name: /Afwijking van OCMW Gent/ }).count()).toBe(1)

    const map = main(p).getByRole('img', { name: /Verschil met de Vlaamse mediaan per referentieregio/ })
    expect(await map.count()).toBe(1)
    expect(await map.locator('circle, rect, polygon, path').count()).toBeGreaterThan(280)
    expect(await main(p).locator('figcaption').textContent()).toContain("nog geen regeling (4 regio's)")

    // Another instrument and employer type through the GET form.
    await main(p).getByLabel('Instrument').selectOption('IBO')
    await main(p).getByLabel('Soort werkgever').selectOption('public')
    await p.follow(main(p).getByRole('button', { name: 'Toon' }))
    expect(p.path).toBe('/vergoedingen?instrument=IBO&werkgever=public')
    expect(await table.locator('caption').textContent()).toContain('IBO, openbaar bestuur')
    expect(await regionRow(p, 'Regio Gent').textContent()).toContain('per maand')

    const csv = await p.page.request.get(new URL('/vergoedingen.csv?instrument=IBO&werkgever=public', p.page.url()).href)
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8')
    const lines = (await csv.text()).split('\r\n')
    expect(lines.find((l) => l.startsWith('"Westhoek"'))).toContain('"nog geen regeling"')
    expect(lines.find((l) => l.startsWith('"Regio Gent";"regio"'))).toContain('"per maand"')
  })

  test('a regional admin adds a version: field errors first, then it shows in the history and on the public page', async () => {
    const p = await e2e.newPage({ javaScript })
    await loginAs(p, 'regionalAdmin')
    await p.visit('/admin/vergoedingen')
    await p.follow(main(p).getByRole('link', { name: 'Bekijk en wijzig Regio Gent', exact: true }))
    expect(p.path).toBe('/admin/vergoedingen/REFREG13')

    const form = main(p).locator('form[method="post"]')
    const twe = form.getByRole('group', { name: 'TWE met artikel 60§7-contract', exact: true })
    const amount = twe.getByRole('textbox', { name: 'Privébedrijf Werkgever betaalt (€)' })
    const validFrom = form.getByLabel('Geldt vanaf')
    // Copy-and-change: the form starts from the latest version (the demo's 4,60, or what an earlier run of this
    // test saved), with a start after it.
    expect(await amount.inputValue()).toMatch(/^\d+(,\d\d?)?$/)
    const start = await validFrom.inputValue()
    expect(start > '2026-07-01').toBe(true)

    // A negative amount: refused at the field, nothing saved.
    await amount.fill('-5')
    const save = form.getByRole('button', { name: 'Nieuwe versie opslaan' })
    const posts = countPosts(p)
    if (javaScript) {
      await save.click()
      await expect.poll(() => describedBy(amount)).toBe('Een bedrag kan niet negatief zijn.')
      expect(posts()).toBe(0)
      await p.expectAccessible()
    } else {
      expect((await p.submit(save)).status()).toBe(400)
      expect(await describedBy(amount)).toBe('Een bedrag kan niet negatief zijn.')
    }
    expect(await amount.getAttribute('aria-invalid')).toBe('true')

    // A start on the date of the current version: the server names the latest version's start, which the new one
    // must follow (1 July 2026, or a version an earlier run of this test added).
    const history = main(p).getByRole('region', { name: 'Regeling van Regio Gent' })
    const latest = /^Vanaf (.+?) –/.exec((await history.locator('summary').first().textContent()) ?? '')?.[1]
    const newAmount = javaScript ? '4,85' : '4.95'
    await amount.fill(newAmount)
    await validFrom.fill('2026-07-01')
    expect((await p.submit(save)).status()).toBe(400)
    expect(await describedBy(validFrom)).toContain(`Er is al een versie vanaf ${latest}. Een nieuwe versie begint later dan die datum.`)

    // Valid: saved, with a toast, and the new version heads the history while the old ones stay.
    await validFrom.fill(start)
    await p.submit(save)
    expect(p.path).toBe('/admin/vergoedingen/REFREG13')
    expect(await p.page.getByRole('status').textContent()).toMatch(
      new RegExp(`De nieuwe versie is opgeslagen en geldt vanaf ${formatDate(start)}\\. \\d+ werkgevers? krijg`),
    )
    const summaries = await history.locator('summary').allTextContents()
    expect(summaries[0]).toBe(`Vanaf ${formatDate(start)} – gepland`)
    expect(summaries.slice(-2)).toEqual(['Vanaf 1 juli 2026 – geldt nu (demowaarden)', 'Vanaf 1 januari 2026 – vervangen (demowaarden)'])

    // The public page lists it in Regio Gent's history; the version in force today is still that of July.
    await p.visit('/vergoedingen')
    expect(await regionRow(p, 'Regio Gent').textContent()).toContain('1 juli 2026')
    const gent = main(p).locator('details#regio-REFREG13')
    await gent.locator('summary').click()
    const versions = gent.getByRole('table', { name: /Regeling van Regio Gent/ }).getByRole('row')
    const euro = newAmount.replace('.', ',')
    expect(await versions.filter({ hasText: formatDate(start) }).textContent()).toMatch(new RegExp(`gepland€\\s${euro} per gewerkt uur`))
    expect(await versions.filter({ hasText: '1 juli 2026' }).textContent()).toContain('geldt nu')
    expect(await versions.filter({ hasText: '1 januari 2026' }).textContent()).toContain('vervangen')
  })

  test("a regional admin cannot open another region's schedules", async () => {
    const p = await e2e.newPage({ javaScript })
    await loginAs(p, 'regionalAdmin')
    expect((await p.visit('/admin/vergoedingen/REFREG01')).status()).toBe(404)
  })

  test('an employer sees the cost per site side by side and gets a clear error for impossible hours', async () => {
    const p = await e2e.newPage({ javaScript })
    await loginAs(p, 'employer')
    await p.visit('/werkgever/kosten?uren=50')
    const hours = main(p).getByLabel('Uren per week')
    expect(await describedBy(hours)).toContain('Vul een aantal uren per week in tussen 1 en 40')
    const headers = await main(p).getByRole('columnheader').allTextContents()
    expect(headers).toEqual(['Instrument', 'Bakkerij Gent centrumGent – Regio Gent', 'Winkel AntwerpenAntwerpen – Regio Antwerpen'])

    await hours.fill('38')
    await p.follow(main(p).getByRole('button', { name: 'Bereken' }))
    expect(p.path).toBe('/werkgever/kosten?uren=38')
    expect(await hours.getAttribute('aria-invalid')).toBeNull()
    expect(await main(p).locator('caption').textContent()).toContain('bij 38 uur per week')
    expect((await p.visit('/admin/vergoedingen')).status()).toBe(403)
  })
})
