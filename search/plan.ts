import type { Tx } from '#db/client'
import { dutchLevels } from '#domain/values'
import { type FacetName, type MatchRequest, type Origin, type PlacementQuery, SearchInputError, type SortOrder } from './port'
import type { MatchKind, QueryTerm, QueryUnderstanding } from './taxonomy'
import { neighbourGroups } from './isco'
import { loadPlaces, loadTaxonomy } from './taxonomy-store'

/**
 * A query turned into what every engine executes the same way: which occupations are "same" (tier 2), which ISCO
 * groups are "related" (tier 1), which words a text match needs (tier 0), and the filters, with the origin
 * resolved to a point and every number checked. The engines differ only in how they find and count.
 */
export type PlannedOccupation = { uri: string; label: string; iscoGroup: string; score: number; match: MatchKind | 'job_target' }

export type PlanFilters = {
  regionCodes: string[]
  municipalities: string[]
  /** Rank in dutchLevels (none = 0 … C1 = 5). */
  dutchRankMax: number | null
  hoursMax: number | null
  instruments: string[]
  employerTypes: string[]
  schedules: string[]
  supports: string[]
}

export type SearchPlan = {
  understanding: QueryUnderstanding | null
  same: PlannedOccupation[]
  /** The ISCO groups of `same`, the group of the most confident occupation first (for a text search then their neighbours: search/ranking.ts). */
  relatedGroups: string[]
  terms: QueryTerm[]
  /** A search without text lists every placement that passes the filters; a match only fitting ones. */
  includeAll: boolean
  origin: { lat: number; lon: number } | null
  radiusKm: number | null
  filters: PlanFilters
  sort: SortOrder
  facets: FacetName[]
  limit: number
  offset: number
}

export const DEFAULT_LIMIT = 20
export const MAX_LIMIT = 100
/** Deeper pages than this are not served (Meilisearch's default maxTotalHits is 1,000). */
export const MAX_OFFSET = 900
const MAX_SAME = 20

export const dutchRank = (level: string) => dutchLevels.indexOf(level as (typeof dutchLevels)[number])

export async function planSearch(tx: Tx, query: PlacementQuery): Promise<SearchPlan> {
  const taxonomy = await loadTaxonomy(tx)
  const text = query.q?.trim() ?? ''
  const understanding = text === '' ? null : taxonomy.understand(text)
  const same = (understanding?.occupations ?? []).slice(0, MAX_SAME)
  const origin = query.near ? await resolveOrigin(tx, query.near) : null
  if (query.radiusKm !== undefined && !origin) throw new SearchInputError('radiusKm', 'Kies een gemeente of postcode om binnen een straal te zoeken.')
  const groups = [...new Set(same.map((o) => o.iscoGroup))]
  return {
    understanding,
    same,
    // Words are vague, so a text search also offers the neighbouring unit groups; a match keeps to the job targets' own.
    relatedGroups: [...groups, ...neighbourGroups(groups, taxonomy.unitGroups())],
    terms: understanding?.terms ?? [],
    // Text of stop words only ("de") narrows nothing: a listing, as without text.
    includeAll: same.length === 0 && (understanding?.terms.length ?? 0) === 0,
    origin,
    radiusKm: query.radiusKm === undefined ? null : positive('radiusKm', query.radiusKm, 500),
    filters: {
      regionCodes: query.regionCodes ?? [],
      municipalities: query.municipalities ?? [],
      dutchRankMax: query.dutchLevelMax === undefined ? null : level('dutchLevelMax', query.dutchLevelMax),
      hoursMax: query.hoursMax === undefined ? null : positive('hoursMax', query.hoursMax, 168),
      instruments: query.instruments ?? [],
      employerTypes: query.employerTypes ?? [],
      schedules: query.schedules ?? [],
      supports: query.supports ?? [],
    },
    sort: query.sort === 'distance' && !origin ? 'relevance' : (query.sort ?? 'relevance'),
    facets: [...new Set(query.facets ?? [])],
    ...page(query.limit, query.offset),
  }
}

