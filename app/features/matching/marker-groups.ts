export type Point = { x: number; y: number }
export type MarkerGroup = Point & { members: number[] }

/**
 * The markers of the match map, grouped where they would overlap (issue 16, point 9): placements in one town lie at
 * its reference point, and four circles at one point cannot be told apart. Each point in list order joins the
 * first group whose position lies closer than `near` (drawing units), else starts a group there; a group keeps its
 * first member's position and lists its members (indexes into `points`) in list order. A group that would cover
 * `avoid` (the client's home and its name) is moved up by `shift`, so both stay visible.
 */
export function groupMarkers(points: readonly Point[], { near, avoid, shift }: { near: number; avoid?: Point; shift: number }): MarkerGroup[] {
  const groups: MarkerGroup[] = []
  points.forEach((point, index) => {
    const group = groups.find((g) => Math.hypot(g.x - point.x, g.y - point.y) < near)
    if (group) group.members.push(index)
    else groups.push({ x: point.x, y: point.y, members: [index] })
  })
  if (!avoid) return groups
  return groups.map((g) => (Math.hypot(g.x - avoid.x, g.y - avoid.y) < near ? { ...g, y: g.y - shift } : g))
}

/** The list numbers of a group's members, ascending, runs of three or more as ranges: "1–3, 5, 7, 8". */
export function numberRanges(members: readonly number[]): string {
  const numbers = [...members].sort((a, b) => a - b).map((index) => index + 1)
  const runs: [number, number][] = []
  for (const n of numbers) {
    const last = runs.at(-1)
    if (last && n === last[1] + 1) last[1] = n
    else runs.push([n, n])
  }
  return runs.map(([from, to]) => (from === to ? `${from}` : to === from + 1 ? `${from}, ${to}` : `${from}–${to}`)).join(', ')
}
