import { compoundParts } from './compounds'
import { NearestIndex } from './taxonomy-nearest'
import { compactForm, dutchStopWords, sortedForm, tokenize, typoBudget } from './text'

/**
 * Query understanding shared by every engine, so they rank alike: the query text is resolved to ESCO occupations
 * by their Dutch preferred and alternative labels — exactly, with the words in another order, with a typing error
 * (against the whole label, then word by word), or as a label plus words that are no occupation words ("kok
 * gent") — and cut into search terms with their corrections and compound parts.
 *
 * The ranking rule built on it (see docs/decisions/0007-search-engine.md): placements of a resolved occupation
 * (same occupation) above placements of another occupation in its ISCO-08 unit group (related occupation) above
 * placements that only share words with the query.
 */
export type OccupationRecord = { uri: string; label: string; altLabels: string[]; iscoGroup: string; description: string }

export type MatchKind = 'exact' | 'reordered' | 'typo' | 'contained'

export type ResolvedOccupation = {
  uri: string
  label: string
  iscoGroup: string
  /** The preferred or alternative label the query matched. */
  matchedLabel: string
  match: MatchKind
  /**
   * Confidence: exact 1, other word order 0.95, a typing error 0.9 (two: 0.85), label in a longer query 0.85,
   * plus up to 0.02 to order occupations that share the matched label.
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

type Label = { uri: string; text: string; words: string[]; compact: string }

const SCORES = { exact: 1, reordered: 0.95, typo: 0.9, contained: 0.85 } as const
// Among occupations that share the matched label, the one for which it is the preferred label, and the one whose
// other labels also use the query's words, come first ("perser aardewerk" names two occupations; only one of
// them is about aardewerk in its other labels too).
const SUPPORT_WEIGHT = 0.02
const MAX_CORRECTIONS = 4
const MAX_COMBINATIONS = 32

export class Taxonomy {
  private readonly occupations = new Map<string, OccupationRecord>()
  private readonly labelsOf = new Map<string, Label[]>()
  private readonly byCompact = new Map<string, Label[]>()
  private readonly bySorted = new Map<string, Label[]>()
  private readonly nearLabels: NearestIndex<Label>
  private readonly byWord = new Map<string, Label[]>()
  /** Words of the labels: what a typing error is corrected to. */
  private readonly labelWords = new Set<string>()
  private readonly nearLabelWords: NearestIndex<string>
  /** Words of labels and descriptions: what counts as a real word, and the parts compounds are split into. */
  private readonly lexicon = new Set<string>()
  /** Words of municipality names: known words, but no compound parts. */
  private readonly placeWords = new Set<string>()
  private readonly partsCache = new Map<string, string[]>()
  private readonly correctionCache = new Map<string, string[]>()

  /** `places`: municipality names, known words that must never be "corrected" into an occupation word. */
  constructor(records: OccupationRecord[], places: string[] = []) {
    for (const record of records) {
      this.occupations.set(record.uri, record)
      const labels = [record.label, ...record.altLabels].map((text) => {
        const words = tokenize(text)
        return { uri: record.uri, text, words, compact: compactForm(words) }
      })
      this.labelsOf.set(record.uri, labels)
      for (const label of labels) {
        if (label.words.length === 0) continue
        push(this.byCompact, label.compact, label)
        push(this.bySorted, sortedForm(label.words), label)
        for (const word of new Set(label.words)) {
          this.labelWords.add(word)
          push(this.byWord, word, label)
        }
      }
      for (const word of tokenize(record.description)) this.lexicon.add(word)
    }
    for (const word of this.labelWords) this.lexicon.add(word)
    this.nearLabels = new NearestIndex([...this.labelsOf.values()].flat().filter((l) => l.words.length > 0).map((l) => [l.compact, l] as const))
    this.nearLabelWords = new NearestIndex([...this.labelWords].map((word) => [word, word] as const))
    for (const place of places) for (const word of tokenize(place)) this.placeWords.add(word)
  }

  occupation(uri: string): OccupationRecord | undefined {
    return this.occupations.get(uri)
  }

  isWord = (word: string) => this.lexicon.has(word)

  private isKnown(word: string) {
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

  understand(text: string): QueryUnderstanding {
    const words = tokenize(text)
    const terms = words
      .filter((word) => !dutchStopWords.has(word))
      .map((word): QueryTerm => {
        const corrections = this.corrections(word)
        const parts = this.partsOf(word)
        return { word, corrections, parts, known: this.isKnown(word) || corrections.length > 0 || parts.length > 0 }
      })
    const resolved = words.length > 0 ? this.resolve(words) : []
    const relatedGroups = [...new Set(resolved.map((o) => o.iscoGroup))]
    return { words, terms, occupations: resolved, relatedGroups, corrected: correctedText(words, terms, resolved) }
  }

  /** The occupations the whole query names, by the first rule that finds any (exact before reordered before typo …). */
  private resolve(words: string[]): ResolvedOccupation[] {
    const compact = compactForm(words)
    const exact = this.byCompact.get(compact)
    if (exact) return this.rank(exact, 'exact', words)
    const reordered = this.bySorted.get(sortedForm(words))
    if (reordered) return this.rank(reordered, 'reordered', words)
    const fuzzy = this.nearestLabels(compact)
    if (fuzzy) return this.rank(fuzzy.labels, 'typo', words, fuzzy.distance)
    const corrected = this.correctedLabels(words)
    if (corrected) return this.rank(corrected, 'typo', words)
    return this.rank(this.containedLabels(words), 'contained', words)
  }

  /** Labels within the typo budget of the whole query (spaces ignored), at the smallest distance found. */
  private nearestLabels(compact: string): { labels: Label[]; distance: number } | null {
    const { items, distance } = this.nearLabels.nearest(compact, typoBudget(compact.length))
    return items.length > 0 ? { labels: items, distance } : null
  }

  /** Labels made of the query's words after correcting the unknown ones, in any order. */
  private correctedLabels(words: string[]): Label[] | null {
    const options = words.map((word) => {
      const corrections = this.corrections(word)
      return corrections.length > 0 ? corrections : [word]
    })
    if (options.every((o) => o.length === 1 && o[0] === words[options.indexOf(o)])) return null
    const found: Label[] = []
    for (const combination of combinations(options, MAX_COMBINATIONS)) found.push(...(this.bySorted.get(sortedForm(combination)) ?? []))
    return found.length > 0 ? found : null
  }

  /**
   * Labels whose words all occur in the query while the other query words are no occupation words at all
   * ("kok gent", "magazijnmedewerker in antwerpen"); "agent vastgoed" does not name "agent", since "vastgoed"
   * is a word of other labels and the query means something more specific.
   */
  private containedLabels(words: string[]): Label[] {
    const present = new Set(words)
    const found = new Set<Label>()
    for (const word of present) {
      for (const label of this.byWord.get(word) ?? []) {
        if (found.has(label) || !label.words.every((w) => present.has(w))) continue
        const rest = words.filter((w) => !label.words.includes(w))
        if (rest.length > 0 && rest.every((w) => dutchStopWords.has(w) || !this.labelWords.has(w))) found.add(label)
      }
    }
    return [...found]
  }

  /** One entry per occupation (its best label), with the support tie-break, best first. */
  private rank(labels: Label[], match: MatchKind, words: string[], distance = 1): ResolvedOccupation[] {
    const base = match === 'typo' ? SCORES.typo - 0.05 * (distance - 1) : SCORES[match]
    const byUri = new Map<string, ResolvedOccupation>()
    for (const label of labels) {
      if (byUri.has(label.uri)) continue
      const occupation = this.occupations.get(label.uri)!
      const preferred = label.text === occupation.label ? 1 : 0
      const score = round(base + SUPPORT_WEIGHT * (preferred + this.support(label.uri, words)) / 2)
      byUri.set(label.uri, { uri: label.uri, label: occupation.label, iscoGroup: occupation.iscoGroup, matchedLabel: label.text, match, score })
    }
    return [...byUri.values()].sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
  }

  /** The share of an occupation's labels that contain a query word (or a correction of it), also inside a compound. */
  private support(uri: string, words: string[]): number {
    const wanted = words.filter((w) => w.length >= 4 && !dutchStopWords.has(w)).flatMap((w) => [w, ...this.corrections(w)])
    const labels = this.labelsOf.get(uri) ?? []
    if (wanted.length === 0 || labels.length === 0) return 0
    const hits = labels.filter((label) => label.words.some((word) => wanted.some((w) => word.includes(w)))).length
    return hits / labels.length
  }
}

function correctedText(words: string[], terms: QueryTerm[], resolved: ResolvedOccupation[]): string | null {
  const first = resolved[0]
  if (first?.match === 'typo') return first.matchedLabel
  const replaced = words.map((word) => terms.find((t) => t.word === word)?.corrections[0] ?? word)
  return replaced.some((word, i) => word !== words[i]) ? replaced.join(' ') : null
}

function* combinations(options: string[][], limit: number): Generator<string[]> {
  let count = 0
  function* walk(i: number, chosen: string[]): Generator<string[]> {
    if (count >= limit) return
    if (i === options.length) {
      count += 1
      yield chosen
      return
    }
    for (const option of options[i]!) yield* walk(i + 1, [...chosen, option])
  }
  yield* walk(0, [])
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

// Caches of query words stay bounded: a long-running server sees endless new words.
function remember<V>(cache: Map<string, V>, key: string, value: V) {
  if (cache.size >= 20_000) cache.clear()
  cache.set(key, value)
}

const round = (n: number) => Math.round(n * 10_000) / 10_000
