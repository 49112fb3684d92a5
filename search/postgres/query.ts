import { and, or, type SQL, sql } from 'drizzle-orm'
import { searchDocuments as d } from '#db/schema'
import type { SearchPlan } from '#search/plan'
import type { FacetName } from '#search/port'
import { dutchLevels } from '#domain/values'
import type { QueryTerm } from '#search/taxonomy'
import { typoBudget } from '#search/text'

/**
 * The SQL pieces of a plan (search/plan.ts) over search_documents: hard filters (WHERE conditions, never
 * ranking), word matches, distance and the orders of the ranking rule. Distance is exact haversine_km, the
 * contract's formula; a radius first cuts a latitude/longitude box, so the trigonometry runs only inside it.
 */
export type Strategy = 'all' | 'any'

export const textArray = (values: string[]) => sql`${sql.param(values)}::text[]`
export const floatArray = (values: number[]) => sql`${sql.param(values)}::float8[]`

// 6371 km sphere: one degree of latitude is 111.19 km.
const KM_PER_DEGREE = (6371 * Math.PI) / 180

export function filterConditions(plan: SearchPlan): SQL[] {
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
    // A box that holds the whole circle (a little wider, so rounding never cuts off a point within reach).
    const dLat = plan.radiusKm / KM_PER_DEGREE + 0.001
    const dLon = dLat / Math.max(0.01, Math.cos(((Math.min(89, Math.abs(lat) + dLat)) * Math.PI) / 180))
    conditions.push(sql`${d.lat} between ${lat - dLat} and ${lat + dLat}`, sql`${d.lon} between ${lon - dLon} and ${lon + dLon}`)
    // A listing has nothing narrower than the radius: the GiST index finds what lies in its box. Elsewhere the box
    // would mislead PostgreSQL, which cannot estimate it (it guesses 0.1 % where 30 km holds a quarter of
    // Flanders) and would prefer it to the occupation and word indexes.
    if (plan.includeAll) conditions.push(earthBox(plan))
    conditions.push(sql`${distanceExpression(plan)} <= ${plan.radiusKm}`)
  }
  return conditions
}

/**
 * The radius's box on the GiST point index. earth() is 6,378,168 m, our sphere 6,371 km: the box radius is scaled
 * so it never cuts off a point within reach.
 */
export function earthBox(plan: SearchPlan): SQL {
  const { lat, lon } = plan.origin!
  return sql`earth_box(ll_to_earth(${lat}::float8, ${lon}::float8), ${plan.radiusKm}::float8 * 1000 * earth() / 6371000 + 10) @> ll_to_earth(${d.lat}, ${d.lon})`
}

/** Nearest first on a GiST point index (KNN): the chord in 3D, in the same order as the great-circle distance. */
export function nearestFirst(plan: SearchPlan): SQL {
  return sql`ll_to_earth(${d.lat}, ${d.lon}) <-> ll_to_earth(${plan.origin!.lat}::float8, ${plan.origin!.lon}::float8)`
}

export function distanceExpression(plan: SearchPlan): SQL {
  return plan.origin ? sql`haversine_km(${plan.origin.lat}::float8, ${plan.origin.lon}::float8, ${d.lat}, ${d.lon})` : sql`null::float8`
}

/**
 * A term's tsquery: the word stemmed, its corrections, all its compound parts, and — when it is the last word and
 * no known word, so probably still being typed ("heftr") — as a prefix. A whole word needs no prefix: its
 * compounds are found by their parts, and a prefix of a common word ("medewerker:*") makes the index read a
 * hundred thousand entries at 100,000 placements.
 */
function termQuery(term: QueryTerm, last: boolean): SQL {
  // Words come from search/text.ts tokenize(): letters and digits only, so they are safe inside tsquery syntax.
  const forms = [sql`to_tsquery('stapsteen_dutch', ${term.word})`]
  if (last && !term.known && term.word.length >= 3) forms.push(sql`to_tsquery('stapsteen_simple', ${`${term.word}:*`})`)
  for (const correction of term.corrections) forms.push(sql`to_tsquery('stapsteen_dutch', ${correction})`)
  if (term.parts.length > 0) forms.push(sql`to_tsquery('stapsteen_dutch', ${term.parts.join(' & ')})`)
  return sql`(${sql.join(forms, sql` || `)})`
}

