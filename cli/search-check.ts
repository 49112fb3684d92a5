import { searchEngine } from '#search/engine'
import { SearchUnavailableError } from '#search/port'
import { checkIndex } from '#search/sync'
import { runCommand, UsageError } from './command'

/**
 * `npm run search:check`: compares the search index with the database. Prints a summary and one line per
 * difference (`missing ID`: published but not indexed; `stale ID`: indexed with older content; `extra ID`:
 * indexed but not published) and exits 1 when there is any; `npm run search:reindex` repairs them.
 */
const usage = 'npm run search:check'
const SHOWN = 50

await runCommand(usage, {}, async ({ positionals }) => {
  if (positionals.length > 0) throw new UsageError('search:check takes no arguments.')
  const engine = searchEngine()
  try {
    const diff = await checkIndex(engine)
    const lines = [`${engine.name}: ${diff.expected} published placements, ${diff.indexed} indexed; missing ${diff.missing.length}, stale ${diff.stale.length}, extra ${diff.extra.length}`]
    for (const [kind, ids] of [['missing', diff.missing], ['stale', diff.stale], ['extra', diff.extra]] as const) {
      lines.push(...ids.slice(0, SHOWN).map((id) => `${kind} ${id}`))
      if (ids.length > SHOWN) lines.push(`${kind} … and ${ids.length - SHOWN} more`)
    }
    process.stdout.write(`${lines.join('\n')}\n`)
    if (diff.missing.length + diff.stale.length + diff.extra.length > 0) {
      process.stderr.write('The index differs from the database: run npm run search:reindex.\n')
      process.exitCode = 1
    }
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error
    process.stderr.write(`The search index cannot be checked: ${error.message}\n`)
    process.exitCode = 1
  }
})
