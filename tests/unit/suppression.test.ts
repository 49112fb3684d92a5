import { describe, expect, it } from 'vitest'
import { exposedCells, type GridCell } from '#domain/suppression-exposure'
import { suppressTable, type PublishedCell, type PublishedTable } from '#domain/suppression'
import { suppressQuarters } from '#domain/suppression-periods'
import { Disclosure, lonelyHiddenLines } from '#tests/support/disclosure-checker'
import { derivedByEnumeration } from '#tests/support/disclosure-enumeration'

const n = (value: number): PublishedCell => ({ kind: 'count', value })
const small: PublishedCell = { kind: 'small' }
const x: PublishedCell = { kind: 'complementary' }

/** An augmented grid from values, with the hidden cells named by their [row, column]. */
const grid = (values: number[][], hidden: [number, number][]): GridCell[][] =>
  values.map((line, row) =>
    line.map((value, column) => ({
      value,
      hidden: hidden.some(([r, c]) => r === row && c === column) ? (value < 5 ? 'small' : 'complementary') : null,
    })),
  )

describe('suppressTable', () => {
  it('publishes a table without small counts as it is', () => {
    expect(suppressTable([[5, 6], [7, 8]])).toEqual({ cells: [[n(5), n(6)], [n(7), n(8)]], rowTotals: [n(11), n(15)], columnTotals: [n(12), n(14)], total: n(26) })
  })

  it('hides a small count and the smallest cells that would give it away', () => {
    expect(suppressTable([[2, 10, 30], [10, 9, 30], [10, 20, 30]])).toEqual({
      cells: [[small, x, n(30)], [x, x, n(30)], [n(10), n(20), n(30)]],
      rowTotals: [n(42), n(49), n(60)],
      columnTotals: [n(22), n(39), n(90)],
      total: n(151),
    })
  })

  it('hides zeros too: "< 5" covers 0', () => {
    const published = suppressTable([[0, 10], [10, 10]])
    expect(published.cells[0]![0]).toEqual(small)
    expect(derivedByEnumeration(published)).toEqual([])
  })

  it('hides a total under 5 with everything in its line', () => {
    const published = suppressTable([[1, 2], [10, 10]])
    expect(published.rowTotals[0]).toEqual(small)
    expect(published.cells[0]).toEqual([small, small])
    expect(derivedByEnumeration(published)).toEqual([])
  })

  it('refuses a ragged or negative table', () => {
    expect(() => suppressTable([[1, 2], [3]])).toThrow('every row as long as the first')
    expect(() => suppressTable([[1, -2]])).toThrow('whole numbers')
  })
})

describe('exposedCells', () => {
  it('finds a hidden cell that links two protected groups (every line has two hidden cells, yet it is fixed)', () => {
    // Two 2×2 groups of hidden cells (rows 0–1 × columns 0–1 and rows 2–3 × columns 2–3) joined by cell [1,2].
    const values = [
      [10, 10, 10, 10, 40],
      [10, 10, 10, 10, 40],
      [10, 10, 10, 10, 40],
      [10, 10, 10, 10, 40],
      [40, 40, 40, 40, 160],
    ]
    const hidden: [number, number][] = [[0, 0], [0, 1], [1, 0], [1, 1], [1, 2], [2, 2], [2, 3], [3, 2], [3, 3]]
    expect(exposedCells(grid(values, hidden))).toEqual([[1, 2]])
    expect(exposedCells(grid(values, hidden.filter(([r, c]) => r !== 1 || c !== 2)))).toEqual([])
  })

  it('finds cells that only the bounds of "< 5" and complementary cells pin down', () => {
    // [[0, 5], [5, 0]] with shown totals: the 0 cannot go down, and going up would take a 5 under 5.
    const values = [
      [0, 5, 5],
      [5, 0, 5],
      [5, 5, 10],
    ]
    expect(exposedCells(grid(values, [[0, 0], [0, 1], [1, 0], [1, 1]]))).toHaveLength(4)
  })
})

describe('the checkers', () => {
  it('the two-per-line audit misses a linking cell; the linear check catches it', () => {
    // The two groups of the exposedCells example, as published: every hidden line has two hidden cells.
    const hiddenAt = (row: number, column: number) => (row < 2 && column < 2) || (row > 1 && column > 1) || (row === 1 && column === 2)
    const published: PublishedTable = {
      cells: [0, 1, 2, 3].map((row) => [0, 1, 2, 3].map((column) => (hiddenAt(row, column) ? x : n(10)))),
      rowTotals: [n(40), n(40), n(40), n(40)],
      columnTotals: [n(40), n(40), n(40), n(40)],
      total: n(160),
    }
    expect(lonelyHiddenLines(published)).toBe(0)
    const attacker = new Disclosure()
    attacker.addTable('t', published)
    expect(attacker.derived()).toEqual(['t[1,2]'])
  })

  it('the linear check misses cells pinned by the bounds; the brute force catches them', () => {
    // [[0, 5], [5, 0]]: the 0 cannot go down, and going up would take a 5 under 5.
    const pinned: PublishedTable = { cells: [[small, x], [x, small]], rowTotals: [n(5), n(5)], columnTotals: [n(5), n(5)], total: n(10) }
    const attacker = new Disclosure()
    attacker.addTable('t', pinned)
    expect(attacker.derived()).toEqual([])
    expect(derivedByEnumeration(pinned)).toEqual(['cell 0,0', 'cell 0,1', 'cell 1,0', 'cell 1,1'])
  })
})

describe('suppressQuarters', () => {
  it('suppresses each quarter on its own, in order', () => {
    const periods = suppressQuarters([
      { quarter: '2026-Q2', counts: [[10, 10], [10, 10]] },
      { quarter: '2026-Q1', counts: [[2, 10], [10, 10]] },
    ])
    expect(periods.map(({ quarter }) => quarter)).toEqual(['2026-Q1', '2026-Q2'])
    expect(periods[0]!.table.cells[0]![0]).toEqual(small)
    expect(periods[1]!.table.cells[0]![0]).toEqual(n(10))
  })

  it('refuses a period that is not a quarter, and a quarter twice', () => {
    expect(() => suppressQuarters([{ quarter: '2026', counts: [[5]] }])).toThrow('not a quarter')
    const twice = { quarter: '2026-Q1', counts: [[5]] }
    expect(() => suppressQuarters([twice, twice])).toThrow('published once')
  })
})
