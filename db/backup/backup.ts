import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { readStructure, type Table } from './catalog'
import { assertUsableBackupDir, createBackupDir, emptyDirectory, measure, syncToDisk } from './files'
import { FORMAT, FORMAT_VERSION, type Manifest, MANIFEST_FILE, tableFile } from './manifest'
import { countAndChecksum, fromTable, ident, openConnection, qualified, type Queryable } from './sql'
import { readVersions } from './versions'

export type Progress = (line: string) => void

/**
 * Writes a consistent backup of the database at `url` into `dir` (new or empty) while it keeps serving: every
 * table is read in one REPEATABLE READ READ ONLY transaction, so the backup is the database at one instant,
 * and the manifest records, from that same snapshot, each table's row count and checksum for restore to check.
 * A failed backup removes what it wrote. Why a logical export: docs/decisions/0010-backup-and-restore.md.
 */
export async function backupDatabase(options: { url: string; dir: string; log: Progress }) {
  const { url, dir, log } = options
  assertUsableBackupDir(dir)
  const created = createBackupDir(dir)
  const sql = openConnection(url, 'stapsteen-backup')
  try {
    const manifest = await sql.begin('isolation level repeatable read read only', (tx) => exportSnapshot(tx, dir, log))
    const file = path.join(dir, MANIFEST_FILE)
    // Written last: a folder without a manifest is an unfinished backup, and restore says so.
    fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flag: 'wx' })
    await syncToDisk(file)
    await syncToDisk(dir)
    return { tables: manifest.tables.length, rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0), manifest }
  } catch (error) {
    emptyDirectory(dir, created)
    throw error
  } finally {
    await sql.end({ timeout: 5 })
  }
}

async function exportSnapshot(tx: Queryable, dir: string, log: Progress): Promise<Manifest> {
  // The first statement fixes the snapshot: everything after it, the catalog included, sees this instant.
  const [start] = (await tx.unsafe(`select now()::text as at, current_setting('server_version') as version`)) as unknown as { at: string; version: string }[]
  const structure = await readStructure(tx)
  const versions = await readVersions(tx)
  // As pg_dump does: hold ACCESS SHARE on every table to the end, so none is dropped or altered meanwhile.
  // It blocks no reads or writes, only DDL (which runs in migrations at start).
  await tx.unsafe(`lock table ${structure.tables.map((t) => qualified(t.schema, t.name)).join(', ')} in access share mode`)

  const tables: Manifest['tables'] = []
  for (const table of structure.tables) {
    const { rows, checksum } = await countAndChecksum(tx, table)
    const file = tableFile(table.schema, table.name)
    const written = await writeTable(tx, table, path.join(dir, file))
    if (written.rows !== rows) throw new Error(`${table.schema}.${table.name}: counted ${rows} rows but wrote ${written.rows} in one snapshot`)
    tables.push({ ...table, rows, checksum, file, bytes: written.bytes, sha256: written.sha256 })
    log(`${table.schema}.${table.name}: ${rows.toLocaleString('en-US')} rows`)
  }

  // Sequences are not transactional, so this reads their value now rather than at the snapshot: at least every
  // value a row in the snapshot holds, which is what restore needs so that no id (audit_log.id) is handed out twice.
  const sequences: Manifest['sequences'] = []
  for (const sequence of structure.sequences) {
    const [value] = (await tx.unsafe(`select last_value::text as "lastValue", is_called as "isCalled" from ${qualified(sequence.schema, sequence.name)}`)) as unknown as {
      lastValue: string
      isCalled: boolean
    }[]
    sequences.push({ ...sequence, lastValue: value!.lastValue, isCalled: value!.isCalled })
  }

  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    snapshotAt: start!.at,
    postgresVersion: start!.version,
    versions,
    tables,
    partitions: structure.partitions,
    sequences,
  }
}

/**
 * One line per row: a JSON array of each stored column's text, PostgreSQL's own output (what COPY would write),
 * read through a cursor so a large table never sits in memory. Not COPY itself: postgres.js 3.4 can hang on a
 * COPY stream (porsager/postgres#1173, #917), and the cursor is plain query protocol.
 */
async function writeTable(tx: Queryable, table: Table, file: string) {
  const values = table.columns.filter((c) => !c.generated).map((c) => `t.${ident(c.name)}::text`)
  const query = `select to_json(array[${values.join(', ')}]::text[])::text as line from ${fromTable(table)}`
  let rows = 0
  async function* lines() {
    for await (const batch of tx.unsafe(query).cursor(1000) as AsyncIterable<{ line: string }[]>) {
      rows += batch.length
      yield batch.map((r) => `${r.line}\n`).join('')
    }
  }
  const measured = measure()
  await pipeline(Readable.from(lines()), createGzip(), measured.stream, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }))
  await syncToDisk(file)
  return { rows, ...measured.result() }
}
