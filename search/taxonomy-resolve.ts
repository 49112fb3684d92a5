import { wordVariants } from './morphology'
import { conjuncts, genericJobWords, interleave } from './query-shapes'
import type { Label } from './taxonomy-labels'
import { ORIGINS, type TaxonomyLexicon } from './taxonomy-lexicon'
import { ORDER_STEP, SCORES, rank, rankExact, round } from './taxonomy-rank'
import type { ResolvedOccupation } from './taxonomy-types'
import { compactForm, dutchStopWords } from './text'

const MAX_VARIANT_FORMS = 40
/** The shortest end of a compound taken for its head: "kok" in "drankkok" would be too loose. */
const MIN_HEAD = 6
/** Licence classes (C, CE, D1E) and abbreviations (ADR) next to a job name: no other occupation. */
const LICENCE_LENGTH = 3
const MAX_COMBINATIONS = 32
/** The shortest field before a generic job word ("bouw" in "bouwarbeider"). */
const MIN_FIELD = 4
// A compound read as its parts is less certain than the words typed apart ("medewerker productie").
const COMPOUND_PENALTY = 0.02

/**
 * The occupations the whole query names, by the first rule that finds any: the words as typed, then other
 * forms of them (plural, feminine, diminutive), each against the vocabulary, ESCO's labels, ESCO's other
 * labels; then the shapes of search/query-shapes.ts (a generic job word next to a field, apart or glued, a job
 * word the vocabulary rewrites, several jobs at once); then a typing error; then the head of an unknown compound;
 * then a label inside a longer query.
 */
export function resolveOccupations(lexicon: TaxonomyLexicon, words: string[]): ResolvedOccupation[] {
  const exact = lexicon.exactLabels(words)
  if (exact) return rankExact(lexicon, exact, words, false)
  for (const form of formsOf(words)) {
    const variant = lexicon.exactLabels(form)
    if (variant) return rankExact(lexicon, variant, form, true)
  }
  const shaped = withoutGenericWords(lexicon, words) ?? fieldAndJobWord(lexicon, words) ?? rewritten(lexicon, words) ?? severalJobs(lexicon, words)
  if (shaped) return shaped
  const fuzzy = lexicon.nearestLabels(compactForm(words))
  if (fuzzy) return rank(lexicon, fuzzy.labels, 'typo', words, fuzzy.distance)
  const corrected = correctedLabels(lexicon, words)
  if (corrected) return rank(lexicon, corrected, 'typo', words)
  const head = compoundHead(lexicon, words)
  if (head) return head
  return rank(lexicon, containedLabels(lexicon, words), 'contained', words)
}

/** "medewerker productie", "job horeca": the field without the generic job word, as typed or in another form. */
function withoutGenericWords(lexicon: TaxonomyLexicon, words: string[]): ResolvedOccupation[] | null {
  const rest = words.filter((word) => !genericJobWords.has(word) && !dutchStopWords.has(word))
  if (rest.length === 0 || rest.length === words.length) return null
  for (const form of [rest, ...formsOf(rest)]) {
    const found = lexicon.exactLabels(form)
    if (found) return rankExact(lexicon, found, form, true)
  }
  return null
}

/**
 * A job word replaced by the one-word labels of the occupations the vocabulary gives it, so the query becomes
 * an ESCO label: "verkoopster kleding" → verkoper → "verkoopspecialist kleding".
 */
function rewritten(lexicon: TaxonomyLexicon, words: string[]): ResolvedOccupation[] | null {
  if (words.length < 2) return null
  const options = words.map((word) => {
    const forms = [word, ...wordVariants(word)]
    const heads = forms.flatMap((form) => (lexicon.indexes.vocabulary.exact([form])?.labels ?? []).map((l) => lexicon.occupations.get(l.uri)!.label))
    return [...new Set([...forms, ...heads.filter((label) => !label.includes(' '))])].slice(0, 8)
  })
  if (options.every((o) => o.length === 1)) return null
  for (const combination of combinations(options, MAX_COMBINATIONS)) {
    const found = lexicon.indexes.esco.exact(combination)
    if (found) return rank(lexicon, found.labels, 'variant', combination)
  }
  return null
}

