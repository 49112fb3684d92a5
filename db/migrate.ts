import { fileURLToPath } from 'node:url'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import type postgres from 'postgres'
import type { Database, Tx } from './client'

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

// Any fixed number: it only has to be the same in every process that may migrate at the same time.
const MIGRATION_LOCK = 7_371_001

/**
 * Applies pending migrations, then runs `after` (reference data, seed) in one transaction, all while holding
 * an advisory lock, so several web and worker processes starting together on one Postgres do the work once.
 */
export async function migrateDatabase(database: Database, after?: (tx: Tx) => Promise<void>) {
  const client = (database as unknown as { $client: postgres.Sql }).$client
  const lock = await client.reserve()
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK})`
    await migrate(database, { migrationsFolder, migrationsSchema: 'drizzle' })
    if (after) await database.transaction(after)
  } finally {
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {})
    lock.release()
  }
}

/** The migrations this code applies, as drizzle records them in drizzle.__drizzle_migrations (created_at, hash). */
export function migrationsOfThisVersion(): { createdAt: number; hash: string }[] {
  return readMigrationFiles({ migrationsFolder }).map((m) => ({ createdAt: m.folderMillis, hash: m.hash }))
}
