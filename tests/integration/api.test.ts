import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { digest, newSecret } from '#core/crypto.server'
import { organisationTypesByRole, type Role } from '#domain/permissions'
import { signIn } from '#app/auth/session.server'
import { action as matchAction, loader as matchLoader } from '#app/routes/api+/v1.match'
import { action as searchAction, loader as searchLoader } from '#app/routes/api+/v1.placements.search'
import { ApiError } from '#app/utils/api-errors.server'
import { parseSearchParams, readMatchRequest } from '#app/utils/api-input.server'
import { db } from '#db/client'
import { insertApiToken } from '#db/queries/auth'
import { apiTokens, municipalities, occupations, postcodes, users } from '#db/schema'
import { dutchLevels, instruments } from '#domain/values'
import { createOrganisation, createUser } from '#db/seed/factories'
import { searchEngine } from '#search/engine'
import { haversineKm } from '#search/geo'
import { dutchRank } from '#search/plan'
import { type MatchRequest, type PlacementQuery, type SearchEngine, type SearchResult, SearchUnavailableError } from '#search/port'
import { applyIndexUpdate } from '#search/sync'
import { logger } from '#core/logger'
import { insertPlacement, OCCUPATIONS } from '#tests/support/search-conformance'

/**
 * The JSON API through its route modules (docs/openapi.yaml): tokens and roles, a 400 that names the field for
 * every kind of bad input, JSON for every answer, published placements only, constraints that hold, the same
 * ranking as the search port, and thousands of random requests that never get a 500.
 */
const context = { requestId: 'api-test', clientIp: '127.0.0.1' }
const BASE = 'http://localhost:3000/api/v1'
type Answer = { status: number; headers: Headers; body: any }

async function answer(response: Response): Promise<Answer> {
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
  return { status: response.status, headers: response.headers, body: await response.json() }
}
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

function search(query: string, headers: Record<string, string> = {}) {
  const url = new URL(`${BASE}/placements/search`)
  url.search = query
  return searchLoader({ request: new Request(url, { headers }), context, params: {} }).then(answer)
}

function match(body: unknown, headers: Record<string, string> = {}) {
  const raw = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body)
  const init: RequestInit = { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: raw as BodyInit }
  return matchAction({ request: new Request(`${BASE}/match`, init), context, params: {} }).then(answer)
}

async function tokenFor(role: Role) {
  const organisation = await createOrganisation(db(), { type: organisationTypesByRole[role][0] })
  const user = await createUser(db(), { organisationId: organisation.id, role, regions: role === 'regional_admin' ? ['REFREG13'] : [] })
  const token = `stp_${newSecret()}`
  await insertApiToken(db(), digest(token), user.id)
  return { token, user }
}

/** Every 400 names at least one field, each with a reason. */
function expectFields(body: Answer['body']) {
  expect(Object.keys(body.error.fields).length).toBeGreaterThan(0)
  for (const reason of Object.values(body.error.fields)) expect(reason).toMatch(/\S/)
}

// ---- the placements: random but fixed (seeded), and three that must never be found ----

type Visible = { id: string; externalId: string; title: string; occupation: string; nis: string; hours: number; dutch: string; instruments: string[]; lat: number; lon: number }
const TOWNS = ['44021', '44083', '11002', '31005', '24062', '34022', '71016']
const HOME_POSTCODES = ['9000', '2000', '8000', '3000', '3600', '8500']
const TITLES: Record<string, string> = { warehouse: 'Magazijnmedewerker', picker: 'Orderpicker', cook: 'Hulpkok', dietCook: 'Dieetkok', hairdresser: 'Kapper', cleaner: 'Schoonmaker', baker: 'Bakkerijhulp', forklift: 'Heftruckchauffeur' }
const visible = new Map<string, Visible>()
const hidden: string[] = []
const iscoOf = new Map<string, string>()
const towns = new Map<string, { lat: number; lon: number }>()
const postcodeTowns = new Map<string, string[]>()
let token: string

