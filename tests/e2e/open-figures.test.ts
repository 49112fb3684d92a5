import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { main, modes, useE2E } from './fixtures'

const e2e = useE2E()

/** What a published cell may say: "< 5", "x" (hidden to protect a "< 5"), or a count of at least 5. */
const publishable = (cell: string) => cell === '< 5' || cell === 'x' || (/^\d+$/.test(cell) && Number(cell) >= 5)

describe.each(modes)('the open figures, $mode', ({ javaScript }) => {
  test('on a phone, every quarter of /cijfers shows no figure under 5, and its CSV and JSON say the same', async () => {
    const p = await e2e.newPage({ javaScript })
    await p.page.setViewportSize({ width: 390, height: 844 })
    // A browser that asks for Arabic finds the intake form in Arabic on the home page (issue 16).
    await p.page.setExtraHTTPHeaders({ 'Accept-Language': 'ar-BE, ar;q=0.9, nl;q=0.5' })
    await p.visit('/')
    const intake = main(p).getByRole('region', { name: 'Voor inwoners' }).getByRole('link')
    expect(await intake.getAttribute('href')).toBe('/aanmelden?lng=ar')
    expect([await intake.getAttribute('lang'), await intake.textContent()]).toEqual(['ar', 'مساعدة في إيجاد عمل أو تدريب'])
    await p.follow(p.page.getByRole('link', { name: 'Open cijfers' }).first())
    expect(p.path).toBe('/cijfers')
    const quarters = await main(p).getByRole('navigation', { name: 'Kwartalen' }).getByRole('listitem').allTextContents()
    expect(quarters).toHaveLength(4)
    for (const [index, quarter] of quarters.entries()) {
      if (index > 0) await p.follow(main(p).getByRole('link', { name: quarter, exact: true }))
      expect(await main(p).getByRole('heading', { level: 2 }).first().textContent()).toBe(`Kwartaal ${quarter}`)
      expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
      const cells = (await main(p).locator('td').allTextContents()).map((cell) => cell.trim())
      expect(cells.length).toBeGreaterThan(15 * 6)
      expect(cells.filter((cell) => !publishable(cell))).toEqual([])

      const csvLink = main(p).getByRole('link', { name: 'CSV van deze tabel' }).first()
      const csv = await p.page.request.get(new URL((await csvLink.getAttribute('href'))!, p.page.url()).href)
      const records: string[][] = parse(await csv.text(), { delimiter: ';', bom: true })
      expect(records.length).toBe(1 + 15 + 1)
      expect(records.slice(1).flatMap((record) => record.slice(1)).filter((cell) => !publishable(cell))).toEqual([])

      const json = await (await p.page.request.get(new URL(`/cijfers.json?kwartaal=${quarter}`, p.page.url()).href)).json()
      expect(json.quarter).toBe(quarter)
      const numbers = JSON.stringify(json.tables).match(/(?<=[:[,])-?\d+(?=[,\]}])/g) ?? []
      expect(numbers.filter((n) => Number(n) < 5)).toEqual([])
    }
  })
})
