import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { brusselsDate } from '#domain/intake-working-days'
import { logger, logToStderr } from '#core/logger'
import { throwawayDatabase } from './database'
import { generateStatsData } from './stats-data'
import { measurePages, measureTables } from './stats-measure'
import { report } from './stats-report'

/**
 * `npm run bench:stats [-- --intakes 100000 --placements 100000 --iterations 30 --warm-up 3 --region REFREGxx]`:
 * fills a throwaway database (bench/database.ts) with intakes, placements, proposals, clients and trajectories
 * (bench/stats-data.ts) and times every page of the regional dashboard and the public /cijfers page
 * (bench/stats-measure.ts) against issue 14's target, p95 ≤ 300 ms. It reports; it does not fail: the exit code
 * is 0 when the target is missed (the report says MISSED), 1 only when it could not measure. By default the
 * regional admin looks at the region with the most intakes. Progress on stderr, the report (markdown) on stdout.
 */
async function main() {
  const options = parseArguments(process.argv.slice(2))
  logToStderr()
  logger().level = process.env.LOG_LEVEL ?? 'warn'
  const today = brusselsDate()
  process.stderr.write('starting a throwaway database…\n')
  const database = await throwawayDatabase()
  try {
    process.stderr.write(`generating ${options.intakes.toLocaleString('en')} intakes and ${options.placements.toLocaleString('en')} placements…\n`)
    let started = performance.now()
    const counts = await generateStatsData(database.db, { intakes: options.intakes, placements: options.placements }, today)
    const generateSeconds = (performance.now() - started) / 1000
    const region = options.region ?? (await busiestRegion(database.db))
    started = performance.now()
    const measuring = { region, today, warmUp: options.warmUp, iterations: options.iterations }
    const results = await measurePages(measuring, (line) => process.stderr.write(`${line}\n`))
    process.stderr.write('each table on its own…\n')
    const tables = await measureTables(measuring)
    const measureSeconds = (performance.now() - started) / 1000
    const [version] = await database.db.execute<{ v: string }>(sql`select current_setting('server_version') || ', shared_buffers ' || current_setting('shared_buffers') as v`)
    process.stdout.write(
      report(results, tables, { date: today, postgres: `PostgreSQL ${version!.v}`, counts, generateSeconds, measureSeconds, warmUp: options.warmUp, iterations: options.iterations, region }),
    )
  } finally {
    await database.dispose()
  }
}

async function busiestRegion(db: Awaited<ReturnType<typeof throwawayDatabase>>['db']): Promise<string> {
  const [row] = await db.execute<{ code: string }>(
    sql`select m.region_code as code from intakes i join municipalities m on m.nis = i.municipality_nis group by 1 order by count(*) desc, 1 limit 1`,
  )
  return row?.code ?? 'REFREG13'
}

type Options = { intakes: number; placements: number; iterations: number; warmUp: number; region?: string }

function parseArguments(args: string[]): Options {
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`)
    return i >= 0 ? args[i + 1] : undefined
  }
  const number = (name: string, fallback: number, min = 1) => {
    const text = value(name)
    const n = text === undefined ? fallback : Number(text)
    if (!Number.isInteger(n) || n < min) usage(`--${name}: not a whole number of at least ${min}: ${text}`)
    return n
  }
  const region = value('region')
  if (args.includes('--region') && !/^REFREG\d\d$/.test(region ?? '')) usage('--region: a reference region code such as REFREG13')
  return {
    intakes: number('intakes', 100_000),
    placements: number('placements', 100_000),
    iterations: number('iterations', 30),
    warmUp: number('warm-up', 3, 0),
    region,
  }
}

function usage(problem: string): never {
  process.stderr.write(`${problem}\nUsage: npm run bench:stats -- [--intakes 100000] [--placements 100000] [--iterations 30] [--warm-up 3] [--region REFREGxx]\n`)
  process.exit(2)
}

main().catch((error) => {
  process.stderr.write(`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
