import os from 'node:os'
import type { Outcome } from './load'
import { percentile } from './metrics'

/**
 * The latency benchmark's report: per corpus size the p95 of the empty route (what HTTP, Express and the machine
 * cost by themselves) and of an API request that stops after its token check (what the API costs without a
 * search) next to search and match p50/p95; what a request costs the machine in CPU; the growth from the smallest
 * to the largest size; the targets of issue 4.
 */
export type Kind = 'empty' | 'api' | 'search' | 'match'
export type Cost = { server: number; postgres: number }
export type SizeResult = {
  size: number
  via: Record<'search' | 'match', 'HTTP' | 'port'>
  outcomes: Record<Kind, Outcome | null>
  /** The same questions with each client waiting between requests (null: --pace 0). */
  paced: Record<(typeof KINDS)[number], Outcome | null>
  /** Milliseconds of CPU per request of the server process and of PostgreSQL (null where it cannot be measured). */
  cpu: Record<Kind, Cost | null>
}

const TARGET_P95: Record<number, number> = { 10_000: 20, 100_000: 50 }
const TARGET_GROWTH = 3
const KINDS = ['search', 'match'] as const

const values = (outcome: Outcome | null) => outcome?.samples.map((s) => s.ms) ?? []
const ms = (outcome: Outcome | null, p: number) => {
  const value = percentile(values(outcome), p)
  return Number.isNaN(value) ? '–' : value.toFixed(1)
}
const p95 = (outcome: Outcome | null) => percentile(values(outcome), 95)
const thousands = (n: number) => n.toLocaleString('en')

export function report(results: SizeResult[], options: { clients: number; requests: number; paceMs: number; details: boolean }): string {
  const cpu = os.cpus()
  const lines = [
    `Latency benchmark: embedded engine, ${options.clients} concurrent clients, ${options.requests} requests per kind and size`,
    `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
    '',
  ]
  const row = (...cells: string[]) => cells.map((c, i) => (i === 0 ? c.padStart(10) : c.padStart(12))).join('')
  lines.push(row('placements', 'empty p95', 'API p95', 'search p50', 'search p95', 'match p50', 'match p95', 'errors'))
  for (const { size, outcomes } of results) {
    const errors = Object.values(outcomes).reduce((n, o) => n + (o?.errors.length ?? 0), 0)
    lines.push(row(thousands(size), ms(outcomes.empty, 95), ms(outcomes.api, 95), ms(outcomes.search, 50), ms(outcomes.search, 95), ms(outcomes.match, 50), ms(outcomes.match, 95), String(errors)))
  }
  lines.push('', 'CPU per request in ms (server process + PostgreSQL) and requests per second:', '')
  lines.push(row('placements', 'API', 'search', 'match', 'search/s', 'match/s'))
  for (const { size, outcomes, cpu: cost } of results) {
    const used = (kind: Kind) => (cost[kind] ? `${cost[kind].server.toFixed(1)}+${cost[kind].postgres.toFixed(1)}` : '–')
    const rate = (outcome: Outcome | null) => (outcome ? (outcome.samples.length / outcome.seconds).toFixed(0) : '–')
    lines.push(row(thousands(size), used('api'), used('search'), used('match'), rate(outcomes.search), rate(outcomes.match)))
  }
  if (results.some((r) => r.paced.search || r.paced.match)) {
    lines.push('', `At a person's pace: each of the ${options.clients} clients waits about ${options.paceMs} ms (0.5–1.5×) between requests:`, '')
    lines.push(row('placements', 'search p50', 'search p95', 'match p50', 'match p95', 'requests/s'))
    for (const { size, paced } of results) {
      const rate = [paced.search, paced.match].reduce((sum, o) => sum + (o ? o.samples.length / o.seconds : 0), 0) / 2
      lines.push(row(thousands(size), ms(paced.search, 50), ms(paced.search, 95), ms(paced.match, 50), ms(paced.match, 95), rate.toFixed(0)))
    }
  }
  lines.push(
    '',
    'Latency: from sending a request to having read its whole answer, measured by the client. Empty route: GET /healthz.',
    'API: GET /api/v1/placements/search?limit=0 with a token — checked and answered 400 before any search. With 20',
    'clients on 2 cores a request waits about 10 × the CPU a request costs (server, PostgreSQL and this client).',
    `Load average at the end: ${os.loadavg().map((n) => n.toFixed(1)).join(', ')} (other processes on the machine slow every figure but CPU).`,
  )
  const via = results[0]?.via
  if (via?.search === 'port' || via?.match === 'port') lines.push('Measured through the search port in-process, without HTTP (the API route does not exist yet): ' + KINDS.filter((k) => via[k] === 'port').join(', '))
  lines.push(...verdict(results))
  if (options.details) lines.push('', ...details(results))
  return `${lines.join('\n')}\n`
}

function verdict(results: SizeResult[]): string[] {
  const first = results[0]
  const last = results.at(-1)
  const lines: string[] = []
  const missed: string[] = []
  if (first && last && last !== first) {
    const growth = (kind: Kind) => p95(last.outcomes[kind]) / p95(first.outcomes[kind])
    lines.push(`Growth of p95 from ${thousands(first.size)} to ${thousands(last.size)}: search ${growth('search').toFixed(2)}×, match ${growth('match').toFixed(2)}×, empty ${growth('empty').toFixed(2)}×`)
    for (const kind of KINDS) if (growth(kind) > TARGET_GROWTH) missed.push(`${kind} grows ${growth(kind).toFixed(2)}× > ${TARGET_GROWTH}×`)
  }
  for (const { size, outcomes } of results) {
    const target = TARGET_P95[size]
    for (const kind of KINDS) if (target && p95(outcomes[kind]) > target) missed.push(`${kind} p95 ${p95(outcomes[kind]).toFixed(1)} ms > ${target} ms at ${thousands(size)}`)
    const errors = Object.values(outcomes).flatMap((o) => o?.errors ?? [])
    if (errors.length > 0) missed.push(`${errors.length} failed requests at ${thousands(size)} (first: ${errors[0]})`)
  }
  // Met only when every target was measured: 10,000 and 100,000 placements, and growth from 1,000.
  const measured = Object.keys(TARGET_P95).every((size) => results.some((r) => r.size === Number(size))) && first?.size === 1_000
  const outcome = missed.length > 0 ? `missed: ${missed.join('; ')}` : measured ? 'met' : 'not all measured (run 1000,10000,100000)'
  lines.push(`Targets (p95 ≤ 20 ms at 10,000 and ≤ 50 ms at 100,000; ≤ ${TARGET_GROWTH}× growth): ${outcome}`)
  return lines
}

/** `--details`: p50/p95 per kind of question, to see which ones are slow. */
function details(results: SizeResult[]): string[] {
  const lines = ['Per kind of question (count, p50 ms, p95 ms):']
  for (const { size, outcomes } of results) {
    lines.push(`  ${thousands(size)} placements`)
    for (const kind of KINDS) {
      const samples = outcomes[kind]?.samples ?? []
      for (const category of [...new Set(samples.map((s) => s.category))].sort()) {
        const times = samples.filter((s) => s.category === category).map((s) => s.ms)
        const at = (p: number) => percentile(times, p).toFixed(1)
        lines.push(`    ${category.padEnd(28)}${String(times.length).padStart(6)}${at(50).padStart(9)}${at(95).padStart(9)}`)
      }
    }
  }
  return lines
}