beforeAll(async () => {
  // The request log goes nowhere during the tests; the logging test reads what was logged from the spy.
  for (const level of ['info', 'warn', 'error'] as const) vi.spyOn(logger(), level).mockImplementation(() => undefined)
  token = (await tokenFor('caseworker')).token
  const specs = fc.sample(
    fc.record({
      key: fc.constantFrom(...(Object.keys(OCCUPATIONS) as (keyof typeof OCCUPATIONS)[])),
      nis: fc.constantFrom(...TOWNS),
      hours: fc.constantFrom(8, 16, 19, 24, 30, 38, 40),
      dutch: fc.constantFrom(...dutchLevels),
      instruments: fc.shuffledSubarray([...instruments], { minLength: 1, maxLength: 3 }),
    }),
    { seed: 20_261_124, numRuns: 40 },
  )
  for (const [i, spec] of specs.entries()) {
    const externalId = `api-${i}`
    const fixture = { ...spec, externalId, title: TITLES[spec.key]!, occupation: OCCUPATIONS[spec.key] }
    const { id, lat, lon } = await insertPlacement(fixture)
    visible.set(id, { ...fixture, id, lat, lon })
  }
  // Each would pass every filter, but is a draft, paused, or of an employer nobody verified.
  for (const status of ['draft', 'paused', 'unverified'] as const) {
    const { id } = await insertPlacement({ title: 'Magazijnmedewerker', occupation: OCCUPATIONS.warehouse, nis: '44021', hours: 8, dutch: 'none', instruments: [...instruments], status: status === 'unverified' ? 'published' : status, verified: status !== 'unverified' })
    hidden.push(id)
  }
  await applyIndexUpdate([...visible.keys(), ...hidden])
  for (const row of await db().select({ uri: occupations.uri, isco: occupations.iscoGroup }).from(occupations)) iscoOf.set(row.uri, row.isco)
  for (const row of await db().select().from(municipalities)) towns.set(row.nis, { lat: row.lat, lon: row.lon })
  for (const row of await db().select().from(postcodes)) postcodeTowns.set(row.postcode, [...(postcodeTowns.get(row.postcode) ?? []), row.municipalityNis])
  for (const postcode of HOME_POSTCODES) expect(postcodeTowns.get(postcode), postcode).toHaveLength(1)
})

/** Where distances are measured from, as the contract says: the municipality, else the postcode's one municipality. */
function originOf(place: { postcode?: string; municipalityNis?: string }) {
  const nis = place.municipalityNis ?? (place.postcode ? postcodeTowns.get(place.postcode)?.[0] : undefined)
  return nis ? towns.get(nis) : undefined
}
const sameOrRelated = (targets: string[], occupation: string) => targets.includes(occupation) || targets.some((t) => iscoOf.get(t) === iscoOf.get(occupation))

type Constraints = { origin?: { lat: number; lon: number }; radiusKm?: number; dutchMax?: string; hoursMax?: number; instruments?: string[] }
const fits = (p: Visible, c: Constraints) =>
  (c.radiusKm === undefined || haversineKm(c.origin!.lat, c.origin!.lon, p.lat, p.lon) <= c.radiusKm + 1e-9) &&
  (c.dutchMax === undefined || dutchRank(p.dutch) <= dutchRank(c.dutchMax)) &&
  (c.hoursMax === undefined || p.hours <= c.hoursMax) &&
  (!c.instruments?.length || p.instruments.some((i) => c.instruments!.includes(i)))

/** Every result is a published placement that keeps to the constraints, in the order of its score. */
function expectResults(body: Answer['body'], c: Constraints, limit: number) {
  expect(body.results.length).toBeLessThanOrEqual(Math.min(limit, body.total))
  for (const hit of body.results) {
    const placement = visible.get(hit.id)
    expect(placement, `${hit.id} is a visible placement`).toBeDefined()
    expect(fits(placement!, c), `${hit.id} keeps to ${JSON.stringify(c)}`).toBe(true)
  }
  const scores = body.results.map((hit: { score: number }) => hit.score)
  expect(scores).toEqual([...scores].sort((a, b) => b - a))
}

const matchConstraints = (m: MatchRequest): Constraints => ({
  origin: originOf(m.home),
  radiusKm: m.maxDistanceKm ?? 25,
  dutchMax: m.dutchLevel ?? 'C1',
  hoursMax: m.hoursPerWeekMax ?? 40,
  instruments: m.instruments,
})

