import type PgBoss from 'pg-boss'
import { sql } from 'drizzle-orm'
import { db } from '#db/client'
import { evaluationScheduleRows } from '#db/queries/trajectory-evaluations'
import { claimReminder } from '#db/queries/trajectory-reminders'
import { sendEmail } from '#emails/send.server'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { logger } from '#core/logger'
import { formatDate } from '#domain/compensation-labels'
import { brusselsDate } from '#domain/intake-working-days'
import { evaluationReminders, nextEvaluationDue } from '#domain/trajectory-deadlines'

/**
 * Reminder mails for evaluations (issue 13): 14 days before an active trajectory's next evaluation is due and on the
 * day, to its begeleider. Every morning, weekends included (a due day may fall on one); a reminder whose day has come
 * goes out once (trajectory_reminders), as long as the evaluation is not past due — after that the overdue list
 * speaks. One transaction under an advisory lock, so a doubled run sends nothing twice.
 */
export const EVALUATION_REMINDERS_QUEUE = 'trajectory-evaluation-reminders'

export async function runEvaluationReminders(options: { today?: string; baseUrl?: string } = {}) {
  const today = options.today ?? brusselsDate()
  const baseUrl = options.baseUrl ?? publicBaseUrl()
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${EVALUATION_REMINDERS_QUEUE}))`)
    let mails = 0
    for (const row of await evaluationScheduleRows(tx, 'all')) {
      if (!row.begeleiderEmail || row.begeleiderDisabledAt) continue
      const { dueOn } = nextEvaluationDue({ startOn: row.startOn, evaluations: row.evaluations, phases: row.phases, today })
      if (today > dueOn) continue
      for (const reminder of evaluationReminders(dueOn)) {
        if (reminder.on > today || !(await claimReminder(tx, row.id, dueOn, reminder.kind))) continue
        await sendEmail(tx, {
          to: row.begeleiderEmail,
          template: 'evaluation-reminder',
          props: {
            name: row.begeleiderName ?? '',
            when: reminder.kind,
            dueOn: formatDate(dueOn),
            trajectoryUrl: new URL(`/begeleider/clienten/${row.clientId}/traject`, baseUrl).toString(),
            listUrl: new URL('/begeleider/evaluaties', baseUrl).toString(),
          },
        })
        mails += 1
      }
    }
    return { mails }
  })
}

/** The queue is created here because its cron schedule needs it; only workers run cron (core/jobs.ts). */
export async function registerEvaluationReminderWorker(boss: PgBoss) {
  await boss.createQueue(EVALUATION_REMINDERS_QUEUE, { name: EVALUATION_REMINDERS_QUEUE, policy: 'stately', retryLimit: 3, retryDelay: 300, expireInSeconds: 900 })
  await boss.work(EVALUATION_REMINDERS_QUEUE, async () => {
    const run = await runEvaluationReminders()
    if (run.mails > 0) logger().info(run, 'evaluation reminders sent')
  })
  await boss.schedule(EVALUATION_REMINDERS_QUEUE, '15 7 * * *', {}, { tz: 'Europe/Brussels' })
}
