import type { PublishedCell, PublishedTable } from '#domain/suppression'

/**
 * The attacker who also uses what a label says ("< 5" is 0..4, a complementary cell is 5 or more), by brute force:
 * find one table that shows the same as the published one, then, for each hidden figure, search for another such
 * table where that figure differs. A figure with no such table is derived. Only for small tables.
 */

type Figures = { cells: number[][]; rowTotals: number[]; columnTotals: number[]; total: number }

const range = (cell: PublishedCell, cap: number): [number, number] =>
  cell.kind === 'count' ? [cell.value, cell.value] : cell.kind === 'small' ? [0, 4] : [5, cap]

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)

/**
 * Depth-first search over the inner cells for a table that `accept` takes, inner cell number `avoid` never at
 * `avoidValue` (prunes the search for another value of that cell early); null when none exists.
 */
function search(table: PublishedTable, accept: (figures: Figures) => boolean, avoid = -1, avoidValue = -1): Figures | null {
  const rows = table.cells.length
  const columns = table.cells[0]!.length
  // No figure exceeds the grand total; when that is hidden as well, a generous bound.
  const cap = range(table.total, 200)[1]
  const [totalLow, totalHigh] = range(table.total, cap)
  const values = table.cells.map((line) => line.map(() => 0))

  const visit = (index: number, soFar: number): Figures | null => {
    if (index === rows * columns) {
      const figures = {
        cells: values.map((line) => [...line]),
        rowTotals: values.map(sum),
        columnTotals: values[0]!.map((_, column) => sum(values.map((line) => line[column]!))),
        total: soFar,
      }
      return accept(figures) ? figures : null
    }
    const [row, column] = [Math.floor(index / columns), index % columns]
    let [low, high] = range(table.cells[row]![column]!, cap)
    high = Math.min(high, totalHigh - soFar)
    // Each line's total bounds its cells; the last cell of a line must bring the line into its total's range.
    const rowSoFar = sum(values[row]!.slice(0, column))
    const [rowLow, rowHigh] = range(table.rowTotals[row]!, cap)
    high = Math.min(high, rowHigh - rowSoFar)
    if (column === columns - 1) low = Math.max(low, rowLow - rowSoFar)
    const columnSoFar = sum(values.slice(0, row).map((line) => line[column]!))
    const [columnLow, columnHigh] = range(table.columnTotals[column]!, cap)
    high = Math.min(high, columnHigh - columnSoFar)
    if (row === rows - 1) low = Math.max(low, columnLow - columnSoFar)
    if (index === rows * columns - 1) low = Math.max(low, totalLow - soFar)
    for (let value = low; value <= high; value++) {
      if (index === avoid && value === avoidValue) continue
      values[row]![column] = value
      const found = visit(index + 1, soFar + value)
      if (found) return found
    }
    return null
  }
  return visit(0, 0)
}

const fits = (cell: PublishedCell, value: number, cap: number) => {
  const [low, high] = range(cell, cap)
  return value >= low && value <= high
}

/** The hidden figures of `table` (labelled "cell r,c", "row total r", "column total c", "total") that are derived. */
export function derivedByEnumeration(table: PublishedTable): string[] {
  const figuresOf = (f: Figures) => [
    ...f.cells.flatMap((line, row) => line.map((value, column) => ({ label: `cell ${row},${column}`, value, cell: table.cells[row]![column]! }))),
    ...f.rowTotals.map((value, row) => ({ label: `row total ${row}`, value, cell: table.rowTotals[row]! })),
    ...f.columnTotals.map((value, column) => ({ label: `column total ${column}`, value, cell: table.columnTotals[column]! })),
    { label: 'total', value: f.total, cell: table.total },
  ]
  const consistent = (f: Figures) => figuresOf(f).every(({ cell, value }) => fits(cell, value, Infinity))
  const one = search(table, consistent)
  if (!one) throw new Error('No table shows what was published.')
  // Inner cells come first in figuresOf, so a figure's position is the search's cell number.
  return figuresOf(one)
    .map((figure, index) => ({ ...figure, index }))
    .filter(({ cell }) => cell.kind !== 'count')
    .filter(({ label, value, index }) => {
      const differs = (f: Figures) => consistent(f) && figuresOf(f).some((other) => other.label === label && other.value !== value)
      return !search(table, differs, index, value)
    })
    .map(({ label }) => label)
}