/** The contract's answer, mapped here independently of the route. */
const asContract = (result: SearchResult) => ({
  engine: result.engine,
  total: result.total,
  results: result.results.map((h) => ({ id: h.id, externalId: h.externalId, title: h.title, occupation: h.occupationUri, municipalityNis: h.municipalityNis, distanceKm: h.distanceKm, score: h.score, reasons: h.reasons })),
})

const validMatch = fc.record(
  {
    occupations: fc.uniqueArray(fc.constantFrom(...Object.values(OCCUPATIONS)), { minLength: 1, maxLength: 3 }),
    home: fc.oneof(fc.record({ municipalityNis: fc.constantFrom(...TOWNS) }), fc.record({ postcode: fc.constantFrom(...HOME_POSTCODES) })),
    maxDistanceKm: fc.double({ min: 1, max: 200, noNaN: true }),
    dutchLevel: fc.constantFrom(...dutchLevels),
    hoursPerWeekMax: fc.integer({ min: 1, max: 40 }),
    instruments: fc.shuffledSubarray([...instruments], { minLength: 1, maxLength: 3 }),
    limit: fc.integer({ min: 1, max: 100 }),
  },
  { requiredKeys: ['occupations', 'home'] },
) as fc.Arbitrary<MatchRequest>

type SearchSpec = { q?: string; postcode?: string; municipalityNis?: string; radiusKm?: number; dutchLevelMax?: string; hoursMax?: number; instrument?: string[]; limit?: number }
const validSearch: fc.Arbitrary<SearchSpec> = fc.record(
  {
    q: fc.constantFrom('kok', 'magazijn', 'kapster', 'heftruckchaufeur', 'hulp', 'orderpicker koelcel'),
    municipalityNis: fc.constantFrom(...TOWNS),
    postcode: fc.constantFrom(...HOME_POSTCODES),
    radiusKm: fc.integer({ min: 1, max: 200 }),
    dutchLevelMax: fc.constantFrom(...dutchLevels),
    hoursMax: fc.integer({ min: 1, max: 40 }),
    instrument: fc.shuffledSubarray([...instruments], { minLength: 1, maxLength: 2 }),
    limit: fc.integer({ min: 1, max: 100 }),
  },
  { requiredKeys: [] },
).filter((s) => s.radiusKm === undefined || s.municipalityNis !== undefined || s.postcode !== undefined)

const queryString = (spec: SearchSpec) =>
  new URLSearchParams(Object.entries(spec).flatMap(([name, value]) => (Array.isArray(value) ? value.map((v) => [name, v]) : [[name, String(value)]]))).toString()

const searchConstraints = (spec: SearchSpec): Constraints => ({
  origin: originOf(spec),
  radiusKm: spec.radiusKm,
  dutchMax: spec.dutchLevelMax,
  hoursMax: spec.hoursMax,
  instruments: spec.instrument,
})

