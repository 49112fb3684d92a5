import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { type EmbeddedDatabase, startEmbeddedPostgres } from '#db/embedded'
import type { Progress } from './backup'
import { readStructure, structureDifference } from './catalog'
import { BackupError } from './errors'
import { assertEmptyDataDir, emptyDirectory, sha256OfFile } from './files'
import { type Manifest, readManifest, type TableEntry, type Versions } from './manifest'
import { countAndChecksum, ident, openConnection, qualified, type Queryable } from './sql'
import { assertSameVersions, structureMismatch } from './versions'

// Where the restore happens inside DATA_DIR until it is complete and checked; `npm start` ignores it.
export const STAGING = 'unfinished-restore'

// Rows per INSERT: few round trips, and a batch (one JSON parameter) stays a few megabytes at most.
const BATCH_ROWS = 2000
const BATCH_CHARS = 4_000_000

/**
 * Restores a backup into a new or empty DATA_DIR: starts a fresh embedded PostgreSQL there, lets this code
 * create its schema (`createSchema`: migrations and job queue), replaces whatever rows that inserted with the
 * backup's, sets the sequences, and checks every table's row count and checksum against the manifest before
 * committing. Everything that can be checked without a database (the folder, the versions, the files' sha256)
 * is checked before DATA_DIR is touched; a restore that fails later leaves DATA_DIR empty again.
 *
 * The database is built in DATA_DIR/unfinished-restore and moved into place only once it is checked and
 * stopped: a restore cut short (Ctrl-C, kill -9, a power cut) must not leave a migrated but empty database
 * that `npm start` would serve (and seed with demo data) as if it were the restored one.
 */
export async function restoreBackup(options: {
  dir: string
  dataDir: string
  /** What this code's migrations and job queue make: a backup loads only into the same schema. */
  versions: Versions
  createSchema: (url: string) => Promise<void>
  log: Progress
}) {
  const { dir, dataDir, log } = options
  const manifest = readManifest(dir)
  assertEmptyDataDir(dataDir)
  assertSameVersions(manifest.versions, options.versions)
  await checkFiles(dir, manifest)

  const createdDataDir = !fs.existsSync(dataDir)
  const staging = path.join(dataDir, STAGING)
  let database: EmbeddedDatabase | undefined
  // Ctrl-C or a stop signal: stop the database (its fast shutdown ends the query that runs) and clean up below,
  // rather than exit and leave a server running in DATA_DIR.
  let interrupted = false
  let stopping: Promise<void> | undefined
  const interrupt = () => {
    interrupted = true
    stopping = database?.stop()
    stopping?.catch(() => {})
  }
  const notInterrupted = () => {
    if (interrupted) throw new BackupError('The restore was interrupted.')
  }
  process.once('SIGINT', interrupt)
  process.once('SIGTERM', interrupt)
  try {
    database = await startEmbeddedPostgres({ dataDir: staging, kind: 'command', log })
    notInterrupted()
    await options.createSchema(database.url)
    notInterrupted()
    await load(database.url, dir, manifest, log)
    notInterrupted()
    await database.stop()
    // A stopped cluster moves with its folder (nothing in it names its own path); the database folder goes last,
    // so DATA_DIR holds a database only when it is the restored one.
    const entries = fs.readdirSync(staging).sort((a, b) => Number(a === 'postgres') - Number(b === 'postgres'))
    for (const entry of entries) fs.renameSync(path.join(staging, entry), path.join(dataDir, entry))
    fs.rmdirSync(staging)
  } catch (caught) {
    const error = interrupted ? new BackupError('The restore was interrupted.') : caught
    // Never delete the files of a server that may still be running (or still be stopping).
    const stopped = await (stopping ?? database?.stop() ?? Promise.resolve()).then(() => true, () => false)
    if (!stopped) throw error
    emptyDirectory(dataDir, createdDataDir)
    if (error instanceof BackupError) {
      throw new BackupError(`${error.message.replace(/\.$/, '')}; nothing was restored (DATA_DIR ${dataDir} ${createdDataDir ? 'was removed' : 'is empty'} again).`)
    }
    throw error
  } finally {
    process.off('SIGINT', interrupt)
    process.off('SIGTERM', interrupt)
  }
  return { tables: manifest.tables.length, rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0) }
}

