import { compactForm, sortedForm } from './text'

/**
 * Where a label the query can name comes from, in the order the taxonomy tries them: the Flemish vocabulary
 * (search/vocabulary.ts), ESCO's Dutch preferred and alternative labels, then ESCO's other labels (Dutch
 * hidden labels, English, French). `order` is the occupation's place in a vocabulary row (0 = most central).
 */
export type LabelOrigin = 'vocabulary' | 'esco' | 'other'

export type Label = {
  uri: string
  text: string
  words: string[]
  compact: string
  origin: LabelOrigin
  order: number
  /** A vocabulary sector word (horeca): its results say which occupations the sector was read as. */
  sector: boolean
}

/** Found by the whole query: the same words glued ("kassa-medewerker"), in another order, or both ("medewerker magazijn"). */
export type ExactMatch = { labels: Label[]; reordered: boolean }

// Word orders tried for the glued form: up to 3 words (6 orders); longer queries are no job name of one word.
const MAX_PERMUTED_WORDS = 3

export class LabelIndex {
  private readonly byCompact = new Map<string, Label[]>()
  private readonly bySorted = new Map<string, Label[]>()

  add(label: Label) {
    if (label.words.length === 0) return
    push(this.byCompact, label.compact, label)
    push(this.bySorted, sortedForm(label.words), label)
  }

  /** Labels named by exactly these words, in this order first, then in any other. */
  exact(words: string[]): ExactMatch | null {
    const same = this.byCompact.get(compactForm(words))
    if (same) return { labels: same, reordered: false }
    const reordered = [...(this.bySorted.get(sortedForm(words)) ?? [])]
    if (words.length > 1 && words.length <= MAX_PERMUTED_WORDS) {
      for (const order of permutations(words)) reordered.push(...(this.byCompact.get(compactForm(order)) ?? []))
    }
    return reordered.length > 0 ? { labels: [...new Set(reordered)], reordered: true } : null
  }

  /** Labels named by exactly these words in any order (after typing errors were corrected). */
  sorted(words: string[]): Label[] {
    return this.bySorted.get(sortedForm(words)) ?? []
  }
}

function permutations(words: string[]): string[][] {
  if (words.length <= 1) return [words]
  return words.flatMap((word, i) => permutations([...words.slice(0, i), ...words.slice(i + 1)]).map((rest) => [word, ...rest]))
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
