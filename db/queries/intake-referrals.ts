import { and, asc, eq, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { counterpartOf, type ReferralBlock, referralBlock } from '#domain/triage-workflow'
import type { IntakeLanguage } from '#domain/intake-languages'
import type { Tx } from '#db/client'
import { intakeReferrals, intakes, organisations, users } from '#db/schema'
import { audit } from './audit'
import { changeStatus } from './intake-changes'
import { sharedNotes } from './intake-notes'
import { accessLevelOf, intakeAccess, lockIntake, triageOrganisation } from './intake-triage'
import { isUuid } from '#domain/ids'
import type { SessionUser } from '#domain/session-user'

/**
 * The warm hand-over: an organisation that spoke to the resident refers the intake to the other organisation of
 * its pair (OCMW ↔ VDAB team). The dossier that goes along is the intake's answers and its notes that are not
 * confidential. The receiver accepts (it becomes the handling organisation and the resident gets a mail in their
 * language) or declines with a reason (the intake goes back to the sender, in contact). The sender keeps
 * following the status (docs/triage-visibility.md).
 */
const fromOrganisation = alias(organisations, 'from_organisation')
const toOrganisation = alias(organisations, 'to_organisation')
const referrer = alias(users, 'referrer')
const decider = alias(users, 'decider')

/**
 * The intake's referrals, oldest first, for anyone who may see the intake. Message and decline reason are free
 * text: a follower with status access reads them only on referrals its own organisation sent.
 */
export async function listReferrals(tx: Tx, user: SessionUser, intakeId: string) {
  if (!isUuid(intakeId)) return []
  const organisationId = triageOrganisation(user)
  const access = accessLevelOf(organisationId)
  const readable = sql`(${access} <> 'status' or ${intakeReferrals.fromOrganisationId} = ${organisationId})`
  return tx
    .select({
      id: intakeReferrals.id,
      status: intakeReferrals.status,
      createdAt: intakeReferrals.createdAt,
      decidedAt: intakeReferrals.decidedAt,
      fromOrganisationId: intakeReferrals.fromOrganisationId,
      toOrganisationId: intakeReferrals.toOrganisationId,
      from: fromOrganisation.name,
      to: toOrganisation.name,
      referredBy: referrer.name,
      decidedBy: decider.name,
      message: sql<string | null>`case when ${readable} then ${intakeReferrals.message} end`,
      declineReason: sql<string | null>`case when ${readable} then ${intakeReferrals.declineReason} end`,
    })
    .from(intakeReferrals)
    .innerJoin(intakes, eq(intakes.id, intakeReferrals.intakeId))
    .innerJoin(fromOrganisation, eq(fromOrganisation.id, intakeReferrals.fromOrganisationId))
    .innerJoin(toOrganisation, eq(toOrganisation.id, intakeReferrals.toOrganisationId))
    .leftJoin(referrer, eq(referrer.id, intakeReferrals.referredByUserId))
    .leftJoin(decider, eq(decider.id, intakeReferrals.decidedByUserId))
    .where(and(eq(intakeReferrals.intakeId, intakeId), sql`${access} is not null`))
    .orderBy(asc(intakeReferrals.createdAt), asc(intakeReferrals.id))
}

/**
 * What a hand-over sends along besides the answers: the notes that are not confidential. For the sender (a
 * preview before referring) and for the receiver deciding on it; nobody else gets any notes from here.
 */
export async function referralDossier(tx: Tx, user: SessionUser, intakeId: string) {
  const intake = await intakeAccess(tx, user, intakeId)
  if (!intake || intake.access === 'status') return undefined
  return { notes: await sharedNotes(tx, user, [intake.id]) }
}

export type ReferOutcome = { kind: 'referred'; to: string } | { kind: 'not-found' } | { kind: 'blocked'; reason: ReferralBlock }

export async function referIntake(tx: Tx, user: SessionUser, intakeId: string, message: string | null): Promise<ReferOutcome> {
  const intake = await lockIntake(tx, user, intakeId)
  if (!intake) return { kind: 'not-found' }
  const block = intake.access === 'full' ? referralBlock(intake, user.organisation.id) : 'not-yours'
  if (block) return { kind: 'blocked', reason: block }
  const toOrganisationId = counterpartOf(intake, user.organisation.id)!
  const [to] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, toOrganisationId))
  await tx
    .insert(intakeReferrals)
    .values({ intakeId: intake.id, fromOrganisationId: user.organisation.id, toOrganisationId, referredByUserId: user.id, message })
  await changeStatus(tx, user, intake, 'referred', {}, `Doorverwezen naar ${to?.name ?? 'de andere organisatie'}`)
  await audit(tx, {
    actorUserId: user.id,
    organisationId: user.organisation.id,
    action: 'intake.refer',
    subjectType: 'intake',
    subjectId: intake.id,
    details: { toOrganisationId },
  })
  return { kind: 'referred', to: to?.name ?? '' }
}

export type Decision = { decision: 'accept' } | { decision: 'decline'; reason: string }
/** An accepted referral names the resident's address and language: app/features/triage/hand-over/hand-over.server.ts tells them. */
export type RecordedDecision =
  | { kind: 'accepted'; intakeId: string; resident: { email: string | null; language: IntakeLanguage } }
  | { kind: 'declined' }
  | { kind: 'not-found' }
  | { kind: 'not-pending' }

/** The receiver's answer to the intake's pending referral. */
export async function recordReferralDecision(tx: Tx, user: SessionUser, intakeId: string, decision: Decision): Promise<RecordedDecision> {
  const intake = await lockIntake(tx, user, intakeId)
  if (!intake) return { kind: 'not-found' }
  const [pending] = await tx
    .select({ id: intakeReferrals.id, fromOrganisationId: intakeReferrals.fromOrganisationId })
    .from(intakeReferrals)
    .where(and(eq(intakeReferrals.intakeId, intake.id), eq(intakeReferrals.status, 'pending'), eq(intakeReferrals.toOrganisationId, user.organisation.id)))
  if (intake.access !== 'referral' || !pending) return { kind: 'not-pending' }
  const accepted = decision.decision === 'accept'
  await tx
    .update(intakeReferrals)
    .set({ status: accepted ? 'accepted' : 'declined', declineReason: accepted ? null : decision.reason, decidedAt: sql`now()`, decidedByUserId: user.id })
    .where(eq(intakeReferrals.id, pending.id))
  await audit(tx, {
    actorUserId: user.id,
    organisationId: user.organisation.id,
    action: accepted ? 'intake.referral-accept' : 'intake.referral-decline',
    subjectType: 'intake',
    subjectId: intake.id,
    details: { referralId: pending.id },
  })
  if (!accepted) {
    // Back to the sender, who still handles the file and was in contact with the resident.
    await changeStatus(
      tx,
      user,
      intake,
      'in_contact',
      { handlingOrganisationId: pending.fromOrganisationId },
      `Doorverwijzing geweigerd door ${user.organisation.name}`,
    )
    return { kind: 'declined' }
  }
  // The sender's colleague who had the file is not the receiver's: the receiver's team claims it anew.
  await changeStatus(
    tx,
    user,
    intake,
    'accepted',
    { handlingOrganisationId: user.organisation.id, claimedByUserId: null },
    `Aanvaard door ${user.organisation.name}`,
  )
  const [resident] = await tx.select({ email: intakes.email, language: intakes.language }).from(intakes).where(eq(intakes.id, intake.id))
  return { kind: 'accepted', intakeId: intake.id, resident: resident! }
}
