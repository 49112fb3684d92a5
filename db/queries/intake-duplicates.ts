import { and, asc, eq, ne, or, type SQL, sql } from 'drizzle-orm'
import type { IntakeStatus } from '#domain/triage-labels'
import { mayWork } from '#domain/triage-workflow'
import type { Tx } from '#db/client'
import { intakeEvents, intakeNotes, intakes } from '#db/schema'
import { audit } from './audit'
import { changeStatus } from './intake-changes'
import { type AccessibleIntake, fullAccess, lockIntake, triageOrganisation } from './intake-triage'
import { isUuid } from '#domain/ids'
import type { SessionUser } from '#domain/session-user'

type DuplicateKeys = Pick<typeof intakes.$inferSelect, 'id' | 'phone' | 'email' | 'firstName' | 'lastName' | 'birthYear' | 'municipalityNis'>

// Phone numbers compare on their last 9 digits, so "0470 12 34 56" and "+32 470 12 34 56" are the same number.
const phoneKey = (phone: SQL | string | null) =>
  sql`case when length(regexp_replace(${phone}, '[^0-9]', '', 'g')) >= 8 then right(regexp_replace(${phone}, '[^0-9]', '', 'g'), 9) end`
const folded = (value: SQL | string | null) => sql`lower(trim(${value}))`

/**
 * Open intakes the user has full access to that look like the same person: the same phone number or email
 * address, or the same name and birth year in the same municipality. Only intakes the user may see anyway, so
 * this never tells anyone that an intake of another organisation exists.
 */
export async function findDuplicates(tx: Tx, user: SessionUser, of: DuplicateKeys) {
  const organisationId = triageOrganisation(user)
  const samePhone = sql<boolean>`coalesce(${phoneKey(sql`${intakes.phone}`)} = ${phoneKey(of.phone)}, false)`
  const sameEmail = sql<boolean>`coalesce(${folded(sql`${intakes.email}`)} = ${folded(of.email)}, false)`
  const sameName = sql<boolean>`coalesce(${folded(sql`${intakes.firstName}`)} = ${folded(of.firstName)} and ${folded(sql`${intakes.lastName}`)} = ${folded(of.lastName)} and ${intakes.birthYear} = ${of.birthYear} and ${intakes.municipalityNis} = ${of.municipalityNis}, false)`
  return tx
    .select({
      id: intakes.id,
      reference: intakes.reference,
      firstName: intakes.firstName,
      lastName: intakes.lastName,
      status: intakes.status,
      createdAt: intakes.createdAt,
      handlingOrganisationId: intakes.handlingOrganisationId,
      samePhone,
      sameEmail,
      sameName,
    })
    .from(intakes)
    .where(and(fullAccess(organisationId), ne(intakes.id, of.id), ne(intakes.status, 'closed'), or(samePhone, sameEmail, sameName)))
    .orderBy(asc(intakes.createdAt), asc(intakes.id))
}

export type MergeOutcome =
  { kind: 'merged'; keptId: string; keptReference: string } | { kind: 'not-found' } | { kind: 'not-allowed' } | { kind: 'not-duplicates' }

const mergeable = (intake: AccessibleIntake, organisationId: string) =>
  intake.access === 'full' && mayWork(intake, organisationId) && (intake.status === 'new' || intake.status === 'in_contact')

/**
 * Merges two registrations of the same person: the older record stays, the newer one's notes and history move
 * to it, and the newer one is closed as a duplicate that points to it. The older record takes over a first
 * contact made on the newer one. Both rows are locked in id order, so two merges at once cannot deadlock.
 */
export async function mergeIntakes(tx: Tx, user: SessionUser, intakeId: string, otherId: string): Promise<MergeOutcome> {
  if (!isUuid(intakeId) || !isUuid(otherId) || intakeId === otherId) return { kind: 'not-found' }
  const locked = []
  for (const id of [intakeId, otherId].sort()) locked.push(await lockIntake(tx, user, id))
  const [a, b] = locked
  if (!a || !b) return { kind: 'not-found' }
  if (!mergeable(a, user.organisation.id) || !mergeable(b, user.organisation.id)) return { kind: 'not-allowed' }
  const [keeper, duplicate] = a.createdAt <= b.createdAt ? [a, b] : [b, a]
  const [keys] = await tx
    .select({
      id: intakes.id,
      phone: intakes.phone,
      email: intakes.email,
      firstName: intakes.firstName,
      lastName: intakes.lastName,
      birthYear: intakes.birthYear,
      municipalityNis: intakes.municipalityNis,
    })
    .from(intakes)
    .where(eq(intakes.id, keeper.id))
  if (!keys || !(await findDuplicates(tx, user, keys)).some((candidate) => candidate.id === duplicate.id)) return { kind: 'not-duplicates' }

  await tx.update(intakeNotes).set({ intakeId: keeper.id }).where(eq(intakeNotes.intakeId, duplicate.id))
  await tx.update(intakeEvents).set({ intakeId: keeper.id }).where(eq(intakeEvents.intakeId, duplicate.id))
  const contacted = keeper.firstContactAt ?? duplicate.firstContactAt
  const status: IntakeStatus = keeper.status === 'in_contact' || duplicate.status === 'in_contact' ? 'in_contact' : 'new'
  await tx
    .update(intakes)
    .set({
      status,
      firstContactAt: contacted ? new Date(contacted) : null,
      handlingOrganisationId: keeper.handlingOrganisationId ?? duplicate.handlingOrganisationId ?? user.organisation.id,
      claimedByUserId: keeper.claimedByUserId ?? duplicate.claimedByUserId,
      updatedAt: sql`now()`,
    })
    .where(eq(intakes.id, keeper.id))
  await tx.insert(intakeEvents).values({
    intakeId: keeper.id,
    actorUserId: user.id,
    organisationId: user.organisation.id,
    fromStatus: keeper.status,
    toStatus: status,
    note: `Samengevoegd met ${duplicate.reference}`,
  })
  await changeStatus(tx, user, duplicate, 'closed', { closeReason: 'duplicate', duplicateOfId: keeper.id }, `Dubbel van ${keeper.reference}`)
  await audit(tx, {
    actorUserId: user.id,
    organisationId: user.organisation.id,
    action: 'intake.merge',
    subjectType: 'intake',
    subjectId: keeper.id,
    details: { merged: duplicate.id },
  })
  return { kind: 'merged', keptId: keeper.id, keptReference: keeper.reference }
}
