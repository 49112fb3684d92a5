import fs from 'node:fs'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { parse } from 'yaml'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { digest, newSecret } from '#core/crypto.server'
import { action as matchAction, loader as matchLoader } from '#app/routes/api+/v1.match'
import { changeParamNames } from '#app/features/placement-changes/feed.server'
import { loader as changesLoader } from '#app/routes/api+/v1.placements.changes'
import { loader as searchLoader } from '#app/routes/api+/v1.placements.search'
import { matchRequestSchema, searchParamNames } from '#app/utils/api-input.server'
import { db } from '#db/client'
import { insertApiToken } from '#db/queries/auth'
import { placements } from '#db/schema'
import { dutchLevels, instruments } from '#domain/values'
import { createOrganisation, createUser } from '#db/seed/factories'
import { searchEngine } from '#search/engine'
import { type SearchEngine, SearchUnavailableError } from '#search/port'
import { applyIndexUpdate } from '#search/sync'
import { logger } from '#core/logger'
import { insertPlacement, OCCUPATIONS } from '#tests/support/search-conformance'
import { routePaths } from '#tests/support/route-paths'

/**
 * docs/openapi.yaml and docs/schemas/match-request.schema.json are the API's contract: the routes sit at the
 * documented paths, the Zod schema accepts exactly what the JSON schema accepts, and every kind of real answer
 * matches the schema documented for its status. The JSON schema checks use the small validator below (no ajv).
 */
type Schema = boolean | { [keyword: string]: unknown }
type Base = { root: unknown; dir: string }
const DOCS = path.resolve(import.meta.dirname, '../../docs')
const openapi = parse(fs.readFileSync(path.join(DOCS, 'openapi.yaml'), 'utf8')) as Record<string, any>
const matchSchema = JSON.parse(fs.readFileSync(path.join(DOCS, 'schemas/match-request.schema.json'), 'utf8')) as Schema

// Keywords this validator checks, and those that only annotate. Any other keyword fails loudly, never silently.
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default', 'example', 'examples'])
const FORMATS: Record<string, RegExp> = { uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i }
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)
const isType = (v: unknown, type: string) => (type === 'integer' ? Number.isInteger(v) : type === 'number' ? typeof v === 'number' : typeOf(v) === type)

/** JSON Schema 2020-12, the keywords our documents use: the list of what is wrong, empty when the value is valid. */
function validate(schema: Schema, value: unknown, at: string, base: Base): string[] {
  if (typeof schema === 'boolean') return schema ? [] : [`${at}: not allowed`]
  const s = schema as Record<string, any>
  const errors: string[] = []
  const fail = (why: string) => errors.push(`${at}: ${why}`)
  for (const [keyword, rule] of Object.entries(s)) {
    if (ANNOTATIONS.has(keyword)) continue
    const number = typeof value === 'number'
    const text = typeof value === 'string'
    const object = typeOf(value) === 'object'
    const list = Array.isArray(value) ? value : undefined
    switch (keyword) {
      case '$ref': {
        const [target, targetBase] = resolve(rule, base)
        errors.push(...validate(target, value, at, targetBase))
        break
      }
      case 'type': if (![rule].flat().some((t: string) => isType(value, t))) fail(`not ${[rule].flat().join(' or ')}`); break
      case 'enum': if (!rule.some((option: unknown) => isDeepStrictEqual(option, value))) fail(`not one of ${JSON.stringify(rule)}`); break
      case 'const': if (!isDeepStrictEqual(rule, value)) fail(`not ${JSON.stringify(rule)}`); break
      case 'pattern': if (text && !new RegExp(rule, 'u').test(value)) fail(`does not match ${rule}`); break
      case 'format': if (!FORMATS[rule]) throw new Error(`unknown format ${rule}`); if (text && !FORMATS[rule].test(value)) fail(`not a ${rule}`); break
      case 'minLength': if (text && [...value].length < rule) fail(`shorter than ${rule}`); break
      case 'maxLength': if (text && [...value].length > rule) fail(`longer than ${rule}`); break
      case 'minimum': if (number && value < rule) fail(`below ${rule}`); break
      case 'maximum': if (number && value > rule) fail(`above ${rule}`); break
      case 'exclusiveMinimum': if (number && value <= rule) fail(`not above ${rule}`); break
      case 'minItems': if (list && list.length < rule) fail(`fewer than ${rule} items`); break
      case 'maxItems': if (list && list.length > rule) fail(`more than ${rule} items`); break
      case 'uniqueItems': if (list && rule && list.some((a, i) => list.some((b, j) => j > i && isDeepStrictEqual(a, b)))) fail('items repeat'); break
      case 'items': list?.forEach((item, i) => errors.push(...validate(rule, item, `${at}[${i}]`, base))); break
      case 'required': if (object) for (const key of rule) if (!Object.hasOwn(value as object, key)) fail(`misses ${key}`); break
      case 'minProperties': if (object && Object.keys(value as object).length < rule) fail(`fewer than ${rule} properties`); break
      case 'properties':
        for (const [key, sub] of object ? Object.entries(value as object) : []) {
          if (Object.hasOwn(rule, key)) errors.push(...validate(rule[key], sub, `${at}.${key}`, base))
        }
        break
      case 'additionalProperties':
        for (const [key, sub] of object ? Object.entries(value as object) : []) {
          if (!Object.hasOwn(s.properties ?? {}, key)) errors.push(...validate(rule, sub, `${at}.${key}`, base))
        }
        break
      case 'allOf': for (const sub of rule) errors.push(...validate(sub, value, at, base)); break
      case 'anyOf': if (!rule.some((sub: Schema) => validate(sub, value, at, base).length === 0)) fail('matches none of anyOf'); break
      case 'oneOf': if (rule.filter((sub: Schema) => validate(sub, value, at, base).length === 0).length !== 1) fail('does not match exactly one of oneOf'); break
      default: throw new Error(`the validator does not know "${keyword}" (at ${at})`)
    }
  }
  return errors
}

