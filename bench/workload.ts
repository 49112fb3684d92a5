import type { DutchLevel, Instrument, MatchRequest, PlacementQuery } from '#search/port'
import { instruments } from '#domain/values'
import type { Random } from './random'
import type { Municipality, Occupation, Reference } from './reference'

/**
 * What caseworkers ask, as the latency benchmark sends it: searches (a job name as they say it, with typing
 * errors, a compound part, a job plus a town, a few free words, or no text at all: a listing around a place),
 * half of them with filters (radius from a municipality or postcode, Dutch level, hours, instrument), and
 * matches of a client with one to three job targets and the usual hard constraints.
 */
export type SearchParams = {
  q?: string
  municipalityNis?: string
  postcode?: string
  radiusKm?: number
  dutchLevelMax?: DutchLevel
  hoursMax?: number
  instruments?: Instrument[]
}
export type BenchRequest = { kind: 'search'; category: string; params: SearchParams } | { kind: 'match'; category: string; body: MatchRequest }

const WORDS = [
  'magazijn', 'medewerker', 'schoonmaak', 'keuken', 'tuin', 'winkel', 'zorg', 'chauffeur', 'heftruck', 'poetsen', 'bouw',
  'kinderopvang', 'logistiek', 'verkoop', 'onderhoud', 'groen', 'kassa', 'productie', 'inpakken', 'fiets', 'hout', 'dieren',
]
const FREE = ['werken met hout', 'schoonmaak ziekenhuis', 'iets met dieren', 'nachtwerk magazijn', 'koken voor groepen', 'buiten werken', 'werken met kinderen', 'winkel rekken aanvullen']
const RADII = [5, 10, 15, 20, 30, 50]
const LEVELS: [DutchLevel, number][] = [['A1', 15], ['A2', 30], ['B1', 30], ['B2', 15], ['C1', 10]]

type Context = { random: Random; reference: Reference; cities: (readonly [Municipality, number])[] }

export function generateRequests(random: Random, reference: Reference, count: number): { searches: BenchRequest[]; matches: BenchRequest[] } {
  const context = { random, reference, cities: reference.municipalities.map((m) => [m, m.weight] as const) }
  return {
    searches: Array.from({ length: count }, () => search(context)),
    matches: Array.from({ length: count }, () => match(context)),
  }
}

function search(c: Context): BenchRequest {
  const { random } = c
  if (random.chance(0.1)) return { kind: 'search', category: 'listing', params: { ...origin(c, 1), ...constraints(c) } }
  const [category, q] = random.weighted<() => [string, string]>([
    [() => ['label', label(c, commonJob(c))], 25],
    [() => ['label (any job)', label(c, random.pick(c.reference.occupations))], 15],
    [() => ['typo', typo(random, label(c, random.chance(0.7) ? commonJob(c) : random.pick(c.reference.occupations)))], 20],
    [() => ['word', random.pick(WORDS)], 20],
    [() => ['label + town', `${label(c, commonJob(c))} ${random.weighted(c.cities).name.toLowerCase()}`], 10],
    [() => ['free words', random.pick(FREE)], 10],
  ])()
  const filtered = random.chance(0.5)
  return { kind: 'search', category: filtered ? `${category}, filters` : category, params: { q, ...(filtered ? { ...origin(c, 0.8), ...constraints(c) } : {}) } }
}

function match(c: Context): BenchRequest {
  const { random } = c
  const first = random.chance(0.7) ? commonJob(c) : random.pick(c.reference.occupations)
  const wanted = new Set([first.uri])
  const count = random.weighted([[1, 50], [2, 35], [3, 15]] as const)
  while (wanted.size < count) {
    const related = c.reference.occupations.filter((o) => o.iscoGroup === first.iscoGroup && !wanted.has(o.uri))
    wanted.add((random.chance(0.5) && related.length > 0 ? random.pick(related) : commonJob(c)).uri)
  }
  const place = random.weighted(c.cities)
  const usePostcode = random.chance(0.3) && place.postcodes.some((p) => c.reference.uniquePostcodes.includes(p))
  const body: MatchRequest = {
    occupations: [...wanted],
    home: usePostcode ? { postcode: place.postcodes.find((p) => c.reference.uniquePostcodes.includes(p))! } : { municipalityNis: place.nis },
    ...(random.chance(0.8) ? { maxDistanceKm: random.pick([10, 15, 20, 25, 30, 40]) } : {}),
    ...(random.chance(0.8) ? { dutchLevel: random.weighted(LEVELS) } : {}),
    ...(random.chance(0.5) ? { hoursPerWeekMax: random.pick([20, 24, 30, 38]) } : {}),
    ...(random.chance(0.35) ? { instruments: random.sample(instruments, random.int(1, 2)) } : {}),
    ...(random.chance(0.15) ? { query: random.pick(WORDS) } : {}),
  }
  return { kind: 'match', category: `match, ${count} job${count > 1 ? 's' : ''}`, body }
}

function commonJob(c: Context): Occupation {
  return c.random.weighted(c.reference.common.map((o, i) => [o, 1 / (i + 3)] as const))
}

/** A caseworker's word for the job: its preferred label or one of its other labels. */
const label = (c: Context, occupation: Occupation) =>
  c.random.chance(0.5) || occupation.altLabels.length === 0 ? occupation.label : c.random.pick(occupation.altLabels)

/** One typing error in the longest word (a letter dropped, doubled, swapped or replaced), never in its first letter. */
function typo(random: Random, text: string): string {
  const words = text.split(' ')
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a))
  if (longest.length < 5) return text
  const i = random.int(1, longest.length - 2)
  const edits = [
    () => longest.slice(0, i) + longest.slice(i + 1),
    () => longest.slice(0, i) + longest[i] + longest.slice(i),
    () => longest.slice(0, i) + longest[i + 1] + longest[i] + longest.slice(i + 2),
    () => longest.slice(0, i) + random.pick([...'aeiounrst'].filter((l) => l !== longest[i])) + longest.slice(i + 1),
  ]
  return words.map((w) => (w === longest ? random.pick(edits)() : w)).join(' ')
}

/** Where from: a municipality (searches come from the cities most) or one of its postcodes; mostly with a radius. */
function origin(c: Context, radiusChance: number): SearchParams {
  const place = c.random.weighted(c.cities)
  const postcode = place.postcodes.find((p) => c.reference.uniquePostcodes.includes(p))
  const from = postcode && c.random.chance(0.3) ? { postcode } : { municipalityNis: place.nis }
  return { ...from, ...(c.random.chance(radiusChance) ? { radiusKm: c.random.pick(RADII) } : {}) }
}

function constraints(c: Context): SearchParams {
  const { random } = c
  return {
    ...(random.chance(0.4) ? { dutchLevelMax: random.weighted(LEVELS) } : {}),
    ...(random.chance(0.3) ? { hoursMax: random.pick([20, 24, 30, 38]) } : {}),
    ...(random.chance(0.3) ? { instruments: random.sample(instruments, random.int(1, 2)) } : {}),
  }
}

/** The API's query string (shared formats README: `instrument` repeats). */
export function searchUrl(params: SearchParams): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (key === 'instruments') for (const instrument of value as string[]) query.append('instrument', instrument)
    else query.set(key, String(value))
  }
  query.set('limit', '20')
  return `/api/v1/placements/search?${query}`
}

/** The same question through the search port. */
export function placementQuery({ municipalityNis, postcode, ...rest }: SearchParams): PlacementQuery {
  const near = municipalityNis ? { municipalityNis } : postcode ? { postcode } : undefined
  return { ...rest, ...(near ? { near } : {}), limit: 20 }
}
