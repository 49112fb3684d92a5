import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { suppressTable, type CountTable, type PublishedTable } from '#domain/suppression'
import { suppressQuarters } from '#domain/suppression-periods'
import { Disclosure, lonelyHiddenLines } from '#tests/support/disclosure-checker'
import { derivedByEnumeration } from '#tests/support/disclosure-enumeration'

const table = (maxRows: number, maxColumns: number, maxCount: number) =>
  fc
    .record({ rows: fc.integer({ min: 2, max: maxRows }), columns: fc.integer({ min: 2, max: maxColumns }) })
    .chain(({ rows, columns }) =>
      fc.array(fc.array(fc.integer({ min: 0, max: maxCount }), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
    )

const figures = (published: PublishedTable) => [...published.cells.flat(), ...published.rowTotals, ...published.columnTotals, published.total]

/** What the page would show with primary suppression only: the mistake the checker must catch. */
const primaryOnly = (counts: CountTable): PublishedTable => {
  const show = (value: number) => (value < 5 ? { kind: 'small' as const } : { kind: 'count' as const, value })
  const rowTotals = counts.map((line) => line.reduce((a, b) => a + b, 0))
  const columnTotals = counts[0]!.map((_, column) => counts.reduce((sum, line) => sum + line[column]!, 0))
  return {
    cells: counts.map((line) => line.map(show)),
    rowTotals: rowTotals.map(show),
    columnTotals: columnTotals.map(show),
    total: show(rowTotals.reduce((a, b) => a + b, 0)),
  }
}

const derivedFrom = (published: PublishedTable) => {
  const attacker = new Disclosure()
  attacker.addTable('t', published)
  return attacker.derived()
}

describe('the checker', () => {
  it('catches a table with primary suppression only', () => {
    const published = primaryOnly([
      [2, 10],
      [10, 10],
    ])
    expect(derivedFrom(published)).toEqual(['t[0,0]'])
    expect(derivedByEnumeration(published)).toEqual(['cell 0,0'])
    expect(lonelyHiddenLines(published)).toBe(2)
  })

  it('catches a year published next to its quarters', () => {
    const quarters = [
      [
        [2, 10],
        [10, 10],
      ],
      [
        [10, 10],
        [10, 10],
      ],
    ]
    const year = [
      [12, 20],
      [20, 20],
    ]
    const attacker = new Disclosure()
    const grids = suppressQuarters(quarters.map((counts, index) => ({ quarter: `2026-Q${index + 1}`, counts }))).map(({ quarter, table }) =>
      attacker.addTable(quarter, table),
    )
    expect(attacker.derived()).toEqual([])
    const yearGrid = attacker.addTable('year', suppressTable(year))
    yearGrid.forEach((line, row) => line.forEach((cell, column) => attacker.sum(grids.map((grid) => grid[row]![column]!), cell)))
    expect(attacker.derived()).toContain('2026-Q1[0,0]')
  })
})

describe('small-count suppression (property)', () => {
  it('publishes no figure under 5, shows every other figure as it is, and lets no hidden figure be derived from the sums', () => {
    fc.assert(
      // Counts up to 40 as the brief asks, and sparse tables (up to 8) where most cells are small.
      fc.property(fc.oneof(table(8, 6, 40), table(8, 6, 8)), (counts) => {
        const published = suppressTable(counts)
        const truth = primaryOnly(counts)
        // A small figure is always "< 5"; any other is shown as it is or hidden as complementary.
        const allowed = figures(truth).map((real) => (real.kind === 'small' ? [real] : [real, { kind: 'complementary' }]))
        figures(published).forEach((cell, index) => expect(allowed[index]).toContainEqual(cell))
        expect(lonelyHiddenLines(published)).toBe(0)
        expect(derivedFrom(published)).toEqual([])
      }),
      { numRuns: 400 },
    )
  })

  it('lets no hidden figure be pinned down even with what "< 5" and a complementary cell tell (small tables, brute force)', () => {
    fc.assert(
      fc.property(table(3, 3, 9), (counts) => {
        expect(derivedByEnumeration(suppressTable(counts))).toEqual([])
      }),
      { numRuns: 150 },
    )
    // A run takes about a second; the odd table whose search is long gets room instead of a flaky timeout.
  }, 30_000)

  it('across quarters: an attacker who knows the year is the sum of the quarters derives nothing, as no year is published', () => {
    const quarters = fc
      .record({ rows: fc.integer({ min: 2, max: 5 }), columns: fc.integer({ min: 2, max: 4 }), periods: fc.integer({ min: 2, max: 4 }) })
      .chain(({ rows, columns, periods }) =>
        fc.array(fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }), {
          minLength: periods,
          maxLength: periods,
        }),
      )
    fc.assert(
      fc.property(quarters, (periods) => {
        const attacker = new Disclosure()
        const published = suppressQuarters(periods.map((counts, index) => ({ quarter: `2025-Q${index + 1}`, counts })))
        const grids = published.map(({ quarter, table }) => attacker.addTable(quarter, table))
        grids[0]!.forEach((line, row) =>
          line.forEach((_, column) => attacker.sum(grids.map((grid) => grid[row]![column]!), attacker.unknown(`year[${row},${column}]`))),
        )
        // The attacker's own year figures may add up published ones; no hidden quarter figure follows.
        expect(attacker.derived().filter((label) => !label.startsWith('year'))).toEqual([])
      }),
      { numRuns: 100 },
    )
  })
})
