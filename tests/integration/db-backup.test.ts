import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newSecret } from '#core/crypto.server'
import type { Database } from '#db/client'
import * as schema from '#db/schema'
import { organisations } from '#db/schema'
import { backupDatabase } from '#db/backup/backup'
import { BackupError } from '#db/backup/errors'
import { restoreBackup } from '#db/backup/restore'
import { type EmbeddedDatabase, startEmbeddedPostgres } from '#db/embedded'
import { migrateDatabase, migrationsOfThisVersion } from '#db/migrate'
import { audit } from '#db/queries/audit'
import { loadReferenceData } from '#db/reference/load'
import { createClient, createEmployer, createOrganisation, createUser } from '#db/seed/factories'
import { sendEmail } from '#emails/send.server'
import { startJobQueue, stopJobQueue } from '#core/jobs'
import { type CommandResult, runCommand } from '#tests/support/run-command'

/**
 * `npm run db:backup` and `db:restore` as an operator runs them, on an embedded PostgreSQL of this file's own
 * (a temp DATA_DIR, started here as `npm start` would): a backup taken while a writer keeps committing restores
 * into a fresh DATA_DIR that starts, with every table's rows equal to the backup's snapshot. The checks below
 * compute counts and checksums themselves; they never take the restore's word for it.
 */
let root: string
let sourceDir: string
let source: EmbeddedDatabase
let sourceSql: postgres.Sql

// The commands work on DATA_DIR's embedded database, never on the test database of DATABASE_URL.
const embedded = (dataDir: string) => ({ DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' })
const backup = (dir: string, env: Record<string, string> = embedded(sourceDir)) => runCommand('cli/db-backup.ts', [dir], env)
const restore = (dir: string, dataDir: string) => runCommand('cli/db-restore.ts', [dir], embedded(dataDir))

/** Checksums compare row text, which depends on these settings (the same ones ADR 0010 names). */
const connect = (url: string) =>
  postgres(url, {
    max: 2,
    onnotice: () => {},
    connection: { TimeZone: 'UTC', DateStyle: 'ISO, YMD', IntervalStyle: 'postgres', extra_float_digits: '1', bytea_output: 'hex' },
  })

type TableName = { schema: string; name: string; partitioned: boolean; columns: string[] }

/** Every table with rows of its own (partitions count with their parent), from the catalog, not the manifest. */
async function tablesOf(sql: postgres.Sql): Promise<TableName[]> {
  return sql<TableName[]>`
    select n.nspname as schema, c.relname as name, c.relkind = 'p' as partitioned,
           array_agg(a.attname::text order by a.attnum) as columns
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relkind in ('r', 'p') and not c.relispartition and n.nspname in ('public', 'drizzle', 'pgboss')
    group by n.nspname, c.relname, c.relkind
    order by n.nspname, c.relname`
}

/**
 * Row count and checksum as ADR 0010 defines them: the sum over all rows of the first 64 bits of md5 of the row's
 * text (its columns in table order), as a signed bigint. `where` narrows the rows (e.g. to those in the snapshot).
 */
async function checksum(sql: postgres.Sql, table: TableName, where = 'true') {
  const q = (s: string) => `"${s}"`
  const row = `row(${table.columns.map((c) => `t.${q(c)}`).join(', ')})::text`
  const [result] = await sql.unsafe<{ rows: number; checksum: string }[]>(
    `select count(*)::int as rows, coalesce(sum(('x' || substr(md5(${row}), 1, 16))::bit(64)::bigint), 0)::text as checksum
     from ${table.partitioned ? '' : 'only '}${q(table.schema)}.${q(table.name)} t where ${where}`,
  )
  return result!
}

type Manifest = { tables: { schema: string; name: string; rows: number; checksum: string; file: string }[] }
const readManifest = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest

/** A refusal: the exit code, one sentence (plus the usage line for exit 2), no stack trace, nothing on stdout. */
function expectRefusal(result: CommandResult, code: 1 | 2, message: RegExp) {
  expect(result.code, result.stderr).toBe(code)
  const lines = result.stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('Usage: '))
  expect(lines, result.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(message)
  if (code === 2) expect(result.stderr).toContain('Usage: npm run db:')
  expect(result.stderr).not.toMatch(/^\s+at |Error:|\.ts:\d+/m)
  expect(result.stdout).toBe('')
}

/** The one row a query returns. */
async function one<T>(rows: Promise<T[]>): Promise<T> {
  const result = await rows
  expect(result).toHaveLength(1)
  return result[0]!
}

// What db:restore passes as this code's versions.
const thisVersion = {
  migrations: migrationsOfThisVersion(),
  jobQueueSchema: (createRequire(import.meta.url)('pg-boss/version.json') as { schema: number }).schema,
}

const listing = (dir: string) => fs.readdirSync(dir).sort()
const tempPath = (name: string) => path.join(root, name)

/** Commits, one transaction each, until told to stop: what a portal in use does while the backup runs. */
class Writer {
  committed = 0
  private stopped = false
  private done: Promise<void> | undefined

  constructor(
    private readonly db: Database,
    private readonly counterId: string,
  ) {}

  start() {
    this.done = (async () => {
      while (!this.stopped) {
        const i = this.committed + 1
        await this.db.transaction(async (tx) => {
          // An insert into two tables and an update of a third, in one transaction: in a consistent backup
          // all three show the same i.
          const organisation = await createOrganisation(tx, { slug: `writer-${i}`, type: 'employer' })
          await audit(tx, { actorUserId: null, action: 'backup-test.write', subjectType: 'organisation', subjectId: organisation.id, details: { i } })
          await tx.update(organisations).set({ name: `written ${i}` }).where(eq(organisations.id, this.counterId))
          // Now and then a mail: its outbox row and its delivery job commit together (ADR 0006).
          if (i % 10 === 0) {
            const token = newSecret()
            const resetUrl = `https://stapsteen.example.be/wachtwoord-nieuw?token=${token}`
            await sendEmail(tx, { to: `writer-${i}@example.test`, template: 'password-reset', props: { name: 'Writer', resetUrl }, secret: token })
          }
        })
        this.committed = i
        // A busy portal, not a benchmark: leave the backup some CPU.
        await new Promise((r) => setTimeout(r, 5))
      }
    })()
  }

  async until(count: number) {
    while (this.committed < count) {
      if (this.stopped) throw new Error('the writer stopped')
      await new Promise((r) => setTimeout(r, 20))
    }
  }

  async stop() {
    this.stopped = true
    await this.done
  }
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'stapsteen-backup-'))
  // Run as root, PostgreSQL runs as the OS user postgres, who must be able to reach the DATA_DIRs inside.
  fs.chmodSync(root, 0o755)
  sourceDir = tempPath('source')
  // The portal's database, owned by this process as `npm start` would own it; the commands borrow it.
  source = await startEmbeddedPostgres({ dataDir: sourceDir, kind: 'server' })
  sourceSql = connect(source.url)
  // As `npm start` prepares it: migrations and reference data, and the job queue (its schema and queues), which
  // mail enqueues through: pointed at this database for this file.
  await migrateDatabase(drizzle(sourceSql, { schema }), loadReferenceData)
  await startJobQueue(source.url, { worker: false })
}, 60_000)

