import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { suppressTable, type CountTable, type PublishedTable } from '#domain/suppression'
import { suppressSharedRows } from '#domain/suppression-shared'
import { Disclosure } from '#tests/support/disclosure-checker'
import { derivedByEnumeration } from '#tests/support/disclosure-enumeration'
import { derivedFromPairByEnumeration } from '#tests/support/disclosure-pair-enumeration'

/** Two tables with the same row totals (intakes per region by way in and by destination), ADR 0015. */

/** The attacker knows both tables count the same people per row: their row totals and grand totals are equal. */
function derivedFromPair(first: PublishedTable, second: PublishedTable) {
  const attacker = new Disclosure()
  const [a, b] = [attacker.addTable('a', first), attacker.addTable('b', second)]
  const [columnsA, columnsB] = [a[0]!.length - 1, b[0]!.length - 1]
  a.forEach((line, row) => attacker.sum([line[columnsA]!], b[row]![columnsB]!))
  return attacker.derived()
}

/** A first table, and a second that splits each row total of the first over its own columns at random cut points. */
const pair = (maxRows: number, maxColumns: number, maxCount: number) =>
  fc
    .record({ rows: fc.integer({ min: 1, max: maxRows }), columnsA: fc.integer({ min: 1, max: maxColumns }), columnsB: fc.integer({ min: 1, max: maxColumns }) })
    .chain(({ rows, columnsA, columnsB }) =>
      fc.record({
        first: fc.array(fc.array(fc.integer({ min: 0, max: maxCount }), { minLength: columnsA, maxLength: columnsA }), { minLength: rows, maxLength: rows }),
        cuts: fc.array(fc.array(fc.nat(), { minLength: columnsB - 1, maxLength: columnsB - 1 }), { minLength: rows, maxLength: rows }),
      }),
    )
    .map(({ first, cuts }) => {
      const second: CountTable = first.map((line, row) => {
        const total = line.reduce((a, b) => a + b, 0)
        const points = [0, ...cuts[row]!.map((cut) => cut % (total + 1)).sort((x, y) => x - y), total]
        return points.slice(1).map((point, index) => point - points[index]!)
      })
      return { first, second }
    })

const figures = (table: PublishedTable) => [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.total]

describe('tables that share their row totals', () => {
  it('leak when each is suppressed on its own, and do not when suppressed together', () => {
    // Found by a search like the property below: each table alone is safe, together they give figures away.
    const first = [[5, 10], [5, 5], [11, 0]]
    const second = [[2, 13], [9, 1], [3, 8]]
    expect(derivedFromPair(suppressTable(first), suppressTable(second))).toEqual(['a[1,2]', 'a[2,2]'])
    expect(derivedFromPair(...suppressSharedRows(first, second))).toEqual([])
  })

  it('the brute-force attacker catches tables suppressed one by one', () => {
    // Found by a search: each table alone is safe, together every hidden figure of the second one follows.
    const first = [[7, 1], [2, 3]]
    const second = [[4, 4], [0, 5]]
    expect(derivedFromPairByEnumeration(suppressTable(first), suppressTable(second), 14)).not.toEqual([])
    expect(derivedFromPairByEnumeration(...suppressSharedRows(first, second), 14)).toEqual([])
  })

  it('refuses tables whose rows do not have the same totals', () => {
    expect(() => suppressSharedRows([[5, 5]], [[9]])).toThrow(/same rows with the same totals/)
    expect(() => suppressSharedRows([[5], [5]], [[5]])).toThrow(/same rows with the same totals/)
  })

  it('publishes no figure under 5, shows each shared total the same in both, and lets no hidden figure be derived (property)', () => {
    fc.assert(
      fc.property(fc.oneof(pair(8, 5, 40), pair(8, 5, 8)), ({ first, second }) => {
        const [a, b] = suppressSharedRows(first, second)
        for (const cell of [...figures(a), ...figures(b)]) expect(cell.kind !== 'count' || cell.value >= 5).toBe(true)
        expect(a.rowTotals).toEqual(b.rowTotals)
        expect(a.total).toEqual(b.total)
        expect(derivedFromPair(a, b)).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('leaves neither table open to what the labels tell ("< 5" is 0..4, "x" is 5 or more; small tables, brute force)', () => {
    fc.assert(
      fc.property(pair(3, 3, 9), ({ first, second }) => {
        const [a, b] = suppressSharedRows(first, second)
        expect(derivedByEnumeration(a)).toEqual([])
        expect(derivedByEnumeration(b)).toEqual([])
      }),
      { numRuns: 100 },
    )
  }, 30_000)

  it('lets no hidden figure be pinned down by both tables together with what the labels tell (tiny pairs, brute force)', () => {
    fc.assert(
      fc.property(pair(2, 2, 7), ({ first, second }) => {
        // Room above the largest true figure: a cap at the truth would pin an "x" to it.
        const cap = Math.max(...first.map((line) => line.reduce((a, b) => a + b, 0))) + 10
        expect(derivedFromPairByEnumeration(...suppressSharedRows(first, second), cap)).toEqual([])
      }),
      { numRuns: 100 },
    )
  }, 30_000)
})
