import { searchEngine } from '#search/engine'
import { SearchUnavailableError } from '#search/port'
import { reindexAll } from '#search/sync'
import { runCommand, UsageError } from './command'

/**
 * `npm run search:reindex`: rebuilds the search index from the database — every published placement upserted,
 * everything else removed — with the engine the app uses. Progress on stderr; the result line on stdout.
 */
const usage = 'npm run search:reindex'

await runCommand(usage, {}, async ({ positionals }) => {
  if (positionals.length > 0) throw new UsageError('search:reindex takes no arguments.')
  const engine = searchEngine()
  const started = Date.now()
  let shown = -1
  try {
    const { indexed, removed } = await reindexAll(engine, (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\r\x1b[Kindexing ${done} of ${total} placements…`)
      else if (Math.floor((done / total) * 10) > shown) {
        shown = Math.floor((done / total) * 10)
        process.stderr.write(`indexed ${done} of ${total} placements\n`)
      }
    })
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K')
    process.stdout.write(`indexed ${indexed}, removed ${removed} (${engine.name}, ${Date.now() - started} ms)\n`)
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error
    process.stderr.write(`\nThe search index was not rebuilt: ${error.message}\n`)
    process.exitCode = 1
  }
})
