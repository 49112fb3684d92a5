import path from 'node:path'
import { databaseUrl } from '#db/client'
import { backupDatabase } from '#db/backup/backup'
import { BackupError } from '#db/backup/errors'
import { assertUsableBackupDir } from '#db/backup/files'
import { parseEnv } from '#core/env'
import { CommandError, runCommand, UsageError } from './command'

/**
 * `npm run db:backup -- DIR`: a consistent backup of the embedded database into a new or empty DIR, while the
 * portal keeps running (the command borrows its database). Progress per table on stderr, one summary line on
 * stdout. Design: docs/decisions/0010-backup-and-restore.md.
 */
const usage = 'npm run db:backup -- DIR'
const number = (n: number) => n.toLocaleString('en-US')

const forCli = (error: unknown) => (error instanceof BackupError ? (error.aboutArgument ? new UsageError(error.message) : new CommandError(error.message)) : error)

await runCommand(
  usage,
  {},
  async ({ positionals }) => {
    const dir = path.resolve(positionals[0]!)
    const log = (line: string) => process.stderr.write(`${line}\n`)
    const result = await backupDatabase({ url: databaseUrl(), dir, log }).catch((error: unknown) => {
      throw forCli(error)
    })
    process.stdout.write(`backed up ${number(result.tables)} tables, ${number(result.rows)} rows to ${dir}\n`)
  },
  // Refused before the database is started or borrowed.
  ({ positionals }) => {
    if (positionals.length !== 1) throw new UsageError('Give exactly one DIR, a new or empty folder for the backup.')
    if (parseEnv().DATABASE_URL) {
      throw new CommandError('db:backup backs up the embedded database; with DATABASE_URL set, back up the external PostgreSQL with pg_dump -Fc of its own major version (README, Backups).')
    }
    try {
      assertUsableBackupDir(path.resolve(positionals[0]!))
    } catch (error) {
      throw forCli(error)
    }
  },
)
