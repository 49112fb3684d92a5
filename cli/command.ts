import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { Database } from '../db/client'
import { boot, exitOnStartupError } from '../server/boot'
import { logToStderr } from '../server/logger'

/** A mistake in how the command was called: printed as one sentence, exit code 2, no stack trace. */
export class UsageError extends Error {}

/**
 * Runs an `npm run …` command: parses its arguments, gets the database (the running `npm start`'s embedded
 * one, a freshly started one for the duration, or DATABASE_URL), runs, and always closes what it opened.
 */
export async function runCommand<T extends ParseArgsConfig['options']>(
  usage: string,
  options: T,
  run: (args: { values: Record<string, unknown>; positionals: string[]; db: Database }) => Promise<void>,
) {
  logToStderr()
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true })
  } catch (error) {
    return fail(`${(error as Error).message}.\nUsage: ${usage}`)
  }
  // The queue only enqueues here: an import's index updates and mail wait for a worker (npm start runs one).
  const database = await boot('command', { seed: false, worker: false }).catch(exitOnStartupError)
  try {
    await run({ values: parsed.values as Record<string, unknown>, positionals: parsed.positionals, db: database.db })
  } catch (error) {
    await database.close()
    if (error instanceof UsageError) return fail(`${error.message}\nUsage: ${usage}`)
    throw error
  }
  await database.close()
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(2)
}
