import { sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { audit } from '#db/queries/audit'
import { applyPlan } from './apply.server'
import { parseImportFile } from './parse'
import { planImport } from './plan.server'
import type { ImportOptions, ImportResult } from './types'

/**
 * Bulk import of placements (docs/schemas/placement.schema.json; `npm run placements:import`, the upload pages
 * and the import job all come here). Server-only. All or nothing: any bad record and nothing is written.
 */
export type { ImportActor, ImportIssue, ImportOptions, ImportResult, ImportScope } from './types'
export { decodeUtf8, parseImportFile } from './parse'

// Imports run one at a time: two files creating the same new employer, or re-sending the same records, would
// otherwise race between checking and writing.
const IMPORT_LOCK = 7_371_002
export const lockImports = (tx: Tx) => tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`)

export async function importPlacements(database: Tx, text: string, options: ImportOptions): Promise<ImportResult> {
  const parsed = parseImportFile(text, options.fileName)
  if (!parsed.ok) return { ok: false, kind: 'file', line: parsed.line, reason: parsed.reason }
  const { actor } = options
  return database.transaction(async (tx): Promise<ImportResult> => {
    await lockImports(tx)
    const { errors, warnings, plan } = await planImport(tx, parsed.records, options)
    if (errors.length > 0) return { ok: false, kind: 'records', errors, warnings }
    const counts = await applyPlan(tx, plan, actor, options.onProgress)
    await audit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: 'placement.import',
      subjectType: 'placement-import',
      details: { fileName: options.fileName, format: parsed.format, records: parsed.records.length, ...counts, via: actor.via },
    })
    return { ok: true, ...counts, warnings }
  })
}
