import { and, or, type SQL, sql } from 'drizzle-orm'
import { searchDocuments as d, searchWords as w } from '../../db/schema'
import type { SearchPlan } from '../plan'
import type { FacetName } from '../port'
import { occupationConfidence } from '../ranking'
import type { QueryTerm } from '../taxonomy'
import { typoBudget } from '../text'

/**
 * The SQL of a plan (search/plan.ts) over the index tables. Candidates are the placements of the plan's
 * occupations (tiers 2 and 1, by btree) united with the text matches (tier 0, by the GIN indexes on
 * search_words); hard filters are WHERE conditions on them, never ranking. Distance is exact haversine_km,
 * the contract's formula.
 */
export type Strategy = 'all' | 'any'

const textArray = (values: string[]) => sql`${sql.param(values)}::text[]`
/** A listing (no text, no occupation) takes every document that passes the filters; otherwise candidates only. */
const hasCandidates = (plan: SearchPlan) => !plan.includeAll

function filterConditions(plan: SearchPlan): SQL[] {
  const f = plan.filters
  const conditions: SQL[] = []
  if (f.regionCodes.length > 0) conditions.push(sql`${d.regionCode} = any(${textArray(f.regionCodes)})`)
  if (f.municipalities.length > 0) conditions.push(sql`${d.municipalityNis} = any(${textArray(f.municipalities)})`)
  if (f.dutchRankMax !== null) conditions.push(sql`${d.dutchRank} <= ${f.dutchRankMax}`)
  if (f.hoursMax !== null) conditions.push(sql`${d.hoursPerWeek} <= ${f.hoursMax}`)
  if (f.instruments.length > 0) conditions.push(sql`${d.instruments} && ${textArray(f.instruments)}`)
  if (f.employerTypes.length > 0) conditions.push(sql`${d.employerType} = any(${textArray(f.employerTypes)})`)
  if (f.schedules.length > 0) conditions.push(sql`${d.schedules} && ${textArray(f.schedules)}`)
  if (f.supports.length > 0) conditions.push(sql`${d.supports} @> ${textArray(f.supports)}`)
  if (plan.origin && plan.radiusKm !== null) {
    const { lat, lon } = plan.origin
    // The GiST box only when nothing narrower finds the candidates: Flanders is small, so a radius of 30 km
    // holds a quarter of all placements, and PostgreSQL cannot estimate the box (it guesses 0.1 %) and would
    // combine it with other indexes at a high cost. earth() is 6,378,168 m, our sphere 6,371 km: the box
    // radius is scaled so it never cuts off a point within reach.
    if (!hasCandidates(plan)) {
      conditions.push(sql`earth_box(ll_to_earth(${lat}, ${lon}), ${plan.radiusKm} * 1000 * earth() / 6371000 + 10) @> ll_to_earth(${d.lat}, ${d.lon})`)
    }
    conditions.push(sql`haversine_km(${lat}, ${lon}, ${d.lat}, ${d.lon}) <= ${plan.radiusKm}`)
  }
  return conditions
}

/** A term's tsquery: the word stemmed, its corrections, all its compound parts, and as a prefix when it is the last. */
function termQuery(term: QueryTerm, last: boolean): SQL {
  // Words come from search/text.ts tokenize(): letters and digits only, so they are safe inside tsquery syntax.
  const forms = [sql`to_tsquery('stapsteen_dutch', ${term.word})`]
  if (last && term.word.length >= 3) forms.push(sql`to_tsquery('stapsteen_simple', ${`${term.word}:*`})`)
  for (const correction of term.corrections) forms.push(sql`to_tsquery('stapsteen_dutch', ${correction})`)
  if (term.parts.length > 0) forms.push(sql`to_tsquery('stapsteen_dutch', ${term.parts.join(' & ')})`)
  return sql`(${sql.join(forms, sql` || `)})`
}

/**
 * Whether a placement's words have this term, or — for a word no dictionary knows, long enough to carry a
 * typing error (typoBudget) — a similar word in title, labels or parts (pg_trgm word similarity ≥ 0.6).
 */
function termMatch(term: QueryTerm, last: boolean): SQL {
  const byWords = sql`${w.words} @@ ${termQuery(term, last)}`
  return term.known || typoBudget(term.word.length) === 0 ? byWords : sql`(${byWords} or ${w.searchText} %> ${term.word})`
}

const termMatches = (terms: QueryTerm[]) => terms.map((term, i) => termMatch(term, i === terms.length - 1))

/**
 * 0–1, higher for more and better-placed matches (title over labels over tasks over description). Computed for
 * the tier-0 placements that passed the filters only: reading a placement's words is the costly part of a row,
 * and the other tiers are ordered by their occupation, not their words.
 */