describe('authentication', () => {
  const valid = { occupations: [OCCUPATIONS.warehouse], home: { postcode: '9000' } }

  it('answers 401 with a Bearer challenge without a token, with another scheme or with a token it does not know', async () => {
    const attempts: Record<string, string>[] = [{}, { Authorization: 'Basic dXNlcjpwdw==' }, { Authorization: 'Bearer' }, { Authorization: token }]
    for (const headers of attempts) {
      for (const response of [await search('', headers), await match(valid, headers)]) {
        expect(response.status, JSON.stringify(headers)).toBe(401)
        expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="stapsteen"')
        expect(response.body.error.message).toContain('Authorization: Bearer')
      }
    }
    const unknown = await search('', bearer(`stp_${newSecret()}`))
    expect(unknown.status).toBe(401)
    expect(unknown.headers.get('WWW-Authenticate')).toBe('Bearer realm="stapsteen", error="invalid_token"')
  })

  it('refuses a revoked token and the token of a disabled account', async () => {
    const revoked = await tokenFor('caseworker')
    expect((await search('', bearer(revoked.token))).status).toBe(200)
    await db().update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.tokenHash, digest(revoked.token)))
    expect((await search('', bearer(revoked.token))).status).toBe(401)
    const disabled = await tokenFor('platform_admin')
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.user.id))
    expect((await match(valid, bearer(disabled.token))).status).toBe(401)
  })

  it('never lets a session cookie stand in for a token, so a cross-site page cannot use a signed-in browser', async () => {
    const { user } = await tokenFor('caseworker')
    const signedIn = await signIn(new Request('http://localhost:3000/inloggen'), user.id, 'password', '/')
    const cookie = signedIn.headers.get('Set-Cookie')!.split(';')[0]!
    expect((await search('', { Cookie: cookie })).status).toBe(401)
    expect((await match(valid, { Cookie: cookie, Origin: 'https://evil.example' })).status).toBe(401)
  })

  it('checks the token before the request, so an unauthenticated caller learns nothing about the input', async () => {
    expect((await search('radiusKm=abc')).status).toBe(401)
    expect((await match('{not json')).status).toBe(401)
  })

  it('lets caseworkers, regional admins and platform admins in, with the scheme in any case, and answers 403 to other roles', async () => {
    for (const role of ['caseworker', 'regional_admin', 'platform_admin'] as const) {
      const { token: own } = await tokenFor(role)
      expect((await search('', { Authorization: `bearer ${own}` })).status, role).toBe(200)
      expect((await match(valid, bearer(own))).status, role).toBe(200)
    }
    for (const role of ['employer', 'triage_worker', 'outreach_worker'] as const) {
      const { token: other } = await tokenFor(role)
      for (const response of [await search('', bearer(other)), await match(valid, bearer(other))]) {
        expect(response.status, role).toBe(403)
        expect(response.body.error).toEqual({ message: expect.stringContaining('mag de API niet gebruiken'), fields: {} })
      }
    }
  })
})

