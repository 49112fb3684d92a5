import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { SessionUser } from '#domain/session-user'
import { needsDecision } from '#domain/trajectory-deadlines'
import { type OutflowInput, outflowState } from '#domain/trajectory-follow-up'
import { isUuid } from '#domain/ids'
import type { Tx } from '#db/client'
import { clients, trajectories } from '#db/schema'
import { audit } from './audit'
import { ownOrganisation } from './clients'

/**
 * What a trajectory asks of its begeleider after a while (issue 13): a decision after 3 months without activity,
 * and the outflow status 3 months after the end. The dates are compared with the domain rules
 * (domain/trajectory-deadlines.ts) against a `today` the caller passes, so tests fix the clock.
 */

/** A moment of a timestamp as the calendar day in Flanders, as text like the `date` columns. */
const day = (column: string) => `(${column} at time zone 'Europe/Brussels')::date`

/**
 * The last day something happened in the trajectory: its start, a POP version, a phase start, an evaluation held, a
 * training request recorded or changed, a note, or the end of a suspension (greatest() skips the nulls).
 */
// The subqueries name the outer row in plain SQL: drizzle writes a column of a one-table select without its table.
const lastActivity = sql<string>`(greatest(
  ${trajectories.startOn},
  (select max(${sql.raw(day('created_at'))}) from pop_versions where trajectory_id = trajectories.id),
  (select max(start_on) from trajectory_phases where trajectory_id = trajectories.id),
  (select max(held_on) from trajectory_evaluations where trajectory_id = trajectories.id),
  (select max(${sql.raw(day('greatest(created_at, updated_at)'))}) from trajectory_trainings where trajectory_id = trajectories.id),
  (select max(${sql.raw(day('created_at'))}) from trajectory_notes where trajectory_id = trajectories.id),
  (select max(to_on) from trajectory_suspensions where trajectory_id = trajectories.id)
))::text`

/** The last activity of a trajectory of the user's organisation (undefined for another's). */
export async function lastActivityOn(tx: Tx, user: SessionUser, trajectoryId: string) {
  const [row] = await tx
    .select({ on: lastActivity })
    .from(trajectories)
    .where(and(eq(trajectories.id, trajectoryId), eq(trajectories.organisationId, ownOrganisation(user))))
  return row?.on
}

/**
 * The user's own trajectories that wait for them: active ones without activity for over 3 months (decide: suspend or
 * stop) and closed ones whose outflow follow-up date has come. Audited as a list read (counts only).
 */
export async function begeleiderTodo(tx: Tx, user: SessionUser, today: string) {
  const organisationId = ownOrganisation(user)
  const rows = await tx
    .select({
      clientId: trajectories.clientId,
      displayName: clients.displayName,
      status: trajectories.status,
      endedOn: trajectories.endedOn,
      outflowRecordedOn: trajectories.outflowRecordedOn,
      lastActivityOn: lastActivity,
    })
    .from(trajectories)
    .innerJoin(clients, eq(clients.id, trajectories.clientId))
    .where(
      and(
        eq(trajectories.organisationId, organisationId),
        eq(trajectories.begeleiderUserId, user.id),
        isNull(clients.anonymisedAt),
        // Active, or closed with the outflow still to record; a suspended trajectory waits for its resumption.
        sql`(${trajectories.status} = 'active' or (${trajectories.status} in ('stopped', 'ended') and ${trajectories.outflowRecordedOn} is null))`,
      ),
    )
    .orderBy(trajectories.startOn)
  const decisions = rows.filter((r) => r.status === 'active' && needsDecision({ lastActivityOn: r.lastActivityOn, today }))
  const outflows = rows.flatMap((r) => {
    if (!r.endedOn) return []
    const outflow = outflowState({ endedOn: r.endedOn, outflowRecordedOn: r.outflowRecordedOn, today })
    return outflow.state === 'due' ? [{ clientId: r.clientId, displayName: r.displayName, dueOn: outflow.dueOn }] : []
  })
  await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.todo-list', subjectType: 'trajectory', details: { decisions: decisions.length, outflows: outflows.length } })
  return {
    decisions: decisions.map(({ clientId, displayName, lastActivityOn }) => ({ clientId, displayName, lastActivityOn })),
    outflows,
  }
}

export type OutflowOutcome = { kind: 'recorded' } | { kind: 'not-found' } | { kind: 'too-early'; dueOn: string } | { kind: 'already-recorded' }

/**
 * Records where the person went, once, on the client's latest trajectory when it is closed and its follow-up date
 * (3 months after the end) has come. The row is locked, so two submissions cannot both record.
 */
export async function recordOutflow(tx: Tx, user: SessionUser, clientId: string, input: OutflowInput, today: string): Promise<OutflowOutcome> {
  const organisationId = ownOrganisation(user)
  if (!isUuid(clientId)) return { kind: 'not-found' }
  const [latest] = await tx
    .select({ id: trajectories.id, endedOn: trajectories.endedOn, outflowRecordedOn: trajectories.outflowRecordedOn })
    .from(trajectories)
    .where(and(eq(trajectories.clientId, clientId), eq(trajectories.organisationId, organisationId)))
    .orderBy(desc(trajectories.createdAt))
    .limit(1)
    .for('update')
  if (!latest?.endedOn) return { kind: 'not-found' }
  const outflow = outflowState({ endedOn: latest.endedOn, outflowRecordedOn: latest.outflowRecordedOn, today })
  if (outflow.state === 'recorded') return { kind: 'already-recorded' }
  if (outflow.state === 'not-yet') return { kind: 'too-early', dueOn: outflow.dueOn }
  await tx
    .update(trajectories)
    .set({ outflowStatus: input.outflowStatus, outflowRecordedOn: today, updatedAt: sql`now()` })
    .where(eq(trajectories.id, latest.id))
  await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.outflow', subjectType: 'trajectory', subjectId: latest.id, details: { clientId } })
  return { kind: 'recorded' }
}
