import type { Label, LabelOrigin } from './taxonomy-labels'
import { ORIGINS, type OriginMatch, type TaxonomyLexicon } from './taxonomy-lexicon'
import type { MatchKind, ResolvedOccupation } from './taxonomy-types'
import { dutchStopWords } from './text'

/**
 * How sure the taxonomy is of each occupation a query resolved to (ResolvedOccupation.score), and so their order:
 * by how the labels were found, then by the vocabulary row's order or ESCO's support tie-break.
 */
export const SCORES = { exact: 1, reordered: 0.95, variant: 0.93, typo: 0.9, contained: 0.85 } as const
const OTHER_LABEL_PENALTY = 0.03
export const ORDER_STEP = 0.01
const VOCABULARY_FIRST = 0.1
// Among occupations that share the matched label, the one for which it is the preferred label, and the one whose
// other labels also use the query's words, come first ("perser aardewerk" names two occupations; only one of
// them is about aardewerk in its other labels too).
const SUPPORT_WEIGHT = 0.02

/** Exact matches from one or more origins, each occupation once, best first. */
export function rankExact(lexicon: TaxonomyLexicon, matches: OriginMatch[], words: string[], variant: boolean): ResolvedOccupation[] {
  // ESCO's own reading of a vocabulary term comes after every occupation the vocabulary names for it.
  const behind = (m: { origin: LabelOrigin }) => (m.origin !== 'vocabulary' && matches[0]!.origin === 'vocabulary' ? VOCABULARY_FIRST : 0)
  const ranked = matches.flatMap((m) =>
    rank(lexicon, m.labels, variant ? 'variant' : m.reordered ? 'reordered' : 'exact', words).map((o) => ({ ...o, score: round(o.score - behind(m)) })),
  )
  const seen = new Set<string>()
  return ranked.filter((o) => !seen.has(o.uri) && seen.add(o.uri)).sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
}

/**
 * One entry per occupation (its best label), best first: for a vocabulary term in the order of its row, for
 * ESCO's labels with the support tie-break. A vocabulary term found exactly says so in its match kind.
 */
export function rank(lexicon: TaxonomyLexicon, labels: Label[], match: MatchKind, words: string[], distance = 1): ResolvedOccupation[] {
  const base = match === 'typo' ? SCORES.typo - 0.05 * (distance - 1) : SCORES[match as keyof typeof SCORES]
  const byUri = new Map<string, ResolvedOccupation>()
  for (const label of [...labels].sort((a, b) => ORIGINS.indexOf(a.origin) - ORIGINS.indexOf(b.origin) || a.order - b.order)) {
    if (byUri.has(label.uri)) continue
    const occupation = lexicon.occupations.get(label.uri)!
    // A sector word stays a sector reading however it was found ("horeca in gent"), so the reason can list the sector.
    const kind = label.origin === 'vocabulary' && label.sector ? 'sector' : label.origin === 'vocabulary' && match === 'exact' ? 'vocabulary' : match
    const preferred = label.text === occupation.label ? 1 : 0
    // Vocabulary: the row's order. ESCO: preferred label and support. Other labels: an English or French preferred label.
    const tieBreak =
      label.origin === 'vocabulary'
        ? SUPPORT_WEIGHT - ORDER_STEP * label.order
        : label.origin === 'other'
          ? (SUPPORT_WEIGHT * (1 - label.order)) / 2
          : (SUPPORT_WEIGHT * (preferred + support(lexicon, label.uri, words))) / 2
    const score = round(base + tieBreak - (label.origin === 'other' ? OTHER_LABEL_PENALTY : 0))
    byUri.set(label.uri, { uri: label.uri, label: occupation.label, iscoGroup: occupation.iscoGroup, matchedLabel: label.text, match: kind, score })
  }
  return [...byUri.values()].sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
}

/** The share of an occupation's labels that contain a query word (or a correction of it), also inside a compound. */
function support(lexicon: TaxonomyLexicon, uri: string, words: string[]): number {
  const wanted = words.filter((w) => w.length >= 4 && !dutchStopWords.has(w)).flatMap((w) => [w, ...lexicon.corrections(w)])
  const labels = lexicon.labelsOf.get(uri) ?? []
  if (wanted.length === 0 || labels.length === 0) return 0
  const hits = labels.filter((label) => label.words.some((word) => wanted.some((w) => word.includes(w)))).length
  return hits / labels.length
}

export const round = (n: number) => Math.round(n * 10_000) / 10_000
