import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import { enqueue } from '#core/jobs'
import type { Tx } from '#db/client'
import { emailMessages, erasureProofs, intakeEvents, intakeNotes, intakeReferrals, intakes } from '#db/schema'
import { audit } from './audit'

/**
 * The privacy duties of issue 5 that run without a person: anonymising intakes that made no progress, and
 * carrying out erasure requests. What stays is what statistics need (municipality, channel, language, answers
 * about situation and barriers) and never a name, a way to reach someone, or free text someone wrote.
 */
const personalFields = {
  firstName: null,
  lastName: null,
  phone: null,
  email: null,
  postcode: null,
  birthYear: null,
  barrierOther: null,
  contactLanguage: null,
} as const

/** Intakes still new or in contact whose last change and last event are older than `months`: anonymised. */
export async function anonymiseStaleIntakes(tx: Tx, months: number) {
  const cutoff = sql`now() - make_interval(months => ${months})`
  const stale = await tx
    .select({ id: intakes.id })
    .from(intakes)
    .where(
      and(
        isNull(intakes.anonymisedAt),
        inArray(intakes.status, ['new', 'in_contact']),
        lt(intakes.updatedAt, cutoff),
        sql`not exists (select 1 from ${intakeEvents} e where e.intake_id = ${intakes.id} and e.at >= ${cutoff})`,
      ),
    )
    .for('update', { skipLocked: true })
  const ids = stale.map((row) => row.id)
  if (ids.length === 0) return 0
  await scrub(tx, ids)
  await audit(tx, { actorUserId: null, action: 'intake.anonymise', subjectType: 'intake', details: { count: ids.length, months } })
  return ids.length
}

async function scrub(tx: Tx, ids: string[]) {
  await tx
    .update(intakes)
    // The status link stops working: its digest is replaced by a value no token hashes to.
    .set({ ...personalFields, statusTokenHash: sql`'anonymised:' || ${intakes.id}`, anonymisedAt: sql`now()`, updatedAt: sql`now()` })
    .where(inArray(intakes.id, ids))
  await tx.delete(intakeNotes).where(inArray(intakeNotes.intakeId, ids))
  await tx.update(intakeEvents).set({ note: null }).where(inArray(intakeEvents.intakeId, ids))
  await tx.update(intakeReferrals).set({ message: null, declineReason: null }).where(inArray(intakeReferrals.intakeId, ids))
  // The mails to the resident hold their name and address: statistics need none of them.
  await tx.delete(emailMessages).where(inArray(emailMessages.intakeId, ids))
}

/**
 * Carries out an erasure request: the intake, its notes, history, referrals and the mails to the resident are
 * deleted (their foreign keys cascade), and a proof with only the reference code and the dates remains.
 * Answers false when the intake is already gone.
 */
export async function eraseIntake(tx: Tx, intakeId: string, input: { requestedAt: Date; via: string }) {
  const [intake] = await tx.select({ reference: intakes.reference }).from(intakes).where(eq(intakes.id, intakeId)).for('update')
  if (!intake) return false
  await tx.update(intakes).set({ duplicateOfId: null }).where(eq(intakes.duplicateOfId, intakeId))
  await tx.delete(intakes).where(eq(intakes.id, intakeId))
  await tx.insert(erasureProofs).values({ intakeReference: intake.reference, requestedAt: input.requestedAt, via: input.via })
  await audit(tx, { actorUserId: null, action: 'intake.erase', subjectType: 'intake', subjectId: intakeId, details: { reference: intake.reference, via: input.via } })
  return true
}

/** Records nothing itself: queues the erasure in the caller's transaction (the one that logs the request). */
export async function queueErasure(tx: Tx, input: { intakeId: string; via: string }) {
  await enqueue(tx, 'intake-erasure', { intakeId: input.intakeId, requestedAt: new Date().toISOString(), via: input.via })
}