/** "winkel- en kassamedewerker", "magazijnier-heftruckchauffeur": each job on its own, merged by turns. */
function severalJobs(lexicon: TaxonomyLexicon, words: string[]): ResolvedOccupation[] | null {
  let parts = conjuncts(words)
  if (parts.length < 2) {
    if (words.length < 2 || !words.every((word) => lexicon.exactLabels([word]))) return null
    parts = words.map((word) => [word])
  }
  const head = lexicon.partsOf(parts.at(-1)!.at(-1)!).at(-1)
  const lists = parts.map((part) => {
    const completed = part.length === 1 && head ? lexicon.exactLabels([part[0]! + head]) : null
    return completed ? rankExact(lexicon, completed, part, false) : resolveOccupations(lexicon, part)
  })
  const merged = interleave(lists, (o) => o.uri)
  return merged.length > 0 ? merged.map((o, i) => ({ ...o, score: round(Math.min(o.score, SCORES.variant) - ORDER_STEP * i) })) : null
}

/** An unknown compound whose end is a job: "nachtmagazijnmedewerker" → "magazijnmedewerker" (the head is last in Dutch). */
function compoundHead(lexicon: TaxonomyLexicon, words: string[]): ResolvedOccupation[] | null {
  const word = words.length === 1 ? words[0]! : ''
  if (lexicon.isKnown(word)) return null
  for (let start = 1; start <= word.length - MIN_HEAD; start += 1) {
    if (genericJobWords.has(word.slice(start))) break
    const found = lexicon.exactLabels([word.slice(start)])
    if (found) return rankExact(lexicon, found, [word.slice(start)], true).map((o) => ({ ...o, match: 'contained', score: round(o.score - 0.1) }))
  }
  return null
}

/**
 * A field glued to a generic job word, "medewerker productie" written as one word: "kringwinkelmedewerker",
 * "textielarbeider", "kuismedewerker" → the field's occupations. Tried before a typing error, so a compound of
 * known parts is never "corrected" into another label; even a word some description uses is read this way.
 */
function fieldAndJobWord(lexicon: TaxonomyLexicon, words: string[]): ResolvedOccupation[] | null {
  const word = words.length === 1 ? words[0]! : ''
  for (let start = MIN_FIELD; start < word.length; start += 1) {
    if (!genericJobWords.has(word.slice(start))) continue
    const field = word.slice(0, start)
    for (const form of [[field], ...formsOf([field])]) {
      const found = lexicon.exactLabels(form)
      if (found) return rankExact(lexicon, found, form, true).map((o) => ({ ...o, score: round(o.score - COMPOUND_PENALTY) }))
    }
    return null
  }
  return null
}

/** Labels made of the query's words after correcting the unknown ones, in any order. */
function correctedLabels(lexicon: TaxonomyLexicon, words: string[]): Label[] | null {
  const options = words.map((word) => {
    const corrections = lexicon.corrections(word)
    return corrections.length > 0 ? corrections : [word]
  })
  if (options.every((o) => o.length === 1 && o[0] === words[options.indexOf(o)])) return null
  const found: Label[] = []
  for (const combination of combinations(options, MAX_COMBINATIONS)) {
    for (const origin of ORIGINS) found.push(...lexicon.indexes[origin].sorted(combination))
  }
  return found.length > 0 ? found : null
}

/**
 * Labels whose words all occur in the query while the other query words are no occupation words at all
 * ("kok gent", "magazijnmedewerker in antwerpen", "vrachtwagenchauffeur CE": words of three letters at most, like
 * licence classes and abbreviations, say no more); "agent vastgoed" does not name "agent", since "vastgoed"
 * is a word of other labels and the query means something more specific.
 */
function containedLabels(lexicon: TaxonomyLexicon, words: string[]): Label[] {
  const present = new Set(words)
  const found = new Set<Label>()
  for (const word of present) {
    for (const label of lexicon.byWord.get(word) ?? []) {
      if (found.has(label) || !label.words.every((w) => present.has(w))) continue
      const rest = words.filter((w) => !label.words.includes(w))
      if (rest.length > 0 && rest.every((w) => dutchStopWords.has(w) || !lexicon.labelWords.has(w) || w.length <= LICENCE_LENGTH)) found.add(label)
    }
  }
  return [...found]
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

/** The query with one word in another form (the last word first: in Dutch the head of a job name is last). */
function formsOf(words: string[]): string[][] {
  const forms: string[][] = []
  for (let i = words.length - 1; i >= 0 && forms.length < MAX_VARIANT_FORMS; i -= 1) {
    for (const variant of wordVariants(words[i]!)) forms.push(words.map((word, j) => (j === i ? variant : word)))
  }
  return forms.slice(0, MAX_VARIANT_FORMS)
}
