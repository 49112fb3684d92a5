import type { PublishedCell, PublishedTable } from '#domain/suppression'

/**
 * The attacker of tests/support/disclosure-enumeration.ts for two tables that share their row totals, by plain
 * enumeration and written without the code under test: every pair of tables that shows what was published (with
 * what the labels say: "< 5" is 0..4, "x" is 5..cap) and has equal row totals; a hidden figure that takes one
 * value over all such pairs is derived. A cap below the truth only removes alternatives, so it can only report
 * more, never less; give it room above the largest true figure. For tiny tables (every cell tried up to the cap).
 */

const range = (cell: PublishedCell, cap: number): [number, number] =>
  cell.kind === 'count' ? [cell.value, cell.value] : cell.kind === 'small' ? [0, 4] : [5, cap]
const fits = (cell: PublishedCell, value: number, cap: number) => value >= range(cell, cap)[0] && value <= range(cell, cap)[1]
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)

/** Every table of counts that shows `table` as published, as its list of figures (cells, row totals, column totals, total). */
function tablesShowing(table: PublishedTable, cap: number): number[][] {
  const [rows, columns] = [table.cells.length, table.cells[0]!.length]
  const found: number[][] = []
  const values: number[] = []
  const visit = (index: number) => {
    if (index === rows * columns) {
      const cells = Array.from({ length: rows }, (_, row) => values.slice(row * columns, (row + 1) * columns))
      const rowTotals = cells.map(sum)
      const columnTotals = Array.from({ length: columns }, (_, column) => sum(cells.map((line) => line[column]!)))
      const figures = [...values, ...rowTotals, ...columnTotals, sum(rowTotals)]
      const labels = [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.total]
      if (figures.every((value, at) => fits(labels[at]!, value, cap * rows * columns))) found.push(figures)
      return
    }
    const [low, high] = range(table.cells[Math.floor(index / columns)]![index % columns]!, cap)
    const [row, column] = [Math.floor(index / columns), index % columns]
    for (let value = low; value <= high; value++) {
      values[index] = value
      // A finished row must already fit its total's label: cuts the search to what a reader would consider.
      if (column === columns - 1 && !fits(table.rowTotals[row]!, sum(values.slice(row * columns, index + 1)), cap * columns)) continue
      visit(index + 1)
    }
  }
  visit(0)
  return found
}

/** Labels ("a 0", "b 3": table and figure number) of the hidden figures that only one value fits. */
export function derivedFromPairByEnumeration(first: PublishedTable, second: PublishedTable, cap: number): string[] {
  const rows = first.cells.length
  const rowTotalsOf = (figures: number[], table: PublishedTable) => figures.slice(table.cells.flat().length, table.cells.flat().length + rows).join(',')
  const seconds = new Map<string, number[][]>()
  for (const figures of tablesShowing(second, cap)) seconds.set(rowTotalsOf(figures, second), [...(seconds.get(rowTotalsOf(figures, second)) ?? []), figures])
  const seen = new Map<string, Set<number>>()
  const note = (label: string, value: number) => seen.set(label, (seen.get(label) ?? new Set()).add(value))
  for (const a of tablesShowing(first, cap)) {
    const matches = seconds.get(rowTotalsOf(a, first)) ?? []
    if (matches.length === 0) continue
    a.forEach((value, at) => note(`a ${at}`, value))
    for (const b of matches) b.forEach((value, at) => note(`b ${at}`, value))
  }
  const hidden = (table: PublishedTable, name: string) =>
    [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.total].flatMap((cell, at) => (cell.kind === 'count' ? [] : [`${name} ${at}`]))
  if (seen.size === 0) throw new Error('No pair of tables shows what was published.')
  return [...hidden(first, 'a'), ...hidden(second, 'b')].filter((label) => seen.get(label)!.size === 1)
}
