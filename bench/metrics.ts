/**
 * The relevance metrics of ../shared/eval/README.md, as pure functions over ranked placement ids and graded
 * judgements (grade 2: same occupation, 1: same ISCO-08 unit group; missing: 0).
 */
export type Grades = Record<string, number>
export type Gain = 'linear' | 'exponential'

const gainOf = (grade: number, gain: Gain) => (gain === 'linear' ? grade : 2 ** grade - 1)

/** Discounted cumulative gain: gain at rank i (from 0) divided by log2(i + 2). */
export function dcg(gains: number[]): number {
  return gains.reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0)
}

/** nDCG@k: the DCG of the first k results over that of the ideal order of all judged placements. */
export function ndcgAt(ranked: string[], grades: Grades, k = 10, gain: Gain = 'linear'): number {
  const actual = ranked.slice(0, k).map((id) => gainOf(grades[id] ?? 0, gain))
  const ideal = Object.values(grades)
    .map((grade) => gainOf(grade, gain))
    .sort((a, b) => b - a)
    .slice(0, k)
  const best = dcg(ideal)
  return best === 0 ? 1 : dcg(actual) / best
}

/** The share of placements with this grade found in the first k; null when the query has none. */
export function recallAt(ranked: string[], grades: Grades, k = 20, grade = 2): number | null {
  const wanted = Object.keys(grades).filter((id) => grades[id] === grade)
  if (wanted.length === 0) return null
  const top = new Set(ranked.slice(0, k))
  return wanted.filter((id) => top.has(id)).length / wanted.length
}

/** Returned placements outside the allowed set: a match must never show one. */
export function violations(ranked: string[], allowed: Iterable<string>): string[] {
  const ok = new Set(allowed)
  return ranked.filter((id) => !ok.has(id))
}

/** Nearest-rank percentile (p in 0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

export const mean = (values: number[]) => (values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length)
