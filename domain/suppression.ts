import { exposedCells, SMALL_LIMIT, type GridCell, type Hidden } from './suppression-exposure'

/**
 * Small-count suppression for the open statistics (issue 14, ADR 0015): a table of counts in, the table that may
 * be published out. No figure under 5 (0 included) is shown, and complementary cells are hidden until no hidden
 * cell can be recomputed from the row, column and grand totals. Pure: the page, the CSV and the JSON all publish
 * this result, and the result holds no hidden value, so nothing downstream can leak one by mistake.
 */

/** What a published cell says: a count, "< 5", or hidden to protect a "< 5" elsewhere in its row or column. */
export type PublishedCell = { kind: 'count'; value: number } | { kind: Hidden }

export type PublishedTable = {
  cells: PublishedCell[][]
  rowTotals: PublishedCell[]
  columnTotals: PublishedCell[]
  total: PublishedCell
}

/** Inner counts, rows × columns; the totals are their sums (each person or event counted in one cell). */
export type CountTable = readonly (readonly number[])[]

function augmented(counts: CountTable): GridCell[][] {
  const columns = counts[0]!.length
  const rows = counts.map((line) => [...line, line.reduce((sum, value) => sum + value, 0)])
  const totals = Array.from({ length: columns + 1 }, (_, column) => rows.reduce((sum, line) => sum + line[column]!, 0))
  return [...rows, totals].map((line) => line.map((value) => ({ value, hidden: value < SMALL_LIMIT ? 'small' : null })))
}

const hiddenIn = (line: readonly GridCell[]) => line.filter((cell) => cell.hidden).length

/**
 * The smallest shown cell of a line (hiding it costs the least information); an inner cell before a total of the
 * same value, because a hidden total hides more at once.
 */
function smallestShown(line: readonly GridCell[]): GridCell | undefined {
  const last = line.length - 1
  return line
    .map((cell, index) => ({ cell, rank: cell.value * 2 + (index === last ? 1 : 0) }))
    .filter(({ cell }) => !cell.hidden)
    .sort((a, b) => a.rank - b.rank)[0]?.cell
}

const linesOf = (grid: GridCell[][]) => [...grid, ...grid[0]!.map((_, column) => grid.map((line) => line[column]!))]

/**
 * The next complementary cell. First the textbook rule: a row or column with a single hidden cell gives it away
 * (total minus the rest), so hide the smallest shown cell of such a line, the cheapest one over all such lines.
 * When every line has two hidden cells or none and a cell is still exposed (a hidden cell bridging two groups, or
 * the bounds of "< 5" blocking every way to vary it), hide the smallest shown cell of its row, else its column,
 * else anywhere: a new hidden cell next to it opens a new cycle, and the textbook rule closes it.
 */
function nextComplement(grid: GridCell[][]): GridCell | undefined {
  const lonely = linesOf(grid)
    .filter((line) => hiddenIn(line) === 1)
    .map(smallestShown)
    .filter((cell) => cell !== undefined)
    .sort((a, b) => a.value - b.value)[0]
  if (lonely) return lonely
  const exposed = exposedCells(grid)[0]
  if (!exposed) return undefined
  const [row, column] = exposed
  return smallestShown(grid[row]!) ?? smallestShown(grid.map((line) => line[column]!)) ?? smallestShown(grid.flat())
}

const published = ({ value, hidden }: GridCell): PublishedCell => (hidden ? { kind: hidden } : { kind: 'count', value })

export function suppressTable(counts: CountTable): PublishedTable {
  const columns = counts[0]?.length ?? 0
  if (counts.length === 0 || columns === 0 || counts.some((line) => line.length !== columns))
    throw new Error('A table needs at least one row and one column, every row as long as the first.')
  if (counts.flat().some((value) => !Number.isInteger(value) || value < 0)) throw new Error('Counts are whole numbers, 0 or more.')
  const grid = augmented(counts)
  // Each round hides one more cell, so this ends; it stops when no hidden cell is exposed (or nothing is left).
  for (let next = nextComplement(grid); next; next = nextComplement(grid)) next.hidden = 'complementary'
  if (exposedCells(grid).length > 0) throw new Error('No suppression hides every small count of this table.')
  const inner = grid.slice(0, -1)
  return {
    cells: inner.map((line) => line.slice(0, -1).map(published)),
    rowTotals: inner.map((line) => published(line[columns]!)),
    columnTotals: grid.at(-1)!.slice(0, -1).map(published),
    total: published(grid.at(-1)![columns]!),
  }
}
