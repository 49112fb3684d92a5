import { and, type SQL, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { searchDocuments as d } from '#db/schema'
import type { SearchPlan } from '#search/plan'
import { MAX_TOTAL } from '#domain/result-count'
import { occupationConfidence, type Tier } from '#search/ranking'
import { byDistance, distanceExpression, earthBox, filterConditions, floatArray, matchedTerms, nearestFirst, type Strategy, textArray, textRank, wordMatch } from './query'

/**
 * Each tier of the ranking rule (search/ranking.ts) as one statement that finds its part of a page, in order,
 * with what the page shows of it, and counts it. Each reads about as many rows as it returns, whatever the size
 * of the index:
 *
 * - Tiers 2 and 1: per named occupation (and per ISCO group of them) the first `want` placements in the order of
 *   the sort, from an index in that order (newest first: btree; nearest first: GiST, cut off by the radius's box),
 *   holding the filters' columns (index-only: no row is read); then merged by tier, confidence and sort.
 * - Tier 0, words: the matches are found through the GIN index (words and filter keys) and ranked by text
 *   relevance when there are at most RANK_LIMIT of them. A word that more placements share ranks them by the sort
 *   instead (nearest, else newest): a walk in that order stops at the end of the page, where ranking them all
 *   would read every match (the word "medewerker" alone is in 40 % of all placements).
 * - Totals are exact up to MAX_COUNT, like Meilisearch's maxTotalHits: counting further would read every
 *   candidate. When the occupations' tiers have that many, the words' tier is not counted at all.
 */
export const MAX_COUNT = MAX_TOTAL
const RANK_LIMIT = 1000

export type Row = {
  placement_id: string
  tier: Tier
  total: number
  external_id: string | null
  title: string
  occupation_uri: string
  isco_group: string
  municipality_nis: string
  distance_km: number | null
  text_rank: number
  matched: boolean[] | null
}
export type Part = { rows: Row[]; total: number }

const where = (...conditions: (SQL | undefined)[]) => and(...conditions) ?? sql`true`
const newest = sql`published_at desc nulls last, placement_id`
const none: Part = { rows: [], total: 0 }

/** The ranked ids of a part (placement_id, tier, total, ord) with the columns the page shows, in their order. */
async function part(tx: Tx, plan: SearchPlan, ranked: SQL): Promise<Part> {
  const rows = [
    ...(await tx.execute<Row>(sql`
      select page.placement_id, page.tier, page.total, external_id, title, occupation_uri, isco_group, municipality_nis,
        ${distanceExpression(plan)} as distance_km, ${textRank(plan)} as text_rank, ${matchedTerms(plan)} as matched
      from (${ranked}) page join ${d} on ${d.placementId} = page.placement_id
      order by page.ord`)),
  ]
  return { rows, total: rows[0]?.total ?? 0 }
}

const count = async (tx: Tx, query: SQL) => (await tx.execute<{ total: number }>(sql`select ${query} as total`))[0]?.total ?? 0

/** An uncorrelated subquery (PostgreSQL runs it once per statement): matches up to `limit`. */
const counted = (condition: SQL, limit = MAX_COUNT) => sql`(select count(*)::int from (select 1 from ${d} where ${condition} limit ${limit}) capped)`

/** Tiers 2 and 1: the first `want` placements of the named occupations and their ISCO groups, and their count. */
export function occupationTiers(tx: Tx, plan: SearchPlan, want: number): Promise<Part> {
  // The radius's box lets the GiST indexes per occupation and per ISCO group read only what lies within reach.
  const filters = [...filterConditions(plan), ...(plan.origin && plan.radiusKm !== null ? [earthBox(plan)] : [])]
  const uris = textArray(plan.same.map((o) => o.uri))
  const groups = plan.relatedGroups
  const nearest = byDistance(plan)
  const tier = (n: 1 | 2, keys: SQL, match: SQL) => sql`
    select x.* from unnest(${keys}) as s(key, score) cross join lateral (
      select placement_id, ${distanceExpression(plan)} as distance_km, published_at, ${n}::int as tier, s.score
      from ${d} where ${where(match, ...filters)} order by ${nearest ? sql`${nearestFirst(plan)}, ${newest}` : newest} limit ${want}
    ) x`
  const same = tier(2, sql`${uris}, ${floatArray(plan.same.map((o) => o.score))}`, sql`${d.occupationUri} = s.key`)
  const related = tier(
    1,
    sql`${textArray(groups)}, ${floatArray(groups.map((group) => occupationConfidence(plan, '', group)))}`,
    sql`${d.iscoGroup} = s.key and ${d.occupationUri} <> all(${uris})`,
  )
  // Counted per ISCO group, so each count can use the group's indexes too.
  const total = sql`(select least(${MAX_COUNT}, sum(n))::int from unnest(${textArray(groups)}) as g(key)
    cross join lateral ${counted(where(sql`${d.iscoGroup} = g.key`, ...filters))} as c(n))`
  const order = nearest ? sql`distance_km, ${newest}` : newest
  return part(
    tx,
    plan,
    sql`select placement_id, tier, ${total} as total, row_number() over (order by tier desc, score desc, ${order}) as ord
      from (${same} union all ${related}) found order by ord limit ${want}`,
  )
}

/**
 * Tier 0: placements with the words, outside the ISCO groups of tiers 2 and 1 (a listing without words or
 * occupations: every placement), the first `need` of them in order, and their count up to `countUpTo` (what the
 * total still lacks to MAX_COUNT).
 */
export async function wordTier(tx: Tx, plan: SearchPlan, strategy: Strategy, need: number, countUpTo: number): Promise<Part> {
  if (need === 0 && countUpTo === 0) return none
  const filters = filterConditions(plan)
  const outside = plan.relatedGroups.length > 0 ? sql`not (${d.iscoGroup} = any(${textArray(plan.relatedGroups)}))` : undefined
  const words = plan.terms.length > 0
  const candidates = where(words ? wordMatch(plan, strategy, true) : undefined, outside, ...filters)
  if (need === 0) return { rows: [], total: await count(tx, counted(candidates, countUpTo)) }
  let total = countUpTo > 0 ? counted(candidates, countUpTo) : sql`0`
  if (words && plan.sort === 'relevance') {
    const ranked = await part(tx, plan, rankedQuery(plan, candidates, need))
    if (ranked.rows.length === 0) return none
    if (ranked.total <= RANK_LIMIT) return ranked
    total = sql`${MAX_COUNT}`
  }
  // In the order of the sort, through its index, stopping at the end of the page; text relevance breaks ties.
  // Nearest first walks the GiST point index, and its box stops the walk at the radius.
  const box = byDistance(plan) && plan.radiusKm !== null && !plan.includeAll ? earthBox(plan) : undefined
  const walk = where(words ? wordMatch(plan, strategy, false) : undefined, outside, box, ...filters)
  const ties = words && plan.sort !== 'relevance' ? sql`${textRank(plan)} desc,` : sql``
  const order = byDistance(plan) ? sql`${nearestFirst(plan)}, ${ties} ${newest}` : sql`published_at desc nulls last, ${ties} placement_id`
  return part(tx, plan, sql`select placement_id, 0 as tier, ${total}::int as total, row_number() over (order by ${order}) as ord from ${d} where ${walk} order by ${order} limit ${need}`)
}

/**
 * At most RANK_LIMIT + 1 matches, counted; when they are not more than RANK_LIMIT, the first `need` by text
 * relevance (then distance, newest). Above it the rows are only counted: the CASE leaves them unranked.
 */
function rankedQuery(plan: SearchPlan, candidates: SQL, need: number): SQL {
  const order = sql`case when total <= ${RANK_LIMIT} then ${textRank(plan, sql`words`)} end desc nulls last, distance_km, ${newest}`
  return sql`
    select placement_id, 0 as tier, total, row_number() over (order by ${order}) as ord from (
      select *, count(*) over ()::int as total from (
        select placement_id, words, published_at, ${distanceExpression(plan)} as distance_km from ${d} where ${candidates} limit ${RANK_LIMIT + 1}
      ) matches
    ) counted
    order by ord limit ${need}`
}
