import { TaxonomyLexicon, type TaxonomyOptions } from './taxonomy-lexicon'
import { resolveOccupations } from './taxonomy-resolve'
import type { OccupationRecord, QueryTerm, QueryUnderstanding, ResolvedOccupation } from './taxonomy-types'
import { dutchStopWords, tokenize } from './text'

export type { MatchKind, OccupationRecord, QueryTerm, QueryUnderstanding, ResolvedOccupation } from './taxonomy-types'
export type { TaxonomyOptions } from './taxonomy-lexicon'

/**
 * Query understanding shared by every engine, so they rank alike: the query text is resolved to ESCO occupations
 * by the Flemish vocabulary first (search/vocabulary.ts: kuisvrouw, horeca, magasinier), then ESCO's Dutch
 * preferred and alternative labels, then ESCO's other labels (hidden, English, French) — exactly, with the words
 * in another order, as another form of the word (search/morphology.ts: kapsters, verkoopster), with a typing
 * error (against the whole label, then word by word), or as a label plus words that are no occupation words
 * ("kok gent") — and cut into search terms with their corrections and compound parts. A known word is never
 * "corrected" into another occupation (kuisvrouw is no typo of bootsvrouw).
 *
 * Its parts: what it knows (taxonomy-lexicon.ts), the order of rules a query is resolved by
 * (taxonomy-resolve.ts) and how sure it is of each occupation (taxonomy-rank.ts).
 *
 * The ranking rule built on it (see docs/decisions/0007-search-engine.md): placements of a resolved occupation
 * (same occupation) above placements of another occupation in its ISCO-08 unit group (related occupation) above
 * placements that only share words with the query.
 */
export class Taxonomy {
  private readonly lexicon: TaxonomyLexicon

  /** `places`: municipality names, known words that must never be "corrected" into an occupation word. */
  constructor(records: OccupationRecord[], places: string[] = [], options: TaxonomyOptions = {}) {
    this.lexicon = new TaxonomyLexicon(records, places, options)
  }

  occupation(uri: string): OccupationRecord | undefined {
    return this.lexicon.occupations.get(uri)
  }

  isWord = (word: string) => this.lexicon.isWord(word)

  /** Every ISCO-08 unit group that has an occupation. */
  unitGroups(): ReadonlySet<string> {
    return this.lexicon.unitGroups
  }

  /** The compound parts of one (folded) word, cached: documents and queries split the same words again and again. */
  partsOf(word: string): string[] {
    return this.lexicon.partsOf(word)
  }

  /** Label words within the typo budget of a word that is not a known word, nearest first; [] for known words. */
  corrections(word: string): string[] {
    return this.lexicon.corrections(word)
  }

  understand(text: string): QueryUnderstanding {
    const words = tokenize(text)
    const terms = words
      .filter((word) => !dutchStopWords.has(word))
      .map((word): QueryTerm => {
        const corrections = this.lexicon.corrections(word)
        const parts = this.lexicon.partsOf(word)
        return { word, corrections, parts, known: this.lexicon.isKnown(word) || corrections.length > 0 || parts.length > 0 }
      })
    const resolved = words.length > 0 ? resolveOccupations(this.lexicon, words) : []
    const relatedGroups = [...new Set(resolved.map((o) => o.iscoGroup))]
    return { words, terms, occupations: resolved, relatedGroups, corrected: correctedText(words, terms, resolved) }
  }
}

function correctedText(words: string[], terms: QueryTerm[], resolved: ResolvedOccupation[]): string | null {
  const first = resolved[0]
  if (first?.match === 'typo') return first.matchedLabel
  // Another form of a known word (poetsvrouwen, kapsters) is no typing error: nothing to suggest.
  if (first && (first.match === 'variant' || first.match === 'vocabulary' || first.match === 'sector')) return null
  const replaced = words.map((word) => terms.find((t) => t.word === word)?.corrections[0] ?? word)
  return replaced.some((word, i) => word !== words[i]) ? replaced.join(' ') : null
}
