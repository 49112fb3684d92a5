import PgBoss from 'pg-boss'
import { logger } from './logger'

/**
 * Background jobs on pg-boss, in the same Postgres as the data (no extra server to run).
 * Jobs are enqueued inside the transaction of the change that causes them, so a job exists exactly when
 * its change was committed.
 */
export const queueNames = ['deliver-email', 'import-placements', 'search-index', 'intake-retention', 'intake-erasure', 'triage-daily-summary'] as const
export type QueueName = (typeof queueNames)[number]

const g = globalThis as { __stapsteenBoss?: PgBoss }

export async function startJobQueue(connectionString: string, options: { worker: boolean }) {
  // One queue per process: starting again (a test that needs a worker) replaces the one running, never leaks it.
  await stopJobQueue()
  const boss = new PgBoss({
    connectionString,
    schema: 'pgboss',
    application_name: 'stapsteen-jobs',
    max: options.worker ? 4 : 2,
    // Only workers run maintenance and cron; web processes just enqueue.
    supervise: options.worker,
    schedule: options.worker,
  })
  // Through the logger, whose error serializer drops query parameters (job data may hold ids of people).
  boss.on('error', (error) => logger().error({ err: error }, 'job queue error'))
  await boss.start()
  for (const name of queueNames) {
    await boss.createQueue(name, { name, retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 })
  }
  g.__stapsteenBoss = boss
  return boss
}

export function jobQueue(): PgBoss {
  if (!g.__stapsteenBoss) throw new Error('The job queue is not started.')
  return g.__stapsteenBoss
}

export async function stopJobQueue() {
  const boss = g.__stapsteenBoss
  g.__stapsteenBoss = undefined
  await boss?.stop({ graceful: true, timeout: 10_000, wait: true })
}

/**
 * A drizzle transaction (db/client's Tx), typed loosely because core imports nothing of ours; asPgBossDb reaches
 * its connection.
 */
type Transaction = object

/** pg-boss runs its insert on the transaction's own connection, so the job commits or rolls back with it. */
function asPgBossDb(tx: Transaction): PgBoss.Db {
  // drizzle's postgres-js transaction keeps its postgres.js connection at session.client.
  const client = (tx as unknown as { session: { client: { unsafe: (q: string, v: unknown[]) => Promise<unknown[]> } } })
    .session.client
  return { executeSql: async (text, values) => ({ rows: (await client.unsafe(text, values.map(asPgValue))) as unknown[] }) }
}

/**
 * pg-boss is written for node-postgres, which sends undefined as NULL and objects (job data) as JSON text.
 * postgres.js rejects undefined, and drizzle turns off its JSON and date serializers, so do what node-postgres does.
 */
function asPgValue(value: unknown): unknown {
  if (value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  const plainObject = typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value)
  return plainObject ? JSON.stringify(value) : value
}

export async function enqueue(tx: Transaction, name: QueueName, data: object, options: PgBoss.SendOptions = {}) {
  return jobQueue().send(name, data, { ...options, db: asPgBossDb(tx) })
}
