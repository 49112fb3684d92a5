import { sql } from 'drizzle-orm'
import { digest, newSecret } from '#core/crypto.server'
import type { Tx } from '#db/client'
import { insertApiToken } from '#db/queries/auth'
import { createOrganisation, createUser } from '#db/seed/factories'
import { logger, logToStderr } from '#core/logger'
import { createSearchEngine } from '#search/engine'
import type { SearchEngine } from '#search/port'
import { applyIndexUpdate } from '#search/sync'
import { createEmployers, generatePlacements, insertPlacements } from './corpus'
import { type CpuSnapshot, cpuPerRequest, cpuSnapshot } from './cpu'
import { throwawayDatabase } from './database'
import { type Kind, report, type SizeResult } from './latency-report'
import { closedLoop, type HttpClient, httpClient, type Outcome } from './load'
import { seededRandom } from './random'
import { loadReference } from './reference'
import { startServer } from './server'
import { type BenchRequest, generateRequests, placementQuery, searchUrl } from './workload'

/**
 * `npm run bench:latency [-- --sizes 1000,10000,100000 --clients 20 --requests 1000 --pace 1000 --details]`: loads generated
 * placements (bench/corpus.ts) into a throwaway database in steps, indexes them through the search port, and at
 * each size measures search and match with that many concurrent clients through the real server's API — next to
 * its empty route (/healthz) and an API request that stops after its token check, in the same run: what HTTP, the
 * machine and the API cost by themselves. It also reports the CPU a request costs the server and PostgreSQL, and
 * search and match when each client waits about `--pace` ms between requests, as a person does. While an
 * API route does not exist (404), that kind is measured through the search port in-process instead, and the
 * report says so. The embedded engine only: MEILISEARCH_URL is ignored. Progress on stderr, report on stdout.
 */
const IDS_PER_UPDATE = 500
const WARM_UP = 200
const PACED_REQUESTS = 300

async function main() {
  const options = parseArguments(process.argv.slice(2))
  logToStderr()
  logger().level = process.env.LOG_LEVEL ?? 'warn'
  // The server's index would be Meilisearch's index "placements": never benchmark against a real one.
  process.env.MEILISEARCH_URL = ''
  progress('starting a throwaway database…')
  const database = await throwawayDatabase()
  let server: Awaited<ReturnType<typeof startServer>> | undefined
  let client: HttpClient | undefined
  try {
    const engine = createSearchEngine()
    const reference = await loadReference(database.db)
    const corpusRandom = seededRandom(4_2026)
    const employers = await createEmployers(database.db, corpusRandom, 400)
    const tokens = await createApiTokens(database.db, options.clients)
    progress('starting the server…')
    server = await startServer(database.url, options.profileDir)
    client = httpClient(server.baseUrl, options.clients)
    const running = server
    const cpu = () => cpuSnapshot(running.pid, database.dataDir)
    const results: SizeResult[] = []
    let loaded = 0
    for (const size of options.sizes) {
      const rows = generatePlacements(corpusRandom, reference, employers, size - loaded, loaded)
      progress(`${size.toLocaleString('en')}: inserting ${rows.length.toLocaleString('en')} placements…`)
      const ids = await insertPlacements(database.db, rows)
      await index(engine, ids, size)
      loaded = size
      // Autovacuum would analyze the tables of a running server after a load like this; here it must be now.
      await database.db.execute(sql`vacuum analyze search_documents, placements`)
      results.push(await measure(size, engine, client, tokens, reference, options, cpu))
    }
    process.stdout.write(report(results, options))
  } finally {
    client?.close()
    await server?.stop()
    await database.dispose()
  }
}

