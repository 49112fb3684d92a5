import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { db } from '#db/client'
import { searchTermMappings } from '#db/schema'
import type { SearchDocument } from '#search/document'
import { MeilisearchEngine } from '#search/meilisearch/engine'
import { SearchUnavailableError } from '#search/port'

/**
 * Request-level contract of the Meilisearch adapter, against a local HTTP server that records every request and
 * answers like Meilisearch (no Meilisearch can run here). Pins the settings it sends, the filter expressions it
 * builds (with escaping), the search request bodies, and how answers and errors are read. The behaviour against
 * a real Meilisearch is the conformance suite's job (tests/integration/search-conformance.test.ts).
 */
const KOK = 'http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e'
const DIEETKOK = 'http://data.europa.eu/esco/occupation/9ab80ce6-504f-474f-bb91-98163e9d45fd'
const BAKKER = 'http://data.europa.eu/esco/occupation/1aadb308-432a-4d01-b54b-b4f7f76dd419'
const ANTWERPEN = { nis: '11002', lat: 51.2595, lon: 4.3717 }
const INDEX = 'placements_contract'

type Recorded = { method: string; path: string; query: Record<string, string>; body: any; authorization: string | undefined }
type Answer = { status: number; body?: unknown; raw?: string }

let server: http.Server
let host: string
let requests: Recorded[] = []
let answer: (request: Recorded) => Answer | undefined
let failTask: (type: string) => { code: string; message: string } | undefined
const tasks = new Map<number, { type: string }>()

function meilisearchAnswer(request: Recorded): Answer {
  const task = (type: string): Answer => {
    const taskUid = tasks.size + 1
    tasks.set(taskUid, { type })
    return { status: 202, body: { taskUid, indexUid: INDEX, status: 'enqueued', type, enqueuedAt: '2026-01-31T00:00:00Z' } }
  }
  const { method, path } = request
  if (method === 'GET' && path.startsWith('/tasks/')) {
    const uid = Number(path.split('/')[2])
    const { type } = tasks.get(uid)!
    const error = failTask(type)
    return { status: 200, body: { uid, indexUid: INDEX, type, status: error ? 'failed' : 'succeeded', error: error ? { ...error, type: 'invalid_request', link: '' } : null } }
  }
  if (method === 'POST' && path === '/indexes') return task('indexCreation')
  if (method === 'DELETE' && path === `/indexes/${INDEX}`) return task('indexDeletion')
  if (method === 'PATCH' && path === `/indexes/${INDEX}/settings`) return task('settingsUpdate')
  if (method === 'POST' && path === `/indexes/${INDEX}/documents`) return task('documentAdditionOrUpdate')
  if (method === 'POST' && path === `/indexes/${INDEX}/documents/delete-batch`) return task('documentDeletion')
  if (method === 'GET' && path === `/indexes/${INDEX}`) return { status: 200, body: { uid: INDEX, primaryKey: 'id' } }
  if (method === 'POST' && path === '/multi-search') {
    return { status: 200, body: { results: request.body.queries.map((q: { hitsPerPage: number }) => ({ indexUid: INDEX, hits: [], totalHits: 0, hitsPerPage: q.hitsPerPage, page: 1, totalPages: 0, processingTimeMs: 1, query: '' })) } }
  }
  return { status: 404, body: { message: `no route ${method} ${path}`, code: 'not_found', type: 'invalid_request', link: '' } }
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let text = ''
    req.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
    req.on('end', () => {
      const url = new URL(req.url!, 'http://meilisearch')
      const request = { method: req.method!, path: url.pathname, query: Object.fromEntries(url.searchParams), body: text ? JSON.parse(text) : undefined, authorization: req.headers.authorization }
      if (!request.path.startsWith('/tasks/')) requests.push(request)
      const reply = answer(request) ?? meilisearchAnswer(request)
      res.writeHead(reply.status, { 'Content-Type': reply.raw ? 'text/html' : 'application/json' })
      res.end(reply.raw ?? JSON.stringify(reply.body))
    })
  })
  // Keep idle sockets open longer than the first search takes to build the taxonomy under load (seconds): a socket
  // the server closes (default after 5 s) just as the client reuses it would reset the next request.
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
beforeEach(() => {
  requests = []
  tasks.clear()
  answer = () => undefined
  failTask = () => undefined
})

const engine = (options: { host?: string; timeoutMs?: number } = {}) =>
  new MeilisearchEngine({ host: options.host ?? host, apiKey: 'test-key', indexUid: INDEX, database: db, timeoutMs: options.timeoutMs, taskTimeoutMs: 2_000 })
const multiSearches = () => requests.filter((r) => r.path === '/multi-search').map((r) => r.body.queries)

