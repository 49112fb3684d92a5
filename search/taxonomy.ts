import { compoundParts } from './compounds'
import { wordVariants } from './morphology'
import { conjuncts, genericJobWords, interleave } from './query-shapes'
import { type ExactMatch, type Label, LabelIndex, type LabelOrigin, push } from './taxonomy-labels'
import { NearestIndex } from './taxonomy-nearest'
import { compactForm, dutchStopWords, tokenize, typoBudget } from './text'
import type { VocabularyEntry } from './vocabulary'
import type { OtherLabel } from '#db/reference/other-labels'

/**
 * Query understanding shared by every engine, so they rank alike: the query text is resolved to ESCO occupations
 * by the Flemish vocabulary first (search/vocabulary.ts: kuisvrouw, horeca, magasinier), then ESCO's Dutch
 * preferred and alternative labels, then ESCO's other labels (hidden, English, French) — exactly, with the words
 * in another order, as another form of the word (search/morphology.ts: kapsters, verkoopster), with a typing
 * error (against the whole label, then word by word), or as a label plus words that are no occupation words
 * ("kok gent") — and cut into search terms with their corrections and compound parts. A known word is never
 * "corrected" into another occupation (kuisvrouw is no typo of bootsvrouw).
 *
 * The ranking rule built on it (see docs/decisions/0007-search-engine.md): placements of a resolved occupation
 * (same occupation) above placements of another occupation in its ISCO-08 unit group (related occupation) above
 * placements that only share words with the query.
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

const SCORES = { exact: 1, reordered: 0.95, variant: 0.93, typo: 0.9, contained: 0.85 } as const
const OTHER_LABEL_PENALTY = 0.03
const ORDER_STEP = 0.01
const VOCABULARY_FIRST = 0.1
const ORIGINS: LabelOrigin[] = ['vocabulary', 'esco', 'other']
const MAX_VARIANT_FORMS = 40
/** The shortest end of a compound taken for its head: "kok" in "drankkok" would be too loose. */
const MIN_HEAD = 6
/** Licence classes (C, CE, D1E) and abbreviations (ADR) next to a job name: no other occupation. */
const LICENCE_LENGTH = 3

export type TaxonomyOptions = {
  /** The Flemish vocabulary, validated (search/vocabulary.ts). */
  vocabulary?: VocabularyEntry[]
  /** ESCO's hidden, English and French labels by occupation URI (db/reference/other-labels.ts). */
  otherLabels?: ReadonlyMap<string, OtherLabel[]>
}
// Among occupations that share the matched label, the one for which it is the preferred label, and the one whose
// other labels also use the query's words, come first ("perser aardewerk" names two occupations; only one of
// them is about aardewerk in its other labels too).
const SUPPORT_WEIGHT = 0.02
const MAX_CORRECTIONS = 4
const MAX_COMBINATIONS = 32

export class Taxonomy {
  private readonly occupations = new Map<string, OccupationRecord>()
  private readonly labelsOf = new Map<string, Label[]>()
  private readonly indexes: Record<LabelOrigin, LabelIndex> = { vocabulary: new LabelIndex(), esco: new LabelIndex(), other: new LabelIndex() }
  private readonly nearLabels: NearestIndex<Label>
  private readonly byWord = new Map<string, Label[]>()
  /** Words of the labels: what a typing error is corrected to. */
  private readonly labelWords = new Set<string>()
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

  /**
   * The occupations the whole query names, by the first rule that finds any: the words as typed, then other
   * forms of them (plural, feminine, diminutive), each against the vocabulary, ESCO's labels, ESCO's other
   * labels; then the shapes of search/query-shapes.ts (a generic job word next to a field, a job word the
   * vocabulary rewrites, several jobs at once); then a typing error; then the head of an unknown compound;
   * then a label inside a longer query.
   */
  private resolve(words: string[]): ResolvedOccupation[] {
    const exact = this.exactLabels(words)
    if (exact) return this.rankExact(exact, words, false)
    for (const form of formsOf(words)) {
      const variant = this.exactLabels(form)
      if (variant) return this.rankExact(variant, form, true)
    }
    const shaped = this.withoutGenericWords(words) ?? this.rewritten(words) ?? this.severalJobs(words)
    if (shaped) return shaped
    const compact = compactForm(words)
    const fuzzy = this.nearestLabels(compact)
    if (fuzzy) return this.rank(fuzzy.labels, 'typo', words, fuzzy.distance)
    const corrected = this.correctedLabels(words)
    if (corrected) return this.rank(corrected, 'typo', words)
    const head = this.compoundHead(words)
    if (head) return head
    return this.rank(this.containedLabels(words), 'contained', words)
  }