describe('bad requests', () => {
  it.each([
    ['radiusKm=abc&postcode=9000', 'radiusKm'],
    ['radiusKm=0&postcode=9000', 'radiusKm'],
    ['radiusKm=200.5&postcode=9000', 'radiusKm'],
    ['radiusKm=1e2&postcode=9000', 'radiusKm'],
    ['radiusKm=10', 'radiusKm'], // no origin: the engine's SearchInputError
    ['postcode=900', 'postcode'],
    ['postcode=4000', 'postcode'], // Liège: not in Flanders (engine)
    ['municipalityNis=4402', 'municipalityNis'],
    ['municipalityNis=99999', 'municipalityNis'], // no such municipality (engine)
    ['dutchLevelMax=C2', 'dutchLevelMax'],
    ['hoursMax=41', 'hoursMax'],
    ['hoursMax=-3', 'hoursMax'],
    ['instrument=IBO&instrument=ART60', 'instrument'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=2.5', 'limit'],
    [`q=${'a'.repeat(201)}`, 'q'],
    ['q=kok&q=bakker', 'q'],
    ['radius=10', 'radius'],
    ['__proto__=1', '__proto__'],
  ])('search %s: 400 naming %s', async (query, field) => {
    const { status, body } = await search(query, bearer(token))
    expect(status).toBe(400)
    expect(Object.keys(body.error.fields)).toEqual([field])
    expect(body.error.message).toBe(`${field}: ${body.error.fields[field]}`)
  })

  const valid = { occupations: [OCCUPATIONS.warehouse], home: { postcode: '9000' } }
  it.each<[string, unknown, string[]]>([
    ['nothing', {}, ['occupations', 'home']],
    ['no job target', { ...valid, occupations: [] }, ['occupations']],
    ['six job targets', { ...valid, occupations: Array(6).fill(OCCUPATIONS.cook) }, ['occupations']],
    ['a job target that is no ESCO URI', { ...valid, occupations: [OCCUPATIONS.cook, 'kok'] }, ['occupations[1]']],
    ['an unknown occupation (engine)', { ...valid, occupations: ['http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000'] }, ['occupations']],
    ['a home without place', { ...valid, home: {} }, ['home']],
    ['a home with a street', { ...valid, home: { postcode: '9000', street: 'Veldstraat' } }, ['home.street']],
    ['a postcode outside Flanders (engine)', { ...valid, home: { postcode: '4000' } }, ['home.postcode']],
    ['an unknown municipality (engine)', { ...valid, home: { municipalityNis: '99999' } }, ['home.municipalityNis']],
    ['a distance of 0', { ...valid, maxDistanceKm: 0 }, ['maxDistanceKm']],
    ['a distance as text', { ...valid, maxDistanceKm: '10' }, ['maxDistanceKm']],
    ['an unknown Dutch level', { ...valid, dutchLevel: 'B3' }, ['dutchLevel']],
    ['41 hours', { ...valid, hoursPerWeekMax: 41 }, ['hoursPerWeekMax']],
    ['an instrument twice', { ...valid, instruments: ['IBO', 'IBO'] }, ['instruments']],
    ['an unknown instrument', { ...valid, instruments: ['IBO', 'ART60'] }, ['instruments[1]']],
    ['a fractional limit', { ...valid, limit: 1.5 }, ['limit']],
    ['a long query', { ...valid, query: 'x'.repeat(201) }, ['query']],
    ['an unknown field', { ...valid, colour: 'blue' }, ['colour']],
    ['an unknown field with an odd name', { ...valid, 'a b': 1 }, ['["a b"]']],
    ['a list', [valid], ['body']],
    ['null', null, ['body']],
    ['invalid JSON', '{"occupations": [', ['body']],
    ['an empty body', '', ['body']],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), ['body']],
  ])('match with %s: 400 naming the field', async (_, body, fields) => {
    const response = await match(body, bearer(token))
    expect(response.status).toBe(400)
    expect(Object.keys(response.body.error.fields)).toEqual(fields)
    expectFields(response.body)
  })

  it('counts characters as the JSON schema does: 200 emoji are a valid query', async () => {
    expect((await match({ ...valid, query: '😀'.repeat(200) }, bearer(token))).status).toBe(200)
    expect((await search(`q=${'😀'.repeat(200)}`, bearer(token))).status).toBe(200)
  })

  it('wants JSON: another content type is a 400 on Content-Type, a body over 64 KiB a 413', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp', '']) {
      const response = await match(JSON.stringify(valid), { ...bearer(token), 'Content-Type': type })
      expect(response.status, type).toBe(400)
      expect(Object.keys(response.body.error.fields)).toEqual(['Content-Type'])
    }
    expect((await match(JSON.stringify(valid), { ...bearer(token), 'Content-Type': 'Application/JSON; charset=utf-8' })).status).toBe(200)
    const huge = await match({ ...valid, query: 'x'.repeat(70_000) }, bearer(token))
    expect(huge.status).toBe(413)
    expect(huge.body.error.fields).toEqual({ body: expect.any(String) })
  })

  it('answers other methods with a JSON 405 that says which one to use', async () => {
    const get = await answer(await matchLoader())
    expect(get.status).toBe(405)
    expect(get.headers.get('Allow')).toBe('POST')
    const put = await answer(await matchAction({ request: new Request(`${BASE}/match`, { method: 'PUT', headers: bearer(token) }), context, params: {} }))
    expect(put.status).toBe(405)
    const post = await answer(await searchAction())
    expect(post.status).toBe(405)
    expect(post.headers.get('Allow')).toBe('GET')
  })
})

