import { todayIso } from '#domain/compensation-rules'
import { db } from '#app/utils/db.server'
import { type ClientRecord, matchedPlacements } from '#db/queries/clients'
import { searchEngine } from '#search/engine'
import { type MatchRequest, type Reason, SearchInputError, SearchUnavailableError } from '#search/port'
import { haversineKm } from '#search/geo'
import { loadPlaces } from '#search/taxonomy-store'
import type { MatchMapData } from './match-map'

/**
 * "Zoek passende plaatsen": the client's profile as a match request to the search port, and its hits with what
 * the result list shows. The hard constraints (distance, Dutch level, hours, a shared instrument) are the
 * engine's filters; this module only maps the profile and reads the placements it found.
 */
export const MATCH_LIMIT = 20

export type MatchItem = {
  id: string
  title: string
  employer: string
  municipality: string
  hoursPerWeek: number
  dutchLevel: string
  places: number
  /** Only while it lies ahead: all places are taken until then. */
  fullUntil: string | null
  reasons: Reason[]
  lat: number
  lon: number
}

export type MatchOutcome =
  | { kind: 'results'; total: number; items: MatchItem[]; map: MatchMapData }
  /** The engine is down or unreachable: the page says so and offers to try again. */
  | { kind: 'unavailable' }
  /** 0 km: nothing lies within reach, so there is nothing to ask the engine. */
  | { kind: 'no-distance' }
  | { kind: 'invalid'; message: string }

export function matchRequestFor(client: Pick<ClientRecord, 'jobTargets' | 'homeMunicipalityNis' | 'maxDistanceKm' | 'dutchLevel' | 'hoursAvailable' | 'instruments'>): MatchRequest {
  return {
    occupations: client.jobTargets.map((target) => target.uri),
    home: { municipalityNis: client.homeMunicipalityNis },
    maxDistanceKm: client.maxDistanceKm,
    dutchLevel: client.dutchLevel,
    hoursPerWeekMax: client.hoursAvailable,
    // No instruments ticked means none is ruled out, not that none fits.
    ...(client.instruments.length > 0 ? { instruments: client.instruments } : {}),
    limit: MATCH_LIMIT,
  }
}

export async function findMatches(client: ClientRecord): Promise<MatchOutcome> {
  if (client.maxDistanceKm === 0) return { kind: 'no-distance' }
  let result
  try {
    result = await searchEngine().match(matchRequestFor(client))
  } catch (error) {
    if (error instanceof SearchUnavailableError) return { kind: 'unavailable' }
    if (error instanceof SearchInputError) return { kind: 'invalid', message: error.message }
    throw error
  }
  const details = await matchedPlacements(db(), result.results.map((hit) => hit.id))
  const today = todayIso()
  const items = result.results.flatMap((hit): MatchItem[] => {
    const placement = details.get(hit.id)
    if (!placement) return []
    const { fullUntil, ...shown } = placement
    return [{ ...shown, title: hit.title, fullUntil: fullUntil && fullUntil >= today ? fullUntil : null, reasons: hit.reasons }]
  })
  return { kind: 'results', total: result.total - (result.results.length - items.length), items, map: await mapAround(client) }
}

/** The client's home, the circle of their maximum distance and the municipalities within it, for the map. */
async function mapAround(client: ClientRecord): Promise<MatchMapData> {
  const places = await loadPlaces(db())
  const home = places.byNis.get(client.homeMunicipalityNis)!
  const within = (town: { lat: number; lon: number }) => haversineKm(home.lat, home.lon, town.lat, town.lon) <= client.maxDistanceKm * 1.2
  return {
    home: { lat: home.lat, lon: home.lon, name: home.name },
    radiusKm: client.maxDistanceKm,
    towns: [...places.byNis.values()].filter(within).map(({ lat, lon }) => ({ lat, lon })),
  }
}
