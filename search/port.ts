import type { dutchLevels, employerTypes, instruments, schedules, supportKinds } from '#domain/values'
import type { SearchDocument } from './document'
import type { MatchKind } from './taxonomy'

/**
 * The search port: what the app, the API and the index sync need from a search engine. Two adapters implement
 * it — PostgreSQL (search/postgres, the default) and Meilisearch (search/meilisearch) — and both rank with the
 * same query understanding (search/taxonomy.ts, search/plan.ts). Docs: docs/decisions/0007-search-engine.md.
 */
export type EngineName = 'postgres' | 'meilisearch'
export type DutchLevel = (typeof dutchLevels)[number]
export type Instrument = (typeof instruments)[number]
export type Schedule = (typeof schedules)[number]
export type Support = (typeof supportKinds)[number]
export type EmployerType = (typeof employerTypes)[number]

export const facetNames = ['regionCode', 'municipalityNis', 'dutchLevel', 'hoursPerWeek', 'instruments', 'employerType', 'schedules', 'supports'] as const
export type FacetName = (typeof facetNames)[number]
/** Per facet: value → number of matching placements (over the whole result, with every filter applied). */
export type FacetCounts = Partial<Record<FacetName, Record<string, number>>>

export const sortOrders = ['relevance', 'distance', 'newest'] as const
export type SortOrder = (typeof sortOrders)[number]

/** Where distances are measured from: a municipality's reference point, a postcode's municipality, or a point. */
export type Origin = { municipalityNis: string } | { postcode: string } | { lat: number; lon: number }

export type PlacementQuery = {
  q?: string
  /** Reference regions (REFREG01 …): any of them. */
  regionCodes?: string[]
  /** Placements in any of these municipalities (NIS codes). */
  municipalities?: string[]
  /** Distances (and `radiusKm`) are measured from here; results then carry distanceKm. */
  near?: Origin
  /** Only placements at most this far from `near` (great-circle, R = 6371 km). Needs `near`. */
  radiusKm?: number
  /** The person's Dutch level: only placements that ask for this level or less. */
  dutchLevelMax?: DutchLevel
  hoursMax?: number
  /** Any of these instruments. */
  instruments?: Instrument[]
  /** Any of these employer types. */
  employerTypes?: EmployerType[]
  /** Any of these schedules. */
  schedules?: Schedule[]
  /** All of these supports: each one is something the person needs. */
  supports?: Support[]
  /** relevance (default), distance (needs `near`; otherwise relevance), newest. */
  sort?: SortOrder
  facets?: FacetName[]
  /** Default 20, at most 100. */
  limit?: number
  offset?: number
}

/** POST /api/v1/match, as docs/schemas/match-request.schema.json (defaults there). Hard constraints are filters. */
export type MatchRequest = {
  occupations: string[]
  query?: string
  home: { postcode?: string; municipalityNis?: string }
  maxDistanceKm?: number
  dutchLevel?: DutchLevel
  hoursPerWeekMax?: number
  instruments?: Instrument[]
  limit?: number
}

/** Why a placement is in the result; a result has one occupation reason at most, then words, then distance. */
export type Reason =
  | {
      kind: 'same_occupation'
      occupationUri: string
      label: string
      match: MatchKind | 'job_target'
      /** A sector word (horeca): the occupations it was read as, most central first (the first four). */
      sector?: { term: string; occupations: string[] }
    }
  | { kind: 'related_occupation'; occupationUri: string; label: string; iscoGroup: string; relatedTo: { uri: string; label: string } }
  | { kind: 'words'; words: string[] }
  | { kind: 'distance'; km: number }

export type SearchHit = {
  id: string
  externalId: string | null
  title: string
  occupationUri: string
  municipalityNis: string
  /** Great-circle distance from the query's origin, rounded to 0.01 km; null without an origin. */
  distanceKm: number | null
  /** Higher is better: 2.x same occupation, 1.x related occupation, 0.x words only. */
  score: number
  reasons: Reason[]
}


export type SearchResult = {
  engine: EngineName
  /** Exact up to MAX_TOTAL (domain/result-count.ts); at MAX_TOTAL, that many or more. */
  total: number
  results: SearchHit[]
  facets: FacetCounts
  /** How the query text was understood (null without text): the occupations it names and a correction. */
  understanding: { occupations: { uri: string; label: string; match: MatchKind }[]; corrected: string | null } | null
}

export interface SearchEngine {
  readonly name: EngineName
  /** Creates the index and applies its settings; safe to repeat (runs at every start). */
  applySettings(): Promise<void>
  upsert(documents: SearchDocument[]): Promise<void>
  remove(placementIds: string[]): Promise<void>
  search(query: PlacementQuery): Promise<SearchResult>
  match(request: MatchRequest): Promise<SearchResult>
  /** Every indexed placement id with the hash of its indexed document (search:check compares them). */
  allIds(): Promise<Map<string, string>>
  count(): Promise<number>
  /** Resolves when the engine can serve; throws SearchUnavailableError otherwise. */
  health(): Promise<void>
}

/**
 * The server (run by tsx) and the Remix build each load their own copy of this module, while the engine is one
 * per process — so an error thrown by the engine comes from the other copy's class. A brand registered with
 * Symbol.for is the same in both copies, and `instanceof` checks it instead of the prototype chain.
 */
const branded = (brand: symbol) => (value: unknown) => typeof value === 'object' && value !== null && brand in value
const unavailableBrand = Symbol.for('stapsteen.search.SearchUnavailableError')
const inputBrand = Symbol.for('stapsteen.search.SearchInputError')

/**
 * The engine cannot answer now (down, unreachable, timing out, or it refused the request). Pages show "zoeken
 * is tijdelijk niet beschikbaar"; the index sync retries when `retryable`.
 */
export class SearchUnavailableError extends Error {
  static [Symbol.hasInstance] = branded(unavailableBrand)
  readonly [unavailableBrand] = true
  readonly retryable: boolean
  readonly code: string | undefined
  constructor(message: string, options: { cause?: unknown; retryable?: boolean; code?: string } = {}) {
    super(message, { cause: options.cause })
    this.name = 'SearchUnavailableError'
    this.retryable = options.retryable ?? true
    this.code = options.code
  }
}

/** The query itself is wrong (an unknown municipality, a radius without origin …): a 400 with a field, in Dutch. */
export class SearchInputError extends Error {
  static [Symbol.hasInstance] = branded(inputBrand)
  readonly [inputBrand] = true
  readonly field: string
  constructor(field: string, message: string) {
    super(message)
    this.name = 'SearchInputError'
    this.field = field
  }
}
