import { readFile } from 'node:fs/promises'
import { decodeUtf8, type ImportIssue } from '#app/features/placement-import/import.server'
import { UsageError } from './command'

/**
 * What `placements:import` and `orgs:import` share: reading the file, and the report on stdout (the result only,
 * so scripts can capture it) with explanations on stderr. A refused import sets exit code 1 rather than calling
 * process.exit(), so runCommand still closes the database (and stops an embedded one it started).
 */
export async function readImportFile(file: string): Promise<string> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'it is a directory' : error.message}.`)
  })
  const decoded = decodeUtf8(bytes)
  if (!decoded.ok) throw new UsageError(`Cannot read ${file}: it is not UTF-8 text. Save it again as UTF-8.`)
  return decoded.text
}

/** A file that cannot be read at all: `line L: REASON`. */
export function reportUnreadableFile(failure: { line: number | null; reason: string }) {
  process.stdout.write(`${failure.line === null ? 'file' : `line ${failure.line}`}: ${failure.reason}\n`)
  process.stderr.write('Nothing was imported: the file cannot be read.\n')
  process.exitCode = 1
}

/** One `record K: FIELD: REASON` line per problem. */
export function reportRefusedRecords(errors: ImportIssue[]) {
  for (const e of errors) process.stdout.write(`record ${e.record}: ${e.field}: ${e.reason}\n`)
  const records = new Set(errors.map((e) => e.record)).size
  process.stderr.write(`Nothing was imported: ${records} ${records === 1 ? 'record has' : 'records have'} errors.\n`)
  process.exitCode = 1
}
