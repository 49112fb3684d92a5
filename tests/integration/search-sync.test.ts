import { eq, sql } from 'drizzle-orm'
import type PgBoss from 'pg-boss'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '#db/client'
import { placements } from '#db/schema'
import { buildDocuments } from '#search/document'
import type { SearchEngine } from '#search/port'
import { SearchUnavailableError } from '#search/port'
import { PostgresSearchEngine } from '#search/postgres/engine'
import { importPlacements } from '#app/features/placement-import/import.server'
import { changePlacementStatus } from '#db/queries/placement-lifecycle'
import { applyIndexUpdate, checkIndex, enqueueIndexUpdate, processIndexJobs, reconcileIndex, registerSearchIndexWorker, reindexAll, retryDelaySeconds } from '#search/sync'
import { startJobQueue } from '#core/jobs'
import { testDatabaseUrl } from '#tests/support/database'
import { eventually } from '#tests/support/eventually'
import { runCommand } from '#tests/support/run-command'
import { insertPlacement } from '#tests/support/search-conformance'

/** The index sync (outbox jobs, retries while the engine is down), reindex and check, and their commands. */
const postgres = new PostgresSearchEngine(db)
let down = false
let calls = 0
// The embedded engine, switched off and on by the test: what a Meilisearch outage looks like to the sync.
const flaky: SearchEngine = new Proxy(postgres, {
  get(target, property, receiver) {
    const value = Reflect.get(target, property, receiver)
    if (property !== 'upsert' && property !== 'remove') return typeof value === 'function' ? value.bind(target) : value
    return async (...args: unknown[]) => {
      calls += 1
      if (down) throw new SearchUnavailableError('engine switched off by the test')
      return (value as (...a: unknown[]) => Promise<void>).apply(target, args)
    }
  },
})

let boss: PgBoss
beforeAll(async () => {
  boss = await startJobQueue(testDatabaseUrl, { worker: true })
  await registerSearchIndexWorker(boss, flaky)
})

