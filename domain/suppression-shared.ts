import { suppressTable, type CountTable, type PublishedCell, type PublishedTable } from './suppression'
import { exposedEdges, SMALL_LIMIT, type FlowEdge } from './suppression-network'

/**
 * Two tables that count the same people per row (intakes per region by way in, and by destination), suppressed
 * as one system (ADR 0015, "Tables that share a margin"). Their row totals and their grand total are the same
 * figures, so a total shown in one table and hidden in the other would give it away, and a cell hidden in one
 * table could be recomputed through the other. Seen as one graph the two tables are a circulation:
 *
 *   source → column of the first table → row (in) → row (out) → column of the second table → sink → source
 *
 * with the first table's column totals, its cells, the shared row totals, the second table's cells, its column
 * totals and the shared grand total as the edges. The exact check of domain/suppression-network.ts then covers
 * both tables at once, and each shared total is one edge: hidden in both tables or shown in both.
 */

type Edge = FlowEdge & { total: boolean }

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)
const columnSums = (counts: CountTable) => counts[0]!.map((_, column) => sum(counts.map((line) => line[column]!)))

function check(first: CountTable, second: CountTable) {
  for (const counts of [first, second]) {
    const columns = counts[0]?.length ?? 0
    if (columns === 0 || counts.some((line) => line.length !== columns)) throw new Error('A table needs at least one column, every row as long as the first.')
    if (counts.flat().some((value) => !Number.isInteger(value) || value < 0)) throw new Error('Counts are whole numbers, 0 or more.')
  }
  if (first.length === 0 || first.length !== second.length || first.some((line, row) => sum(line) !== sum(second[row]!)))
    throw new Error('Tables that share their row totals need the same rows with the same totals.')
}

/** The smallest shown edge among `candidates`; a cell before a total of the same value (a total hides more). */
const smallestShown = (candidates: readonly Edge[]) =>
  candidates.filter((edge) => !edge.hidden).sort((a, b) => a.value * 2 + Number(a.total) - (b.value * 2 + Number(b.total)))[0]

/** Like nextComplement in domain/suppression.ts, on the graph: a node with one hidden edge first, then exposure. */
function nextComplement(edges: readonly Edge[]): Edge | undefined {
  const atNode = new Map<number, Edge[]>()
  for (const edge of edges) for (const node of [edge.from, edge.to]) atNode.set(node, [...(atNode.get(node) ?? []), edge])
  const lonely = [...atNode.values()]
    .filter((incident) => incident.filter((edge) => edge.hidden).length === 1)
    .map(smallestShown)
    .filter((edge) => edge !== undefined)
    .sort((a, b) => a.value - b.value)[0]
  if (lonely) return lonely
  const exposed = exposedEdges(edges)[0]
  if (exposed === undefined) return undefined
  const { from, to } = edges[exposed]!
  return smallestShown(atNode.get(from)!) ?? smallestShown(atNode.get(to)!) ?? smallestShown(edges)
}

const published = ({ value, hidden }: Edge): PublishedCell => (hidden ? { kind: hidden } : { kind: 'count', value })

export function suppressSharedRows(first: CountTable, second: CountTable): [PublishedTable, PublishedTable] {
  check(first, second)
  const rows = first.length
  const [source, sink, rowIn, rowOut] = [0, 1, (row: number) => 2 + row, (row: number) => 2 + rows + row]
  const firstColumn = (column: number) => 2 + 2 * rows + column
  const secondColumn = (column: number) => firstColumn(first[0]!.length) + column
  const edge = (from: number, to: number, value: number, total: boolean): Edge => ({ from, to, value, total, hidden: value < SMALL_LIMIT ? 'small' : null })
  const firstTotals = columnSums(first).map((value, column) => edge(source, firstColumn(column), value, true))
  const firstCells = first.map((line, row) => line.map((value, column) => edge(firstColumn(column), rowIn(row), value, false)))
  const rowTotals = first.map((line, row) => edge(rowIn(row), rowOut(row), sum(line), true))
  const secondCells = second.map((line, row) => line.map((value, column) => edge(rowOut(row), secondColumn(column), value, false)))
  const secondTotals = columnSums(second).map((value, column) => edge(secondColumn(column), sink, value, true))
  const total = edge(sink, source, sum(rowTotals.map((e) => e.value)), true)
  const edges = [...firstTotals, ...firstCells.flat(), ...rowTotals, ...secondCells.flat(), ...secondTotals, total]
  // Each round hides one more figure, so this ends; it stops when no hidden figure is exposed.
  for (let next = nextComplement(edges); next; next = nextComplement(edges)) next.hidden = 'complementary'
  if (exposedEdges(edges).length > 0) throw new Error('No suppression hides every small count of these tables.')
  const table = (cells: Edge[][], columnTotals: Edge[]): PublishedTable => ({
    cells: cells.map((line) => line.map(published)),
    rowTotals: rowTotals.map(published),
    columnTotals: columnTotals.map(published),
    total: published(total),
  })
  return [table(firstCells, firstTotals), table(secondCells, secondTotals)]
}

/** The tables of one group (ADR 0015): alone, or two that share their row totals, suppressed together. */
export function suppressTogether(tables: readonly CountTable[]): PublishedTable[] {
  if (tables.length === 1) return [suppressTable(tables[0]!)]
  if (tables.length === 2) return suppressSharedRows(tables[0]!, tables[1]!)
  throw new Error('Three or more tables with the same row totals are no longer one circulation; publish at most two.')
}
