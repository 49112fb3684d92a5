import { and, eq, sql } from 'drizzle-orm'
import type { TrainingOutcomeInput, TrainingRequestInput } from '#domain/training-form'
import type { SessionUser } from '#domain/session-user'
import { isUuid } from '#domain/ids'
import type { Tx } from '#db/client'
import { trajectories, trajectoryTrainings } from '#db/schema'
import { audit } from './audit'
import { ownOrganisation } from './clients'
import { lockOpenTrajectory } from './trajectories'

/**
 * Training requests within a TWE trajectory (issue 13). New requests go only to the client's open trajectory; an
 * outcome may still be recorded after the trajectory closed (a course often ends later). The list is read with the
 * trajectory (getClientTrajectory), which cannot import this file without a cycle. Audited with ids and codes only.
 */
export async function addTraining(tx: Tx, user: SessionUser, clientId: string, input: Omit<TrainingRequestInput, 'intent'>) {
  const organisationId = ownOrganisation(user)
  const open = await lockOpenTrajectory(tx, organisationId, clientId)
  if (!open) return { kind: 'not-open' } as const
  const [row] = await tx
    .insert(trajectoryTrainings)
    .values({
      trajectoryId: open.id,
      provider: input.provider,
      course: input.course,
      requestedOn: input.requestedOn,
      startOn: input.startOn ?? null,
      endOn: input.endOn ?? null,
      recordedByUserId: user.id,
    })
    .returning({ id: trajectoryTrainings.id })
  if (!row) throw new Error('training insert returned nothing')
  await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.training-add', subjectType: 'trajectory', subjectId: open.id, details: { trainingId: row.id } })
  return { kind: 'added', id: row.id } as const
}

/** The outcome of a request of the client's trajectory in the user's organisation; another organisation's id is not found. */
export async function recordTrainingOutcome(tx: Tx, user: SessionUser, clientId: string, input: Omit<TrainingOutcomeInput, 'intent'>) {
  const organisationId = ownOrganisation(user)
  if (!isUuid(clientId) || !isUuid(input.trainingId)) return { kind: 'not-found' } as const
  const [training] = await tx
    .select({ id: trajectoryTrainings.id, trajectoryId: trajectoryTrainings.trajectoryId })
    .from(trajectoryTrainings)
    .innerJoin(trajectories, eq(trajectories.id, trajectoryTrainings.trajectoryId))
    .where(and(eq(trajectoryTrainings.id, input.trainingId), eq(trajectories.clientId, clientId), eq(trajectories.organisationId, organisationId)))
    .for('update', { of: trajectoryTrainings })
  if (!training) return { kind: 'not-found' } as const
  const refusalReason = input.outcome === 'refused' ? (input.refusalReason ?? null) : null
  await tx
    .update(trajectoryTrainings)
    // A note is kept until a new one is written: recording "completed" should not wipe why it was approved.
    .set({ outcome: input.outcome, refusalReason, ...(input.note ? { note: input.note } : {}), recordedByUserId: user.id, updatedAt: sql`now()` })
    .where(eq(trajectoryTrainings.id, training.id))
  await audit(tx, {
    actorUserId: user.id,
    organisationId,
    action: 'trajectory.training-outcome',
    subjectType: 'trajectory',
    subjectId: training.trajectoryId,
    details: { trainingId: training.id, outcome: input.outcome, refusalReason },
  })
  return { kind: 'recorded' } as const
}
