import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { importPlacements } from '#app/features/placement-import/import.server'
import { logger, logToStderr } from '#core/logger'
import { createSearchEngine } from '#search/engine'
import { MeilisearchEngine } from '#search/meilisearch/engine'
import type { MatchRequest, SearchResult } from '#search/port'
import { reindexAll } from '#search/sync'
import { throwawayDatabase } from './database'
import { type Grades, mean, ndcgAt, percentile, recallAt, violations } from './metrics'

/**
 * `npm run bench:search -- ../shared/eval/search-dev`: imports the relevance set's placements into a throwaway
 * database, indexes them with the engine the API uses (Meilisearch when MEILISEARCH_URL is set), runs every query
 * through the same port calls as the API (text and typo: search; match: match) and prints the metrics of
 * ../shared/eval/README.md. Progress goes to stderr, the report to stdout.
 */
type Query =
  | { id: string; kind: 'text' | 'typo'; subkind?: string; q: string; grades: Grades }
  | { id: string; kind: 'match'; profile: MatchRequest; grades: Grades; allowed: string[]; boundary: string[] }
type Outcome = { query: Query; ranked: string[]; ms: number }

const TARGETS = { text: 0.97, typo: 0.95, match: 0.98 } as const

async function main() {
  const dir = process.argv[2]
  if (!dir) {
    process.stderr.write('Usage: npm run bench:search -- DIRECTORY [--details]   (DIRECTORY holds placements.json and queries.json)\n')
    process.exit(2)
  }
  logToStderr()
  // Only problems: the embedded database's "creating…" lines would mix with the progress line.
  logger().level = process.env.LOG_LEVEL ?? 'warn'
  const placementsText = await readFile(path.join(dir, 'placements.json'), 'utf8')
  const queries = JSON.parse(await readFile(path.join(dir, 'queries.json'), 'utf8')) as Query[]

  const database = await throwawayDatabase()
  const engine = createSearchEngine({ indexUid: `bench_${Date.now()}` })
  try {
    progress('importing placements…')
    const imported = await importPlacements(database.db, placementsText, { fileName: 'placements.json', actor: { userId: null, organisationId: null, via: 'cli' } })
    if (!imported.ok) throw new Error(`The placements do not import: ${JSON.stringify(imported).slice(0, 500)}`)
    const started = Date.now()
    const { indexed } = await reindexAll(engine, (done, total) => progress(`indexing ${done} of ${total}…`))
    progress(`indexed ${indexed} placements in ${Date.now() - started} ms`)
    const run = (query: Query): Promise<SearchResult> =>
      query.kind === 'match' ? engine.match(query.profile) : engine.search({ q: query.q, limit: 20 })
    // One unmeasured pass loads the taxonomy and warms PostgreSQL's caches, as a running server has them.
    for (const query of queries.slice(0, 10)) await run(query)
    const outcomes: Outcome[] = []
    for (const [i, query] of queries.entries()) {
      const t = performance.now()
      const result = await run(query)
      outcomes.push({ query, ms: performance.now() - t, ranked: result.results.map((r) => r.externalId ?? r.id) })
      progress(`query ${i + 1} of ${queries.length}`)
    }
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K')
    report(engine.name, JSON.parse(placementsText).length as number, dir, outcomes)
    if (process.argv.includes('--details')) details(outcomes)
  } finally {
    if (engine instanceof MeilisearchEngine) await engine.deleteIndex().catch(() => {})
    await database.dispose()
  }
}

