import type { StatRow } from './stat-table'

/** One row per figure in the order of `labels`, keyed by the figure's name: the same key in every slice. */
export const rowsOf = <K extends string>(figures: Record<NoInfer<K>, number | null>, labels: Record<K, string>): StatRow[] =>
  (Object.keys(labels) as K[]).map((key) => ({ key, label: labels[key], value: figures[key] }))
