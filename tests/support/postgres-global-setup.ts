import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { closeDatabase, connectDatabase } from '#db/client'
import { startEmbeddedPostgres } from '#db/embedded'
import { migrateDatabase } from '#db/migrate'
import { loadReferenceData } from '#db/reference/load'

/**
 * One real PostgreSQL for the whole integration run (never a mock). A template database holds the migrated
 * schema and the reference data; every test file gets its own copy of it (tests/support/database.ts).
 */
export const TEMPLATE = 'stapsteen_template'

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stapsteen-test-'))
  const pg = await startEmbeddedPostgres({ dataDir, kind: 'command' })
  const adminUrl = pg.url.replace(/\/stapsteen$/, '/postgres')
  const admin = postgres(adminUrl, { onnotice: () => {} })
  await admin.unsafe(`CREATE DATABASE ${TEMPLATE}`)
  const templateUrl = pg.url.replace(/\/stapsteen$/, `/${TEMPLATE}`)
  await migrateDatabase(connectDatabase(templateUrl), loadReferenceData)
  await closeDatabase()
  await admin.end()
  project.provide('pgAdminUrl', adminUrl)
  return async () => {
    await pg.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string
  }
}
