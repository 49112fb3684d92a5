import { compoundParts } from './compounds'
import { type ExactMatch, type Label, LabelIndex, type LabelOrigin, push } from './taxonomy-labels'
import { NearestIndex } from './taxonomy-nearest'
import type { OccupationRecord } from './taxonomy-types'
import { compactForm, tokenize, typoBudget } from './text'
import type { VocabularyEntry } from './vocabulary'
import type { OtherLabel } from '#db/reference/other-labels'

/** The origins of labels in the order a query is looked up in them: the vocabulary first (see taxonomy-labels.ts). */
export const ORIGINS: LabelOrigin[] = ['vocabulary', 'esco', 'other']
const MAX_CORRECTIONS = 4

export type TaxonomyOptions = {
  /** The Flemish vocabulary, validated (search/vocabulary.ts). */
  vocabulary?: VocabularyEntry[]
  /** ESCO's hidden, English and French labels by occupation URI (db/reference/other-labels.ts). */
  otherLabels?: ReadonlyMap<string, OtherLabel[]>
}

export type OriginMatch = ExactMatch & { origin: LabelOrigin }

/**
 * What the taxonomy knows, built once from the occupations, the vocabulary and ESCO's other labels: the labels
 * by origin, which words are words at all (what a typing error is corrected to, what a compound is split into)
 * and the lookups every step of query understanding uses (search/taxonomy-resolve.ts).
 */
export class TaxonomyLexicon {
  readonly occupations = new Map<string, OccupationRecord>()
  readonly labelsOf = new Map<string, Label[]>()
  readonly unitGroups = new Set<string>()
  readonly indexes: Record<LabelOrigin, LabelIndex> = { vocabulary: new LabelIndex(), esco: new LabelIndex(), other: new LabelIndex() }
  private readonly nearLabels: NearestIndex<Label>
  readonly byWord = new Map<string, Label[]>()
  /** Words of the labels: what a typing error is corrected to. */
  readonly labelWords = new Set<string>()
  private readonly nearLabelWords: NearestIndex<string>
  /** Words of labels and descriptions: what counts as a real word, and the parts compounds are split into. */
  private readonly lexicon = new Set<string>()
  /** Words of municipality names and of ESCO's other labels: known words, but no compound parts or corrections. */
  private readonly placeWords = new Set<string>()
  private readonly partsCache = new Map<string, string[]>()
  private readonly correctionCache = new Map<string, string[]>()

  /** `places`: municipality names, known words that must never be "corrected" into an occupation word. */
  constructor(records: OccupationRecord[], places: string[] = [], options: TaxonomyOptions = {}) {
    const near: Label[] = []
    const addLabel = (label: Label) => {
      if (label.words.length === 0) return
      this.indexes[label.origin].add(label)
      if (label.origin === 'other') {
        for (const word of label.words) this.placeWords.add(word)
        return
      }
      near.push(label)
      for (const word of new Set(label.words)) {
        this.labelWords.add(word)
        push(this.byWord, word, label)
      }
    }
    for (const record of records) {
      this.occupations.set(record.uri, record)
      this.unitGroups.add(record.iscoGroup)
      const labels = [record.label, ...record.altLabels].map((text) => makeLabel(record.uri, text, 'esco'))
      this.labelsOf.set(record.uri, labels)
      labels.forEach(addLabel)
      for (const { text, preferred } of options.otherLabels?.get(record.uri) ?? []) addLabel({ ...makeLabel(record.uri, text, 'other'), order: preferred ? 0 : 1 })
      for (const word of tokenize(record.description)) this.lexicon.add(word)
    }
    for (const entry of options.vocabulary ?? []) {
      entry.occupations.forEach((uri, order) => {
        if (this.occupations.has(uri)) addLabel({ ...makeLabel(uri, entry.term, 'vocabulary'), order, sector: entry.kind === 'sector' })
      })
    }
    for (const word of this.labelWords) this.lexicon.add(word)
    this.nearLabels = new NearestIndex(near.map((l) => [l.compact, l] as const))
    this.nearLabelWords = new NearestIndex([...this.labelWords].map((word) => [word, word] as const))
    for (const place of places) for (const word of tokenize(place)) this.placeWords.add(word)
  }

  isWord = (word: string) => this.lexicon.has(word)

  isKnown(word: string) {
    return this.lexicon.has(word) || this.placeWords.has(word)
  }

  /** The compound parts of one (folded) word, cached: documents and queries split the same words again and again. */
  partsOf(word: string): string[] {
    let parts = this.partsCache.get(word)
    if (!parts) {
      parts = compoundParts(word, this.isWord)
      remember(this.partsCache, word, parts)
    }
    return parts
  }

  /** Label words within the typo budget of a word that is not a known word, nearest first; [] for known words. */
  corrections(word: string): string[] {
    const cached = this.correctionCache.get(word)
    if (cached) return cached
    let found: string[] = []
    const budget = typoBudget(word.length)
    if (!this.isKnown(word) && budget > 0 && !/^\d+$/.test(word)) {
      found = this.nearLabelWords.nearest(word, budget).items.sort().slice(0, MAX_CORRECTIONS)
    }
    remember(this.correctionCache, word, found)
    return found
  }

  /**
   * The labels these words name exactly, from the first origin that has any. A vocabulary term that is also an
   * ESCO label keeps ESCO's occupations too, after the vocabulary's: the vocabulary adds meanings, it hides none.
   */
  exactLabels(words: string[]): OriginMatch[] | null {
    const found: OriginMatch[] = []
    for (const origin of ORIGINS) {
      const match = this.indexes[origin].exact(words)
      if (!match) continue
      found.push({ ...match, origin })
      if (origin !== 'vocabulary') break
    }
    return found.length > 0 ? found : null
  }

  /** Labels within the typo budget of the whole query (spaces ignored), at the smallest distance found. */
  nearestLabels(compact: string): { labels: Label[]; distance: number } | null {
    const { items, distance } = this.nearLabels.nearest(compact, typoBudget(compact.length))
    return items.length > 0 ? { labels: items, distance } : null
  }
}

function makeLabel(uri: string, text: string, origin: LabelOrigin): Label {
  const words = tokenize(text)
  return { uri, text, words, compact: compactForm(words), origin, order: 0, sector: false }
}

// Caches of query words stay bounded: a long-running server sees endless new words.
function remember<V>(cache: Map<string, V>, key: string, value: V) {
  if (cache.size >= 20_000) cache.clear()
  cache.set(key, value)
}
