import { inArray } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '#db/client'
import { municipalities, placements } from '#db/schema'
import type { employerTypes } from '#domain/values'
import { createEmployer } from '#db/seed/factories'
import { buildDocuments } from '#search/document'
import { haversineKm } from '#search/geo'
import { dutchRank } from '#search/plan'
import { type FacetName, facetNames, type MatchRequest, type PlacementQuery, type SearchEngine, SearchInputError, type SearchResult } from '#search/port'

/**
 * The behaviour every search engine must show, run against each adapter (tests/integration/search-conformance.test.ts):
 * the embedded one always, Meilisearch when MEILISEARCH_URL is set. Expected answers are computed here from the
 * fixture, independently of the engines.
 */
export const OCCUPATIONS = {
  warehouse: 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f', // magazijnmedewerker, 9333
  picker: 'http://data.europa.eu/esco/occupation/cd94def5-3442-4c2e-ae3d-0761a3008bcb', // orderpicker, 9333
  cook: 'http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e', // kok, 5120
  dietCook: 'http://data.europa.eu/esco/occupation/9ab80ce6-504f-474f-bb91-98163e9d45fd', // dieetkok, 5120
  hairdresser: 'http://data.europa.eu/esco/occupation/099c6bb0-22d3-4c5d-8bf5-70910af381ef', // kapper (alt: kapster), 5141
  cleaner: 'http://data.europa.eu/esco/occupation/303a1e34-cb16-4054-b323-81e5eec17397', // schoonmaker gebouwen (alt: poetshulp), 9112
  baker: 'http://data.europa.eu/esco/occupation/1aadb308-432a-4d01-b54b-b4f7f76dd419', // bakker, 7512
  forklift: 'http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755', // heftruckchauffeur, 8344
} as const

type EmployerType = (typeof employerTypes)[number]
type Fixture = {
  key: string
  title: string
  occupation: string
  nis: string
  hours: number
  dutch: 'none' | 'A1' | 'A2' | 'B1' | 'B2' | 'C1'
  instruments: ('TWE_ART60' | 'IBO' | 'BVS' | 'WES' | 'BIS' | 'OS' | 'WIJK_WERKEN')[]
  employerType: EmployerType
  schedule: string[]
  support: string[]
  description: string
}

const FIXTURES: Fixture[] = [
  { key: 'warehouse', title: 'Magazijnmedewerker', occupation: OCCUPATIONS.warehouse, nis: '44021', hours: 38, dutch: 'A2', instruments: ['TWE_ART60', 'WES'], employerType: 'social_economy', schedule: ['day'], support: ['mentor', 'public_transport'], description: 'Goederen ontvangen, stockeren en klaarzetten voor verzending.' },
  { key: 'picker', title: 'Orderpicker koelcel', occupation: OCCUPATIONS.picker, nis: '44083', hours: 30, dutch: 'A1', instruments: ['IBO'], employerType: 'private', schedule: ['shifts'], support: ['training_on_the_job'], description: 'Bestellingen verzamelen in een gekoelde opslagplaats.' },
  { key: 'cook', title: 'Hulp in de grootkeuken', occupation: OCCUPATIONS.cook, nis: '11002', hours: 24, dutch: 'B1', instruments: ['WIJK_WERKEN'], employerType: 'nonprofit', schedule: ['day', 'weekend'], support: ['mentor'], description: 'Groenten snijden, soep maken en de keuken proper houden.' },
  { key: 'dietCook', title: 'Dieetkok ziekenhuis', occupation: OCCUPATIONS.dietCook, nis: '31005', hours: 32, dutch: 'B2', instruments: ['TWE_ART60'], employerType: 'public', schedule: ['day'], support: ['onboarding'], description: 'Maaltijden bereiden volgens de voorschriften van de diëtist.' },
  { key: 'hair', title: 'Assistent in het salon', occupation: OCCUPATIONS.hairdresser, nis: '44021', hours: 20, dutch: 'A1', instruments: ['BVS'], employerType: 'private', schedule: ['day'], support: ['wheelchair_accessible'], description: 'Haar wassen, klanten onthalen en het salon netjes houden.' },
  { key: 'cleaner', title: 'Onderhoudsmedewerker scholen', occupation: OCCUPATIONS.cleaner, nis: '24062', hours: 19, dutch: 'none', instruments: ['TWE_ART60', 'WIJK_WERKEN'], employerType: 'public', schedule: ['evening'], support: ['childcare_friendly_hours'], description: 'Klaslokalen en gangen poetsen na de schooluren.' },
  { key: 'bakery', title: 'Bakkerijhulp', occupation: OCCUPATIONS.baker, nis: '34022', hours: 38, dutch: 'A2', instruments: ['WES'], employerType: 'social_economy', schedule: ['night'], support: [], description: 'Deeg afwegen, broden vormen en de ovens bijvullen.' },
  { key: 'forklift', title: 'Heftruckchauffeur', occupation: OCCUPATIONS.forklift, nis: '71016', hours: 38, dutch: 'B1', instruments: ['IBO'], employerType: 'private', schedule: ['shifts'], support: ['public_transport'], description: 'Paletten laden en lossen met een heftruck.' },
]
// Never searchable: a draft, and a published placement of an employer nobody verified yet.
const HIDDEN = ['draft', 'unverified'] as const

