import path from 'node:path'
import { commandLineAdmin } from '#app/features/organisations/organisation-admin'
import { importOrganisations } from '#app/features/organisations/organisation-import.server'
import { runCommand, UsageError } from './command'
import { readImportFile, reportRefusedRecords, reportUnreadableFile } from './import-file'

/**
 * `npm run orgs:import -- FILE`: OCMWs, VDAB teams, outreach partners and platform teams upserted by slug, all or
 * nothing (app/features/organisations/organisation-import.server.ts). stdout says `imported N, updated M`, or one
 * `record K: FIELD: REASON` line per problem (exit 1, nothing written), as placements:import does.
 */
const usage = 'npm run orgs:import -- FILE   (a JSON array, or a CSV with slug,type,name,municipalities,contactEmail,dpoEmail,firstContactDays)'

await runCommand(usage, {}, async ({ positionals, db }) => {
  if (positionals.length !== 1) throw new UsageError('Give exactly one FILE to import.')
  const file = positionals[0]!
  const result = await importOrganisations(db, await readImportFile(file), path.basename(file), commandLineAdmin)
  if (!result.ok && result.kind === 'file') return reportUnreadableFile(result)
  if (!result.ok) return reportRefusedRecords(result.errors)
  process.stdout.write(`imported ${result.imported}, updated ${result.updated}\n`)
})
