import type { CsvTable } from '#app/utils/csv.server'
import type { StatTable } from './stat-table'

/** A decimal comma and no thousands separator: a number a Belgian spreadsheet reads and adds up ("3,5"). */
const forSpreadsheet = (value: number | null) => (value === null ? '' : String(Math.round(value * 10) / 10).replace('.', ','))

/** A dashboard table for a spreadsheet: one row per line of the table, the unit in its own column, empty for none. */
export function statTableCsv(table: StatTable): CsvTable {
  return {
    header: [table.title, 'Eenheid', ...table.columns],
    rows: table.rows.map((row) => [row.label, row.unit, ...row.values.map(forSpreadsheet)]),
  }
}