function textRank(plan: SearchPlan): SQL {
  const query = sql.join(
    plan.terms.map((term, i) => termQuery(term, i === plan.terms.length - 1)),
    sql` || `,
  )
  const rank = sql`(select ts_rank_cd(${w.words}, ${query}, 32) from ${w} where ${w.placementId} = ${d.placementId})`
  return sql`(case when ${tierExpression(plan)} = 0 then ${rank} else 0 end)::float8`
}

/**
 * What makes a placement a candidate: its occupation (tiers 2 and 1) or its words (tier 0); undefined for a
 * listing without text or occupations. The text matches are found first, in search_words (all terms, or one of
 * them in the fallback 'any'), and handed over as an array of ids, so PostgreSQL can OR them with the
 * occupation indexes and read each candidate document once.
 */
function candidateCondition(plan: SearchPlan, strategy: Strategy): SQL | undefined {
  if (!hasCandidates(plan)) return undefined
  const members: SQL[] = []
  if (plan.same.length > 0) {
    members.push(sql`${d.occupationUri} = any(${textArray(plan.same.map((o) => o.uri))})`, sql`${d.iscoGroup} = any(${textArray(plan.relatedGroups)})`)
  }
  if (plan.terms.length > 0) {
    const match = strategy === 'all' ? and(...termMatches(plan.terms)) : or(...termMatches(plan.terms))
    members.push(sql`${d.placementId} = any(array(select ${w.placementId} from ${w} where ${match}))`)
  }
  return or(...members)
}

export const whereClause = (plan: SearchPlan, strategy: Strategy) => and(...filterConditions(plan), candidateCondition(plan, strategy)) ?? sql`true`

/** The text relevance column of a plan (0 without text). */
export const textRankExpression = (plan: SearchPlan) => (plan.terms.length > 0 ? textRank(plan) : sql`0::float8`)

/** Which terms each placement of a page has, for its "words" reason (search_words joined by the caller). */
export function matchedTerms(plan: SearchPlan): SQL {
  return plan.terms.length > 0 ? sql`array[${sql.join(termMatches(plan.terms), sql`, `)}]` : sql`null::boolean[]`
}

export function tierExpression(plan: SearchPlan): SQL {
  if (plan.same.length === 0) return sql`0`
  return sql`(case when ${d.occupationUri} = any(${textArray(plan.same.map((o) => o.uri))}) then 2 when ${d.iscoGroup} = any(${textArray(plan.relatedGroups)}) then 1 else 0 end)`
}

/** search/ranking.ts occupationConfidence() in SQL: the named occupations, then their ISCO groups. */
export function occupationScore(plan: SearchPlan): SQL {
  if (plan.same.length === 0) return sql`0::float8`
  const named = plan.same.map((o) => sql`when ${d.occupationUri} = ${o.uri} then ${o.score}::float8`)
  const groups = plan.relatedGroups.map((group) => sql`when ${d.iscoGroup} = ${group} then ${occupationConfidence(plan, '', group)}::float8`)
  return sql`(case ${sql.join([...named, ...groups], sql` `)} else 0::float8 end)`
}

export function distanceExpression(plan: SearchPlan): SQL {
  return plan.origin ? sql`haversine_km(${plan.origin.lat}, ${plan.origin.lon}, ${d.lat}, ${d.lon})` : sql`null::float8`
}

/** The order of the ranking rule (search/ranking.ts) over the columns of the scored subquery. */
export function orderBy(plan: SearchPlan): SQL {
  // Text relevance orders tier 0 only: tiers 2 and 1 are there for their occupation, not their words.
  const textFirst = sql`(case when tier = 0 then text_rank else 0 end) desc`
  const newest = sql`published desc nulls last`
  const nearest = sql`distance_km asc nulls last`
  const keys =
    plan.sort === 'distance' ? [nearest, textFirst, newest] : plan.sort === 'newest' ? [newest, textFirst] : [textFirst, nearest, newest]
  return sql.join([sql`tier desc`, sql`occupation_score desc`, ...keys, sql`placement_id`], sql`, `)
}

/** Facet value columns: arrays count once per element. */
export const facetColumns: Record<FacetName, { column: SQL; array: boolean }> = {
  regionCode: { column: sql`region_code`, array: false },
  municipalityNis: { column: sql`municipality_nis`, array: false },
  dutchLevel: { column: sql`dutch_level`, array: false },
  hoursPerWeek: { column: sql`hours_per_week::text`, array: false },
  instruments: { column: sql`instruments`, array: true },
  employerType: { column: sql`employer_type`, array: false },
  schedules: { column: sql`schedules`, array: true },
  supports: { column: sql`supports`, array: true },
}