const document: SearchDocument = {
  id: '0b6c5c3e-8d5c-4a43-9d8e-2f1d2c3b4a59',
  externalId: 'a-1',
  title: 'Hulpkok',
  description: 'Groenten snijden.',
  tasks: ['Soep maken'],
  competences: ['Hygiëne'],
  occupationUri: KOK,
  occupationLabel: 'kok',
  occupationAltLabels: ['chef-kok'],
  iscoGroup: '5120',
  compoundParts: ['hulp'],
  municipalityNis: ANTWERPEN.nis,
  municipalityName: 'Antwerpen',
  regionCode: 'REFREG01',
  lat: 51.2595,
  lon: 4.3717,
  hoursPerWeek: 24,
  dutchLevel: 'A2',
  instruments: ['WES'],
  employerType: 'nonprofit',
  schedules: ['day'],
  supports: ['mentor'],
  publishedAt: '2026-01-31T10:00:00.000Z',
  hash: 'h1',
}

describe('index settings and writes', () => {
  it('creates the index and applies the settings as code, with the API key', async () => {
    await engine().applySettings()
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /indexes', `PATCH /indexes/${INDEX}/settings`])
    expect(requests[0]!.body).toEqual({ uid: INDEX, primaryKey: 'id' })
    expect(requests.every((r) => r.authorization === 'Bearer test-key')).toBe(true)
    expect(requests[1]!.body).toEqual({
      searchableAttributes: ['title', 'occupationLabel', 'occupationAltLabels', 'compoundParts', 'tasks', 'competences', 'municipalityName', 'description'],
      filterableAttributes: ['occupationUri', 'iscoGroup', 'regionCode', 'municipalityNis', 'dutchRank', 'dutchLevel', 'hoursPerWeek', 'instruments', 'employerType', 'schedules', 'supports', '_geo'],
      sortableAttributes: ['_geo', 'publishedMs', 'id'],
      rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnAttributes: [], disableOnWords: [] },
      synonyms: expect.objectContaining({
        kuisvrouw: ['schoonmaker gebouwen', 'medewerker huishoudelijke dienst', 'interieurverzorger', 'huishoud(st)er'],
        'chauffeur ce': ['vrachtwagenchauffeur'],
      }),
      stopWords: expect.arrayContaining(['de', 'en', 'het', 'van']),
      faceting: { maxValuesPerFacet: 500 },
      pagination: { maxTotalHits: 1000 },
    })
  })

  it('adds the search-term mappings platform admins accepted as one-way synonyms, and no proposed or rejected one', async () => {
    const baker = 'http://data.europa.eu/esco/occupation/1aadb308-432a-4d01-b54b-b4f7f76dd419'
    const mapping = { kind: 'colloquial' as const, occupationUri: baker, note: 'test' }
    await db()
      .insert(searchTermMappings)
      .values([
        { ...mapping, term: 'broodbakkerke', status: 'accepted', decidedAt: new Date() },
        { ...mapping, term: 'deegkneder', status: 'proposed' },
        { ...mapping, term: 'deegroller', status: 'rejected', decidedAt: new Date() },
      ])
    try {
      await engine().applySettings()
      const synonyms = (requests[1]!.body as { synonyms: Record<string, string[]> }).synonyms
      expect(synonyms.broodbakkerke).toEqual(['bakker'])
      expect(synonyms.deegkneder).toBeUndefined()
      expect(synonyms.deegroller).toBeUndefined()
      expect(synonyms.kuisvrouw).toBeDefined()
    } finally {
      await db().delete(searchTermMappings)
    }
  })


  it('accepts an index that already exists, but not settings Meilisearch refuses', async () => {
    failTask = (type) => (type === 'indexCreation' ? { code: 'index_already_exists', message: 'exists' } : undefined)
    await engine().applySettings()
    failTask = (type) => ({ code: type === 'indexCreation' ? 'index_already_exists' : 'invalid_settings_ranking_rules', message: 'no' })
    await expect(engine().applySettings()).rejects.toMatchObject({ name: 'SearchUnavailableError', retryable: false, code: 'invalid_settings_ranking_rules' })
  })

  it('writes documents in Meilisearch form after the settings, and waits until they are applied', async () => {
    const meilisearch = engine()
    await meilisearch.upsert([document])
    await meilisearch.remove([document.id])
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /indexes', `PATCH /indexes/${INDEX}/settings`, `POST /indexes/${INDEX}/documents`, `POST /indexes/${INDEX}/documents/delete-batch`])
    expect(requests[2]!.query).toEqual({ primaryKey: 'id' })
    const { lat, lon, publishedAt, ...rest } = document
    expect(requests[2]!.body).toEqual([{ ...rest, _geo: { lat, lng: lon }, dutchRank: 2, publishedMs: Date.parse(publishedAt!) }])
    expect(requests[3]!.body).toEqual([document.id])
    expect(tasks.size).toBe(4)
  })

  it('reports a document Meilisearch refuses as not worth retrying', async () => {
    failTask = (type) => (type === 'documentAdditionOrUpdate' ? { code: 'invalid_document_geo_field', message: 'bad _geo' } : undefined)
    await expect(engine().upsert([document])).rejects.toMatchObject({ retryable: false, code: 'invalid_document_geo_field' })
  })

  it('pages through the indexed ids and hashes, and counts by the index', async () => {
    answer = (r) => {
      if (r.path !== `/indexes/${INDEX}/documents`) return undefined
      const offset = Number(r.query.offset)
      const results = Array.from({ length: offset === 0 ? 1000 : 2 }, (_, i) => ({ id: `id-${offset + i}`, hash: `h-${offset + i}` }))
      return { status: 200, body: { results, offset, limit: 1000, total: 1002 } }
    }
    const ids = await engine().allIds()
    expect(ids.size).toBe(1002)
    expect(ids.get('id-1001')).toBe('h-1001')
    expect(requests.map((r) => r.query)).toEqual([
      { fields: 'id,hash', limit: '1000', offset: '0' },
      { fields: 'id,hash', limit: '1000', offset: '1000' },
    ])
  })
})