describe('failures of the engine', () => {
  /** Runs `use` with the process's engine replaced (search/engine.ts keeps it on globalThis). */
  async function withEngine(replace: (real: SearchEngine) => Partial<SearchEngine>, use: () => Promise<void>) {
    const g = globalThis as { __stapsteenSearch?: SearchEngine }
    const real = searchEngine()
    g.__stapsteenSearch = Object.assign(Object.create(real) as SearchEngine, replace(real))
    try {
      await use()
    } finally {
      g.__stapsteenSearch = real
    }
  }

  it('answers 503 with Retry-After while the engine is unavailable, and 500 JSON for a fault of our own', async () => {
    const down = () => Promise.reject(new SearchUnavailableError('switched off by the test'))
    await withEngine(() => ({ search: down, match: down }), async () => {
      for (const response of [await search('q=kok', bearer(token)), await match({ occupations: [OCCUPATIONS.cook], home: { postcode: '2000' } }, bearer(token))]) {
        expect(response.status).toBe(503)
        expect(response.headers.get('Retry-After')).toBe('10')
        expect(response.body.error.message).toContain('tijdelijk niet beschikbaar')
      }
    })
    await withEngine(() => ({ search: () => Promise.reject(new TypeError('a bug')) }), async () => {
      const response = await search('', bearer(token))
      expect(response.status).toBe(500)
      expect(response.body.error.message).not.toContain('a bug')
      expect(logger().error).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(TypeError) }), 'API request failed')
    })
  })

  it('knows the errors of the engine when they come from another copy of search/port.ts', async () => {
    // In `npm start` the server (tsx) and the Remix build are two module graphs, each with its own port.ts; the
    // shared engine throws the classes of the graph that made it, which the route's `instanceof` would not know.
    const portFile: string = '../../search/port.ts?another-copy'
    const other = (await import(/* @vite-ignore */ portFile)) as typeof import('#search/port')
    expect(other.SearchInputError).not.toBe((await import('#search/port')).SearchInputError)
    await withEngine(() => ({ search: () => Promise.reject(new other.SearchInputError('radiusKm', 'Kies een gemeente.')) }), async () => {
      const response = await search('radiusKm=5', bearer(token))
      expect(response.status).toBe(400)
      expect(response.body.error.fields).toEqual({ radiusKm: 'Kies een gemeente.' })
    })
    await withEngine(() => ({ match: () => Promise.reject(new other.SearchUnavailableError('down')) }), async () => {
      expect((await match({ occupations: [OCCUPATIONS.cook], home: { postcode: '2000' } }, bearer(token))).status).toBe(503)
    })
  })
})

describe('request log', () => {
  it('logs who asked what kind of question and the outcome, but not what the request said about the client', async () => {
    const { token: own, user } = await tokenFor('caseworker')
    vi.mocked(logger().info).mockClear()
    await match({ occupations: [OCCUPATIONS.cook], home: { postcode: '2000' }, dutchLevel: 'A1' }, bearer(own))
    expect(logger().info).toHaveBeenCalledTimes(1)
    const [entry, message] = vi.mocked(logger().info).mock.calls[0]! as unknown as [Record<string, unknown>, string]
    expect(message).toBe('api request')
    expect(entry).toMatchObject({ requestId: 'api-test', endpoint: 'match', userId: user.id, organisationId: user.organisationId, status: 200, total: expect.any(Number), ms: expect.any(Number) })
    expect(JSON.stringify(entry)).not.toMatch(/2000|A1/)
    await search('', bearer('stp_unknown'))
    expect(vi.mocked(logger().info).mock.calls[1]![0]).toMatchObject({ endpoint: 'placements.search', userId: undefined, status: 401 })
  })
})

