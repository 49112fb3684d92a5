import os from 'node:os'
import { percentile } from './metrics'
import type { PageResult, TableResult } from './stats-measure'

/**
 * The dashboard benchmark's report (markdown, so it can go into docs/benchmarks.md as it is): the machine, the data
 * volumes, per page p50/p95/max against the target of issue 14 (p95 ≤ 300 ms), and one line that says MET or
 * MISSED with the pages that missed it.
 */
export const TARGET_P95_MS = 300

export type Run = {
  date: string
  postgres: string
  counts: Record<string, number>
  generateSeconds: number
  measureSeconds: number
  warmUp: number
  iterations: number
  region: string
}

const ms = (value: number) => value.toFixed(1)

export function machine(): string {
  const cpus = os.cpus()
  const [one, five] = os.loadavg()
  return (
    `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ` +
    `Node ${process.version}, load average ${one!.toFixed(1)} / ${five!.toFixed(1)} (1 / 5 min)`
  )
}

export function report(results: PageResult[], tables: TableResult[], run: Run, machineLine = machine()): string {
  const lines = [
    `Dashboard benchmark (npm run bench:stats), ${run.date}`,
    `Machine: ${machineLine}`,
    `Database: ${run.postgres}`,
    `Data: ${Object.entries(run.counts).map(([table, n]) => `${table} ${n.toLocaleString('en')}`).join(', ')}`,
    `Generated in ${run.generateSeconds.toFixed(0)} s; measured in ${run.measureSeconds.toFixed(0)} s (${run.warmUp} unmeasured + ${run.iterations} measured calls per page, one at a time; regional admin of ${run.region})`,
    '',
    '| page | viewer | p50 ms | p95 ms | max ms | p95 ≤ 300 ms |',
    '|---|---|---|---|---|---|',
  ]
  const missed: PageResult[] = []
  for (const result of results) {
    const p95 = percentile(result.samples, 95)
    const met = p95 <= TARGET_P95_MS
    if (!met) missed.push(result)
    lines.push(`| ${result.path} | ${result.viewer} | ${ms(percentile(result.samples, 50))} | ${ms(p95)} | ${ms(Math.max(...result.samples))} | ${met ? 'met' : '**MISSED**'} |`)
  }
  lines.push('')
  lines.push(
    missed.length === 0
      ? `Target p95 ≤ ${TARGET_P95_MS} ms: MET on all ${results.length} pages.`
      : `Target p95 ≤ ${TARGET_P95_MS} ms: MISSED on ${missed.length} of ${results.length} pages: ${missed.map((r) => `${r.path} (${r.viewer})`).join(', ')}.`,
  )
  lines.push('', `Per table, the regional admin's year (its three slices one after another), slowest first:`, '', '| table | section | p50 ms | p95 ms | max ms |', '|---|---|---|---|---|')
  const byP95 = [...tables].sort((a, b) => percentile(b.samples, 95) - percentile(a.samples, 95))
  for (const table of byP95) {
    lines.push(`| ${table.id} | ${table.section} | ${ms(percentile(table.samples, 50))} | ${ms(percentile(table.samples, 95))} | ${ms(Math.max(...table.samples))} |`)
  }
  return `${lines.join('\n')}\n`
}