async function measure(
  size: number,
  engine: SearchEngine,
  client: HttpClient,
  tokens: string[],
  reference: Awaited<ReturnType<typeof loadReference>>,
  options: Options,
  cpu: () => CpuSnapshot,
): Promise<SizeResult> {
  const { searches, matches } = generateRequests(seededRandom(size), reference, options.requests + WARM_UP)
  const via = {
    search: options.inProcess ? 'port' : await routeOf(client, tokens[0]!, searches[0]!),
    match: options.inProcess ? 'port' : await routeOf(client, tokens[0]!, matches[0]!),
  } as const
  const send = (request: BenchRequest, id: number): Promise<unknown> => {
    if (request.kind === 'search') return via.search === 'HTTP' ? client.request('GET', searchUrl(request.params), { token: tokens[id] }) : engine.search(placementQuery(request.params))
    return via.match === 'HTTP' ? client.request('POST', '/api/v1/match', { token: tokens[id], json: request.body }) : engine.match(request.body)
  }
  // What a request costs without a search: the token is checked, then limit=0 is refused before the engine is asked.
  const apiOnly = async (_: unknown, id: number) => {
    const status = await client.status('GET', '/api/v1/placements/search?limit=0', { token: tokens[id] })
    if (status !== 400) throw new Error(`GET /api/v1/placements/search?limit=0 answered ${status}, not 400`)
  }
  const label = size.toLocaleString('en')
  // Unmeasured: the server's first requests load the taxonomy and warm PostgreSQL's caches, as a running server has them.
  progress(`${label}: warming up…`)
  await closedLoop([...searches.slice(0, WARM_UP / 2), ...matches.slice(0, WARM_UP / 2)], options.clients, send)
  const plain = (category: string) => Array.from({ length: options.requests }, () => ({ category }))
  const loads: Record<Kind, (() => Promise<Outcome>) | null> = {
    empty: () => closedLoop(plain('empty'), options.clients, () => client.request('GET', '/healthz')),
    api: via.search === 'HTTP' ? () => closedLoop(plain('api'), options.clients, apiOnly) : null,
    search: () => closedLoop(searches.slice(WARM_UP), options.clients, send),
    match: () => closedLoop(matches.slice(WARM_UP), options.clients, send),
  }
  // The same questions at a person's pace: what a caseworker waits when the machine is not saturated.
  const paced = { search: null, match: null } as SizeResult['paced']
  if (options.paceMs > 0) {
    for (const kind of ['search', 'match'] as const) {
      progress(`${label}: ${kind}, ${options.clients} clients at a pace of ~${options.paceMs} ms…`)
      const items = (kind === 'search' ? searches : matches).slice(WARM_UP, WARM_UP + PACED_REQUESTS)
      paced[kind] = await closedLoop(items, options.clients, send, options.paceMs)
    }
  }
  const outcomes = {} as SizeResult['outcomes']
  const cost = {} as SizeResult['cpu']
  for (const kind of ['empty', 'api', 'search', 'match'] as const satisfies Kind[]) {
    const load = loads[kind]
    progress(`${label}: ${kind}, ${options.clients} clients…`)
    const before = cpu()
    const outcome = load ? await load() : null
    outcomes[kind] = outcome
    // Only what the server did: in-process calls run in this process.
    const overHttp = kind === 'empty' || kind === 'api' || via[kind] === 'HTTP'
    cost[kind] = outcome && overHttp ? cpuPerRequest(before, cpu(), outcome.samples.length + outcome.errors.length) : null
  }
  return { size, via, outcomes, paced, cpu: cost }
}

/** HTTP when the API route answers; the port in-process while it does not exist yet (404). */
async function routeOf(client: HttpClient, token: string, request: BenchRequest): Promise<'HTTP' | 'port'> {
  const status =
    request.kind === 'search'
      ? await client.status('GET', searchUrl(request.params), { token })
      : await client.status('POST', '/api/v1/match', { token, json: request.body })
  if (status === 200) return 'HTTP'
  if (status === 404) return 'port'
  throw new Error(`The ${request.kind} API answered ${status} to a valid request with a caseworker's token; it should answer 200.`)
}

/** One caseworker with an API token per client, as integrations have (a token's use is recorded per request). */
async function createApiTokens(tx: Tx, count: number): Promise<string[]> {
  const organisation = await createOrganisation(tx, { type: 'ocmw', name: 'OCMW Benchmark' })
  const tokens: string[] = []
  for (let i = 0; i < count; i += 1) {
    const user = await createUser(tx, { organisationId: organisation.id, role: 'caseworker' })
    const token = `stp_${newSecret()}`
    await insertApiToken(tx, digest(token), user.id)
    tokens.push(token)
  }
  return tokens
}

async function index(engine: SearchEngine, ids: string[], size: number) {
  const started = Date.now()
  for (let i = 0; i < ids.length; i += IDS_PER_UPDATE) {
    await applyIndexUpdate(ids.slice(i, i + IDS_PER_UPDATE), engine)
    progress(`${size.toLocaleString('en')}: indexed ${Math.min(i + IDS_PER_UPDATE, ids.length).toLocaleString('en')} of ${ids.length.toLocaleString('en')} new placements…`)
  }
  progress(`${size.toLocaleString('en')}: indexed in ${((Date.now() - started) / 1000).toFixed(0)} s`, true)
}

type Options = { sizes: number[]; clients: number; requests: number; paceMs: number; details: boolean; inProcess: boolean; profileDir?: string }

function parseArguments(args: string[]): Options {
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`)
    return i >= 0 ? args[i + 1] : undefined
  }
  const number = (text: string | undefined, fallback: number) => {
    const n = text === undefined ? fallback : Number(text)
    if (!Number.isInteger(n) || n < 1) usage(`not a whole number above 0: ${text}`)
    return n
  }
  const sizes = (value('sizes') ?? '1000,10000,100000').split(',').map((s) => number(s, 0))
  if (sizes.some((s, i) => i > 0 && s <= sizes[i - 1]!)) usage('--sizes must grow')
  const paceMs = value('pace') === '0' ? 0 : number(value('pace'), 1000)
  const profileDir = value('profile')
  if (args.includes('--profile') && (!profileDir || profileDir.startsWith('--'))) usage('--profile needs a folder to write the server\'s CPU profile to')
  return { sizes, clients: number(value('clients'), 20), requests: number(value('requests'), 1000), paceMs, details: args.includes('--details'), inProcess: args.includes('--in-process'), profileDir }
}

function usage(problem: string): never {
  process.stderr.write(`${problem}\nUsage: npm run bench:latency -- [--sizes 1000,10000,100000] [--clients 20] [--requests 1000] [--pace 1000|0] [--details] [--in-process] [--profile DIR]\n`)
  process.exit(2)
}

/** On a terminal one line that keeps changing; otherwise only the lines that mark a step. */
function progress(message: string, step = false) {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${message}${step ? '\n' : ''}`)
  else if (step || !/indexed \d/.test(message)) process.stderr.write(`${message}\n`)
}

main().catch((error) => {
  process.stderr.write(`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
