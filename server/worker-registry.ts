import type PgBoss from 'pg-boss'
import { registerImportWorker } from '#app/features/placement-import/worker.server'
import { registerPrivacyWorkers } from '#app/features/privacy/privacy-worker.server'
import { registerTriageSummaryWorker } from '#app/features/triage/daily-summary.server'
import { registerEvaluationReminderWorker } from '#app/features/trajectories/evaluation-reminders.server'
import { registerEmailWorker } from '#emails/deliver.server'
import { registerSavedSearchAlertWorker } from '#app/features/saved-searches/alerts.server'
import { registerSearchIndexWorker } from '#search/sync'

/** Every job handler in one place: the in-process worker of `npm start` and `npm run worker` both use it. */
export async function registerWorkers(boss: PgBoss) {
  await registerEmailWorker(boss)
  await registerImportWorker(boss)
  // The walk over every placement that checks the index waits a little: in `npm start` it would otherwise compete
  // with the first pages a restarted server serves (a second of CPU; issue 16, point 12).
  await registerSearchIndexWorker(boss, undefined, { reconcileAfterMs: 3_000 })
  await registerPrivacyWorkers(boss)
  await registerSavedSearchAlertWorker(boss)
  await registerTriageSummaryWorker(boss)
  await registerEvaluationReminderWorker(boss)
}
