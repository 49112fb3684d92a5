import { sql } from 'drizzle-orm'
import { enqueueIndexUpdate } from '#db/queries/index-updates'
import type { Tx } from '#db/client'
import { placementEvents, placements } from '#db/schema'
import { createEmployers } from './employers.server'
import type { ImportPlan, PlannedPlacement } from './plan.server'
import type { ImportActor, ImportOptions } from './types'

/**
 * Writes a checked plan: new employers, then the new and changed placements as upserts by (organisation,
 * externalId), then one history row per status change. Statements go in chunks (a few per thousand records),
 * never one per record. Runs inside the import's transaction, so it all commits or none of it does.
 */
const CHUNK = 250

// On conflict every compared column takes the file's value; published_at keeps the first publication.
const upsertSet = {
  ...Object.fromEntries(
    (['title', 'occupationUri', 'description', 'tasks', 'competences', 'municipalityNis', 'postcode', 'street', 'lat', 'lon', 'hoursPerWeek', 'schedule', 'startDate', 'places', 'dutchLevel', 'support', 'instruments', 'status'] as const).map(
      (key) => [key, sql.raw(`excluded."${placements[key].name}"`)],
    ),
  ),
  publishedAt: sql`coalesce(${placements.publishedAt}, excluded.published_at)`,
  updatedAt: sql`now()`,
}

export async function applyPlan(tx: Tx, plan: ImportPlan, actor: ImportActor, onProgress: ImportOptions['onProgress']) {
  const total = plan.placements.length
  const toWrite = plan.placements.filter((p) => p.change !== 'unchanged')
  let done = total - toWrite.length
  await onProgress?.(done, total)

  // A plan is applied only without errors, so every employer it did not find has new placements.
  const newEmployers = [...plan.employers.values()].filter((e) => !e.existing)
  const organisationIds = await createEmployers(tx, newEmployers, actor)
  for (const e of plan.employers.values()) if (e.existing) organisationIds.set(e.enterpriseNumber, e.existing.id)

  const events: (typeof placementEvents.$inferInsert)[] = []
  const written: string[] = []
  for (let i = 0; i < toWrite.length; i += CHUNK) {
    const chunk = toWrite.slice(i, i + CHUNK)
    const rows = await tx
      .insert(placements)
      .values(
        chunk.map((p) => ({
          organisationId: organisationIds.get(p.enterpriseNumber)!,
          externalId: p.externalId,
          ...p.values,
          publishedAt: p.values.status === 'published' ? new Date() : null,
        })),
      )
      .onConflictDoUpdate({ target: [placements.organisationId, placements.externalId], set: upsertSet })
      .returning({ id: placements.id, organisationId: placements.organisationId, externalId: placements.externalId })
    const ids = new Map(rows.map((row) => [`${row.organisationId} ${row.externalId}`, row.id]))
    written.push(...rows.map((row) => row.id))
    for (const p of chunk) {
      if (p.previousStatus === p.values.status) continue
      const placementId = ids.get(`${organisationIds.get(p.enterpriseNumber)} ${p.externalId}`)!
      events.push({ placementId, actorUserId: actor.userId, fromStatus: p.previousStatus ?? null, toStatus: p.values.status, note: 'import' })
    }
    done += chunk.length
    await onProgress?.(done, total)
  }
  for (let i = 0; i < events.length; i += CHUNK * 2) await tx.insert(placementEvents).values(events.slice(i, i + CHUNK * 2))
  // "Search index updates follow the import" (shared formats): queued in the import's own transaction.
  await enqueueIndexUpdate(tx, written)

  const count = (change: PlannedPlacement['change']) => toWrite.filter((p) => p.change === change).length
  return { imported: count('new'), updated: count('updated'), unchanged: total - toWrite.length, employersCreated: newEmployers.length }
}
