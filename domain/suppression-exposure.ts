/**
 * Which hidden cells of a table an attacker could still pin down exactly (ADR 0015).
 *
 * The table is seen "augmented": (R+1) × (C+1) with the row totals as the last column, the column totals as the
 * last row and the grand total in the corner. Negate the row and column totals (not the corner) and every line of
 * that grid sums to zero, so the published figures fix the hidden ones exactly as a flow on the bipartite graph
 * rows ↔ columns whose edges are the hidden cells. Another table with the same published figures differs from
 * the true one by a sum of alternating ±1 cycles over hidden cells, and such a difference can always be split into
 * simple cycles that each lead to a valid table on their own (conformal decomposition), so: a hidden cell is safe
 * exactly when one alternating cycle through it can be applied without leaving what the attacker knows of each
 * hidden cell (a "< 5" is 0..4, a complementary cell is 5 or more, since every cell under 5 is already "< 5").
 */

export type Hidden = 'small' | 'complementary'

/** One cell of the augmented grid: its true value and whether (and why) it is hidden. */
export type GridCell = { value: number; hidden: Hidden | null }

export const SMALL_LIMIT = 5

const bounds = (hidden: Hidden): [number, number] => (hidden === 'small' ? [0, SMALL_LIMIT - 1] : [SMALL_LIMIT, Infinity])

/** +1 for inner cells and the grand total, −1 for row and column totals (see above). */
const signAt = (grid: readonly (readonly GridCell[])[], row: number, column: number) =>
  (row === grid.length - 1) !== (column === grid[0]!.length - 1) ? -1 : 1

type Arc = { from: number; to: number; cell: number }

/**
 * Arcs of the cycle graph: nodes 0..R are rows, R+1.. are columns. A hidden cell gives the arc row → column when
 * its (signed) value may go up by one, and column → row when it may go down by one; an alternating cycle is then a
 * directed cycle.
 */
function arcsOf(grid: readonly (readonly GridCell[])[]) {
  const rows = grid.length
  const arcs: Arc[] = []
  grid.forEach((line, row) =>
    line.forEach(({ value, hidden }, column) => {
      if (!hidden) return
      const [low, high] = bounds(hidden)
      const sign = signAt(grid, row, column)
      const cell = row * line.length + column
      if (value + sign >= low && value + sign <= high) arcs.push({ from: row, to: rows + column, cell })
      if (value - sign >= low && value - sign <= high) arcs.push({ from: rows + column, to: row, cell })
    }),
  )
  return arcs
}

function reaches(arcs: readonly Arc[], from: number, to: number, skipCell: number) {
  const seen = new Set([from])
  const queue = [from]
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    if (node === to) return true
    for (const arc of arcs) {
      if (arc.from !== node || arc.cell === skipCell || seen.has(arc.to)) continue
      seen.add(arc.to)
      queue.push(arc.to)
    }
  }
  return false
}

/** The hidden cells ([row, column] in the augmented grid) whose true value follows from what is published. */
export function exposedCells(grid: readonly (readonly GridCell[])[]): [number, number][] {
  const arcs = arcsOf(grid)
  const width = grid[0]!.length
  const exposed: [number, number][] = []
  grid.forEach((line, row) =>
    line.forEach(({ hidden }, column) => {
      if (!hidden) return
      const cell = row * width + column
      // An arc lies on a cycle when its head leads back to its tail without moving the same cell twice.
      const movable = arcs.some((arc) => arc.cell === cell && reaches(arcs, arc.to, arc.from, cell))
      if (!movable) exposed.push([row, column])
    }),
  )
  return exposed
}