describe('results', () => {
  it('lists every published placement of a verified employer and nothing else, with the contract fields', async () => {
    const { status, body } = await search('limit=100', bearer(token))
    expect(status).toBe(200)
    expect(body.engine).toBe(searchEngine().name)
    expect(body.total).toBe(visible.size)
    expect(body.results.map((hit: { id: string }) => hit.id).sort()).toEqual([...visible.keys()].sort())
    for (const hit of body.results) {
      const placement = visible.get(hit.id)!
      expect(hit).toEqual({ id: placement.id, externalId: placement.externalId, title: placement.title, occupation: placement.occupation, municipalityNis: placement.nis, distanceKm: null, score: expect.any(Number), reasons: [] })
    }
    const warehouse = await match({ occupations: [OCCUPATIONS.warehouse], home: { municipalityNis: '44021' }, maxDistanceKm: 200, limit: 100 }, bearer(token))
    expect(warehouse.body.results.length).toBeGreaterThan(0)
    for (const hit of warehouse.body.results) expect(hidden).not.toContain(hit.id)
  })

  it('never breaks a hard constraint of a match, and without free text finds every placement of the same or a related occupation that keeps to them', async () => {
    await fc.assert(
      fc.asyncProperty(validMatch, fc.boolean(), async (request, everything) => {
        const asked = everything ? { ...request, limit: 100 } : request
        const { status, body } = await match(asked, bearer(token))
        expect(status).toBe(200)
        expectResults(body, matchConstraints(asked), asked.limit ?? 20)
        for (const hit of body.results) expect(sameOrRelated(asked.occupations, visible.get(hit.id)!.occupation)).toBe(true)
        const expected = [...visible.values()].filter((p) => fits(p, matchConstraints(asked)) && sameOrRelated(asked.occupations, p.occupation))
        expect(body.total).toBe(expected.length)
        if (everything) expect(body.results.map((hit: { id: string }) => hit.id).sort()).toEqual(expected.map((p) => p.id).sort())
      }),
      { numRuns: 60 },
    )
  })

  it('filters a search exactly as its parameters say', async () => {
    await fc.assert(
      fc.asyncProperty(validSearch, async (spec) => {
        const { status, body } = await search(queryString({ ...spec, limit: 100 }), bearer(token))
        expect(status).toBe(200)
        expectResults(body, searchConstraints(spec), 100)
        if (spec.q === undefined) expect(body.total).toBe([...visible.values()].filter((p) => fits(p, searchConstraints(spec))).length)
      }),
      { numRuns: 60 },
    )
  })

  it('ranks exactly as the search port does', async () => {
    await fc.assert(
      fc.asyncProperty(validSearch, async (spec) => {
        const { q, postcode, municipalityNis, radiusKm, dutchLevelMax, hoursMax, instrument, limit } = spec
        const near = municipalityNis ? { municipalityNis } : postcode ? { postcode } : undefined
        const query = { q, near, radiusKm, dutchLevelMax, hoursMax, instruments: instrument, limit } as PlacementQuery
        expect((await search(queryString(spec), bearer(token))).body).toEqual(asContract(await searchEngine().search(query)))
      }),
      { numRuns: 30 },
    )
    await fc.assert(
      fc.asyncProperty(validMatch, fc.constantFrom(undefined, 'koelcel', 'keuken proper'), async (request, text) => {
        const asked = text ? { ...request, query: text } : request
        expect((await match(asked, bearer(token))).body).toEqual(asContract(await searchEngine().match(asked)))
      }),
      { numRuns: 30 },
    )
  })
})

