/**
 * The exact exposure check of ADR 0015 on any system of published counts that is a circulation: every figure is
 * the flow on one edge of a directed graph and, at every node, what flows in equals what flows out. One table with
 * its totals is such a graph (columns → rows → "row totals" → "columns"); so are two tables that share their row
 * totals (domain/suppression-shared.ts). Two systems that publish the same figures differ by a circulation on the
 * hidden edges, which splits into simple cycles that each stay within the bounds of what the labels say (a "< 5"
 * is 0..4, a complementary figure 5 or more), so a hidden edge is safe exactly when one cycle through it, walking
 * edges forward (+1) or backward (−1), can be applied without leaving those bounds.
 */

/** Why a figure is hidden: under 5 itself, or to protect a "< 5" elsewhere (complementary). */
export type Hidden = 'small' | 'complementary'

export type FlowEdge = { from: number; to: number; value: number; hidden: Hidden | null }

export const SMALL_LIMIT = 5

const bounds = (hidden: Hidden): [number, number] => (hidden === 'small' ? [0, SMALL_LIMIT - 1] : [SMALL_LIMIT, Infinity])

type Arc = { from: number; to: number; edge: number }

/** Walking an edge forward adds one to its figure, backward takes one off: only the steps its bounds allow. */
function arcsOf(edges: readonly FlowEdge[]) {
  const arcs: Arc[] = []
  edges.forEach(({ from, to, value, hidden }, edge) => {
    if (!hidden) return
    const [low, high] = bounds(hidden)
    if (value + 1 <= high) arcs.push({ from, to, edge })
    if (value - 1 >= low) arcs.push({ from: to, to: from, edge })
  })
  return arcs
}

function reaches(arcs: readonly Arc[], from: number, to: number, skipEdge: number) {
  const seen = new Set([from])
  const queue = [from]
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    if (node === to) return true
    for (const arc of arcs) {
      if (arc.from !== node || arc.edge === skipEdge || seen.has(arc.to)) continue
      seen.add(arc.to)
      queue.push(arc.to)
    }
  }
  return false
}

/** The hidden edges (indexes) whose true figure follows from what is published. */
export function exposedEdges(edges: readonly FlowEdge[]): number[] {
  const arcs = arcsOf(edges)
  return edges.flatMap(({ hidden }, edge) => {
    if (!hidden) return []
    // An arc lies on a cycle when its head leads back to its tail without moving the same figure twice.
    const movable = arcs.some((arc) => arc.edge === edge && reaches(arcs, arc.to, arc.from, edge))
    return movable ? [] : [edge]
  })
}