/** `#/components/…` inside the document, or another file relative to it (`./schemas/…json`). */
function resolve(ref: string, base: Base): [Schema, Base] {
  const [file, pointer = ''] = ref.split('#')
  let root = base.root
  let dir = base.dir
  if (file) {
    const target = path.resolve(base.dir, file)
    root = JSON.parse(fs.readFileSync(target, 'utf8'))
    dir = path.dirname(target)
  }
  const schema = pointer.split('/').filter(Boolean).reduce((node: any, part) => node[part], root)
  return [schema, { root, dir }]
}
const inDocs: Base = { root: openapi, dir: DOCS }
const problems = (schema: Schema, value: unknown) => validate(schema, value, '$', inDocs)

const SEARCH = '/api/v1/placements/search'
const MATCH = '/api/v1/match'
const TRAJECTORY = '/api/v1/trajectories/{id}'
const REFERRAL = '/api/v1/referrals/{id}'
const CHANGES = '/api/v1/placements/changes'
const responseOf = (operation: Record<string, any>, status: number) => {
  const documented = operation.responses[String(status)]
  return documented?.$ref ? resolve(documented.$ref, inDocs)[0] : documented
}

describe('docs/openapi.yaml', () => {
  it('documents the endpoints of the contract, at the paths the route files produce', async () => {
    expect(openapi.openapi).toBe('3.1.0')
    expect(Object.keys(openapi.paths)).toEqual([SEARCH, MATCH, TRAJECTORY, REFERRAL, CHANGES])
    expect(Object.keys(openapi.paths[SEARCH])).toEqual(['get'])
    expect(Object.keys(openapi.paths[MATCH])).toEqual(['post'])
    expect(Object.keys(openapi.paths[TRAJECTORY])).toEqual(['get'])
    expect(Object.keys(openapi.paths[REFERRAL])).toEqual(['get'])
    expect(Object.keys(openapi.paths[CHANGES])).toEqual(['get'])
    const routes = await routePaths()
    expect(routes.get('routes/api+/v1.placements.search.ts')).toBe(SEARCH.slice(1))
    expect(routes.get('routes/api+/v1.match.ts')).toBe(MATCH.slice(1))
    expect(routes.get('routes/api+/v1.placements.changes.ts')).toBe(CHANGES.slice(1))
    // The export schema (formats date and date-time) is checked with ajv in trajectory-export.test.ts.
    expect(routes.get('routes/api+/v1.trajectories.$id.ts')).toBe(TRAJECTORY.slice(1).replace('{id}', ':id'))
    // Likewise the referral export's schema, in referral-export.test.ts.
    expect(routes.get('routes/api+/v1.referrals.$id.ts')).toBe(REFERRAL.slice(1).replace('{id}', ':id'))
  })

  it('documents the query parameters the route reads, and the shared match request schema as the body', () => {
    expect(openapi.paths[SEARCH].get.parameters.map((p: { name: string }) => p.name)).toEqual(searchParamNames)
    expect(openapi.paths[CHANGES].get.parameters.map((p: { name: string }) => p.name)).toEqual(changeParamNames)
    expect(openapi.paths[MATCH].post.requestBody.content['application/json'].schema).toEqual({ $ref: './schemas/match-request.schema.json' })
  })

  it('gives examples that follow their own schemas', () => {
    let checked = 0
    for (const [route, operations] of Object.entries(openapi.paths as Record<string, Record<string, any>>)) {
      for (const operation of Object.values(operations)) {
        for (const parameter of operation.parameters ?? []) {
          if (parameter.example === undefined) continue
          expect(problems(parameter.schema, parameter.example), `${route} ${parameter.name}`).toEqual([])
          checked += 1
        }
        const media = [operation.requestBody?.content['application/json'], ...Object.keys(operation.responses).map((status) => responseOf(operation, Number(status)).content?.['application/json'])]
        for (const content of media.filter((m) => m?.example !== undefined)) {
          expect(problems(content.schema, content.example), route).toEqual([])
          checked += 1
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8)
  })
})

describe('the Zod schema of a match request', () => {
  const uri = (tail: string) => `http://data.europa.eu/esco/occupation/${tail}`
  /** Mostly valid values, sometimes one near or past a limit, sometimes any JSON at all. */
  const either = <T>(valid: fc.Arbitrary<T>, ...edges: unknown[]) =>
    fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: fc.constantFrom(...edges), weight: 3 }, { arbitrary: fc.jsonValue({ maxDepth: 1 }), weight: 1 })
  const values = {
    occupations: either(
      fc.uniqueArray(fc.constantFrom(OCCUPATIONS.cook, OCCUPATIONS.baker, OCCUPATIONS.warehouse), { minLength: 1, maxLength: 3 }),
      [], Array(5).fill(OCCUPATIONS.cook), Array(6).fill(OCCUPATIONS.cook), [uri('90F75F67-495D-49FA-AB57-2F320E251D7E')], [uri('90f75f67')], [`${OCCUPATIONS.cook}/`], [`${OCCUPATIONS.cook}\n`], ['kok'], [OCCUPATIONS.cook, 7],
    ),
    query: either(fc.string({ maxLength: 30 }), '', 'x'.repeat(200), 'x'.repeat(201), '😀'.repeat(200), '😀'.repeat(201), 'e\u0301'.repeat(100), 'e\u0301'.repeat(101)),
    home: either(
      fc.oneof(fc.record({ postcode: fc.constantFrom('9000', '2000') }), fc.record({ municipalityNis: fc.constantFrom('44021', '11002') })),
      {}, { postcode: '0900' }, { postcode: '900' }, { postcode: 9000 }, { municipalityNis: '4402' }, { municipalityNis: '440211' }, { postcode: '9000', municipalityNis: '44021' }, { postcode: '9000', street: 'x' }, { postcode: null },
    ),
    maxDistanceKm: either(fc.double({ min: 0.001, max: 200, noNaN: true }), 0, -0, 1e-9, 200, 200.0000001, -1, Infinity, '25', null),
    dutchLevel: either(fc.constantFrom(...dutchLevels), 'c1', 'C2', '', 3),
    hoursPerWeekMax: either(fc.double({ min: 0.001, max: 40, noNaN: true }), 0, 40, 40.01, '40', true),
    instruments: either(fc.uniqueArray(fc.constantFrom(...instruments), { maxLength: 3 }), ['IBO', 'IBO'], ['ibo'], [''], 'IBO'),
    limit: either(fc.integer({ min: 1, max: 100 }), 0, 101, 1.5, 1e2, '20', -1),
  }
  const bodies = fc.oneof(
    { arbitrary: fc.record(values, { requiredKeys: ['occupations', 'home'] }), weight: 6 },
    { arbitrary: fc.record(values, { requiredKeys: [] }), weight: 2 },
    { arbitrary: fc.record({ ...values, extra: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: ['occupations', 'home', 'extra'] }), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
  )
  const inSchemas: Base = { root: matchSchema, dir: path.join(DOCS, 'schemas') }

  it('accepts exactly what match-request.schema.json accepts', () => {
    let accepted = 0
    fc.assert(
      fc.property(bodies, (body) => {
        const valid = validate(matchSchema, body, '$', inSchemas).length === 0
        expect(matchRequestSchema.safeParse(body).success, JSON.stringify(body)).toBe(valid)
        if (valid) accepted += 1
      }),
      { numRuns: 3_000 },
    )
    // Both verdicts must occur often enough for the comparison to mean something.
    expect(accepted).toBeGreaterThan(300)
    expect(accepted).toBeLessThan(2_700)
  })

  it('knows a key called __proto__ is just an unknown field', () => {
    const body = JSON.parse(`{"occupations": ["${OCCUPATIONS.cook}"], "home": {"postcode": "9000"}, "__proto__": {"limit": 5}}`)
    expect(validate(matchSchema, body, '$', inSchemas)).not.toEqual([])
    expect(matchRequestSchema.safeParse(body).success).toBe(false)
  })

  it('fills in the defaults of the JSON schema', () => {
    const properties = (matchSchema as { properties: Record<string, { default?: unknown }> }).properties
    const defaults = Object.fromEntries(Object.entries(properties).flatMap(([key, p]) => (p.default === undefined ? [] : [[key, p.default]])))
    expect(Object.keys(defaults).sort()).toEqual(['dutchLevel', 'hoursPerWeekMax', 'limit', 'maxDistanceKm'])
    const minimal = { occupations: [OCCUPATIONS.cook], home: { postcode: '2000' } }
    expect(matchRequestSchema.parse(minimal)).toEqual({ ...minimal, ...defaults })
  })
})

describe('real answers', () => {
  const context = { requestId: 'api-contract-test', clientIp: '127.0.0.1' }
  const tokens: Record<'caseworker' | 'employer', string> = { caseworker: '', employer: '' }
  const reasonKinds = new Set<string>()

  beforeAll(async () => {
    for (const level of ['info', 'warn', 'error'] as const) vi.spyOn(logger(), level).mockImplementation(() => undefined)
    for (const role of ['caseworker', 'employer'] as const) {
      const organisation = await createOrganisation(db(), { type: role === 'employer' ? 'employer' : 'ocmw' })
      const user = await createUser(db(), { organisationId: organisation.id, role })
      tokens[role] = `stp_${newSecret()}`
      await insertApiToken(db(), digest(tokens[role]), user.id)
    }
    const cook = await insertPlacement({ title: 'Hulp in de grootkeuken', occupation: OCCUPATIONS.cook, nis: '11002', externalId: 'kok-1' })
    const dietCook = await insertPlacement({ title: 'Dieetkok ziekenhuis', occupation: OCCUPATIONS.dietCook, nis: '31005' })
    await applyIndexUpdate([cook.id, dietCook.id])
  })

  const search = (query: string, token: string | undefined) =>
    searchLoader({ request: new Request(`http://localhost:3000${SEARCH}?${query}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }), context, params: {} })
  const match = (body: string, token: string | undefined) =>
    matchAction({ request: new Request(`http://localhost:3000${MATCH}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body }), context, params: {} })
  const matchBody = (extra: object = {}) => JSON.stringify({ occupations: [OCCUPATIONS.cook], home: { postcode: '2000' }, maxDistanceKm: 200, ...extra })

  /** The answer's status is documented for the operation, and its body and headers follow what is documented there. */
  async function expectDocumented(route: typeof SEARCH | typeof MATCH | typeof CHANGES, response: Response) {
    const operation = route === MATCH ? openapi.paths[MATCH].post : openapi.paths[route].get
    const documented = responseOf(operation, response.status)
    expect(documented, `status ${response.status} of ${route} is documented`).toBeDefined()
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
    const body = await response.json()
    expect(problems(documented.content['application/json'].schema, body), `${route} ${response.status}`).toEqual([])
    for (const [name, header] of Object.entries<{ required?: boolean; schema: Schema }>(documented.headers ?? {})) {
      const value = response.headers.get(name)
      if (header.required) expect(value, `${name} header`).not.toBeNull()
      if (value !== null) expect(problems(header.schema, value), name).toEqual([])
    }
    for (const hit of body.results ?? []) for (const reason of hit.reasons) reasonKinds.add(reason.kind)
    return body
  }

  async function withEngine(replace: Partial<SearchEngine>, use: () => Promise<void>) {
    const g = globalThis as { __stapsteenSearch?: SearchEngine }
    const real = searchEngine()
    g.__stapsteenSearch = Object.assign(Object.create(real) as SearchEngine, replace)
    try {
      await use()
    } finally {
      g.__stapsteenSearch = real
    }
  }

  it('follow the documented schema for every status', async () => {
    const found = await expectDocumented(SEARCH, await search('q=kok&postcode=2000&radiusKm=200', tokens.caseworker))
    expect(found.results.length).toBe(2)
    await expectDocumented(SEARCH, await search('q=grootkeuken', tokens.caseworker))
    await expectDocumented(SEARCH, await search('', tokens.caseworker))
    expect((await expectDocumented(MATCH, await match(matchBody({ query: 'grootkeuken' }), tokens.caseworker))).results.length).toBe(2)
    expect([...reasonKinds].sort()).toEqual(['distance', 'related_occupation', 'same_occupation', 'words'])

    await expectDocumented(SEARCH, await search('limit=0', tokens.caseworker))
    await expectDocumented(MATCH, await match('{}', tokens.caseworker))
    await expectDocumented(MATCH, await match(matchBody({ query: 'x'.repeat(70_000) }), tokens.caseworker))
    for (const token of [undefined, 'stp_unknown', tokens.employer]) {
      await expectDocumented(SEARCH, await search('', token))
      await expectDocumented(MATCH, await match(matchBody(), token))
    }
    const down = () => Promise.reject(new SearchUnavailableError('switched off by the test'))
    await withEngine({ search: down, match: down }, async () => {
      await expectDocumented(SEARCH, await search('', tokens.caseworker))
      await expectDocumented(MATCH, await match(matchBody(), tokens.caseworker))
    })
    const broken = () => Promise.reject(new Error('a bug'))
    await withEngine({ search: broken, match: broken }, async () => {
      await expectDocumented(SEARCH, await search('', tokens.caseworker))
      await expectDocumented(MATCH, await match(matchBody(), tokens.caseworker))
    })
  })

  it('of the change feed follow the documented schema, with an upsert and a tombstone', async () => {
    const changes = (query: string, token: string | undefined) =>
      changesLoader({ request: new Request(`http://localhost:3000${CHANGES}?${query}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }), context, params: {} })
    const paused = await insertPlacement({ title: 'Hulp in de bakkerij', occupation: OCCUPATIONS.baker, nis: '44021' })
    await db().update(placements).set({ status: 'paused' }).where(eq(placements.id, paused.id))
    // The feed shows a change once every older transaction (of any test file on this server) has ended: ask until then.
    let body = await expectDocumented(CHANGES, await changes('limit=500', tokens.caseworker))
    for (let tries = 0; tries < 200 && !body.changes.some((c: { kind: string }) => c.kind === 'remove'); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25))
      body = await expectDocumented(CHANGES, await changes('limit=500', tokens.caseworker))
    }
    expect(new Set(body.changes.map((c: { kind: string }) => c.kind))).toEqual(new Set(['upsert', 'remove']))
    expect(body.changes.some((c: { placement: { title?: string } }) => c.placement.title === 'Hulp in de grootkeuken')).toBe(true)
    await expectDocumented(CHANGES, await changes('after=x', tokens.caseworker))
    for (const token of [undefined, 'stp_unknown', tokens.employer]) await expectDocumented(CHANGES, await changes('', token))
  })

  it('answer another method with the documented error body and an Allow header', async () => {
    const wrongMethod = await matchLoader()
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('Allow')).toBe('POST')
    expect(problems({ $ref: '#/components/schemas/ErrorResponse' }, await wrongMethod.json())).toEqual([])
  })
})
