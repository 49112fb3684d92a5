import { and, eq, getTableColumns } from 'drizzle-orm'
import { enqueue } from '#core/jobs'
import type { Tx } from '#db/client'
import { importRuns } from '#db/schema'
import type { ImportResult, ImportScope } from './types'

/**
 * Import runs: a large upload is stored here and imported by the 'import-placements' job, so the page can show
 * progress. A run is only ever read back by the user who started it (id from the session).
 */
type NewRun = { userId: string; organisationId: string; scope: ImportScope; fileName: string; content: string; total: number }

/** Stores the file and enqueues its job in the caller's transaction: there is a job exactly when there is a run. */
export async function createImportRun(tx: Tx, run: NewRun) {
  const [row] = await tx
    .insert(importRuns)
    .values({
      createdBy: run.userId,
      organisationId: run.organisationId,
      onlyEnterpriseNumber: run.scope.onlyEnterpriseNumber ?? null,
      regionCodes: run.scope.regionCodes ?? null,
      fileName: run.fileName,
      content: run.content,
      total: run.total,
    })
    .returning({ id: importRuns.id })
  if (!row) throw new Error('import run insert returned nothing')
  await enqueue(tx, 'import-placements', { runId: row.id })
  return row.id
}

const { content: _content, ...shown } = getTableColumns(importRuns)

export async function getOwnImportRun(tx: Tx, userId: string, runId: string) {
  // Not a uuid: no such run (and no database error for a typed-in address).
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(runId)) return undefined
  const [run] = await tx.select(shown).from(importRuns).where(and(eq(importRuns.id, runId), eq(importRuns.createdBy, userId)))
  return run
}

export type ImportRunView = NonNullable<Awaited<ReturnType<typeof getOwnImportRun>>>

/** What a finished import leaves on its run; the file's text is dropped. */
export function finishedRun(result: ImportResult) {
  const end = { content: null, finishedAt: new Date() }
  if (result.ok) {
    return { ...end, status: 'imported' as const, imported: result.imported, updated: result.updated, report: { errors: [], warnings: result.warnings } }
  }
  if (result.kind === 'records') return { ...end, status: 'rejected' as const, report: { errors: result.errors, warnings: result.warnings } }
  return { ...end, status: 'rejected' as const, report: { errors: [{ record: result.line ?? 0, field: '(bestand)', reason: result.reason }], warnings: [] } }
}