describe('search requests', () => {
  it('asks one query per tier, with every filter value quoted and escaped', async () => {
    const hostile = 'x" OR regionCode EXISTS OR "y'
    await engine().search({ q: 'kok', regionCodes: ['REFREG01', hostile, 'back\\slash', "it's (AND) [x]\nnew"], employerTypes: ['nonprofit'], facets: ['regionCode'], limit: 5, offset: 5 })
    const regions = 'regionCode IN ["REFREG01", "x\\" OR regionCode EXISTS OR \\"y", "back\\\\slash", "it\'s (AND) [x]\nnew"]'
    const base = `(${regions}) AND (employerType IN ["nonprofit"])`
    const common = { indexUid: INDEX, facets: ['regionCode'], attributesToRetrieve: expect.any(Array), hitsPerPage: 10, page: 1 }
    expect(multiSearches()).toEqual([
      [
        { ...common, q: '', filter: `(${base}) AND (occupationUri IN ["${KOK}"])`, sort: ['publishedMs:desc', 'id:asc'] },
        { ...common, q: '', filter: `(${base}) AND (iscoGroup IN ["5120"]) AND (NOT occupationUri IN ["${KOK}"])`, sort: ['publishedMs:desc', 'id:asc'] },
        { ...common, q: 'kok', filter: `(${base}) AND (NOT iscoGroup IN ["5120"])`, matchingStrategy: 'all', showRankingScore: true },
      ],
    ])
  })

  it('turns the hard constraints of a match into filters, nearest first within a tier', async () => {
    await engine().match({ occupations: [KOK], home: { municipalityNis: ANTWERPEN.nis }, maxDistanceKm: 20, dutchLevel: 'A2', hoursPerWeekMax: 30, instruments: ['IBO', 'WES'] })
    const constraints = `(dutchRank <= 2) AND (hoursPerWeek <= 30) AND (instruments IN ["IBO", "WES"]) AND (_geoRadius(${ANTWERPEN.lat}, ${ANTWERPEN.lon}, 20000))`
    const sort = [`_geoPoint(${ANTWERPEN.lat}, ${ANTWERPEN.lon}):asc`, 'publishedMs:desc', 'id:asc']
    expect(multiSearches()[0]).toEqual([
      expect.objectContaining({ q: '', filter: `(${constraints}) AND (occupationUri IN ["${KOK}"])`, sort, hitsPerPage: 20 }),
      expect.objectContaining({ q: '', filter: `(${constraints}) AND (iscoGroup IN ["5120"]) AND (NOT occupationUri IN ["${KOK}"])`, sort }),
    ])
  })

  it('puts the tiers one after the other, sums totals and facets, and checks the radius itself', async () => {
    const hit = (id: string, uri: string, group: string, lat: number, title = 'Plaats') => ({
      id, externalId: id, title, occupationUri: uri, iscoGroup: group, municipalityNis: ANTWERPEN.nis, _geo: { lat, lng: ANTWERPEN.lon }, occupationLabel: 'x', occupationAltLabels: [], compoundParts: [],
    })
    const tierHits = [
      // 0.1° of latitude is 11.12 km: the second hit lies beyond the 11 km radius although Meilisearch returned it.
      { hits: [hit('same-1', KOK, '5120', ANTWERPEN.lat + 0.05), hit('too-far', KOK, '5120', ANTWERPEN.lat + 0.1)], totalHits: 2, facetDistribution: { instruments: { WES: 2 } } },
      { hits: [hit('related-1', DIEETKOK, '5120', ANTWERPEN.lat)], totalHits: 1, facetDistribution: { instruments: { WES: 1, IBO: 1 } } },
      { hits: [{ ...hit('words-1', BAKKER, '7512', ANTWERPEN.lat, 'Kok en bakker'), _rankingScore: 0.5 }], totalHits: 1, facetDistribution: { instruments: { IBO: 1 } } },
    ]
    answer = (r) => (r.path === '/multi-search' ? { status: 200, body: { results: tierHits.map((t) => ({ ...t, indexUid: INDEX, processingTimeMs: 1, query: '' })) } } : undefined)
    const result = await engine().search({ q: 'kok', near: { lat: ANTWERPEN.lat, lon: ANTWERPEN.lon }, radiusKm: 11, facets: ['instruments'] })
    expect(result.engine).toBe('meilisearch')
    expect(result.results.map((r) => r.id)).toEqual(['same-1', 'related-1', 'words-1'])
    expect(result.total).toBe(3)
    expect(result.facets).toEqual({ instruments: { WES: 3, IBO: 2 } })
    expect(result.results[0]!.distanceKm).toBe(5.56)
    expect(result.results.map((r) => Math.floor(r.score))).toEqual([2, 1, 0])
    expect(result.results[0]!.reasons[0]).toMatchObject({ kind: 'same_occupation', occupationUri: KOK })
    expect(result.results[1]!.reasons[0]).toMatchObject({ kind: 'related_occupation', occupationUri: DIEETKOK, relatedTo: { uri: KOK } })
    expect(result.results[2]!.reasons).toEqual([{ kind: 'words', words: ['kok'] }, { kind: 'distance', km: 0 }])
  })

  it('asks again with fewer words when no placement has them all', async () => {
    // No occupation in these words (not "grootkeuken": the vocabulary reads it as its kitchen jobs), so only words are searched.
    await engine().search({ q: 'tafelzilver nachtdienst' })
    const [first, second] = multiSearches()
    expect(first!.map((q: { matchingStrategy?: string }) => q.matchingStrategy)).toEqual(['all'])
    expect(second!.map((q: { matchingStrategy?: string }) => q.matchingStrategy)).toEqual(['last'])
  })
})

