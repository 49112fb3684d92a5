import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { boot } from '#server/boot'

/**
 * A throwaway database for a benchmark: a new database on DATABASE_URL's server when that is set, otherwise an
 * embedded PostgreSQL in a temporary DATA_DIR. Migrated, with reference data, no demo; the job queue runs (no
 * worker) so code that enqueues inside its transaction works. `url` lets another process (a server under test)
 * connect to it. `dispose` removes everything.
 */
export async function throwawayDatabase() {
  process.env.SEED_DEMO = 'false'
  let cleanup = async () => {}
  let dataDir: string | undefined
  const serverUrl = process.env.DATABASE_URL
  if (serverUrl) {
    const name = `stapsteen_bench_${randomBytes(5).toString('hex')}`
    await withAdmin(serverUrl, (admin) => admin.unsafe(`CREATE DATABASE ${name}`))
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    process.env.DATABASE_URL = url.toString()
    cleanup = () => withAdmin(serverUrl, (admin) => admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stapsteen-bench-'))
    dataDir = dir
    process.env.DATA_DIR = dir
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true })
  }
  const database = await boot('command', { seed: false, worker: false })
  return {
    db: database.db,
    url: database.url,
    /** The embedded PostgreSQL's directory; undefined on DATABASE_URL's server. */
    dataDir,
    dispose: async () => {
      await database.close()
      await cleanup()
    },
  }
}

async function withAdmin(url: string, run: (admin: postgres.Sql) => Promise<unknown>) {
  const admin = postgres(url, { max: 1, onnotice: () => {} })
  try {
    await run(admin)
  } finally {
    await admin.end()
  }
}
