import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { loginAs, main, modes, useE2E, type E2EPage } from './fixtures'

const e2e = useE2E()

/**
 * Tables whose figure may be 0 on the demo data, and why: the demo makes no erasure (`demo:remove` could not delete
 * its proof), and in a quarter's first days no evaluation has fallen due yet.
 */
const mayBeEmpty = new Set(['Gewist op vraag van de inwoner (heel Vlaanderen)', 'Evaluaties die vervielen', 'Aandeel evaluaties op tijd'])

/** The figures of the current period's column (the first after the row heading) of every table on the page. */
async function firstColumnFigures(p: E2EPage) {
  const cards = main(p).locator('section.card')
  const figures: Record<string, string[]> = {}
  for (const card of await cards.all()) {
    const title = (await card.getByRole('heading', { level: 2 }).textContent())!.trim()
    figures[title] = await card.locator('tbody tr td:first-of-type').allTextContents()
  }
  return figures
}

describe.each(modes)('the regional dashboard, $mode', ({ javaScript }) => {
  test('a regional admin opens every section for Regio Gent and sees figures from the demo data, with charts and CSV', async () => {
    const p = await e2e.newPage({ javaScript })
    await loginAs(p, 'regionalAdmin')
    await p.follow(p.page.getByRole('link', { name: 'Cijfers', exact: true }).first())
    expect(p.path).toBe('/admin/cijfers/aanmeldingen')
    // A regional admin can only choose their own region.
    expect(await main(p).getByLabel('Regio').locator('option').allTextContents()).toEqual(['Regio Gent'])

    const nav = main(p).getByRole('navigation', { name: 'Delen van de cijfers' })
    const sectionNames = await nav.getByRole('link').allTextContents()
    expect(sectionNames).toEqual(['Aanmeldingen en triage', 'Werkervaringsplaatsen', 'Voorstellen', 'Trajecten'])
    for (const name of sectionNames) {
      await p.follow(nav.getByRole('link', { name, exact: true }))
      expect(await nav.getByRole('link', { name, exact: true }).getAttribute('aria-current')).toBe('page')
      const figures = await firstColumnFigures(p)
      expect(Object.keys(figures).length, name).toBeGreaterThan(1)
      for (const [title, column] of Object.entries(figures)) {
        expect(column.length, `${name} › ${title}`).toBeGreaterThan(0)
        if (mayBeEmpty.has(title)) continue
        // Every other table shows something of this quarter in Regio Gent from the demo data.
        expect(column.some((figure) => !/^(0|–)$/.test(figure.trim())), `${name} › ${title}: ${column.join(' | ')}`).toBe(true)
      }
      expect(await main(p).locator('svg').count()).toBeGreaterThan(0)

      // The first table's CSV opens as a table with the same rows.
      const card = main(p).locator('section.card').first()
      const href = await card.getByRole('link', { name: /als CSV$/ }).getAttribute('href')
      const csv = await p.page.request.get(new URL(href!, p.page.url()).href)
      expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8')
      const records: string[][] = parse(await csv.text(), { delimiter: ';', bom: true })
      const rows = await card.locator('tbody tr').count()
      expect(records).toHaveLength(rows + 1)
      expect(records.every((record) => record.length === records[0]!.length)).toBe(true)
    }

    // Another period through the GET form keeps the section.
    const year = String(new Date().getFullYear())
    await main(p).getByLabel('Periode').selectOption(year)
    await p.follow(main(p).getByRole('button', { name: 'Toon' }))
    expect(p.path).toBe(`/admin/cijfers/trajecten?regio=REFREG13&periode=${year}`)
    expect(await main(p).locator('thead th').nth(1).textContent()).toBe(year)
  })
})