/** Any of the plan's words, for the text relevance and the page's "words" reasons. */
export const anyTermQuery = (plan: SearchPlan) => sql.join(plan.terms.map((term, i) => termQuery(term, i === plan.terms.length - 1)), sql` || `)

/**
 * Whether a placement has this term, or — for a word no dictionary knows, long enough to carry a typing error
 * (typoBudget) — a similar word in title, labels or parts (pg_trgm word similarity ≥ 0.6).
 *
 * `indexed`: through the GIN indexes, for a set of candidates. The tsquery goes in as a subquery: PostgreSQL
 * then estimates it at 0.5 % of the rows instead of reading its statistics, which for a prefix ("magazijn:*")
 * guess 60 % and choose to read every row. Not indexed (ts_match_vq, the function behind @@): for a walk through
 * the placements in the order of a sort that stops at the end of the page, where an index lookup of every
 * matching placement would cost more than the walk.
 */
function termMatch(term: QueryTerm, last: boolean, indexed: boolean): SQL {
  const query = termQuery(term, last)
  if (term.known || typoBudget(term.word.length) === 0) return indexed ? sql`${d.words} @@ (select ${query})` : sql`ts_match_vq(${d.words}, ${query})`
  // pg_trgm's estimate reads the column's statistics with the word: 10–50 ms of planning. As a subquery it is not.
  return indexed ? sql`(${d.words} @@ (select ${query}) or ${d.searchText} %> (select ${term.word}::text))` : sql`(ts_match_vq(${d.words}, ${query}) or ${d.searchText} %> ${term.word})`
}

export function wordMatch(plan: SearchPlan, strategy: Strategy, indexed: boolean): SQL {
  const matches = plan.terms.map((term, i) => termMatch(term, i === plan.terms.length - 1, indexed))
  const words = (strategy === 'all' ? and(...matches) : or(...matches))!
  return indexed ? and(words, ...filterKeys(plan))! : words
}

/**
 * The filters as keys of the word index (migration *_search_speed), so its bitmap holds only placements that pass
 * them: the word "medewerker" alone matches 40 % of all placements, within 10 km of a town a few hundred. The keys
 * select a superset; filterConditions() stays the exact test. A radius beyond 100 km narrows little: no key.
 */
function filterKeys(plan: SearchPlan): SQL[] {
  const f = plan.filters
  const all = [
    ...(f.dutchRankMax !== null && f.dutchRankMax < dutchLevels.length - 1 ? [`dutch:${f.dutchRankMax}`] : []),
    ...(f.hoursMax !== null && f.hoursMax < 40 ? [`hours:${Math.max(1, Math.ceil(f.hoursMax))}`] : []),
  ]
  const keys: SQL[] = []
  if (all.length > 0) keys.push(sql`${d.filterKeys} @> ${textArray(all)}`)
  if (f.instruments.length > 0) keys.push(sql`${d.filterKeys} && ${textArray(f.instruments.map((i) => `instrument:${i}`))}`)
  if (plan.origin && plan.radiusKm !== null && plan.radiusKm <= 100) {
    keys.push(sql`${d.filterKeys} && search_cell_keys_within(${plan.origin.lat}::float8, ${plan.origin.lon}::float8, ${plan.radiusKm}::float8)`)
  }
  return keys
}

/** Which terms a placement has, for its "words" reason (the page's rows only). */
export function matchedTerms(plan: SearchPlan): SQL {
  return plan.terms.length > 0 ? sql`array[${sql.join(plan.terms.map((t, i) => termMatch(t, i === plan.terms.length - 1, false)), sql`, `)}]` : sql`null::boolean[]`
}

/** 0–1, higher for more and better-placed matches (title over labels over tasks over description). */
export const textRank = (plan: SearchPlan, words: SQL = sql`${d.words}`) =>
  plan.terms.length > 0 ? sql`ts_rank_cd(${words}, ${anyTermQuery(plan)}, 32)::float8` : sql`0::float8`

/** Nearest first when the ranking rule says so: a chosen distance sort, or the default with an origin. */
export const byDistance = (plan: SearchPlan) => plan.origin !== null && plan.sort !== 'newest'

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
