import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { decodeUtf8, importPlacements } from '../db/import'
import { runCommand, UsageError } from './command'

/**
 * `npm run placements:import -- FILE` (contract in the shared formats README). stdout carries the result only:
 * `imported N, updated M`, or one `record K: FIELD: REASON` line per problem (exit 1, nothing imported), so
 * both can be captured; progress and explanations go to stderr.
 */
const usage = 'npm run placements:import -- FILE   (a JSON array, NDJSON or CSV of placement records)'

await runCommand(usage, {}, async ({ positionals, db }) => {
  if (positionals.length !== 1) throw new UsageError('Give exactly one FILE to import.')
  const file = positionals[0]!
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'it is a directory' : error.message}.`)
  })
  const decoded = decodeUtf8(bytes)
  if (!decoded.ok) throw new UsageError(`Cannot read ${file}: it is not UTF-8 text. Save it again as UTF-8.`)

  const showProgress = process.stderr.isTTY
  const result = await importPlacements(db, decoded.text, {
    fileName: path.basename(file),
    actor: { userId: null, organisationId: null, via: 'cli' },
    onProgress: showProgress ? (done, total) => void process.stderr.write(`\rwriting ${done} of ${total} records…`) : undefined,
  })
  if (showProgress) process.stderr.write('\r\x1b[K')

  if (!result.ok && result.kind === 'file') {
    process.stdout.write(`${result.line === null ? 'file' : `line ${result.line}`}: ${result.reason}\n`)
    process.stderr.write('Nothing was imported: the file cannot be read.\n')
    process.exitCode = 1
    return
  }
  for (const w of result.warnings) process.stderr.write(`warning: record ${w.record}: ${w.field}: ${w.reason}\n`)
  if (!result.ok) {
    for (const e of result.errors) process.stdout.write(`record ${e.record}: ${e.field}: ${e.reason}\n`)
    const records = new Set(result.errors.map((e) => e.record)).size
    process.stderr.write(`Nothing was imported: ${records} ${records === 1 ? 'record has' : 'records have'} errors.\n`)
    // Not process.exit(): runCommand must still close the database (and stop an embedded one it started).
    process.exitCode = 1
    return
  }
  process.stdout.write(`imported ${result.imported}, updated ${result.updated}\n`)
})
