import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { Database } from '#db/client'
import { ConfigError } from '#core/env'
import { logToStderr } from '#core/logger'

/** A mistake in how the command was called: printed as one sentence, exit code 2, no stack trace. */
export class UsageError extends Error {}

/** A state the command cannot work in (a non-empty DATA_DIR, a damaged backup): one sentence, exit code 1, no stack trace. */
export class CommandError extends Error {}

type Args = { values: Record<string, unknown>; positionals: string[] }

/**
 * Runs an `npm run …` command: parses its arguments, runs `check` (what can be refused before any database is
 * opened), gets the database (the running `npm start`'s embedded one, a freshly started one for the duration, or
 * DATABASE_URL), runs, and always closes what it opened.
 */
export async function runCommand<T extends ParseArgsConfig['options']>(
  usage: string,
  options: T,
  run: (args: Args & { db: Database }) => Promise<void>,
  check?: (args: Args) => void | Promise<void>,
) {
  logToStderr()
  const args = parse(usage, options)
  if (check) await Promise.resolve(args).then(check).catch((error: unknown) => failOn(error, usage))
  // Loaded only now (it brings in most of the portal), so a refused call answers at once.
  const { boot, exitOnStartupError } = await import('#server/boot')
  // The queue only enqueues here: an import's index updates and mail wait for a worker (npm start runs one).
  const database = await boot('command', { seed: false, worker: false }).catch(exitOnStartupError)
  try {
    await run({ ...args, db: database.db })
  } catch (error) {
    await database.close()
    failOn(error, usage)
  }
  await database.close()
}

/** The same for a command that must not open the database of DATA_DIR itself (db:restore creates it). */
export async function runCommandWithoutDatabase<T extends ParseArgsConfig['options']>(usage: string, options: T, run: (args: Args) => Promise<void>) {
  logToStderr()
  const args = parse(usage, options)
  await run(args).catch((error: unknown) => failOn(error, usage))
}

function parse(usage: string, options: ParseArgsConfig['options']): Args {
  try {
    const parsed = parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true })
    return { values: parsed.values as Record<string, unknown>, positionals: parsed.positionals }
  } catch (error) {
    return fail(`${(error as Error).message}.\nUsage: ${usage}`, 2)
  }
}

/** Errors a person can act on get their sentence and an exit code; anything else is a bug and keeps its stack. */
function failOn(error: unknown, usage: string): never {
  if (error instanceof UsageError) fail(`${error.message}\nUsage: ${usage}`, 2)
  if (error instanceof CommandError || error instanceof ConfigError) fail(error.message, 1)
  throw error
}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`)
  process.exit(code)
}