/** A client's profile as a plan: the job targets are the same occupations; the constraints are hard filters. */
export async function planMatch(tx: Tx, request: MatchRequest): Promise<SearchPlan> {
  const taxonomy = await loadTaxonomy(tx)
  if (request.occupations.length === 0) throw new SearchInputError('occupations', 'Kies minstens één jobdoelwit.')
  const same = [...new Set(request.occupations)].map((uri): PlannedOccupation => {
    const occupation = taxonomy.occupation(uri)
    if (!occupation) throw new SearchInputError('occupations', `Het beroep ${uri} bestaat niet in Stapsteen.`)
    return { uri, label: occupation.label, iscoGroup: occupation.iscoGroup, score: 1, match: 'job_target' }
  })
  const { postcode, municipalityNis } = request.home
  const home: Origin | null = municipalityNis ? { municipalityNis } : postcode ? { postcode } : null
  if (!home) throw new SearchInputError('home', 'Geef de gemeente of postcode waar de persoon woont.')
  const text = request.query?.trim() ?? ''
  const understanding = text === '' ? null : taxonomy.understand(text)
  return {
    understanding,
    same,
    relatedGroups: [...new Set(same.map((o) => o.iscoGroup))],
    terms: understanding?.terms ?? [],
    includeAll: false,
    origin: await resolveOrigin(tx, home),
    radiusKm: positive('maxDistanceKm', request.maxDistanceKm ?? 25, 500),
    filters: {
      regionCodes: [],
      municipalities: [],
      dutchRankMax: level('dutchLevel', request.dutchLevel ?? 'C1'),
      hoursMax: positive('hoursPerWeekMax', request.hoursPerWeekMax ?? 40, 168),
      instruments: request.instruments ?? [],
      employerTypes: [],
      schedules: [],
      supports: [],
    },
    sort: 'relevance',
    facets: [],
    ...page(request.limit, 0),
  }
}

/** A point, or the reference point of a municipality or of a postcode's municipality (cached reference data). */
export async function resolveOrigin(tx: Tx, origin: Origin): Promise<{ lat: number; lon: number }> {
  if ('lat' in origin) {
    if (!Number.isFinite(origin.lat) || !Number.isFinite(origin.lon) || Math.abs(origin.lat) > 90 || Math.abs(origin.lon) > 180) {
      throw new SearchInputError('near', 'Dat punt ligt niet op aarde.')
    }
    return { lat: origin.lat, lon: origin.lon }
  }
  const places = await loadPlaces(tx)
  if ('municipalityNis' in origin) {
    const town = places.byNis.get(origin.municipalityNis)
    if (!town) throw new SearchInputError('municipalityNis', `Er is geen Vlaamse gemeente met NIS-code ${origin.municipalityNis}.`)
    return { lat: town.lat, lon: town.lon }
  }
  const towns = places.byPostcode.get(origin.postcode) ?? []
  if (towns.length === 0) throw new SearchInputError('postcode', `Postcode ${origin.postcode} ligt niet in Vlaanderen of bestaat niet.`)
  if (towns.length > 1) {
    const names = [...towns].sort((a, b) => a.nis.localeCompare(b.nis)).map((town) => `${town.name} (${town.nis})`).join(' en ')
    throw new SearchInputError('postcode', `Postcode ${origin.postcode} ligt in ${names}. Kies de gemeente met haar NIS-code.`)
  }
  return { lat: towns[0]!.lat, lon: towns[0]!.lon }
}

function positive(field: string, value: number, max: number): number {
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new SearchInputError(field, `Geef een getal groter dan 0 en hoogstens ${max}.`)
  return value
}

function level(field: string, value: string): number {
  const rank = dutchRank(value)
  if (rank < 0) throw new SearchInputError(field, `Kies een taalniveau: ${dutchLevels.join(', ')}.`)
  return rank
}

function page(limit: number | undefined, offset: number | undefined) {
  const whole = (n: number | undefined, fallback: number) => (n === undefined || !Number.isFinite(n) ? fallback : Math.trunc(n))
  return {
    limit: Math.min(MAX_LIMIT, Math.max(1, whole(limit, DEFAULT_LIMIT))),
    offset: Math.min(MAX_OFFSET, Math.max(0, whole(offset, 0))),
  }
}
