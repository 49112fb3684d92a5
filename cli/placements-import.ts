import path from 'node:path'
import { importPlacements } from '#app/features/placement-import/import.server'
import { runCommand, UsageError } from './command'
import { readImportFile, reportRefusedRecords, reportUnreadableFile } from './import-file'

/**
 * `npm run placements:import -- FILE` (contract in the shared formats README). stdout carries the result only:
 * `imported N, updated M`, or one `record K: FIELD: REASON` line per problem (exit 1, nothing imported), so
 * both can be captured; progress and explanations go to stderr.
 */
const usage = 'npm run placements:import -- FILE   (a JSON array, NDJSON or CSV of placement records)'

await runCommand(usage, {}, async ({ positionals, db }) => {
  if (positionals.length !== 1) throw new UsageError('Give exactly one FILE to import.')
  const file = positionals[0]!
  const text = await readImportFile(file)

  const showProgress = process.stderr.isTTY
  const result = await importPlacements(db, text, {
    fileName: path.basename(file),
    actor: { userId: null, organisationId: null, via: 'cli' },
    onProgress: showProgress ? (done, total) => void process.stderr.write(`\rwriting ${done} of ${total} records…`) : undefined,
  })
  if (showProgress) process.stderr.write('\r\x1b[K')

  if (!result.ok && result.kind === 'file') return reportUnreadableFile(result)
  for (const w of result.warnings) process.stderr.write(`warning: record ${w.record}: ${w.field}: ${w.reason}\n`)
  if (!result.ok) return reportRefusedRecords(result.errors)
  process.stdout.write(`imported ${result.imported}, updated ${result.updated}\n`)
})
