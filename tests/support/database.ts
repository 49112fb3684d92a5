import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { afterAll, beforeAll, inject } from 'vitest'
import { closeDatabase, connectDatabase } from '#db/client'
import { startJobQueue, stopJobQueue } from '#core/jobs'

/**
 * Each integration test file works in its own fresh copy of the template database, dropped afterwards, with the
 * job queue started as in the web server (enqueue only): placement writes queue their index updates, mail its
 * delivery. A test that needs jobs worked starts the queue again with `{ worker: true }`.
 */
const adminUrl = inject('pgAdminUrl')
const name = `test_${randomBytes(6).toString('hex')}`
export const testDatabaseUrl = adminUrl.replace(/\/postgres$/, `/${name}`)

beforeAll(async () => {
  const admin = postgres(adminUrl, { onnotice: () => {}, max: 1 })
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE stapsteen_template`)
  await admin.end()
  connectDatabase(testDatabaseUrl)
  await startJobQueue(testDatabaseUrl, { worker: false })
})

afterAll(async () => {
  await stopJobQueue()
  await closeDatabase()
  const admin = postgres(adminUrl, { onnotice: () => {}, max: 1 })
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.end()
})