describe('random requests', () => {
  // Thousands through the input layer (where every 400 is made), and hundreds end to end through token, route and
  // engine, four at a time: a request costs tens of milliseconds on a busy test machine.
  const PARSER_RUNS = 2_000
  const BATCHES = 60
  const PARALLEL = 4
  // One token each, so parallel requests do not queue behind each other's update of the token's last use.
  const tokens: string[] = []
  beforeAll(async () => {
    for (let i = 0; i < PARALLEL; i++) tokens.push((await tokenFor('caseworker')).token)
  })
  const batchesOf = <T>(input: fc.Arbitrary<T>) => fc.array(input, { minLength: PARALLEL, maxLength: PARALLEL })

  const strange = ['', '0', '-1', '1e3', '0x10', 'NaN', 'Infinity', ' 5', '5 ', '2.5', '.5', '5.', '200', '200.0001', '40.5', '0999', '1804', '4000', '44021', '99999', 'a2', 'none', 'IBO', 'ibo', 'kok', '%', '%zz', '\u0000', '\uD800', '😀'.repeat(150), "'; drop table placements; --"]
  const names = fc.constantFrom('q', 'postcode', 'municipalityNis', 'radiusKm', 'dutchLevelMax', 'hoursMax', 'instrument', 'limit', 'Q', 'radius', '__proto__', 'constructor', '', 'limit[]')
  const values = fc.oneof(fc.constantFrom(...strange, ...TOWNS, ...HOME_POSTCODES, ...dutchLevels, ...instruments), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), fc.integer({ min: -5, max: 250 }).map(String))
  const encoded = fc.array(fc.tuple(names, values), { maxLength: 6 }).map((pairs) => new URLSearchParams(pairs).toString())
  const queries = fc.oneof({ arbitrary: encoded, weight: 4 }, { arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 60 }), weight: 1 })

  const anything = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...strange), fc.double())
  const keys = fc.constantFrom('occupations', 'query', 'home', 'maxDistanceKm', 'dutchLevel', 'hoursPerWeekMax', 'instruments', 'limit', 'extra', '__proto__', 'constructor')
  const changed = fc.tuple(validMatch, keys, anything, fc.boolean()).map(([body, key, value, drop]) => {
    const copy: Record<string, unknown> = { ...body }
    if (drop) delete copy[key]
    else Object.defineProperty(copy, key, { value, enumerable: true })
    return JSON.stringify(copy)
  })
  const homes = fc.tuple(validMatch, fc.dictionary(fc.constantFrom('postcode', 'municipalityNis', 'street'), anything)).map(([body, home]) => JSON.stringify({ ...body, home }))
  const bodies = fc.oneof(validMatch.map((b) => JSON.stringify(b)), changed, homes, anything.map((v) => JSON.stringify(v) ?? ''), fc.string({ unit: 'binary', maxLength: 40 }))
  const types = fc.oneof({ arbitrary: fc.constant('application/json'), weight: 9 }, { arbitrary: fc.constantFrom('text/plain', '', 'application/json; charset=utf-8', 'application/jsonx'), weight: 1 })

  /** What the input layer throws is a 400 ApiError that names a field, or nothing. */
  function expectNamedOrValid(error: unknown) {
    if (error === undefined) return
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(400)
    expectFields({ error: { fields: (error as ApiError).fields } })
  }

  it('reads thousands of random query strings as a query or a 400 that names a field', () => {
    fc.assert(
      fc.property(queries, (query) => {
        const url = new URL(`${BASE}/placements/search`)
        url.search = query
        expectNamedOrValid(catching(() => parseSearchParams(url.searchParams)))
      }),
      { numRuns: PARSER_RUNS },
    )
  })

  it('reads thousands of random bodies as a match request or a 400 that names a field', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, types, async (text, type) => {
        const request = new Request(`${BASE}/match`, { method: 'POST', headers: { 'Content-Type': type }, body: text })
        expectNamedOrValid(await readMatchRequest(request).then(() => undefined, (error: unknown) => error))
      }),
      { numRuns: PARSER_RUNS },
    )
  })

  it('answers random query strings end to end with 200 or a 400 that names a field, never a 500, keeping to the filters', async () => {
    const check = async (query: string, own: string) => {
      const { status, body } = await search(query, bearer(own))
      expect([200, 400]).toContain(status)
      if (status === 400) return expectFields(body)
      // Valid, so each parameter holds one value at most (instrument aside); an empty one counts as absent.
      const url = new URL(BASE)
      url.search = query
      const value = (name: string) => url.searchParams.get(name) || undefined
      const number = (name: string) => (value(name) === undefined ? undefined : Number(value(name)))
      const origin = originOf({ municipalityNis: value('municipalityNis'), postcode: value('postcode') })
      expectResults(body, { origin, radiusKm: number('radiusKm'), dutchMax: value('dutchLevelMax'), hoursMax: number('hoursMax'), instruments: url.searchParams.getAll('instrument').filter(Boolean) }, number('limit') ?? 20)
    }
    await fc.assert(fc.asyncProperty(batchesOf(queries), (batch) => Promise.all(batch.map((query, i) => check(query, tokens[i]!))).then(() => undefined)), { numRuns: BATCHES })
  }, 120_000)

  it('answers random bodies end to end with 200 or a 400 that names a field, never a 500, keeping to the constraints', async () => {
    const check = async ([text, type]: [string, string], own: string) => {
      const { status, body } = await match(text, { ...bearer(own), 'Content-Type': type })
      expect([200, 400]).toContain(status)
      if (status === 400) return expectFields(body)
      const asked = JSON.parse(text) as MatchRequest
      expectResults(body, matchConstraints(asked), asked.limit ?? 20)
    }
    await fc.assert(fc.asyncProperty(batchesOf(fc.tuple(bodies, types)), (batch) => Promise.all(batch.map((input, i) => check(input, tokens[i]!))).then(() => undefined)), { numRuns: BATCHES })
  }, 120_000)
})

function catching(run: () => unknown): unknown {
  try {
    run()
    return undefined
  } catch (error) {
    return error
  }
}