const indexed = async (id: string) => (await postgres.allIds()).has(id)
const jobsFor = async (id: string) =>
  (await db().execute<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = 'search-index' and data->'placementIds' ? ${id}`))[0]!.n

describe('index sync', () => {
  it('enqueues an index update only when the change commits', async () => {
    const { id } = await insertPlacement({ title: 'Terugdraaien' })
    await db()
      .transaction(async (tx) => {
        await enqueueIndexUpdate(tx, [id])
        tx.rollback()
      })
      .catch(() => {})
    expect(await jobsFor(id)).toBe(0)
    await db().transaction((tx) => enqueueIndexUpdate(tx, [id]))
    expect(await jobsFor(id)).toBe(1)
    await eventually(() => indexed(id))
  })

  it('removes a placement from the index once it is no longer published', async () => {
    const { id } = await insertPlacement({ title: 'Tijdelijk' })
    await applyIndexUpdate([id], postgres)
    await db().transaction(async (tx) => {
      await tx.update(placements).set({ status: 'paused' }).where(eq(placements.id, id))
      await enqueueIndexUpdate(tx, [id])
    })
    await eventually(async () => !(await indexed(id)))
  })

  it('keeps writes working while the engine is down and catches up within seconds after it returns', async () => {
    down = true
    calls = 0
    const { id } = await insertPlacement({ title: 'Tijdens de storing' })
    await db().transaction((tx) => enqueueIndexUpdate(tx, [id]))
    await eventually(async () => calls >= 1)
    expect(await indexed(id)).toBe(false)
    down = false
    const back = Date.now()
    await eventually(() => indexed(id))
    expect(Date.now() - back).toBeLessThan(10_000)
  })

  it('hands errors that retrying cannot fix back to the job queue', async () => {
    const broken: SearchEngine = Object.assign(Object.create(postgres) as PostgresSearchEngine, {
      upsert: () => Promise.reject(new SearchUnavailableError('invalid document', { retryable: false })),
    })
    const { id } = await insertPlacement()
    await expect(processIndexJobs([{ data: { placementIds: [id] } }], broken)).rejects.toThrow('invalid document')
  })

  it('waits 1, 2, 4 … seconds between tries, never more than 30', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 100].map(retryDelaySeconds)).toEqual([1, 2, 4, 8, 16, 30, 30, 30])
  })
})

describe('placement writes keep the index in step', () => {
  const organisationOf = async (id: string) =>
    (await db().select({ organisationId: placements.organisationId }).from(placements).where(eq(placements.id, id)))[0]!.organisationId

  it('indexes a placement when the lifecycle publishes it, and drops it when it is paused', async () => {
    const { id } = await insertPlacement({ title: 'Via de levenscyclus', status: 'submitted' })
    const organisationId = await organisationOf(id)
    await db().transaction((tx) => changePlacementStatus(tx, { placementId: id, organisationId, to: 'published', actorUserId: null }))
    await eventually(() => indexed(id))
    await db().transaction((tx) => changePlacementStatus(tx, { placementId: id, organisationId, to: 'paused', actorUserId: null }))
    await eventually(async () => !(await indexed(id)))
  })

  it('indexes what an import publishes', async () => {
    const record = {
      externalId: 'sync-1',
      employer: { name: 'Sync bv', enterpriseNumber: '0403.170.701', type: 'private' },
      title: 'Geïmporteerde plaats',
      occupation: 'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34',
      description: 'Komt via een import.',
      location: { postcode: '9000' },
      hoursPerWeek: 20,
      dutchLevel: 'A1',
      instruments: ['WES'],
      places: 1,
    }
    const result = await importPlacements(db(), JSON.stringify([record]), { fileName: 'sync.json', actor: { userId: null, organisationId: null, via: 'cli' } })
    expect(result).toMatchObject({ ok: true, imported: 1 })
    const [row] = await db().select({ id: placements.id }).from(placements).where(eq(placements.externalId, 'sync-1'))
    await eventually(() => indexed(row!.id))
  })

  it('queues at start what the index has wrong, without anyone running search:reindex', async () => {
    const { id } = await insertPlacement({ title: 'Geschreven zonder job' })
    expect(await indexed(id)).toBe(false)
    expect(await reconcileIndex(postgres)).toBeGreaterThanOrEqual(1)
    await eventually(() => indexed(id))
  })
})

describe('reindex and check', () => {
  it('finds missing, stale and extra documents, and a reindex repairs them', async () => {
    const missing = await insertPlacement({ title: 'Nooit geïndexeerd' })
    const stale = await insertPlacement({ title: 'Oude titel' })
    const extra = await insertPlacement({ title: 'Niet meer gepubliceerd' })
    await applyIndexUpdate([stale.id, extra.id], postgres)
    await db().update(placements).set({ title: 'Nieuwe titel' }).where(eq(placements.id, stale.id))
    await db().update(placements).set({ status: 'closed' }).where(eq(placements.id, extra.id))

    const before = await checkIndex(postgres)
    expect(before.missing).toContain(missing.id)
    expect(before.stale).toEqual([stale.id])
    expect(before.extra).toEqual([extra.id])

    const progress: [number, number][] = []
    const result = await reindexAll(postgres, (done, total) => void progress.push([done, total]))
    expect(result.removed).toBe(1)
    expect(progress.at(-1)).toEqual([result.indexed, result.indexed])
    expect(await checkIndex(postgres)).toMatchObject({ missing: [], stale: [], extra: [] })
    const [document] = (await buildDocuments(db(), [stale.id])).documents
    expect((await postgres.allIds()).get(stale.id)).toBe(document!.hash)
  })

  it('npm run search:check lists differences and exits 1; npm run search:reindex repairs them', async () => {
    const { id } = await insertPlacement({ title: 'Voor de commando’s' })
    const check = await runCommand('cli/search-check.ts', [], { LOG_LEVEL: 'warn' })
    expect(check.code, check.stderr).toBe(1)
    expect(check.stdout).toMatch(/^postgres: \d+ published placements, \d+ indexed; missing 1, stale 0, extra 0$/m)
    expect(check.stdout).toContain(`missing ${id}`)

    const reindex = await runCommand('cli/search-reindex.ts', [], { LOG_LEVEL: 'warn' })
    expect(reindex.code, reindex.stderr).toBe(0)
    expect(reindex.stdout).toMatch(/^indexed \d+, removed 0 \(postgres, \d+ ms\)\n$/)
    expect(reindex.stderr).toMatch(/indexed \d+ of \d+ placements/)

    expect(await checkIndex(postgres)).toMatchObject({ missing: [], stale: [], extra: [] })
  })
})
