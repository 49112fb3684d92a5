import os from 'node:os'
import type { Outcome } from './load'
import { percentile } from './metrics'

/**
 * The latency benchmark's report: per corpus size the p95 of the empty route (what HTTP, Express and the machine
 * cost by themselves) next to search and match p50/p95, the growth from the smallest to the largest size, and
 * the targets of issue 4.
 */
export type Kind = 'empty' | 'search' | 'match'
export type SizeResult = { size: number; via: Record<Kind, 'HTTP' | 'port'>; outcomes: Record<Kind, Outcome> }

const TARGET_P95: Record<number, number> = { 10_000: 20, 100_000: 50 }
const TARGET_GROWTH = 3

const ms = (values: number[], p: number) => {
  const value = percentile(values, p)
  return Number.isNaN(value) ? '–' : value.toFixed(1)
}
const p95 = (outcome: Outcome) => percentile(outcome.samples.map((s) => s.ms), 95)

export function report(results: SizeResult[], options: { clients: number; requests: number; details: boolean }): string {
  const cpu = os.cpus()
  const lines = [
    `Latency benchmark: embedded engine, ${options.clients} concurrent clients, ${options.requests} requests per kind and size`,
    `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
    '',
  ]
  const row = (...cells: string[]) => cells.map((c, i) => (i === 0 ? c.padStart(10) : c.padStart(i === 1 ? 11 : 12))).join('')
  lines.push(row('placements', 'empty p95', 'search p50', 'search p95', 'match p50', 'match p95', 'search/s', 'match/s', 'errors'))
  for (const { size, outcomes } of results) {
    const values = (kind: Kind) => outcomes[kind].samples.map((s) => s.ms)
    const rate = (kind: Kind) => (outcomes[kind].samples.length / outcomes[kind].seconds).toFixed(0)
    const errors = outcomes.empty.errors.length + outcomes.search.errors.length + outcomes.match.errors.length
    lines.push(row(size.toLocaleString('en'), ms(values('empty'), 95), ms(values('search'), 50), ms(values('search'), 95), ms(values('match'), 50), ms(values('match'), 95), rate('search'), rate('match'), String(errors)))
  }
  lines.push('', 'Milliseconds from sending a request to having read its whole answer, measured by the client.')
  const via = results[0]?.via
  if (via) lines.push(`Search measured via ${via.search === 'HTTP' ? 'GET /api/v1/placements/search' : 'the search port in-process (no API route yet)'}, match via ${via.match === 'HTTP' ? 'POST /api/v1/match' : 'the search port in-process (no API route yet)'}; empty route: GET /healthz.`)
  const first = results[0]
  const last = results.at(-1)
  const missed: string[] = []
  if (first && last && last !== first) {
    const growth = (kind: Kind) => p95(last.outcomes[kind]) / p95(first.outcomes[kind])
    lines.push(`Growth of p95 from ${first.size.toLocaleString('en')} to ${last.size.toLocaleString('en')}: search ${growth('search').toFixed(2)}×, match ${growth('match').toFixed(2)}×, empty ${growth('empty').toFixed(2)}×`)
    for (const kind of ['search', 'match'] as const) if (growth(kind) > TARGET_GROWTH) missed.push(`${kind} grows ${growth(kind).toFixed(2)}× > ${TARGET_GROWTH}×`)
  }
  for (const { size, outcomes } of results) {
    const target = TARGET_P95[size]
    for (const kind of ['search', 'match'] as const) if (target && p95(outcomes[kind]) > target) missed.push(`${kind} p95 ${p95(outcomes[kind]).toFixed(1)} ms > ${target} ms at ${size.toLocaleString('en')}`)
    const errors = [...outcomes.empty.errors, ...outcomes.search.errors, ...outcomes.match.errors]
    if (errors.length > 0) missed.push(`${errors.length} failed requests at ${size.toLocaleString('en')} (first: ${errors[0]})`)
  }
  lines.push(`Targets (p95 ≤ 20 ms at 10,000 and ≤ 50 ms at 100,000; ≤ ${TARGET_GROWTH}× growth): ${missed.length === 0 ? 'met' : `missed: ${missed.join('; ')}`}`)
  if (options.details) lines.push('', ...details(results))
  return `${lines.join('\n')}\n`
}

/** `--details`: p50/p95 per kind of question, to see which ones are slow. */
function details(results: SizeResult[]): string[] {
  const lines = ['Per kind of question (count, p50 ms, p95 ms):']
  for (const { size, outcomes } of results) {
    lines.push(`  ${size.toLocaleString('en')} placements`)
    for (const kind of ['search', 'match'] as const) {
      const categories = [...new Set(outcomes[kind].samples.map((s) => s.category))].sort()
      for (const category of categories) {
        const values = outcomes[kind].samples.filter((s) => s.category === category).map((s) => s.ms)
        lines.push(`    ${category.padEnd(28)}${String(values.length).padStart(6)}${ms(values, 50).padStart(9)}${ms(values, 95).padStart(9)}`)
      }
    }
  }
  return lines
}
