import { BackupError } from './errors'
import type { Versions } from './manifest'
import type { Queryable } from './sql'

/**
 * What made a database's schema: the migrations drizzle recorded (schema `drizzle`, db/migrate.ts) and the
 * schema version of pg-boss (schema `pgboss`, core/jobs.ts). A backup is only restored by code that makes
 * the same schema, since rows are loaded into tables this code creates.
 */
export async function readVersions(sql: Queryable): Promise<Versions> {
  const [present] = (await sql.unsafe(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as migrations, to_regclass('pgboss.version') is not null as jobs`,
  )) as unknown as { migrations: boolean; jobs: boolean }[]
  if (!present?.migrations || !present.jobs) throw new BackupError('This database has no Stapsteen migrations or job queue: it is not a Stapsteen database.')
  const migrations = (await sql.unsafe(`select created_at::text as "createdAt", hash from drizzle.__drizzle_migrations order by created_at`)) as unknown as {
    createdAt: string
    hash: string
  }[]
  const [jobs] = (await sql.unsafe(`select max(version) as version from pgboss.version`)) as unknown as { version: number | null }[]
  return { migrations: migrations.map((m) => ({ createdAt: Number(m.createdAt), hash: m.hash })), jobQueueSchema: jobs?.version ?? 0 }
}

const NEEDS_SAME_VERSION = 'restore with the Stapsteen version that made the backup, then start the newer one'

/** One sentence when the backup's schema was made by other code than this, else nothing. */
export function assertSameVersions(backup: Versions, here: Versions) {
  const theirs = backup.migrations
  const ours = here.migrations
  const firstDifferent = theirs.findIndex((m, i) => ours[i]?.createdAt !== m.createdAt || ours[i]?.hash !== m.hash)
  if (theirs.length !== ours.length || firstDifferent >= 0) {
    const detail =
      theirs.length !== ours.length
        ? `the backup has ${theirs.length} migrations applied, this version ${ours.length}`
        : `migration ${firstDifferent + 1} differs`
    throw new BackupError(`This backup was made by a Stapsteen version with other database migrations (${detail}): ${NEEDS_SAME_VERSION}.`)
  }
  if (backup.jobQueueSchema !== here.jobQueueSchema) {
    throw new BackupError(
      `This backup was made by a Stapsteen version with another job queue schema (pg-boss schema ${backup.jobQueueSchema} in the backup, ${here.jobQueueSchema} here): ${NEEDS_SAME_VERSION}.`,
    )
  }
}

export function structureMismatch(difference: string) {
  return new BackupError(`The backup's tables differ from the ones this Stapsteen version creates (${difference}): ${NEEDS_SAME_VERSION}.`)
}
