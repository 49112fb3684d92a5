import { and, count, eq, sql } from 'drizzle-orm'
import type PgBoss from 'pg-boss'
import { db, type Tx } from '#db/client'
import { employerProfiles, placements } from '#db/schema'
import { jobQueue } from '#core/jobs'
import { logger } from '#core/logger'
import { buildDocuments, publishedPlacementIds } from './document'
import { searchEngine } from './engine'
import { IDS_PER_JOB, type IndexJob, SEARCH_QUEUE } from '#db/queries/index-updates'
import { type SearchEngine, SearchUnavailableError } from './port'
export { enqueueIndexUpdate } from '#db/queries/index-updates'

/**
 * Index sync as an outbox: every change to a placement calls enqueueIndexUpdate (db/queries/index-updates.ts) inside its own
 * transaction, so an index job exists exactly when the change committed. The job rebuilds the documents of those placements from
 * the database as it is *then* (published → upserted, anything else → removed), so jobs may run late, twice or
 * out of order and the index still ends up right. While the engine is down, writes to placements keep working
 * and jobs come back after 1, 2, 4 … at most 30 seconds: the index catches up within seconds after it returns.
 */
const MAX_DELAY_SECONDS = 30
// At most 30 s apart, this is about a day of retrying; then pg-boss's own retries, then the job fails (search:check).
const MAX_ATTEMPTS = 2_900
// Index writes one at a time across all workers: a slow job must not overwrite a newer document with an older one.
const SYNC_LOCK = 7_371_007

/** Makes the index say what the database says about these placements. */
export async function applyIndexUpdate(placementIds: string[], engine: SearchEngine = searchEngine(), database: () => Tx = db) {
  if (placementIds.length === 0) return { upserted: 0, removed: 0 }
  return database().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SYNC_LOCK})`)
    const { documents, unpublished } = await buildDocuments(tx, placementIds)
    await engine.upsert(documents)
    await engine.remove(unpublished)
    return { upserted: documents.length, removed: unpublished.length }
  })
}

/** 1, 2, 4, 8, 16, 30, 30 … seconds. */
export const retryDelaySeconds = (attempt: number) => Math.min(MAX_DELAY_SECONDS, 2 ** Math.max(0, attempt - 1))

export async function processIndexJobs(jobs: { data: IndexJob }[], engine: SearchEngine = searchEngine()) {
  const placementIds = [...new Set(jobs.flatMap((job) => job.data.placementIds))]
  const attempt = Math.max(0, ...jobs.map((job) => job.data.attempt ?? 0)) + 1
  try {
    await applyIndexUpdate(placementIds, engine)
  } catch (error) {
    if (!(error instanceof SearchUnavailableError && error.retryable) || attempt >= MAX_ATTEMPTS) throw error
    const delay = retryDelaySeconds(attempt)
    logger().warn({ err: error, placements: placementIds.length, attempt, retryInSeconds: delay }, 'search engine unavailable; index update postponed')
    // A new job rather than pg-boss's retry: its backoff doubles without a ceiling (hours after a long outage).
    for (let i = 0; i < placementIds.length; i += IDS_PER_JOB) {
      await jobQueue().send(SEARCH_QUEUE, { placementIds: placementIds.slice(i, i + IDS_PER_JOB), attempt } satisfies IndexJob, { startAfter: delay })
    }
  }
}

export async function registerSearchIndexWorker(boss: PgBoss, engine?: SearchEngine, { reconcileAfterMs = 0 } = {}) {
  await boss.work<IndexJob>(SEARCH_QUEUE, { batchSize: 20, pollingIntervalSeconds: 1 }, (jobs) => processIndexJobs(jobs, engine))
  // In the background: a worker must not wait for a walk over every placement before it takes jobs.
  const reconcile = () => void reconcileIndex(engine).catch((error: unknown) => logger().warn({ err: error }, 'search index reconciliation at start failed; run npm run search:check'))
  if (reconcileAfterMs > 0) setTimeout(reconcile, reconcileAfterMs).unref()
  else reconcile()
}

/**
 * At every worker start: queue an update for each placement the index has wrong (missing, stale, or not
 * published any more). Covers what no job recorded — a fresh Meilisearch, an index restored from an old
 * backup, a database restored without the job table — so nobody has to remember `search:reindex`.
 */
export async function reconcileIndex(engine: SearchEngine = searchEngine()) {
  const differences = await checkIndex(engine)
  const ids = [...differences.missing, ...differences.stale, ...differences.extra]
  for (let i = 0; i < ids.length; i += IDS_PER_JOB) {
    await jobQueue().send(SEARCH_QUEUE, { placementIds: ids.slice(i, i + IDS_PER_JOB) } satisfies IndexJob)
  }
  if (ids.length > 0) logger().info({ missing: differences.missing.length, stale: differences.stale.length, extra: differences.extra.length }, 'search index differences queued')
  return ids.length
}

/** `npm run search:reindex`: every published placement again, and nothing else. */
export async function reindexAll(engine: SearchEngine, onProgress?: (done: number, total: number) => void, database: () => Tx = db) {
  await engine.applySettings()
  const total = await countPublished(database())
  const seen = new Set<string>()
  let after: string | null = null
  for (;;) {
    const ids = await publishedPlacementIds(database(), after, IDS_PER_JOB)
    if (ids.length === 0) break
    await applyIndexUpdate(ids, engine, database)
    for (const id of ids) seen.add(id)
    after = ids.at(-1)!
    onProgress?.(seen.size, Math.max(total, seen.size))
  }
  // Rebuilt rather than deleted: a placement published since the walk began must stay in the index.
  const extra = [...(await engine.allIds()).keys()].filter((id) => !seen.has(id))
  const { removed } = await applyIndexUpdate(extra, engine, database)
  return { indexed: seen.size, removed }
}

export type IndexDifferences = { expected: number; indexed: number; missing: string[]; stale: string[]; extra: string[] }

/** `npm run search:check`: published placements missing from the index, indexed with old content, or indexed but not published. */
export async function checkIndex(engine: SearchEngine, database: () => Tx = db): Promise<IndexDifferences> {
  const indexed = await engine.allIds()
  const expected = new Map<string, string>()
  let after: string | null = null
  for (;;) {
    const ids = await publishedPlacementIds(database(), after, IDS_PER_JOB)
    if (ids.length === 0) break
    for (const document of (await buildDocuments(database(), ids)).documents) expected.set(document.id, document.hash)
    after = ids.at(-1)!
  }
  const missing = [...expected.keys()].filter((id) => !indexed.has(id))
  const stale = [...expected.entries()].filter(([id, hash]) => indexed.has(id) && indexed.get(id) !== hash).map(([id]) => id)
  const extra = [...indexed.keys()].filter((id) => !expected.has(id))
  return { expected: expected.size, indexed: indexed.size, missing, stale, extra }
}

async function countPublished(tx: Tx) {
  const [row] = await tx
    .select({ n: count() })
    .from(placements)
    .innerJoin(employerProfiles, eq(employerProfiles.organisationId, placements.organisationId))
    .where(and(eq(placements.status, 'published'), eq(employerProfiles.verificationStatus, 'verified')))
  return row?.n ?? 0
}