function report(engineName: string, placements: number, dir: string, outcomes: Outcome[]) {
  const lines = [`Search benchmark: engine ${engineName}, ${placements} placements, ${outcomes.length} queries (${dir})`, '']
  const row = (...cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(15) : c.padStart(i === 1 ? 8 : 12))).join('')
  lines.push(row('kind', 'queries', 'nDCG@10', 'nDCG@10 exp', 'recall@20', 'violations', 'p50 ms', 'p95 ms'))
  const fmt = (n: number, digits = 3) => (Number.isNaN(n) ? '–' : n.toFixed(digits))
  const missed: string[] = []
  for (const kind of ['text', 'typo', 'match', 'all'] as const) {
    const set = outcomes.filter((o) => kind === 'all' || o.query.kind === kind)
    const ndcg = kind === 'all' ? Number.NaN : mean(set.map((o) => ndcgAt(o.ranked, o.query.grades, 10)))
    const ndcgExp = kind === 'all' ? Number.NaN : mean(set.map((o) => ndcgAt(o.ranked, o.query.grades, 10, 'exponential')))
    const recalls = set.map((o) => recallAt(o.ranked, o.query.grades, 20)).filter((r): r is number => r !== null)
    const bad = set.flatMap((o) => (o.query.kind === 'match' ? violations(o.ranked, o.query.allowed) : []))
    const ms = set.map((o) => o.ms)
    const recall = mean(recalls)
    lines.push(row(kind, String(set.length), fmt(ndcg), fmt(ndcgExp), fmt(recall), kind === 'text' || kind === 'typo' ? '–' : String(bad.length), fmt(percentile(ms, 50), 1), fmt(percentile(ms, 95), 1)))
    if (kind !== 'all' && ndcg < TARGETS[kind]) missed.push(`nDCG@10 ${kind} ${fmt(ndcg)} < ${TARGETS[kind]}`)
    if (kind === 'all' && recall < 1) missed.push(`recall@20 ${fmt(recall)} < 1`)
    if (kind === 'all' && bad.length > 0) missed.push(`${bad.length} constraint violations`)
  }
  lines.push(...subkindRows(outcomes, row, fmt))
  lines.push('', 'nDCG@10 with gain = grade; "exp" with gain = 2^grade − 1. Latency: one client, sequential, after a warm-up.')
  lines.push(`Targets (nDCG@10 text ≥ ${TARGETS.text}, typo ≥ ${TARGETS.typo}, match ≥ ${TARGETS.match}, recall@20 = 1, 0 violations): ${missed.length === 0 ? 'met' : `missed: ${missed.join('; ')}`}`)
  process.stdout.write(`${lines.join('\n')}\n`)
}

/**
 * The vocabulary set (vocab-dev) tags its text queries with a `subkind` (colloquial, sector …): one row per
 * subkind with the issue's targets (nDCG@10 ≥ 0.80 per subkind, ≥ 0.90 over all of them, recall@20 ≥ 0.95).
 */
function subkindRows(outcomes: Outcome[], row: (...cells: string[]) => string, fmt: (n: number) => string): string[] {
  const tagged = outcomes.filter((o) => o.query.kind !== 'match' && o.query.subkind)
  if (tagged.length === 0) return []
  const subkindOf = (o: Outcome) => (o.query.kind === 'match' ? '' : (o.query.subkind ?? ''))
  const lines = ['', row('subkind', 'queries', 'nDCG@10', 'recall@20')]
  const missed: string[] = []
  for (const subkind of [...new Set(tagged.map(subkindOf)), 'all']) {
    const set = tagged.filter((o) => subkind === 'all' || subkindOf(o) === subkind)
    const ndcg = mean(set.map((o) => ndcgAt(o.ranked, o.query.grades, 10)))
    const recall = mean(set.map((o) => recallAt(o.ranked, o.query.grades, 20)).filter((r): r is number => r !== null))
    lines.push(row(subkind, String(set.length), fmt(ndcg), fmt(recall)))
    const target = subkind === 'all' ? 0.9 : 0.8
    if (ndcg < target) missed.push(`nDCG@10 ${subkind} ${fmt(ndcg)} < ${target}`)
    if (subkind === 'all' && recall < 0.95) missed.push(`recall@20 ${fmt(recall)} < 0.95`)
  }
  lines.push(`Vocabulary targets (nDCG@10 ≥ 0.90 over all, ≥ 0.80 per subkind, recall@20 ≥ 0.95): ${missed.length === 0 ? 'met' : `missed: ${missed.join('; ')}`}`)
  return lines
}

/** `--details`: every query below nDCG@10 = 1, with the grades of its first ten results. */
function details(outcomes: Outcome[]) {
  const lines = ['', 'Queries below nDCG@10 = 1 (grades of the first ten results):']
  for (const { query, ranked } of outcomes) {
    const ndcg = ndcgAt(ranked, query.grades, 10)
    if (ndcg >= 1) continue
    const text = query.kind === 'match' ? JSON.stringify(query.profile.occupations) : JSON.stringify(query.q)
    const subkind = query.kind === 'match' ? '' : (query.subkind ?? '')
    lines.push(`${query.id} ${query.kind}${subkind ? `/${subkind}` : ''} ${text}: ${ndcg.toFixed(3)} [${ranked.slice(0, 10).map((id) => query.grades[id] ?? 0).join(' ')}]`)
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}

function progress(message: string) {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${message}`)
}

main().catch((error) => {
  process.stderr.write(`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
