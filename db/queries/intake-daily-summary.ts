import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { emailMessages, intakes, organisations, users } from '#db/schema'
import { overdueSql } from './intake-queue'
import { fullAccess, referralAccess } from './intake-triage'

/**
 * Per triage team (an OCMW or VDAB team with active triage workers), what waits in its queue today: intakes not
 * contacted yet that nobody or the team itself handles, how many of those are late, and hand-overs waiting for
 * its answer. Counts only, with the members to tell.
 */
export async function triageTeamSummaries(tx: Tx, today: string) {
  const members = await tx
    .select({ organisationId: organisations.id, organisation: organisations.name, name: users.name, email: users.email })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.role, 'triage_worker'), isNull(users.disabledAt), inArray(organisations.type, ['ocmw', 'vdab'])))
    .orderBy(asc(organisations.name), asc(users.name))
  const teams = new Map<string, { organisationId: string; organisation: string; members: { name: string; email: string }[] }>()
  for (const { organisationId, organisation, name, email } of members) {
    const team = teams.get(organisationId) ?? { organisationId, organisation, members: [] }
    team.members.push({ name, email })
    teams.set(organisationId, team)
  }
  const summaries = []
  for (const team of teams.values()) {
    const waiting = and(
      fullAccess(team.organisationId),
      eq(intakes.status, 'new'),
      or(isNull(intakes.handlingOrganisationId), eq(intakes.handlingOrganisationId, team.organisationId)),
    )
    const [counts] = await tx
      .select({
        waiting: sql<number>`count(*) filter (where ${waiting})::int`,
        overdue: sql<number>`count(*) filter (where ${waiting} and ${overdueSql(today)})::int`,
        referrals: sql<number>`count(*) filter (where ${referralAccess(team.organisationId)})::int`,
      })
      .from(intakes)
      .where(or(fullAccess(team.organisationId), referralAccess(team.organisationId)))
    summaries.push({ ...team, waiting: counts?.waiting ?? 0, overdue: counts?.overdue ?? 0, referrals: counts?.referrals ?? 0 })
  }
  return summaries
}

/** Whether `email` already got today's summary (Belgian day): a retried or repeated run sends nothing twice. */
export async function dailySummarySent(tx: Tx, email: string, today: string, template = 'triage-daily-summary') {
  const [row] = await tx
    .select({ id: emailMessages.id })
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.template, template),
        eq(emailMessages.to, email),
        sql`(${emailMessages.createdAt} at time zone 'Europe/Brussels')::date = ${today}::date`,
      ),
    )
    .limit(1)
  return row !== undefined
}
