/**
 * Optimal string alignment distance (Levenshtein plus the swap of two neighbouring letters, the commonest
 * typing error: "medweerker"), computed only as far as `max`: anything further answers `max + 1`. Queries are
 * compared with every label of the vocabulary, so only the diagonal band |i − j| ≤ max is computed (cells
 * outside it are over `max` anyway), the rows are reused, and the loop stops once a row cannot get back under.
 */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const

export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) > max) return max + 1
  const over = max + 1
  const width = b.length + 1
  if (rows[0].length < width + 1) rows = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)]
  // before: row i-2 (for the swap), previous: row i-1, current: row i.
  let [before, previous, current] = rows
  for (let j = 0; j < width; j += 1) previous[j] = j <= max ? j : over
  for (let i = 1; i <= a.length; i += 1) {
    const from = Math.max(1, i - max)
    const to = Math.min(b.length, i + max)
    current[from - 1] = from === 1 && i <= max ? i : over
    if (to < b.length) current[to + 1] = over
    let rowMin = from === 1 ? current[0]! : over
    const ai = a.charCodeAt(i - 1)
    for (let j = from; j <= to; j += 1) {
      const bj = b.charCodeAt(j - 1)
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1))
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, before[j - 2]! + 1)
      current[j] = value < over ? value : over
      if (value < rowMin) rowMin = value
    }
    if (rowMin > max) return over
    ;[before, previous, current] = [previous, current, before]
  }
  return Math.min(previous[b.length]!, over)
}
