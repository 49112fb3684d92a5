import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { BackupError } from './errors'

/**
 * A backup folder: `manifest.json` plus one gzipped file per table, `SCHEMA.TABLE.ndjson.gz`, one JSON array per
 * row holding each stored column's value as PostgreSQL's text (null for NULL), in the order of `columns` without
 * the generated ones (restore computes those again). The manifest is written last, so a folder without one is
 * an unfinished backup. Format and reasons: docs/decisions/0010-backup-and-restore.md.
 */
export const MANIFEST_FILE = 'manifest.json'
export const FORMAT = 'stapsteen-backup'
export const FORMAT_VERSION = 1

const column = z.object({ name: z.string(), type: z.string(), generated: z.boolean() })
const migration = z.object({ createdAt: z.number(), hash: z.string() })
// A file name from the manifest is joined to the folder: it may not climb out of it.
const fileName = z.string().refine((f) => f === path.basename(f) && f !== '..' && f !== '.', 'must be a plain file name')

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  /** The snapshot's time: the backup holds every transaction committed before it and none after. */
  snapshotAt: z.string(),
  postgresVersion: z.string(),
  versions: z.object({ migrations: z.array(migration), jobQueueSchema: z.number() }),
  tables: z.array(
    z.object({
      schema: z.string(),
      name: z.string(),
      partitioned: z.boolean(),
      columns: z.array(column),
      rows: z.number(),
      checksum: z.string(),
      file: fileName,
      bytes: z.number(),
      sha256: z.string(),
    }),
  ),
  partitions: z.array(z.object({ schema: z.string(), name: z.string(), parent: z.string() })),
  sequences: z.array(z.object({ schema: z.string(), name: z.string(), lastValue: z.string(), isCalled: z.boolean() })),
})

export type Manifest = z.infer<typeof manifestSchema>
export type TableEntry = Manifest['tables'][number]
/** What a database's schema was made by: drizzle's applied migrations and pg-boss's schema version. */
export type Versions = Manifest['versions']

export const tableFile = (schema: string, name: string) => `${schema}.${name}.ndjson.gz`

export function readManifest(dir: string): Manifest {
  if (!fs.existsSync(dir)) throw new BackupError(`There is no folder ${dir}.`, true)
  if (!fs.statSync(dir).isDirectory()) throw new BackupError(`${dir} is a file, not a backup folder.`, true)
  const file = path.join(dir, MANIFEST_FILE)
  if (!fs.existsSync(file)) {
    throw new BackupError(`${dir} is not a Stapsteen backup (it has no ${MANIFEST_FILE}; an interrupted backup has none either).`, true)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    throw new BackupError(`${file} is not valid JSON: the backup is damaged.`, true)
  }
  const result = manifestSchema.safeParse(parsed)
  if (!result.success) {
    const format = (parsed as { format?: unknown; formatVersion?: unknown } | null) ?? {}
    if (format.format === FORMAT && format.formatVersion !== FORMAT_VERSION) {
      throw new BackupError(`${dir} is a backup in format version ${String(format.formatVersion)}, which this Stapsteen version does not read.`, true)
    }
    throw new BackupError(`${file} is not a Stapsteen backup manifest (${result.error.issues[0]?.path.join('.') || 'its content'} is wrong).`, true)
  }
  return result.data
}
