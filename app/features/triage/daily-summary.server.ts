import type PgBoss from 'pg-boss'
import { sql } from 'drizzle-orm'
import { db } from '#db/client'
import type { Tx } from '#db/client'
import { dailySummarySent, triageTeamSummaries } from '#db/queries/intake-daily-summary'
import { countUnreceivedByRegion, unreceivedSummaryRecipients } from '#db/queries/intake-unreceived'
import { listRegions } from '#db/queries/reference'
import { sendEmail } from '#emails/send.server'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { logger } from '#core/logger'
import { todayIso } from '#domain/compensation-rules'

/**
 * The triage teams' morning mail: every weekday at 07:00 Belgian time (pg-boss cron, run by workers only), each
 * triage worker of a team with intakes waiting gets the team's counts and a link to the queue — no personal data;
 * and the admins get the count of intakes that wait without a receiver in their area.
 * One transaction under an advisory lock for the whole run, and nobody gets a second summary on the same day,
 * so a retried or doubled run sends nothing twice.
 */
export const TRIAGE_SUMMARY_QUEUE = 'triage-daily-summary'
export const WEEKDAYS_AT_SEVEN = '0 7 * * 1-5'

export async function runTriageDailySummary(options: { today?: string; baseUrl?: string } = {}) {
  const today = options.today ?? todayIso()
  const baseUrl = options.baseUrl ?? publicBaseUrl()
  const queueUrl = new URL('/triage', baseUrl).toString()
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${TRIAGE_SUMMARY_QUEUE}))`)
    const run = { teams: 0, mails: 0, adminMails: await sendUnreceivedSummaries(tx, today, new URL('/admin/zonder-ontvanger', baseUrl).toString()) }
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

/**
 * Admins hear of intakes without a receiver in their area (regional admins: their regions; platform admins: all of
 * Flanders), once a day, only when there are any.
 */
async function sendUnreceivedSummaries(tx: Tx, today: string, listUrl: string) {
  const byRegion = await countUnreceivedByRegion(tx, today)
  if (byRegion.length === 0) return 0
  const regionNames = new Map((await listRegions(tx)).map((r) => [r.code, r.name]))
  let mails = 0
  for (const admin of await unreceivedSummaryRecipients(tx)) {
    const everywhere = admin.role === 'platform_admin'
    const counted = byRegion.filter((r) => everywhere || admin.regionCodes.includes(r.regionCode))
    const waiting = counted.reduce((sum, r) => sum + r.waiting, 0)
    if (waiting === 0 || (await dailySummarySent(tx, admin.email, today, 'unreceived-summary'))) continue
    const area = everywhere ? 'heel Vlaanderen' : listInDutch(admin.regionCodes.map((code) => regionNames.get(code) ?? code))
    const overdue = counted.reduce((sum, r) => sum + r.overdue, 0)
    await sendEmail(tx, { to: admin.email, template: 'unreceived-summary', props: { name: admin.name, area, waiting, overdue, listUrl } })
    mails += 1
  }
  return mails
}

const listInDutch = (names: string[]) => (names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`)

/** The queue itself is declared in core/jobs.ts; pg-boss keeps one schedule per name, so repeating this is harmless. */
export async function registerTriageSummaryWorker(boss: PgBoss) {
  await boss.work(TRIAGE_SUMMARY_QUEUE, async () => {
    const run = await runTriageDailySummary()
    logger().info(run, 'triage daily summary sent')
  })
  await boss.schedule(TRIAGE_SUMMARY_QUEUE, WEEKDAYS_AT_SEVEN, {}, { tz: 'Europe/Brussels' })
}
