import { sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { DataDirBusyError, type OwnerKind } from '#db/embedded'
import type { DemoLogin } from '#db/seed/demo'
import { ConfigError, env, isPublicPortal, parseEnv, setEnv } from '#core/env'
import { startJobQueue, stopJobQueue } from '#core/jobs'
import { logger } from '#core/logger'
import { openDatabase } from './runtime'

/**
 * What every process does before its real work: validate configuration, get a database, start the job queue,
 * bring the schema and reference data up to date (and, for the web server on an empty database, seed the demo).
 * A process that `serves` (web server, worker) of a public portal refuses a database with demo accounts.
 * The queue starts before the migrations because writes enqueue their jobs (mail, search index) in their own
 * transaction — the demo seed's placements too. The queue works jobs when `worker` (default RUN_WORKER) says so.
 * `close` stops the queue, then the database.
 */
export async function boot(kind: OwnerKind, options: { seed: boolean; worker?: boolean; serves?: boolean }) {
  setEnv(parseEnv())
  // Each step's milliseconds, logged once: where a slow start spends its time (npm run bench:start prints them).
  const steps: Record<string, number> = {}
  let since = performance.now()
  const step = (name: string) => {
    steps[name] = Math.round(performance.now() - since)
    since = performance.now()
  }
  // Loaded while PostgreSQL starts (another process) rather than before it: the migrator, the reference loader and
  // the demo seed with its factories are a good part of the server's own modules.
  const modules = Promise.all([import('#db/migrate'), import('#db/reference/load'), import('#db/seed/demo'), import('#db/demo/remove')])
  modules.catch(() => {}) // awaited below, once the database is up
  const database = await openDatabase(kind)
  step('database')
  let boss: Awaited<ReturnType<typeof startJobQueue>>
  try {
    await probe(database.db, database.url)
    boss = await startJobQueue(database.url, { worker: options.worker ?? env().RUN_WORKER })
  } catch (error) {
    await database.close()
    throw error
  }
  step('jobQueue')
  const close = async () => {
    await stopJobQueue()
    await database.close()
  }
  let demoLogins: DemoLogin[] | undefined
  try {
    const [{ migrateDatabase }, { loadReferenceData }, { seedDemoIfEmpty }, { countDemoAccounts }] = await modules
    step('modules')
    await migrateDatabase(database.db, async (tx) => {
      step('migrations')
      await loadReferenceData(tx)
      step('referenceData')
      if (options.seed && env().SEED_DEMO) demoLogins = await seedDemoIfEmpty(tx)
    })
    step('demoSeed')
    if (options.serves && isPublicPortal(env())) await refuseDemoData(await countDemoAccounts(database.db))
  } catch (error) {
    await close()
    throw error
  }
  // A command's output is for its operator (a usage error must be its first line): the steps only at debug level there.
  logger()[kind === 'command' ? 'debug' : 'info']({ steps }, 'booted')
  return { ...database, boss, close, demoLogins }
}

/** A public portal (web server or worker) never runs on a database with demo accounts; commands may (demo:remove). */
function refuseDemoData(accounts: number) {
  if (accounts === 0) return
  throw new ConfigError(
    `This database holds ${accounts} demo account${accounts === 1 ? '' : 's'}, and a public portal (PUBLIC_URL=${env().PUBLIC_URL}) never starts with demo data: remove it with \`npm run demo:remove\` and start again.`,
  )
}

async function probe(database: Database, url: string) {
  try {
    await database.execute(sql`select 1`)
  } catch (error) {
    const where = new URL(url)
    // drizzle wraps the driver's error ("Failed query: select 1 …"); the reason a person can act on is its cause.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new ConfigError(
      `Cannot reach PostgreSQL at ${where.hostname}:${where.port || 5432}${where.pathname} (${reason}). Check DATABASE_URL, or unset it to use the embedded database.`,
    )
  }
}

/** Errors a user can fix get one clear sentence; anything else is a bug and keeps its stack. */
export function exitOnStartupError(error: unknown): never {
  if (error instanceof ConfigError || error instanceof DataDirBusyError) {
    process.stderr.write(`\n${error.message}\n\n`)
  } else {
    process.stderr.write(`\nStapsteen could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  }
  process.exit(1)
}
