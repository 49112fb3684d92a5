import type { SearchPlan } from '#search/plan'
import { occupationConfidence } from '#search/ranking'

/**
 * Meilisearch filter expressions. Values reach them from request input (region codes, municipalities …), so
 * every string is quoted and escaped — a value can never close its quotes and add a condition of its own — and
 * every number must be finite. Attribute names are constants of this module, never input.
 */
export function quote(value: string): string {
  // Inside double quotes Meilisearch reads \" and \\ as escapes; NUL cannot be part of any value we store.
  return `"${value.replace(/\u0000/g, '').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

export function number(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`A filter needs a finite number, got ${value}.`)
  return String(value)
}

const inList = (attribute: string, values: readonly string[]) => `${attribute} IN [${values.map(quote).join(', ')}]`

const all = (conditions: (string | null)[]) => {
  const present = conditions.filter((c): c is string => c !== null && c !== '')
  return present.length === 0 ? '' : present.map((c) => (present.length > 1 ? `(${c})` : c)).join(' AND ')
}

/** The hard filters of a plan; the distance is checked again exactly (haversine) on the hits. */
export function baseFilter(plan: SearchPlan): string {
  const f = plan.filters
  return all([
    f.regionCodes.length > 0 ? inList('regionCode', f.regionCodes) : null,
    f.municipalities.length > 0 ? inList('municipalityNis', f.municipalities) : null,
    f.dutchRankMax !== null ? `dutchRank <= ${number(f.dutchRankMax)}` : null,
    f.hoursMax !== null ? `hoursPerWeek <= ${number(f.hoursMax)}` : null,
    f.instruments.length > 0 ? inList('instruments', f.instruments) : null,
    f.employerTypes.length > 0 ? inList('employerType', f.employerTypes) : null,
    f.schedules.length > 0 ? inList('schedules', f.schedules) : null,
    // Each support is needed: one condition per value (IN would mean any of them).
    ...f.supports.map((support) => `supports = ${quote(support)}`),
    plan.origin && plan.radiusKm !== null
      ? `_geoRadius(${number(plan.origin.lat)}, ${number(plan.origin.lon)}, ${number(Math.ceil(plan.radiusKm * 1000))})`
      : null,
  ])
}

export type TierQuery = { tier: 0 | 1 | 2; filter: string; text: boolean }

/**
 * One query per tier (search/ranking.ts), in rank order: same occupation, then related occupations (their ISCO
 * groups minus the same occupations) — each with one query per confidence, best first — then words only, which
 * excludes both. The queries never overlap, so their totals and facet counts add up.
 */
export function tierQueries(plan: SearchPlan): TierQuery[] {
  const base = baseFilter(plan)
  const queries: TierQuery[] = []
  const scores = [...new Set(plan.same.map((o) => o.score))].sort((a, b) => b - a)
  for (const score of scores) {
    const uris = plan.same.filter((o) => o.score === score).map((o) => o.uri)
    queries.push({ tier: 2, filter: all([base, inList('occupationUri', uris)]), text: false })
  }
  const notSame = plan.same.length > 0 ? `NOT ${inList('occupationUri', plan.same.map((o) => o.uri))}` : null
  const groupScores = [...new Set(plan.relatedGroups.map((g) => occupationConfidence(plan, '', g)))].sort((a, b) => b - a)
  for (const score of groupScores) {
    const groups = plan.relatedGroups.filter((g) => occupationConfidence(plan, '', g) === score)
    queries.push({ tier: 1, filter: all([base, inList('iscoGroup', groups), notSame]), text: false })
  }
  if (plan.terms.length > 0 || plan.includeAll) {
    const outside = plan.same.length > 0 ? `NOT ${inList('iscoGroup', plan.relatedGroups)}` : null
    queries.push({ tier: 0, filter: all([base, outside]), text: plan.terms.length > 0 })
  }
  return queries
}
