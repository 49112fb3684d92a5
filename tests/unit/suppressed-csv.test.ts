import { describe, expect, it } from 'vitest'
import { toCsv } from '#app/utils/csv.server'
import { suppressTable } from '#domain/suppression'
import { suppressedTableRows } from '#domain/suppressed-csv'

const labels = { corner: 'Referentieregio', rows: ['Regio A', 'Regio B', 'Regio C'], columns: ['Online', 'Balie', 'Partner'], total: 'Totaal' }

describe('suppressedTableRows', () => {
  it('writes counts as numbers, "< 5" and "x" for hidden figures, and the totals last', () => {
    const rows = suppressedTableRows(suppressTable([[2, 10, 30], [10, 9, 30], [10, 20, 30]]), labels)
    expect(rows).toEqual({
      header: ['Referentieregio', 'Online', 'Balie', 'Partner', 'Totaal'],
      rows: [
        ['Regio A', '< 5', 'x', 30, 42],
        ['Regio B', 'x', 'x', 30, 49],
        ['Regio C', 10, 20, 30, 60],
        ['Totaal', 22, 39, 90, 151],
      ],
    })
    // The portal's CSV writer keeps the marker as typed (it does not start like a formula).
    expect(toCsv(rows).split('\r\n')[1]).toBe('"Regio A";"< 5";"x";"30";"42"')
  })

  it('refuses labels that do not match the table', () => {
    expect(() => suppressedTableRows(suppressTable([[5, 5]]), labels)).toThrow('needs a label')
  })
})