  /**
   * The labels these words name exactly, from the first origin that has any. A vocabulary term that is also an
   * ESCO label keeps ESCO's occupations too, after the vocabulary's: the vocabulary adds meanings, it hides none.
   */
  private exactLabels(words: string[]): (ExactMatch & { origin: LabelOrigin })[] | null {
    const found: (ExactMatch & { origin: LabelOrigin })[] = []
    for (const origin of ORIGINS) {
      const match = this.indexes[origin].exact(words)
      if (!match) continue
      found.push({ ...match, origin })
      if (origin !== 'vocabulary') break
    }
    return found.length > 0 ? found : null
  }

  private rankExact(matches: (ExactMatch & { origin: LabelOrigin })[], words: string[], variant: boolean): ResolvedOccupation[] {
    // ESCO's own reading of a vocabulary term comes after every occupation the vocabulary names for it.
    const behind = (m: { origin: LabelOrigin }) => (m.origin !== 'vocabulary' && matches[0]!.origin === 'vocabulary' ? VOCABULARY_FIRST : 0)
    const ranked = matches.flatMap((m) =>
      this.rank(m.labels, variant ? 'variant' : m.reordered ? 'reordered' : 'exact', words).map((o) => ({ ...o, score: round(o.score - behind(m)) })),
    )
    const seen = new Set<string>()
    return ranked.filter((o) => !seen.has(o.uri) && seen.add(o.uri)).sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
  }

  /** "medewerker productie", "job horeca": the field without the generic job word, as typed or in another form. */
  private withoutGenericWords(words: string[]): ResolvedOccupation[] | null {
    const rest = words.filter((word) => !genericJobWords.has(word) && !dutchStopWords.has(word))
    if (rest.length === 0 || rest.length === words.length) return null
    for (const form of [rest, ...formsOf(rest)]) {
      const found = this.exactLabels(form)
      if (found) return this.rankExact(found, form, true)
    }
    return null
  }

  /**
   * A job word replaced by the one-word labels of the occupations the vocabulary gives it, so the query becomes
   * an ESCO label: "verkoopster kleding" → verkoper → "verkoopspecialist kleding".
   */
  private rewritten(words: string[]): ResolvedOccupation[] | null {
    if (words.length < 2) return null
    const options = words.map((word) => {
      const forms = [word, ...wordVariants(word)]
      const heads = forms.flatMap((form) => (this.indexes.vocabulary.exact([form])?.labels ?? []).map((l) => this.occupations.get(l.uri)!.label))
      return [...new Set([...forms, ...heads.filter((label) => !label.includes(' '))])].slice(0, 8)
    })
    if (options.every((o) => o.length === 1)) return null
    for (const combination of combinations(options, MAX_COMBINATIONS)) {
      const found = this.indexes.esco.exact(combination)
      if (found) return this.rank(found.labels, 'variant', combination)
    }
    return null
  }

  /** "winkel- en kassamedewerker", "magazijnier-heftruckchauffeur": each job on its own, merged by turns. */
  private severalJobs(words: string[]): ResolvedOccupation[] | null {
    let parts = conjuncts(words)
    if (parts.length < 2) {
      if (words.length < 2 || !words.every((word) => this.exactLabels([word]))) return null
      parts = words.map((word) => [word])
    }
    const head = this.partsOf(parts.at(-1)!.at(-1)!).at(-1)
    const lists = parts.map((part) => {
      const completed = part.length === 1 && head ? this.exactLabels([part[0]! + head]) : null
      return completed ? this.rankExact(completed, part, false) : this.resolve(part)
    })
    const merged = interleave(lists, (o) => o.uri)
    return merged.length > 0 ? merged.map((o, i) => ({ ...o, score: round(Math.min(o.score, SCORES.variant) - ORDER_STEP * i) })) : null
  }