/** A missing, cut-off or altered file is found before anything is created. */
async function checkFiles(dir: string, manifest: Manifest) {
  for (const table of manifest.tables) {
    const file = path.join(dir, table.file)
    if (!fs.existsSync(file)) throw new BackupError(`The backup in ${dir} is incomplete: ${table.file} is missing.`)
    const { bytes, sha256 } = await sha256OfFile(file)
    if (bytes !== table.bytes || sha256 !== table.sha256) {
      throw new BackupError(`The backup in ${dir} is damaged: ${table.file} is not the file the backup wrote (its size or sha256 differs).`)
    }
  }
}

async function load(url: string, dir: string, manifest: Manifest, log: Progress) {
  const sql = openConnection(url, 'stapsteen-restore')
  try {
    const here = await readStructure(sql)
    const difference = structureDifference(manifest, here)
    if (difference) throw structureMismatch(difference)
    const types = new Map(here.tables.map((t) => [qualified(t.schema, t.name), new Map(t.columns.map((c) => [c.name, c.type]))]))

    await sql.begin(async (tx) => {
      // Rows go back as they were: no triggers (audit_log and the compensation history refuse UPDATE, DELETE and
      // TRUNCATE) and no foreign-key checks, which would fail for a row loaded before the row it points to.
      await tx.unsafe('set local session_replication_role = replica')
      // What the migrations and the job queue inserted (reference data, queues, versions) makes way for the backup's rows.
      await tx.unsafe(`truncate ${manifest.tables.map((t) => qualified(t.schema, t.name)).join(', ')}`)
      for (const table of manifest.tables) {
        const rows = await loadTable(tx, path.join(dir, table.file), table, types.get(qualified(table.schema, table.name))!)
        if (rows !== table.rows) throw new BackupError(`${table.file} holds ${rows} rows but the manifest says ${table.rows}: the backup is damaged.`)
        log(`${table.schema}.${table.name}: ${rows.toLocaleString('en-US')} rows`)
      }
      for (const sequence of manifest.sequences) {
        await tx.unsafe('select setval($1::regclass, $2::bigint, $3)', [qualified(sequence.schema, sequence.name), sequence.lastValue, sequence.isCalled])
      }
      // Checked before commit, so a restore that does not match the backup leaves nothing behind.
      for (const table of manifest.tables) {
        const loaded = await countAndChecksum(tx, table)
        if (loaded.rows !== table.rows || loaded.checksum !== table.checksum) {
          throw new BackupError(
            `After loading, ${table.schema}.${table.name} has ${loaded.rows} rows with checksum ${loaded.checksum}, but the backup recorded ${table.rows} rows with checksum ${table.checksum}`,
          )
        }
      }
    })
    // A fresh database has no planner statistics; without them the first queries may pick poor plans.
    await sql.unsafe('analyze')
  } finally {
    await sql.end({ timeout: 5 })
  }
}

/**
 * Reads the table's file line by line and inserts the rows in batches: each value is cast from its text to the
 * column's type, as COPY would, and identity columns keep the backup's values.
 */
async function loadTable(tx: Queryable, file: string, table: TableEntry, types: Map<string, string>) {
  const stored = table.columns.filter((c) => !c.generated)
  const casts = stored.map((c, i) => `(r->>${i})::${types.get(c.name)}`)
  const insert = `insert into ${qualified(table.schema, table.name)} (${stored.map((c) => ident(c.name)).join(', ')}) overriding system value select ${casts.join(', ')} from json_array_elements($1::text::json) r`

  let rows = 0
  let batch: string[] = []
  let chars = 0
  const flush = async () => {
    if (batch.length === 0) return
    await tx.unsafe(insert, [`[${batch.join(',')}]`])
    rows += batch.length
    batch = []
    chars = 0
  }
  const gunzip = createGunzip()
  gunzip.setEncoding('utf8')
  await pipeline(fs.createReadStream(file), gunzip, async (source: AsyncIterable<string>) => {
    let rest = ''
    for await (const chunk of source) {
      const lines = (rest + chunk).split('\n')
      rest = lines.pop() ?? ''
      for (const line of lines) {
        batch.push(line)
        chars += line.length
        if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush()
      }
    }
    if (rest !== '') throw new BackupError(`${path.basename(file)} ends in the middle of a row: the backup is damaged.`)
    await flush()
  })
  return rows
}
