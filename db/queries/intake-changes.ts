import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { CloseReason, IntakeStatus } from '#domain/triage-labels'
import { mayClose, mayRegisterContact, mayWork } from '#domain/triage-workflow'
import type { Tx } from '#db/client'
import { intakeEvents, intakes, users } from '#db/schema'
import { audit } from './audit'
import { type AccessibleIntake, lockIntake, triageOrganisation } from './intake-triage'
import type { SessionUser } from '#domain/session-user'

/**
 * What a triage worker changes on an intake: first contact, closing, claiming, assigning and releasing. Each
 * change locks the intake with the user's access first (lockIntake) and then checks the workflow rules
 * (domain/triage-workflow.ts). Hand-overs (intake-referrals.ts) and merges (intake-duplicates.ts) write their
 * status changes through changeStatus too.
 */

/** Active triage workers of the user's organisation: whom an intake can be assigned to. */
export async function triageColleagues(tx: Tx, user: SessionUser) {
  return tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.organisationId, triageOrganisation(user)), eq(users.role, 'triage_worker'), isNull(users.disabledAt)))
    .orderBy(asc(users.name), asc(users.id))
}

export type ChangeOutcome = { kind: 'done' } | { kind: 'not-found' } | { kind: 'not-allowed' } | { kind: 'unknown-colleague' }

/**
 * Writes a status change: the intake row, its history event and the audit entry. Whoever changes a file nobody
 * handled yet takes it on for their organisation.
 */
export async function changeStatus(
  tx: Tx,
  user: SessionUser,
  intake: AccessibleIntake,
  to: IntakeStatus,
  changes: Partial<typeof intakes.$inferInsert> = {},
  note: string | null = null,
) {
  await tx
    .update(intakes)
    .set({ handlingOrganisationId: intake.handlingOrganisationId ?? user.organisation.id, ...changes, status: to, updatedAt: sql`now()` })
    .where(eq(intakes.id, intake.id))
  await tx
    .insert(intakeEvents)
    .values({ intakeId: intake.id, actorUserId: user.id, organisationId: user.organisation.id, fromStatus: intake.status, toStatus: to, note })
  await audit(tx, {
    actorUserId: user.id,
    organisationId: user.organisation.id,
    action: 'intake.status',
    subjectType: 'intake',
    subjectId: intake.id,
    details: { from: intake.status, to, fields: Object.keys(changes) },
  })
}

export async function registerFirstContact(tx: Tx, user: SessionUser, intakeId: string): Promise<ChangeOutcome> {
  const intake = await lockIntake(tx, user, intakeId)
  if (!intake) return { kind: 'not-found' }
  if (intake.access !== 'full' || !mayRegisterContact(intake, user.organisation.id)) return { kind: 'not-allowed' }
  await changeStatus(tx, user, intake, 'in_contact', { firstContactAt: new Date(), claimedByUserId: intake.claimedByUserId ?? user.id })
  return { kind: 'done' }
}

export async function closeIntake(tx: Tx, user: SessionUser, intakeId: string, closeReason: CloseReason): Promise<ChangeOutcome> {
  const intake = await lockIntake(tx, user, intakeId)
  if (!intake) return { kind: 'not-found' }
  if (intake.access !== 'full' || !mayClose(intake, user.organisation.id)) return { kind: 'not-allowed' }
  await changeStatus(tx, user, intake, 'closed', { closeReason })
  return { kind: 'done' }
}

/**
 * Claim (for oneself), assign (to a colleague of the same organisation) or release. Taking a file makes the
 * organisation its handler; releasing a file nobody has contacted yet puts it back in both queues.
 */
export async function assignIntake(tx: Tx, user: SessionUser, intakeId: string, assigneeId: string | null): Promise<ChangeOutcome> {
  const intake = await lockIntake(tx, user, intakeId)
  if (!intake) return { kind: 'not-found' }
  if (intake.access !== 'full' || !mayWork(intake, user.organisation.id)) return { kind: 'not-allowed' }
  if (assigneeId !== null && !(await triageColleagues(tx, user)).some((colleague) => colleague.id === assigneeId)) return { kind: 'unknown-colleague' }
  const handlingOrganisationId = assigneeId === null && intake.status === 'new' ? null : user.organisation.id
  await tx
    .update(intakes)
    .set({ claimedByUserId: assigneeId, handlingOrganisationId, updatedAt: sql`now()` })
    .where(eq(intakes.id, intake.id))
  await audit(tx, {
    actorUserId: user.id,
    organisationId: user.organisation.id,
    action: assigneeId === null ? 'intake.release' : 'intake.assign',
    subjectType: 'intake',
    subjectId: intake.id,
    details: { assigneeId },
  })
  return { kind: 'done' }
}
