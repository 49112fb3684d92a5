import { eq } from 'drizzle-orm'
import type PgBoss from 'pg-boss'
import { db } from '#db/client'
import { importRuns } from '#db/schema'
import { importPlacements, lockImports } from './import.server'
import { finishedRun } from './runs.server'

/**
 * The 'import-placements' job. The import and the run's result commit in one transaction, so a run that says
 * "imported" was imported. Progress is written outside it (it must be visible while the import is running).
 * Imports hold one lock; a second delivery of the same job waits for it and then finds the run finished.
 */
export async function processImportRun(runId: string) {
  const database = db()
  await database.transaction(async (tx) => {
    await lockImports(tx)
    const [run] = await tx.select().from(importRuns).where(eq(importRuns.id, runId))
    if (!run || run.content === null) return
    const progress = (done: number) => database.update(importRuns).set({ status: 'running', done }).where(eq(importRuns.id, runId))
    await progress(0)
    const result = await importPlacements(tx, run.content, {
      fileName: run.fileName,
      actor: { userId: run.createdBy, organisationId: run.organisationId, via: 'web' },
      onlyEnterpriseNumber: run.onlyEnterpriseNumber ?? undefined,
      regionCodes: run.regionCodes ?? undefined,
      onProgress: (done) => progress(done).then(() => undefined),
    })
    await tx.update(importRuns).set(finishedRun(result)).where(eq(importRuns.id, runId))
  })
}

/** After the last retry the run is marked failed, so its page stops saying "bezig" and nothing was imported. */
async function markFailed(runId: string) {
  await db().update(importRuns).set({ status: 'failed', content: null, finishedAt: new Date() }).where(eq(importRuns.id, runId))
}

export function registerImportWorker(boss: PgBoss) {
  return boss.work<{ runId: string }>('import-placements', { batchSize: 1, includeMetadata: true }, async (jobs) => {
    for (const job of jobs) {
      try {
        await processImportRun(job.data.runId)
      } catch (error) {
        if (job.retryCount >= job.retryLimit) await markFailed(job.data.runId)
        throw error
      }
    }
  })
}
