import { exposedEdges, type FlowEdge, type Hidden } from './suppression-network'

export { SMALL_LIMIT, type Hidden } from './suppression-network'

/**
 * Which hidden cells of one table an attacker could still pin down exactly (ADR 0015).
 *
 * The table is seen "augmented": (R+1) × (C+1) with the row totals as the last column, the column totals as the
 * last row and the grand total in the corner. Negate the row and column totals (not the corner) and every line of
 * that grid sums to zero: the figures are a circulation on the bipartite graph rows ↔ columns, each cell an edge
 * from its row to its column (or back, for a negated total). domain/suppression-network.ts decides which hidden
 * edges that circulation fixes.
 */

/** One cell of the augmented grid: its true value and whether (and why) it is hidden. */
export type GridCell = { value: number; hidden: Hidden | null }

/** The hidden cells ([row, column] in the augmented grid) whose true value follows from what is published. */
export function exposedCells(grid: readonly (readonly GridCell[])[]): [number, number][] {
  const rows = grid.length
  const width = grid[0]!.length
  const edges: FlowEdge[] = grid.flatMap((line, row) =>
    line.map(({ value, hidden }, column) => {
      const negated = (row === rows - 1) !== (column === width - 1)
      return negated ? { from: rows + column, to: row, value, hidden } : { from: row, to: rows + column, value, hidden }
    }),
  )
  return exposedEdges(edges).map((edge) => [Math.floor(edge / width), edge % width])
}