type Indexed = Fixture & { id: string; lat: number; lon: number; regionCode: string; publishedAt: Date }

export function searchConformance(name: string, createEngine: () => SearchEngine, dispose: (engine: SearchEngine) => Promise<void> = async () => {}) {
  describe(`search conformance: ${name}`, () => {
    let engine: SearchEngine
    let indexed: Indexed[] = []
    const hiddenIds: string[] = []
    const keyOf = (id: string) => indexed.find((p) => p.id === id)?.key ?? `unknown ${id}`
    const keys = (result: SearchResult) => result.results.map((r) => keyOf(r.id))
    const sortedKeys = (result: SearchResult) => keys(result).sort()
    const expectKeys = (predicate: (p: Indexed) => boolean) => indexed.filter(predicate).map((p) => p.key).sort()
    const byKey = (key: string) => indexed.find((p) => p.key === key)!
    const search = (query: PlacementQuery) => engine.search({ limit: 100, ...query })

    async function reindex(ids: string[]) {
      const { documents, unpublished } = await buildDocuments(db(), ids)
      await engine.upsert(documents)
      await engine.remove(unpublished)
      return documents
    }

    beforeAll(async () => {
      engine = createEngine()
      await engine.applySettings()
      const start = Date.UTC(2026, 0, 31)
      for (const [i, fixture] of [...FIXTURES, ...HIDDEN.map((key) => ({ ...FIXTURES[0]!, key }))].entries()) {
        const publishedAt = new Date(start - i * 86_400_000)
        const placement = await insertPlacement({
          ...fixture,
          externalId: fixture.key,
          status: fixture.key === 'draft' ? 'draft' : 'published',
          verified: fixture.key !== 'unverified',
          publishedAt,
        })
        if ((HIDDEN as readonly string[]).includes(fixture.key)) hiddenIds.push(placement.id)
        else indexed.push({ ...fixture, ...placement, publishedAt })
      }
      const documents = await reindex([...indexed.map((p) => p.id), ...hiddenIds])
      expect(documents).toHaveLength(FIXTURES.length)
    })

    afterAll(async () => {
      await dispose(engine)
    })

    it('lists every published placement of a verified employer, and nothing else, without a query', async () => {
      const result = await search({})
      expect(result.engine).toBe(engine.name)
      expect(sortedKeys(result)).toEqual(expectKeys(() => true))
      expect(result.total).toBe(FIXTURES.length)
      expect(await engine.count()).toBe(FIXTURES.length)
      const ids = await engine.allIds()
      expect([...ids.keys()].sort()).toEqual(indexed.map((p) => p.id).sort())
      for (const id of hiddenIds) expect(ids.has(id)).toBe(false)
    })

    it('finds a placement by an alternative label of its occupation (a synonym)', async () => {
      const kapster = await search({ q: 'kapster' })
      expect(keys(kapster)[0]).toBe('hair')
      expect(kapster.results[0]!.reasons[0]).toMatchObject({ kind: 'same_occupation', occupationUri: OCCUPATIONS.hairdresser, label: 'kapper' })
      expect(keys(await search({ q: 'poetshulp' }))[0]).toBe('cleaner')
    })

    it('reads the Flemish words people type: the vocabulary, ESCO\'s French and English labels, other word forms', async () => {
      const kuisvrouw = await search({ q: 'kuisvrouw' })
      expect(keys(kuisvrouw)[0]).toBe('cleaner')
      expect(kuisvrouw.understanding?.corrected).toBeNull()
      expect(kuisvrouw.results[0]!.reasons[0]).toMatchObject({ kind: 'same_occupation', occupationUri: OCCUPATIONS.cleaner, match: 'vocabulary' })
      expect(keys(await search({ q: 'magasinier' }))[0]).toBe('warehouse')
      expect(keys(await search({ q: 'picker' }))[0]).toBe('picker')
      expect(keys(await search({ q: 'kapsters' }))[0]).toBe('hair')
      expect(keys(await search({ q: 'medewerker magazijn' }))[0]).toBe('warehouse')
    })

    it('reads a sector word as its entry-level occupations and says so in the reasons', async () => {
      const logistiek = await search({ q: 'logistiek' })
      expect(keys(logistiek).slice(0, 3)).toEqual(['warehouse', 'picker', 'forklift'])
      expect(logistiek.results[0]!.reasons[0]).toMatchObject({
        kind: 'same_occupation',
        match: 'sector',
        sector: { term: 'logistiek', occupations: ['magazijnmedewerker', 'orderpicker', 'heftruckchauffeur', 'expeditiemedewerker'] },
      })
    })

    it('forgives a typing error and says what it searched for', async () => {
      const result = await search({ q: 'magazijnmedewerkr' })
      expect(keys(result)[0]).toBe('warehouse')
      expect(result.understanding?.corrected).toBeTruthy()
      expect(keys(await search({ q: 'heftruckchaufeur' }))[0]).toBe('forklift')
    })

    it('finds words by their beginning, as someone types', async () => {
      expect(keys(await search({ q: 'heftr' }))).toContain('forklift')
      expect(keys(await search({ q: 'bakkerijh' }))).toContain('bakery')
    })

    it('finds a compound by either of its parts', async () => {
      expect(keys(await search({ q: 'magazijn' }))).toContain('warehouse')
      const medewerker = keys(await search({ q: 'medewerker' }))
      expect(medewerker).toContain('warehouse')
      expect(medewerker).toContain('cleaner')
    })

    it('ranks the same occupation above related occupations above word matches, and says why', async () => {
      const result = await search({ q: 'kok' })
      expect(keys(result).slice(0, 2)).toEqual(['cook', 'dietCook'])
      expect(result.results[0]!.reasons[0]).toMatchObject({ kind: 'same_occupation', occupationUri: OCCUPATIONS.cook })
      expect(result.results[1]!.reasons[0]).toMatchObject({ kind: 'related_occupation', occupationUri: OCCUPATIONS.dietCook, iscoGroup: '5120', relatedTo: { uri: OCCUPATIONS.cook } })
      const tiers = result.results.map((r) => Math.floor(r.score))
      expect(tiers.slice(0, 2)).toEqual([2, 1])
      expect(tiers).toEqual([...tiers].sort((a, b) => b - a))
    })

    it('counts facets over the whole result, with the filters applied', async () => {
      const all = await search({ facets: [...facetNames], limit: 1 })
      expect(all.facets).toEqual(expectedFacets(indexed, [...facetNames]))
      const inGhent = await search({ regionCodes: ['REFREG13'], facets: ['employerType', 'instruments'], limit: 1 })
      expect(inGhent.total).toBe(expectKeys((p) => p.regionCode === 'REFREG13').length)
      expect(inGhent.facets).toEqual(expectedFacets(indexed.filter((p) => p.regionCode === 'REFREG13'), ['employerType', 'instruments']))
    })

    it.each<[string, PlacementQuery, (p: Indexed) => boolean]>([
      ['region', { regionCodes: ['REFREG13', 'REFREG01'] }, (p) => ['REFREG13', 'REFREG01'].includes(p.regionCode)],
      ['municipality', { municipalities: ['44021'] }, (p) => p.nis === '44021'],
      ['Dutch level', { dutchLevelMax: 'A1' }, (p) => dutchRank(p.dutch) <= dutchRank('A1')],
      ['hours', { hoursMax: 24 }, (p) => p.hours <= 24],
      ['instruments (any of)', { instruments: ['IBO', 'BVS'] }, (p) => p.instruments.some((i) => ['IBO', 'BVS'].includes(i))],
      ['employer type', { employerTypes: ['public', 'nonprofit'] }, (p) => ['public', 'nonprofit'].includes(p.employerType)],
      ['schedule (any of)', { schedules: ['weekend', 'night'] }, (p) => p.schedule.some((s) => ['weekend', 'night'].includes(s))],
      ['support (all of)', { supports: ['mentor', 'public_transport'] }, (p) => p.support.includes('mentor') && p.support.includes('public_transport')],
      ['several at once, with text', { q: 'salon', dutchLevelMax: 'A1', regionCodes: ['REFREG13'] }, (p) => p.key === 'hair'],
      ['text and a filter nothing passes', { q: 'salon', hoursMax: 19 }, () => false],
    ])('filters exactly by %s', async (_, query, predicate) => {
      const result = await search(query)
      expect(sortedKeys(result)).toEqual(expectKeys(predicate))
      expect(result.total).toBe(result.results.length)
    })

    it('keeps to a radius as the crow flies (haversine, R = 6371 km) and reports distances', async () => {
      const gent = byKey('warehouse')
      for (const near of [{ municipalityNis: '44021' }, { postcode: '9000' }, { lat: gent.lat, lon: gent.lon }]) {
        const result = await search({ near, radiusKm: 60 })
        expect(sortedKeys(result)).toEqual(expectKeys((p) => haversineKm(gent.lat, gent.lon, p.lat, p.lon) <= 60))
        for (const hit of result.results) {
          const p = byKey(keyOf(hit.id))
          expect(Math.abs(hit.distanceKm! - haversineKm(gent.lat, gent.lon, p.lat, p.lon))).toBeLessThan(0.01)
          expect(hit.reasons.at(-1)).toEqual({ kind: 'distance', km: hit.distanceKm })
        }
      }
    })

    it('sorts by distance and by newest', async () => {
      const antwerp = byKey('cook')
      const nearest = await search({ near: { municipalityNis: '11002' }, sort: 'distance' })
      const distances = nearest.results.map((r) => r.distanceKm!)
      expect(distances).toEqual([...distances].sort((a, b) => a - b))
      expect(keys(nearest)[0]).toBe('cook')
      expect(distances[0]).toBe(0)
      expect(nearest.results.map((r) => r.distanceKm)).toEqual(keys(nearest).map((k) => Math.round(haversineKm(antwerp.lat, antwerp.lon, byKey(k).lat, byKey(k).lon) * 100) / 100))
      const newest = await search({ sort: 'newest' })
      expect(keys(newest)).toEqual([...indexed].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()).map((p) => p.key))
    })

    it('pages through a result without losing or repeating a placement', async () => {
      const pages: string[] = []
      for (let offset = 0; offset < FIXTURES.length; offset += 3) {
        const page = await engine.search({ sort: 'newest', limit: 3, offset })
        expect(page.total).toBe(FIXTURES.length)
        pages.push(...keys(page))
      }
      expect(pages).toEqual(keys(await search({ sort: 'newest' })))
    })

    it('forgets a removed placement and finds it again once it is back', async () => {
      const cleaner = byKey('cleaner')
      await engine.remove([cleaner.id])
      expect(keys(await search({ q: 'poetshulp' }))).not.toContain('cleaner')
      expect(await engine.count()).toBe(FIXTURES.length - 1)
      await reindex([cleaner.id])
      expect(keys(await search({ q: 'poetshulp' }))[0]).toBe('cleaner')
    })

    it('shows the new content of an updated placement', async () => {
      const bakery = byKey('bakery')
      const before = (await engine.allIds()).get(bakery.id)
      await db().update(placements).set({ title: 'Broodbakker in de nachtploeg' }).where(inArray(placements.id, [bakery.id]))
      await reindex([bakery.id])
      expect(keys(await search({ q: 'nachtploeg' }))).toEqual(['bakery'])
      expect((await engine.allIds()).get(bakery.id)).not.toBe(before)
      await db().update(placements).set({ title: bakery.title }).where(inArray(placements.id, [bakery.id]))
      await reindex([bakery.id])
      expect(keys(await search({ q: 'nachtploeg' }))).toEqual([])
    })

    it('never breaks a hard constraint of a match, and misses no fitting placement of a job target', async () => {
      const homes = ['44021', '11002', '24062', '31005', '34022', '71016', '23088']
      const towns = await db().select().from(municipalities).where(inArray(municipalities.nis, homes))
      const profile = fc.record({
        occupations: fc.uniqueArray(fc.constantFrom(...Object.values(OCCUPATIONS)), { minLength: 1, maxLength: 3 }),
        home: fc.constantFrom(...homes).map((municipalityNis) => ({ municipalityNis })),
        maxDistanceKm: fc.integer({ min: 1, max: 200 }),
        dutchLevel: fc.constantFrom('none', 'A1', 'A2', 'B1', 'B2', 'C1' as const),
        hoursPerWeekMax: fc.integer({ min: 10, max: 40 }),
        instruments: fc.option(fc.uniqueArray(fc.constantFrom('TWE_ART60', 'IBO', 'BVS', 'WES', 'WIJK_WERKEN' as const), { minLength: 1, maxLength: 2 }), { nil: undefined }),
      })
      await fc.assert(
        fc.asyncProperty(profile, async (request: MatchRequest) => {
          const home = towns.find((t) => t.nis === request.home.municipalityNis)!
          const fits = (p: Indexed) =>
            haversineKm(home.lat, home.lon, p.lat, p.lon) <= request.maxDistanceKm! &&
            dutchRank(p.dutch) <= dutchRank(request.dutchLevel!) &&
            p.hours <= request.hoursPerWeekMax! &&
            (!request.instruments || p.instruments.some((i) => request.instruments!.includes(i)))
          const result = await engine.match(request)
          for (const hit of result.results) expect(fits(byKey(keyOf(hit.id))), `${keyOf(hit.id)} for ${JSON.stringify(request)}`).toBe(true)
          const wanted = indexed.filter((p) => fits(p) && request.occupations.includes(p.occupation)).map((p) => p.key)
          expect(keys(result).slice(0, wanted.length).sort()).toEqual(wanted.sort())
        }),
        { numRuns: 40 },
      )
    })

    it('explains each match: occupation, then distance in km', async () => {
      const result = await engine.match({ occupations: [OCCUPATIONS.cook], home: { postcode: '2000' }, maxDistanceKm: 150 })
      expect(keys(result)).toEqual(['cook', 'dietCook'])
      expect(result.results[0]!.reasons).toEqual([
        { kind: 'same_occupation', occupationUri: OCCUPATIONS.cook, label: 'kok', match: 'job_target' },
        { kind: 'distance', km: 0 },
      ])
      const dietCook = byKey('dietCook')
      const km = Math.round(haversineKm(byKey('cook').lat, byKey('cook').lon, dietCook.lat, dietCook.lon) * 100) / 100
      expect(result.results[1]!.reasons).toEqual([
        { kind: 'related_occupation', occupationUri: OCCUPATIONS.dietCook, label: 'dieetkok', iscoGroup: '5120', relatedTo: { uri: OCCUPATIONS.cook, label: 'kok' } },
        { kind: 'distance', km },
      ])
    })

    it('refuses a query it cannot answer with the field to fix', async () => {
      await expect(search({ near: { municipalityNis: '99999' } })).rejects.toMatchObject({ name: 'SearchInputError', field: 'municipalityNis' })
      await expect(search({ radiusKm: 10 })).rejects.toBeInstanceOf(SearchInputError)
      await expect(engine.match({ occupations: [OCCUPATIONS.cook], home: { postcode: '1804' } })).rejects.toMatchObject({ field: 'postcode' })
    })
  })
}

