import { dutchLevels } from '#domain/values'
import type { DutchLevel, FacetCounts, FacetName, PlacementQuery } from '#search/port'

/**
 * Facet counts of the search page (pure). Counts come from the engine over the whole result; the page adds one
 * search per "any of" filter in use, so that each option's count says what choosing it would give.
 */
export const shownFacets = [
  'regionCode',
  'dutchLevel',
  'hoursPerWeek',
  'instruments',
  'employerType',
  'schedules',
  'supports',
] as const satisfies FacetName[]

// "Any of" filters and limits: an option's count must say what choosing it gives, so these facets are counted
// without their own filter. Supports need all of the chosen ones: their counts with the filter are right.
const ownFilter = {
  regionCode: 'regionCodes',
  instruments: 'instruments',
  employerType: 'employerTypes',
  schedules: 'schedules',
  dutchLevel: 'dutchLevelMax',
  hoursPerWeek: 'hoursMax',
} as const satisfies Partial<Record<FacetName, keyof PlacementQuery>>

/** One extra search per facet whose own filter is in use: the same query without that filter. */
export function facetQueries(query: PlacementQuery): { facet: FacetName; query: PlacementQuery }[] {
  return Object.entries(ownFilter).flatMap(([facet, key]) => {
    if (query[key] === undefined) return []
    const { [key]: _own, ...rest } = query
    return [{ facet: facet as FacetName, query: { ...rest, facets: [facet as FacetName], limit: 1, offset: 0 } }]
  })
}

export function combineFacets(main: FacetCounts, others: { facet: FacetName; facets: FacetCounts }[]): FacetCounts {
  return { ...main, ...Object.fromEntries(others.map(({ facet, facets }) => [facet, facets[facet] ?? {}])) }
}

/** Placements that ask at most each level: what the person's level would find. */
export function countsUpToLevel(counts: Record<string, number> = {}): Record<DutchLevel, number> {
  let sum = 0
  return Object.fromEntries(dutchLevels.map((level) => [level, (sum += counts[level] ?? 0)])) as Record<DutchLevel, number>
}

export const countUpToHours = (counts: Record<string, number> = {}, max: number) =>
  Object.entries(counts).reduce((sum, [hours, n]) => (Number(hours) <= max ? sum + n : sum), 0)
