import type { SearchPlan } from './plan'
import type { Reason, SearchResult } from './port'
import { minorGroup } from './isco'
import type { QueryTerm, Taxonomy } from './taxonomy'

/**
 * The ranking rule, shared by the engines: tier 2 (same occupation) above tier 1 (related: same ISCO-08 unit
 * group, then — for a text search — the other unit groups of its minor group) above tier 0 (words only); inside
 * tiers 2 and 1 the occupation's confidence, then the requested sort; inside tier 0 the engine's text relevance
 * (or the requested sort when one was chosen).
 */
export type Tier = 0 | 1 | 2

// A neighbouring unit group counts half: below every unit group the query itself names, above words alone.
const NEIGHBOUR_SHARE = 0.5

/**
 * How sure the ranking is of an occupation: its own confidence when the query names it; for a related
 * occupation that of the best named occupation in its ISCO group (related to the likelier reading first), for
 * one of a neighbouring unit group half that of the best named occupation in its minor group.
 */
export function occupationConfidence(plan: SearchPlan, occupationUri: string, iscoGroup: string): number {
  const same = plan.same.find((o) => o.uri === occupationUri)
  if (same) return same.score
  const inGroup = plan.same.filter((o) => o.iscoGroup === iscoGroup).map((o) => o.score)
  if (inGroup.length > 0) return Math.max(...inGroup)
  return NEIGHBOUR_SHARE * Math.max(0, ...plan.same.filter((o) => minorGroup(o.iscoGroup) === minorGroup(iscoGroup)).map((o) => o.score))
}

/** 2.x, 1.x or 0.x: the tier, plus the occupation's confidence (tiers 2 and 1) or the text relevance (tier 0, 0–1). */
export function hitScore(plan: SearchPlan, tier: Tier, occupation: { uri: string; iscoGroup: string }, textRelevance: number): number {
  const within = tier === 0 ? textRelevance : occupationConfidence(plan, occupation.uri, occupation.iscoGroup) / 1.05
  return Math.round((tier + 0.99 * Math.max(0, Math.min(1, within))) * 10_000) / 10_000
}

export function reasonsFor(
  plan: SearchPlan,
  hit: { occupationUri: string; iscoGroup: string; distanceKm: number | null; words: string[] },
  taxonomy: Taxonomy,
): Reason[] {
  const reasons: Reason[] = []
  const same = plan.same.find((o) => o.uri === hit.occupationUri)
  const related = same ? undefined : relatedTo(plan, hit.iscoGroup)
  if (same) reasons.push({ kind: 'same_occupation', occupationUri: same.uri, label: same.label, match: same.match, ...sectorOf(plan, same) })
  else if (related) {
    const label = taxonomy.occupation(hit.occupationUri)?.label ?? hit.occupationUri
    reasons.push({ kind: 'related_occupation', occupationUri: hit.occupationUri, label, iscoGroup: hit.iscoGroup, relatedTo: { uri: related.uri, label: related.label } })
  }
  if (hit.words.length > 0) reasons.push({ kind: 'words', words: hit.words })
  if (hit.distanceKm !== null) reasons.push({ kind: 'distance', km: hit.distanceKm })
  return reasons
}

/** The named occupation a related hit is related to: of its unit group, else (a neighbour) of its minor group. */
function relatedTo(plan: SearchPlan, iscoGroup: string) {
  if (!plan.relatedGroups.includes(iscoGroup)) return undefined
  return plan.same.find((o) => o.iscoGroup === iscoGroup) ?? plan.same.find((o) => minorGroup(o.iscoGroup) === minorGroup(iscoGroup))
}

/** For a sector word: "horeca" and the sector's occupations the query was read as, so the reason can say so. */
function sectorOf(plan: SearchPlan, same: SearchPlan['same'][number]): { sector?: { term: string; occupations: string[] } } {
  if (same.match !== 'sector') return {}
  const term = plan.understanding?.occupations.find((o) => o.uri === same.uri)?.matchedLabel ?? ''
  return { sector: { term, occupations: plan.same.filter((o) => o.match === 'sector').slice(0, SECTOR_SHOWN).map((o) => o.label) } }
}

const SECTOR_SHOWN = 4

/**
 * The query words found among a document's words, for the "words" reason where the engine does not say which
 * words matched (Meilisearch): a word matches itself, a correction, all of its parts, or — the last query word
 * only, as the user may still be typing — the start of a document word.
 */
export function matchedTerms(terms: QueryTerm[], documentWords: ReadonlySet<string>): string[] {
  const words = [...documentWords]
  return terms
    .filter((term, i) => {
      if (documentWords.has(term.word) || term.corrections.some((c) => documentWords.has(c))) return true
      if (term.parts.length > 0 && term.parts.every((p) => documentWords.has(p))) return true
      return i === terms.length - 1 && term.word.length >= 3 && words.some((w) => w.startsWith(term.word))
    })
    .map((term) => term.word)
}

/** What the query text was taken to mean: the occupations it names (not a match's job targets) and a correction. */
export function understandingOf(plan: SearchPlan): SearchResult['understanding'] {
  if (!plan.understanding) return null
  const named = plan.same.flatMap((o) => (o.match === 'job_target' ? [] : [{ uri: o.uri, label: o.label, match: o.match }]))
  return { occupations: named, corrected: plan.understanding.corrected }
}