describe('errors', () => {
  const apiError = (status: number, code: string) => () => ({ status, body: { message: `${code} happened`, code, type: 'invalid_request', link: 'https://docs.meilisearch.com' } })

  it('reports a refused request with its code, as not worth retrying', async () => {
    answer = apiError(400, 'invalid_search_filter')
    const error = await engine().search({ q: 'kok' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SearchUnavailableError)
    expect(error).toMatchObject({ retryable: false, code: 'invalid_search_filter', message: expect.stringContaining('400') })
  })

  it.each([
    ['503 with a Meilisearch error', apiError(503, 'service_unavailable'), 'service_unavailable'],
    ['429', apiError(429, 'too_many_search_requests'), 'too_many_search_requests'],
    ['502 from a proxy, not JSON', () => ({ status: 502, raw: '<html>Bad gateway</html>' }), undefined],
  ])('reports %s as unavailable, worth retrying', async (_, reply, code) => {
    answer = reply
    await expect(engine().search({ q: 'kok' })).rejects.toMatchObject({ name: 'SearchUnavailableError', retryable: true, code })
    await expect(engine().health()).rejects.toMatchObject({ retryable: true })
  })

  it('reports a refused connection and a timeout as unavailable, worth retrying', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const refused = await engine({ host: `http://127.0.0.1:${port}` }).health().catch((e: unknown) => e)
    expect(refused).toMatchObject({ name: 'SearchUnavailableError', retryable: true, message: expect.stringMatching(/cannot be reached.*ECONNREFUSED/) })

    const slow = http.createServer(() => {})
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
    const slowHost = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`
    await expect(engine({ host: slowHost, timeoutMs: 200 }).search({ q: 'kok' })).rejects.toMatchObject({ retryable: true })
    slow.closeAllConnections()
    await new Promise<void>((resolve) => slow.close(() => resolve()))
  })

  it('says the index is ready only when it answers', async () => {
    await engine().health()
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /indexes/${INDEX}`])
    answer = apiError(404, 'index_not_found')
    await expect(engine().health()).rejects.toMatchObject({ code: 'index_not_found' })
  })
})