afterAll(async () => {
  await stopJobQueue()
  await sourceSql?.end({ timeout: 5 })
  await source?.stop()
  fs.rmSync(root, { recursive: true, force: true })
})

describe('db:backup while the portal writes, then db:restore', () => {
  it('restores into a new DATA_DIR a database that starts, with every table equal to the snapshot', async () => {
    const db = drizzle(sourceSql, { schema })
    // A small database with real rows in many tables: reference data (migrated), organisations, users, an
    // employer with a site, a client.
    const counter = await db.transaction(async (tx) => {
      const ocmw = await createOrganisation(tx, { type: 'ocmw', slug: 'ocmw-backup', municipalities: ['44021'] })
      await createUser(tx, { organisationId: ocmw.id, role: 'caseworker', regions: ['REFREG13'] })
      await createEmployer(tx, { slug: 'bakkerij-backup' })
      await createClient(tx, { organisationId: ocmw.id })
      return createOrganisation(tx, { slug: 'writer-counter', name: 'written 0' })
    })

    const writer = new Writer(db, counter.id)
    writer.start()
    try {
      await writer.until(20)
      const before = writer.committed
      const dir = tempPath('backup')
      const result = await backup(dir)
      const atEnd = writer.committed
      await writer.until(atEnd + 5)
      await writer.stop()

      expect(result.code, result.stderr).toBe(0)
      expect(result.stdout).toMatch(new RegExp(`^backed up \\d+ tables, [\\d,]+ rows to ${dir}\\n$`))
      expect(result.stderr).toContain('public.audit_log: ')
      // It holds secrets: only its owner may read it.
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700)
      for (const file of listing(dir)) expect(fs.statSync(path.join(dir, file)).mode & 0o777, file).toBe(0o600)

      const restoredDir = tempPath('restored')
      const restored = await restore(dir, restoredDir)
      expect(restored.code, restored.stderr).toBe(0)
      expect(restored.stdout).toMatch(/^restored \d+ tables, [\d,]+ rows into .*; every table's row count and checksum match the backup\n$/)
      expect(listing(restoredDir)).toEqual(['postgres', 'postgres-credentials.json'])

      const manifest = readManifest(dir)
      const target = await startEmbeddedPostgres({ dataDir: restoredDir, kind: 'command' })
      const targetSql = connect(target.url)
      try {
        const tables = await tablesOf(targetSql)
        // The manifest lists every table there is, nothing more, nothing less.
        expect(manifest.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(tables.map((t) => `${t.schema}.${t.name}`))
        expect(tables.map((t) => `${t.schema}.${t.name}`)).toEqual((await tablesOf(sourceSql)).map((t) => `${t.schema}.${t.name}`))

        // The snapshot: the writer's transactions 1..k, all three of their writes, none of the later ones. It was
        // taken after the command started and the writer went on committing while the backup ran (k < atEnd).
        const { k } = await one(targetSql<{ k: number }[]>`select count(*)::int as k from organisations where slug like 'writer-%' and slug <> 'writer-counter'`)
        expect(k).toBeGreaterThanOrEqual(before)
        expect(k).toBeLessThan(atEnd)
        const slugs = await targetSql<{ slug: string }[]>`select slug from organisations where slug like 'writer-%' and slug <> 'writer-counter'`
        expect(slugs.map((s) => s.slug).sort()).toEqual(Array.from({ length: k }, (_, i) => `writer-${i + 1}`).sort())
        const entries = await targetSql<{ i: number }[]>`select (details->>'i')::int as i from audit_log where action = 'backup-test.write' order by 1`
        expect(entries.map((e) => e.i)).toEqual(Array.from({ length: k }, (_, i) => i + 1))
        const { name } = await one(targetSql<{ name: string }[]>`select name from organisations where id = ${counter.id}`)
        expect(name).toBe(`written ${k}`)

        // Every queued mail kept its delivery job, and every job its mail.
        const mails = await targetSql<{ id: string }[]>`select id from email_messages where status = 'queued' order by id`
        expect(mails).toHaveLength(Math.floor(k / 10))
        const jobs = await targetSql<{ id: string }[]>`select data->>'messageId' as id from pgboss.job where name = 'deliver-email' and state = 'created' order by 1`
        expect(jobs.map((j) => j.id)).toEqual(mails.map((m) => m.id))

        // Each table: the manifest's count and checksum, computed again here on the restored rows, and equal to
        // the source's rows as of the snapshot (the writer's later rows left out).
        const writtenBy = (text: string) => `case when ${text} ~ '^writer-[0-9]+' then substring(${text} from '^writer-([0-9]+)')::int <= ${k} else true end`
        const inSnapshot: Record<string, string> = {
          'public.organisations': `${writtenBy('slug')} and id <> '${counter.id}'`,
          'public.audit_log': `case when action = 'backup-test.write' then (details->>'i')::int <= ${k} else true end`,
          'public.email_messages': writtenBy('"to"'),
          'pgboss.job': `case when name = 'deliver-email' then data->>'messageId' in (select id::text from email_messages where ${writtenBy('"to"')}) else true end`,
        }
        for (const table of tables) {
          const key = `${table.schema}.${table.name}`
          const entry = manifest.tables.find((t) => `${t.schema}.${t.name}` === key)
          expect(await checksum(targetSql, table), key).toEqual({ rows: entry!.rows, checksum: entry!.checksum })
          const where = inSnapshot[key] ?? 'true'
          // The counter row changed after the snapshot; it was compared by name above.
          const restoredPart = key === 'public.organisations' ? `id <> '${counter.id}'` : 'true'
          expect(await checksum(targetSql, table, restoredPart), key).toEqual(await checksum(sourceSql, table, where))
        }
        expect(manifest.tables.find((t) => t.name === 'audit_log')!.rows).toBeGreaterThanOrEqual(k)

        // Sequences go on after the restored ids: the next audit entry gets a new one.
        const { next, max } = await one(targetSql<{ next: string; max: string }[]>`select nextval('audit_log_id_seq')::text as next, (select max(id) from audit_log)::text as max`)
        expect(BigInt(next)).toBeGreaterThan(BigInt(max))

        // (a) The restored DATA_DIR serves the portal: it started above, and a command boots on it (migrations,
        // reference data, job queue) and finds everything up to date.
        const started = await runCommand('cli/db-migrate.ts', [], embedded(restoredDir))
        expect(started.code, started.stderr).toBe(0)
        expect(started.stdout).toBe('The database schema and reference data are up to date.\n')
        expect(await checksum(targetSql, tables.find((t) => t.name === '__drizzle_migrations')!)).toEqual(
          await checksum(sourceSql, tables.find((t) => t.name === '__drizzle_migrations')!),
        )
      } finally {
        await targetSql.end({ timeout: 5 })
        await target.stop()
      }
    } finally {
      await writer.stop()
    }
  }, 60_000)

  it('refuses to back up into a folder that is not empty, or an external database (that is pg_dump\'s job)', async () => {
    const notEmpty = tempPath('not-empty')
    fs.mkdirSync(notEmpty)
    fs.writeFileSync(path.join(notEmpty, 'notes.txt'), 'keep me')
    const external = tempPath('external')
    const [intoNotEmpty, ofExternal] = await Promise.all([
      backup(notEmpty),
      backup(external, { DATA_DIR: sourceDir, DATABASE_URL: 'postgres://stapsteen:pw@127.0.0.1:1/stapsteen' }),
    ])

    expectRefusal(intoNotEmpty, 2, new RegExp(`^The backup folder ${notEmpty} is not empty \\(it holds notes\\.txt\\); give a new or empty folder\\.$`))
    expect(listing(notEmpty)).toEqual(['notes.txt'])
    expect(fs.readFileSync(path.join(notEmpty, 'notes.txt'), 'utf8')).toBe('keep me')

    expectRefusal(ofExternal, 1, /^db:backup backs up the embedded database; .*pg_dump -Fc/)
    expect(fs.existsSync(external)).toBe(false)
  })

  it('refuses to restore into a DATA_DIR that is not empty, or from a folder that is not a backup, before it creates anything', async () => {
    // Any backup will do here: this one is made in-process, which is quicker than the command.
    const dir = tempPath('small-backup')
    await backupDatabase({ url: source.url, dir, log: () => {} })
    const notBackup = tempPath('not-a-backup')
    fs.mkdirSync(notBackup)
    const dataDir = tempPath('data-not-a-backup')
    const sourceListing = listing(sourceDir)
    const organisations = (await tablesOf(sourceSql)).find((t) => t.name === 'organisations')!
    const organisationsBefore = await checksum(sourceSql, organisations)

    const [intoRunning, ofNotBackup] = await Promise.all([restore(dir, sourceDir), restore(notBackup, dataDir)])

    // The running portal's own DATA_DIR: refused, nothing in it touched.
    expectRefusal(intoRunning, 1, new RegExp(`^DATA_DIR ${sourceDir} is not empty \\(it holds .*\\); restore only into a new or empty DATA_DIR, so no database is overwritten\\.$`))
    expect(listing(sourceDir)).toEqual(sourceListing)
    expect(await checksum(sourceSql, organisations)).toEqual(organisationsBefore)

    expectRefusal(ofNotBackup, 2, /is not a Stapsteen backup \(it has no manifest\.json/)
    expect(fs.existsSync(dataDir)).toBe(false)
  })

  describe('restore refuses, without creating DATA_DIR', () => {
    let dir: string
    beforeAll(async () => {
      dir = tempPath('backup-to-change')
      await backupDatabase({ url: source.url, dir, log: () => {} })
    })

    /** restoreBackup as db:restore calls it, on a changed copy of the backup; resolves to the refusal. */
    async function refusal(name: string, change: (copy: string) => void) {
      const copy = tempPath(name)
      fs.cpSync(dir, copy, { recursive: true })
      change(copy)
      const dataDir = tempPath(`data-${name}`)
      const createSchema = () => Promise.reject(new Error('must not get this far'))
      const error = await restoreBackup({ dir: copy, dataDir, versions: thisVersion, createSchema, log: () => {} }).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(BackupError)
      expect(fs.existsSync(dataDir)).toBe(false)
      return (error as Error).message
    }

    it('a backup made with other migrations', async () => {
      const message = await refusal('older', (copy) => {
        const file = path.join(copy, 'manifest.json')
        const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { versions: { migrations: unknown[] } }
        manifest.versions.migrations.pop()
        fs.writeFileSync(file, JSON.stringify(manifest))
      })
      expect(message).toMatch(/^This backup was made by a Stapsteen version with other database migrations .*: restore with the Stapsteen version that made the backup, then start the newer one\.$/)
    })

    it('a damaged or incomplete backup', async () => {
      expect(await refusal('damaged', (copy) => fs.appendFileSync(path.join(copy, 'public.organisations.ndjson.gz'), 'x'))).toMatch(
        /is damaged: public\.organisations\.ndjson\.gz is not the file the backup wrote/,
      )
      expect(await refusal('incomplete', (copy) => fs.rmSync(path.join(copy, 'public.users.ndjson.gz')))).toMatch(/is incomplete: public\.users\.ndjson\.gz is missing\.$/)
    })
  })
})
