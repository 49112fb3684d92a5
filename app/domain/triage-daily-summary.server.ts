import type PgBoss from 'pg-boss'
import { sql } from 'drizzle-orm'
import { db } from '../../db/client'
import { dailySummarySent, triageTeamSummaries } from '../../db/queries/intake-daily-summary'
import { sendEmail } from '../../emails/send.server'
import { env } from '../../server/env'
import { logger } from '../../server/logger'
import { todayIso } from '../compensation/rules'

/**
 * The triage teams' morning mail: every weekday at 07:00 Belgian time (pg-boss cron, run by workers only), each
 * triage worker of a team with intakes waiting gets the team's counts and a link to the queue — no personal data.
 * One transaction under an advisory lock for the whole run, and nobody gets a second summary on the same day,
 * so a retried or doubled run sends nothing twice.
 */
export const TRIAGE_SUMMARY_QUEUE = 'triage-daily-summary'
export const WEEKDAYS_AT_SEVEN = '0 7 * * 1-5'

export async function runTriageDailySummary(options: { today?: string; baseUrl?: string } = {}) {
  const today = options.today ?? todayIso()
  // A job has no request to take the address from: PUBLIC_URL, else the address of this very process.
  const baseUrl = options.baseUrl ?? env().PUBLIC_URL ?? `http://localhost:${env().PORT}`
  const queueUrl = new URL('/triage', baseUrl).toString()
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${TRIAGE_SUMMARY_QUEUE}))`)
    const run = { teams: 0, mails: 0 }
    for (const team of await triageTeamSummaries(tx, today)) {
      if (team.waiting === 0 && team.referrals === 0) continue
      run.teams += 1
      for (const member of team.members) {
        if (await dailySummarySent(tx, member.email, today)) continue
        const { waiting, overdue, referrals, organisation } = team
        await sendEmail(tx, {
          to: member.email,
          template: 'triage-daily-summary',
          props: { name: member.name, organisation, waiting, overdue, referrals, queueUrl },
        })
        run.mails += 1
      }
    }
    return run
  })
}

/** The queue itself is declared in server/jobs.ts; pg-boss keeps one schedule per name, so repeating this is harmless. */
export async function registerTriageSummaryWorker(boss: PgBoss) {
  await boss.work(TRIAGE_SUMMARY_QUEUE, async () => {
    const run = await runTriageDailySummary()
    logger().info(run, 'triage daily summary sent')
  })
  await boss.schedule(TRIAGE_SUMMARY_QUEUE, WEEKDAYS_AT_SEVEN, {}, { tz: 'Europe/Brussels' })
}
