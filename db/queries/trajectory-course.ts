import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { FinalReportInput } from '#domain/final-report-form'
import type { SessionUser } from '#domain/session-user'
import type { SuspensionInput } from '#domain/suspension-form'
import type { Tx } from '#db/client'
import { trajectories, trajectoryFinalReports, trajectoryPhases, trajectorySuspensions } from '#db/schema'
import { audit } from './audit'
import { ownOrganisation } from './clients'
import { lockOpenTrajectory } from './trajectories'

/** Changes of a running trajectory's course: suspending and taking up again, stopping or ending (issue 13). */
export type CloseOutcome = { kind: 'closed'; status: 'stopped' | 'ended' } | { kind: 'not-found' } | { kind: 'before-start'; startOn: string }

/**
 * Stops or ends the client's open trajectory with its final report, in one go: the open phases end on the same
 * day, the funded months stop counting (the end date), and the report is never changed afterwards.
 */
export async function closeTrajectory(tx: Tx, user: SessionUser, clientId: string, input: FinalReportInput): Promise<CloseOutcome> {
  const organisationId = ownOrganisation(user)
  const open = await lockOpenTrajectory(tx, organisationId, clientId)
  if (!open) return { kind: 'not-found' }
  if (input.endedOn < open.startOn) return { kind: 'before-start', startOn: open.startOn }
  const status = input.closing === 'stop' ? 'stopped' : 'ended'
  await tx
    .update(trajectories)
    .set({ status, endedOn: input.endedOn, stopReason: status === 'stopped' ? (input.stopReason ?? 'other') : null, updatedAt: sql`now()` })
    .where(eq(trajectories.id, open.id))
  await endOpenPhases(tx, open.id, input.endedOn)
  await tx.insert(trajectoryFinalReports).values({
    trajectoryId: open.id,
    goals: input.goals.map(({ goal, result, comment }) => ({ goal, result, ...(comment ? { comment } : {}) })),
    icf: input.icf,
    outcome: input.outcome,
    recommendation: input.recommendation,
    writtenByUserId: user.id,
  })
  await audit(tx, { actorUserId: user.id, organisationId, action: `trajectory.${input.closing}`, subjectType: 'trajectory', subjectId: open.id, details: { outcome: input.outcome, icf: input.icf.length } })
  return { kind: 'closed', status }
}

/** Ends the trajectory's open phases on the day it closes (a phase that starts later ends on its start). */
export async function endOpenPhases(tx: Tx, trajectoryId: string, endedOn: string) {
  await tx
    .update(trajectoryPhases)
    .set({ endedOn: sql`greatest(${trajectoryPhases.startOn}, ${endedOn}::date)` })
    .where(and(eq(trajectoryPhases.trajectoryId, trajectoryId), isNull(trajectoryPhases.endedOn)))
}

export type SuspensionOutcome =
  | { kind: 'suspended' }
  | { kind: 'resumed' }
  | { kind: 'not-found' }
  | { kind: 'not-active' }
  | { kind: 'not-suspended' }
  | { kind: 'before'; field: 'fromOn' | 'toOn'; earliestOn: string }

/**
 * Suspends the client's active trajectory from a day on, or takes a suspended one up again: one suspension runs at a
 * time, it starts no earlier than the trajectory (or the end of the previous suspension) and ends no earlier than it
 * started.
 */
export async function changeSuspension(tx: Tx, user: SessionUser, clientId: string, input: SuspensionInput): Promise<SuspensionOutcome> {
  const organisationId = ownOrganisation(user)
  const open = await lockOpenTrajectory(tx, organisationId, clientId)
  if (!open) return { kind: 'not-found' }
  const [last] = await tx.select().from(trajectorySuspensions).where(eq(trajectorySuspensions.trajectoryId, open.id)).orderBy(desc(trajectorySuspensions.fromOn)).limit(1)
  if (input.intent === 'suspend') {
    if (open.status !== 'active') return { kind: 'not-active' }
    const earliestOn = last?.toOn && last.toOn > open.startOn ? last.toOn : open.startOn
    if (input.fromOn < earliestOn) return { kind: 'before', field: 'fromOn', earliestOn }
    await tx.insert(trajectorySuspensions).values({ trajectoryId: open.id, fromOn: input.fromOn, reason: input.reason })
  } else {
    if (open.status !== 'suspended' || !last || last.toOn) return { kind: 'not-suspended' }
    if (input.toOn < last.fromOn) return { kind: 'before', field: 'toOn', earliestOn: last.fromOn }
    await tx.update(trajectorySuspensions).set({ toOn: input.toOn }).where(eq(trajectorySuspensions.id, last.id))
  }
  const status = input.intent === 'suspend' ? 'suspended' : 'active'
  await tx.update(trajectories).set({ status, updatedAt: sql`now()` }).where(eq(trajectories.id, open.id))
  await audit(tx, { actorUserId: user.id, organisationId, action: `trajectory.${input.intent}`, subjectType: 'trajectory', subjectId: open.id })
  return { kind: input.intent === 'suspend' ? 'suspended' : 'resumed' }
}
