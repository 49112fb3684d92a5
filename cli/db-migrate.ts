import { runCommand } from './command'

// Running any command migrates (see runCommand → boot); this one only reports it.
await runCommand('npm run db:migrate', {}, async () => {
  process.stdout.write('The database schema and reference data are up to date.\n')
})
