import { describe, expect, it } from 'vitest'
import { publishedQuarters } from '#app/features/open-statistics/quarter-figures.server'
import type { PublishedTable } from '#domain/suppression'
import { Disclosure } from '#tests/support/disclosure-checker'
import { generateOpenData } from '#tests/support/open-figures-data'
import { openDownloads, validateOpenJson, type OpenJsonTable } from '#tests/support/open-figures-downloads'

/**
 * Issue 14's "done when": /cijfers shows no cell under 5 on a generated data set of 10,000 intakes (with the
 * hand-overs, placements, proposals and trajectories of the other tables), and no hidden cell can be recomputed:
 * checked with the independent attacker of tests/support/disclosure-checker.ts over all tables of the quarter
 * at once, with the equations a reader knows (the two intake tables count the same intakes per region).
 */
const [quarter] = publishedQuarters()
const INTAKES = 10_000

const asPublished = (table: OpenJsonTable): PublishedTable => ({
  cells: table.rows!.map((row) => row.cells),
  rowTotals: table.rows!.map((row) => row.total),
  columnTotals: table.columnTotals!,
  total: table.total!,
})

describe('the open figures on 10,000 generated intakes', () => {
  it('publish every table, no figure under 5, nothing an attacker can derive, the same in page, CSV and JSON', async () => {
    await generateOpenData(quarter!, INTAKES)
    const { page, json, csvs } = await openDownloads(quarter!.quarter)
    expect(validateOpenJson(json), JSON.stringify(validateOpenJson.errors)).toBe(true)
    expect(json.tables.every((t) => t.status === 'published')).toBe(true)
    const destination = json.tables.find((t) => t.id === 'aanmeldingen-bestemming')!
    expect(destination.total).toEqual({ kind: 'count', value: INTAKES })

    const attacker = new Disclosure()
    const grids = new Map(json.tables.map((table) => [table.id, attacker.addTable(table.id, asPublished(table))]))
    // The reader knows both intake tables count the same intakes: equal row totals and grand total.
    const [a, b] = [grids.get('aanmeldingen-bestemming')!, grids.get('aanmeldingen-instroom')!]
    a.forEach((line, row) => attacker.sum([line.at(-1)!], b[row]!.at(-1)!))
    expect(attacker.derived()).toEqual([])
    // Small and complementary cells there are (a lopsided data set), so the check above had something to find.
    const hidden = json.tables.flatMap((t) => asPublished(t).cells.flat()).map((cell) => cell.kind)
    expect(hidden.filter((kind) => kind === 'small').length).toBeGreaterThanOrEqual(10)
    expect(hidden.filter((kind) => kind === 'complementary').length).toBeGreaterThanOrEqual(10)

    for (const table of page.tables) {
      const shown = table.rows!.flatMap((row) => row.slice(1))
      for (const cell of shown) expect(typeof cell === 'number' ? cell >= 5 : ['< 5', 'x'].includes(cell)).toBe(true)
      expect(csvs.get(table.id)).toEqual([table.header!, ...table.rows!].map((row) => row.map(String)))
    }
  }, 30_000)

  it('the schema refuses a figure under 5 and a hidden figure with a value', async () => {
    const { json } = await openDownloads(quarter!.quarter)
    const table = json.tables[0]!
    const withSmall = { ...json, tables: [{ ...table, total: { kind: 'count', value: 3 } }] }
    const withHiddenValue = { ...json, tables: [{ ...table, total: { kind: 'small', value: 3 } }] }
    expect(validateOpenJson(withSmall)).toBe(false)
    expect(validateOpenJson(withHiddenValue)).toBe(false)
  })
})
