import type { Tx } from '#db/client'
import { enqueue } from '#core/jobs'

/**
 * The write side of index sync, kept apart from the engines so the query functions in db/ can call it without
 * loading an adapter: every change to a placement calls enqueueIndexUpdate inside its own transaction, so an
 * index job exists exactly when the change committed (search/sync.ts applies the jobs).
 */
export const SEARCH_QUEUE = 'search-index'
export type IndexJob = { placementIds: string[]; attempt?: number }
export const IDS_PER_JOB = 500

export async function enqueueIndexUpdate(tx: Tx, placementIds: string[]) {
  const ids = [...new Set(placementIds)]
  for (let i = 0; i < ids.length; i += IDS_PER_JOB) {
    await enqueue(tx, SEARCH_QUEUE, { placementIds: ids.slice(i, i + IDS_PER_JOB) } satisfies IndexJob)
  }
}