/** A placement of a new employer (verified unless told otherwise), at its municipality's reference point. */
type PlacementInput = Partial<Omit<Fixture, 'key'>> & { externalId?: string; status?: 'draft' | 'submitted' | 'published' | 'paused'; verified?: boolean; publishedAt?: Date }

export async function insertPlacement(input: PlacementInput = {}) {
  const nis = input.nis ?? '44021'
  const { organisation } = await createEmployer(db(), { employerType: input.employerType ?? 'private', profile: input.verified === false ? { verificationStatus: 'pending' } : {} })
  const [town] = await db().select().from(municipalities).where(inArray(municipalities.nis, [nis]))
  const status = input.status ?? 'published'
  const [row] = await db()
    .insert(placements)
    .values({
      organisationId: organisation.id,
      externalId: input.externalId ?? null,
      title: input.title ?? 'Magazijnmedewerker',
      occupationUri: input.occupation ?? OCCUPATIONS.warehouse,
      description: input.description ?? 'Goederen ontvangen en klaarzetten.',
      municipalityNis: nis,
      lat: town!.lat,
      lon: town!.lon,
      hoursPerWeek: input.hours ?? 38,
      schedule: input.schedule ?? ['day'],
      dutchLevel: input.dutch ?? 'A2',
      support: input.support ?? [],
      instruments: input.instruments ?? ['WES'],
      places: 1,
      status,
      publishedAt: status === 'draft' ? null : (input.publishedAt ?? new Date()),
    })
    .returning({ id: placements.id })
  return { id: row!.id, lat: town!.lat, lon: town!.lon, regionCode: town!.regionCode }
}

function expectedFacets(rows: Indexed[], names: FacetName[]) {
  const values: Record<FacetName, (p: Indexed) => string[]> = {
    regionCode: (p) => [p.regionCode],
    municipalityNis: (p) => [p.nis],
    dutchLevel: (p) => [p.dutch],
    hoursPerWeek: (p) => [String(p.hours)],
    instruments: (p) => p.instruments,
    employerType: (p) => [p.employerType],
    schedules: (p) => p.schedule,
    supports: (p) => p.support,
  }
  return Object.fromEntries(
    names.map((name) => {
      const counts: Record<string, number> = {}
      for (const row of rows) for (const value of values[name](row)) counts[value] = (counts[value] ?? 0) + 1
      return [name, counts]
    }),
  )
}
