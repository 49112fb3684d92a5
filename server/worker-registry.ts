import type PgBoss from 'pg-boss'
import { registerImportWorker } from '../db/import/worker'
import { registerEmailWorker } from '../emails/deliver.server'
import { registerSearchIndexWorker } from '../search/sync'

/** Every job handler in one place: the in-process worker of `npm start` and `npm run worker` both use it. */
export async function registerWorkers(boss: PgBoss) {
  await registerEmailWorker(boss)
  await registerImportWorker(boss)
  await registerSearchIndexWorker(boss)
}
