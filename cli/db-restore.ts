import { createRequire } from 'node:module'
import path from 'node:path'
import { restoreBackup } from '#db/backup/restore'
import { BackupError } from '#db/backup/errors'
import { closeDatabase, connectDatabase } from '#db/client'
import { migrateDatabase, migrationsOfThisVersion } from '#db/migrate'
import { parseEnv, setEnv } from '#core/env'
import { startJobQueue, stopJobQueue } from '#core/jobs'
import { CommandError, runCommandWithoutDatabase, UsageError } from './command'

/**
 * `npm run db:restore -- DIR`: restores a backup made by `db:backup` into DATA_DIR, which must be new or empty
 * (checked before anything is created there). The restored database is checked table by table against the
 * backup's row counts and checksums and then stopped; `npm start` on that DATA_DIR serves it.
 */
const usage = 'npm run db:restore -- DIR'
const number = (n: number) => n.toLocaleString('en-US')

// The pg-boss schema version this code creates (pgboss.version); pg-boss publishes it next to its package.json.
const jobQueueSchema = (createRequire(import.meta.url)('pg-boss/version.json') as { schema: number }).schema

await runCommandWithoutDatabase(usage, {}, async ({ positionals }) => {
  if (positionals.length !== 1) throw new UsageError('Give exactly one DIR, a folder written by npm run db:backup.')
  const config = parseEnv()
  setEnv(config)
  if (config.DATABASE_URL) {
    throw new CommandError('db:restore restores into the embedded database of an empty DATA_DIR; unset DATABASE_URL, or restore an external PostgreSQL with pg_restore (README, Backups).')
  }
  const dir = path.resolve(positionals[0]!)
  try {
    const result = await restoreBackup({
      dir,
      dataDir: config.DATA_DIR,
      versions: { migrations: migrationsOfThisVersion(), jobQueueSchema },
      // This code's schema, made the way `npm start` makes it; the rows then come from the backup.
      createSchema: async (url) => {
        await migrateDatabase(connectDatabase(url, { max: 2 }))
        await startJobQueue(url, { worker: false })
        await stopJobQueue()
        await closeDatabase()
      },
      log: (line) => process.stderr.write(`${line}\n`),
    })
    process.stdout.write(`restored ${number(result.tables)} tables, ${number(result.rows)} rows into ${config.DATA_DIR}; every table's row count and checksum match the backup\n`)
  } catch (error) {
    if (error instanceof BackupError) throw error.aboutArgument ? new UsageError(error.message) : new CommandError(error.message)
    throw error
  }
})
