import type { PublishedCell, PublishedTable } from './suppression'

/**
 * A suppressed table as CSV rows (header + rows), for `toCsv`/`csvDownload` in app/utils/csv.server.ts, which
 * write every export of the portal. Shown counts stay numbers; a hidden figure becomes the marker the data
 * dictionary (docs/open-data.md) explains. The last row and the last column are the totals.
 */

export const SMALL_MARKER = '< 5'
/** A figure of 5 or more, hidden so that a "< 5" elsewhere in its row or column cannot be recomputed. */
export const COMPLEMENTARY_MARKER = 'x'

export const cellText = (cell: PublishedCell): string | number =>
  cell.kind === 'count' ? cell.value : cell.kind === 'small' ? SMALL_MARKER : COMPLEMENTARY_MARKER

export type TableLabels = { corner: string; rows: readonly string[]; columns: readonly string[]; total: string }

export function suppressedTableRows(table: PublishedTable, labels: TableLabels) {
  if (labels.rows.length !== table.cells.length || labels.columns.length !== table.columnTotals.length)
    throw new Error('Every row and every column of the table needs a label.')
  return {
    header: [labels.corner, ...labels.columns, labels.total],
    rows: [
      ...table.cells.map((line, row) => [labels.rows[row]!, ...line.map(cellText), cellText(table.rowTotals[row]!)]),
      [labels.total, ...table.columnTotals.map(cellText), cellText(table.total)],
    ],
  }
}
