/**
 * The shapes the taxonomy (search/taxonomy.ts) answers in, in a module of their own so that its parts — the
 * lexicon, the resolver and the ranking — and the engines can name them without importing each other.
 */
export type OccupationRecord = { uri: string; label: string; altLabels: string[]; iscoGroup: string; description: string }

/** `vocabulary`: a term of the Flemish vocabulary; `sector`: its sector word; `variant`: another form of a term or label. */
export type MatchKind = 'exact' | 'reordered' | 'typo' | 'contained' | 'vocabulary' | 'sector' | 'variant'

export type ResolvedOccupation = {
  uri: string
  label: string
  iscoGroup: string
  /** The label or vocabulary term the query matched. */
  matchedLabel: string
  match: MatchKind
  /**
   * Confidence: exact 1, other word order 0.95, another word form 0.93, a typing error 0.9 (two: 0.85), label in
   * a longer query 0.85, plus up to 0.02 to order occupations that share the matched label; a vocabulary term
   * orders its occupations by their place in its row instead (0.01 apart), and ESCO's other labels count 0.03 less.
   */
  score: number
}

/** One query word as the text search uses it: itself, its corrections (when it is no known word) and its parts. */
export type QueryTerm = { word: string; corrections: string[]; parts: string[]; known: boolean }

export type QueryUnderstanding = {
  words: string[]
  /** The words that narrow a text search (stop words left out), in query order; the last one is a prefix. */
  terms: QueryTerm[]
  /** Same occupation, best first. */
  occupations: ResolvedOccupation[]
  /** ISCO-08 unit groups of those occupations: their other occupations are related. */
  relatedGroups: string[]
  /** What was searched for instead, when a typing error was corrected ("Bedoelde je …?"). */
  corrected: string | null
}
