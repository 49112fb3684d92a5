import type { Tx } from '#db/client'
import { placements } from '#db/schema'
import { createEmployer } from '#db/seed/factories'
import { type dutchLevels, type employerTypes, type instruments, schedules, supportKinds } from '#domain/values'
import type { Random } from './random'
import type { Municipality, Occupation, Reference } from './reference'

/**
 * Generated werkervaringsplaatsen for the latency benchmark: real ESCO occupations (most of them the common
 * jobs, the rest any of the 3,007), titles as employers write them, the ESCO description plus a few sentences
 * about the workplace, and a spread of municipalities (centre cities weigh more), hours, Dutch levels,
 * instruments, schedules and supports. Inserted straight into `placements` (published, verified employers):
 * the benchmark is about searching them, not about the import.
 */
type Instrument = (typeof instruments)[number]
type EmployerType = (typeof employerTypes)[number]
type NewPlacement = typeof placements.$inferInsert

const EMPLOYER_TYPES: [EmployerType, number][] = [['private', 40], ['nonprofit', 25], ['social_economy', 20], ['public', 15]]
const INSTRUMENTS: [Instrument, number][] = [['TWE_ART60', 30], ['IBO', 18], ['WES', 14], ['BVS', 10], ['BIS', 10], ['OS', 10], ['WIJK_WERKEN', 8]]
const DUTCH: [(typeof dutchLevels)[number], number][] = [['none', 8], ['A1', 20], ['A2', 30], ['B1', 25], ['B2', 12], ['C1', 5]]
const HOURS: [number, number][] = [[19, 10], [20, 8], [24, 12], [26, 6], [28, 8], [30, 14], [32, 12], [36, 10], [38, 20]]

const TITLES = ['{job}', '{Job}', '{Job} (m/v/x)', 'Werkervaring als {job}', '{Job} – deeltijds', '{Job} in {place}', 'Leerwerkplek {job}', 'Startersjob {job}']
const WORKPLACE = [
  'Je komt terecht in een klein team in {place}.',
  'Een vaste mentor begeleidt je de eerste weken en leert je de stiel.',
  'Het werk is fysiek: je staat veel recht en tilt geregeld.',
  'We zoeken iemand die graag de handen uit de mouwen steekt en op tijd komt.',
  'Werkkledij en veiligheidsschoenen krijg je van ons.',
  'Je leert stap voor stap zelfstandig werken, in je eigen tempo.',
  'De werkplek is vlot bereikbaar met de bus en de fiets.',
  'Nederlands leer je op de werkvloer, samen met je collega’s.',
  'Na de werkervaring helpen we je bij het solliciteren.',
  'Je werkt mee in een sociale onderneming met veel aandacht voor begeleiding.',
]
const TASKS = [
  'goederen ontvangen en controleren', 'bestellingen klaarmaken', 'rekken aanvullen', 'klanten onthalen', 'lokalen schoonmaken',
  'groenten snijden en voorbereiden', 'afwas en keukenhygiëne', 'planten verzorgen en gras maaien', 'kleine herstellingen uitvoeren',
  'materiaal opruimen en sorteren', 'de kassa bedienen', 'telefoon beantwoorden', 'verpakken en labelen', 'met een transpalet rijden',
  'machines bedienen en bijvullen', 'maaltijden rondbrengen', 'afval sorteren', 'voorraad tellen',
]
const COMPETENCES = [
  'nauwkeurig werken', 'samenwerken in team', 'stiptheid', 'klantvriendelijkheid', 'veilig werken', 'hygiëne', 'zelfstandigheid',
  'basis rekenen', 'omgaan met stress', 'fysieke conditie', 'rijbewijs B', 'heftruckattest',
]

export async function createEmployers(tx: Tx, random: Random, count: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i += 1) {
    const { organisation } = await createEmployer(tx, { name: `Werkplek ${i + 1}`, employerType: random.weighted(EMPLOYER_TYPES), sites: [] })
    ids.push(organisation.id)
  }
  return ids
}

/** `count` placements; the same Random gives the same placements. */
export function generatePlacements(random: Random, reference: Reference, employers: string[], count: number, first: number): NewPlacement[] {
  const pools: Pools = {
    all: reference.occupations,
    // Zipf-like: the i-th common job is about 1 / (i + 3) as frequent.
    common: reference.common.map((o, i) => [o, 1 / (i + 3)] as const),
    cities: reference.municipalities.map((m) => [m, m.weight] as const),
  }
  return Array.from({ length: count }, (_, i) => placement(random, pools, employers, first + i))
}

type Pools = { all: Occupation[]; common: (readonly [Occupation, number])[]; cities: (readonly [Municipality, number])[] }

function placement(random: Random, pools: Pools, employers: string[], n: number): NewPlacement {
  // Two placements in three are about the common jobs (the first ones most), the rest about any occupation.
  const occupation = random.chance(2 / 3) ? random.weighted(pools.common) : random.pick(pools.all)
  const place = random.weighted(pools.cities)
  const hours = random.weighted(HOURS)
  const job = random.chance(0.6) || occupation.altLabels.length === 0 ? occupation.label : random.pick(occupation.altLabels)
  const fill = (text: string) =>
    text.replaceAll('{job}', job).replaceAll('{Job}', job[0]!.toUpperCase() + job.slice(1)).replaceAll('{place}', place.name)
  const instruments = [random.weighted(INSTRUMENTS)]
  if (random.chance(0.3)) instruments.push(random.weighted(INSTRUMENTS))
  const published = new Date(Date.UTC(2026, 10, 1) - random.int(0, 365 * 24 * 60) * 60_000)
  return {
    organisationId: employers[n % employers.length]!,
    externalId: `bench-${String(n).padStart(6, '0')}`,
    title: fill(random.pick(TITLES)),
    occupationUri: occupation.uri,
    description: [occupation.description, ...random.sample(WORKPLACE, random.int(2, 4)).map(fill), `Je werkt ${hours} uur per week.`].join(' '),
    tasks: random.sample(TASKS, random.int(2, 4)),
    competences: random.sample(COMPETENCES, random.int(1, 3)),
    municipalityNis: place.nis,
    postcode: place.postcodes[0] ?? null,
    // A site somewhere in the municipality, not all on its reference point.
    lat: place.lat + (random.next() - 0.5) * 0.04,
    lon: place.lon + (random.next() - 0.5) * 0.06,
    hoursPerWeek: hours,
    schedule: random.chance(0.8) ? ['day'] : random.sample(schedules, random.int(1, 2)),
    places: random.int(1, 4),
    dutchLevel: random.weighted(DUTCH),
    support: random.sample(supportKinds, random.int(0, 3)),
    instruments: [...new Set(instruments)],
    status: 'published',
    publishedAt: published,
  }
}

export async function insertPlacements(tx: Tx, rows: NewPlacement[]): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await tx.insert(placements).values(rows.slice(i, i + 1000)).returning({ id: placements.id })
    ids.push(...inserted.map((row) => row.id))
  }
  return ids
}