  /** An unknown compound whose end is a job: "kringwinkelmedewerker" → "winkelmedewerker" (the head is last in Dutch). */
  private compoundHead(words: string[]): ResolvedOccupation[] | null {
    const word = words.length === 1 ? words[0]! : ''
    if (this.isKnown(word)) return null
    for (let start = 1; start <= word.length - MIN_HEAD; start += 1) {
      if (genericJobWords.has(word.slice(start))) break
      const found = this.exactLabels([word.slice(start)])
      if (found) return this.rankExact(found, [word.slice(start)], true).map((o) => ({ ...o, match: 'contained', score: round(o.score - 0.1) }))
    }
    return null
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
    for (const combination of combinations(options, MAX_COMBINATIONS)) {
      for (const origin of ORIGINS) found.push(...this.indexes[origin].sorted(combination))
    }
    return found.length > 0 ? found : null
  }

  /**
   * Labels whose words all occur in the query while the other query words are no occupation words at all
   * ("kok gent", "magazijnmedewerker in antwerpen", "vrachtwagenchauffeur CE": words of three letters at most, like
   * licence classes and abbreviations, say no more); "agent vastgoed" does not name "agent", since "vastgoed"
   * is a word of other labels and the query means something more specific.
   */
  private containedLabels(words: string[]): Label[] {
    const present = new Set(words)
    const found = new Set<Label>()
    for (const word of present) {
      for (const label of this.byWord.get(word) ?? []) {
        if (found.has(label) || !label.words.every((w) => present.has(w))) continue
        const rest = words.filter((w) => !label.words.includes(w))
        if (rest.length > 0 && rest.every((w) => dutchStopWords.has(w) || !this.labelWords.has(w) || w.length <= LICENCE_LENGTH)) found.add(label)
      }
    }
    return [...found]
  }

  /**
   * One entry per occupation (its best label), best first: for a vocabulary term in the order of its row, for
   * ESCO's labels with the support tie-break. A vocabulary term found exactly says so in its match kind.
   */
  private rank(labels: Label[], match: MatchKind, words: string[], distance = 1): ResolvedOccupation[] {
    const base = match === 'typo' ? SCORES.typo - 0.05 * (distance - 1) : SCORES[match as keyof typeof SCORES]
    const byUri = new Map<string, ResolvedOccupation>()
    for (const label of [...labels].sort((a, b) => ORIGINS.indexOf(a.origin) - ORIGINS.indexOf(b.origin) || a.order - b.order)) {
      if (byUri.has(label.uri)) continue
      const occupation = this.occupations.get(label.uri)!
      // A sector word stays a sector reading however it was found ("horeca in gent"), so the reason can list the sector.
      const kind = label.origin === 'vocabulary' && label.sector ? 'sector' : label.origin === 'vocabulary' && match === 'exact' ? 'vocabulary' : match
      const preferred = label.text === occupation.label ? 1 : 0
      // Vocabulary: the row's order. ESCO: preferred label and support. Other labels: an English or French preferred label.
      const tieBreak =
        label.origin === 'vocabulary'
          ? SUPPORT_WEIGHT - ORDER_STEP * label.order
          : label.origin === 'other'
            ? (SUPPORT_WEIGHT * (1 - label.order)) / 2
            : (SUPPORT_WEIGHT * (preferred + this.support(label.uri, words))) / 2
      const score = round(base + tieBreak - (label.origin === 'other' ? OTHER_LABEL_PENALTY : 0))
      byUri.set(label.uri, { uri: label.uri, label: occupation.label, iscoGroup: occupation.iscoGroup, matchedLabel: label.text, match: kind, score })
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
  // Another form of a known word (poetsvrouwen, kapsters) is no typing error: nothing to suggest.
  if (first && (first.match === 'variant' || first.match === 'vocabulary' || first.match === 'sector')) return null
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

function makeLabel(uri: string, text: string, origin: LabelOrigin): Label {
  const words = tokenize(text)
  return { uri, text, words, compact: compactForm(words), origin, order: 0, sector: false }
}

/** The query with one word in another form (the last word first: in Dutch the head of a job name is last). */
function formsOf(words: string[]): string[][] {
  const forms: string[][] = []
  for (let i = words.length - 1; i >= 0 && forms.length < MAX_VARIANT_FORMS; i -= 1) {
    for (const variant of wordVariants(words[i]!)) forms.push(words.map((word, j) => (j === i ? variant : word)))
  }
  return forms.slice(0, MAX_VARIANT_FORMS)
}

// Caches of query words stay bounded: a long-running server sees endless new words.
function remember<V>(cache: Map<string, V>, key: string, value: V) {
  if (cache.size >= 20_000) cache.clear()
  cache.set(key, value)
}

const round = (n: number) => Math.round(n * 10_000) / 10_000
