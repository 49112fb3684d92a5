import type { StatSlice } from '#domain/statistics-period'
import type { Tx } from '#db/client'

/**
 * The shape every figure of the regional dashboard takes (issue 14). A section is a list of table specs; each spec
 * computes its rows for one *slice* (a date range and a set of reference regions, or all of Flanders) and the
 * dashboard asks it for three slices: the region now, the region in the previous period, Flanders now. Rows are
 * matched across slices by key, so a category missing from one slice shows as 0 (counts) or "–" (the rest).
 */
export type StatUnit = 'aantal' | 'dagen' | 'procent' | 'euro'

export type Slice = StatSlice

export type StatRow = { key: string; label: string; value: number | null; unit?: StatUnit }

export type TableSpec = {
  /** Unique over the whole dashboard: the CSV link names the table with it. */
  id: string
  title: string
  /** One or two sentences: what is counted, from which moment, what the reader should know (plain Dutch). */
  description: string
  unit: StatUnit
  compute: (tx: Tx, slice: Slice) => Promise<StatRow[]>
  /** Draw a bar chart beside the table (default true); off for tables whose rows mix units. */
  chart?: boolean
}

export type Section = { slug: string; title: string; intro: string; tables: TableSpec[] }

export type StatTable = {
  id: string
  title: string
  description: string
  unit: StatUnit
  chart: boolean
  columns: string[]
  rows: { key: string; label: string; unit: StatUnit; values: (number | null)[] }[]
}

/** Lines the slices' rows up by key, in the order the first slice gives them, then any keys only others have. */
export function mergeSlices(spec: TableSpec, columns: string[], perSlice: StatRow[][]): StatTable {
  const order: StatRow[] = []
  for (const rows of perSlice) for (const row of rows) if (!order.some((known) => known.key === row.key)) order.push(row)
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    unit: spec.unit,
    chart: spec.chart ?? true,
    columns,
    rows: order.map((row) => {
      const unit = row.unit ?? spec.unit
      const values = perSlice.map((rows) => rows.find((candidate) => candidate.key === row.key)?.value ?? (unit === 'aantal' ? 0 : null))
      return { key: row.key, label: row.label, unit, values }
    }),
  }
}
