import { and, asc, desc, eq, isNull, sql, type SQLWrapper } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { intakeChannels, intakeEvents, intakes, municipalities, organisationMunicipalities, organisations, users } from '#db/schema'

/**
 * The public intake form's reads and its one write (issue 5). Nothing here is scoped to a user: the form is
 * public, and a resident reaches their own intake only through its submission key (while the form's encrypted
 * cookie holds it) or the digest of their status token.
 */
export type NewIntake = typeof intakes.$inferInsert

/** An outreach partner's link `/aanmelden/k/<code>`; codes are compared without case, as people type them. */
export async function findChannelByCode(tx: Tx, code: string) {
  const [row] = await tx
    .select({ id: intakeChannels.id, language: intakeChannels.language, organisationName: organisations.name })
    .from(intakeChannels)
    .innerJoin(organisations, eq(organisations.id, intakeChannels.organisationId))
    .where(eq(sql`lower(${intakeChannels.code})`, code.trim().toLowerCase()))
  return row
}

export async function findChannelOrganisationName(tx: Tx, channelId: string) {
  const [row] = await tx
    .select({ name: organisations.name })
    .from(intakeChannels)
    .innerJoin(organisations, eq(organisations.id, intakeChannels.organisationId))
    .where(eq(intakeChannels.id, channelId))
  return row?.name
}

/**
 * Who receives an intake from this municipality: the OCMW and the VDAB team that serve it. Deactivated
 * organisations receive nothing. When several serve it (an OCMW cluster next to the municipality's own OCMW, a
 * team split in two), the one with an active triage worker comes first, then the first by name. One without any
 * still receives it: the intake then waits under "Zonder ontvanger" for the region's admins (intake-unreceived.ts).
 * Undefined for a municipality outside the reference data.
 */
export async function intakeRouting(tx: Tx, municipalityNis: string) {
  const [municipality] = await tx
    .select({ nis: municipalities.nis, name: municipalities.name, regionCode: municipalities.regionCode })
    .from(municipalities)
    .where(eq(municipalities.nis, municipalityNis))
  if (!municipality) return undefined
  const receiver = async (type: 'ocmw' | 'vdab') => {
    const [row] = await tx
      .select({ id: organisations.id, name: organisations.name, firstContactDays: organisations.firstContactDays, dpoEmail: organisations.dpoEmail })
      .from(organisationMunicipalities)
      .innerJoin(organisations, eq(organisations.id, organisationMunicipalities.organisationId))
      .where(and(eq(organisationMunicipalities.municipalityNis, municipality.nis), eq(organisations.type, type), isNull(organisations.deactivatedAt)))
      .orderBy(desc(hasTriageWorker(organisations.id)), asc(organisations.name), asc(organisations.id))
      .limit(1)
    return row ?? null
  }
  return { municipality, ocmw: await receiver('ocmw'), vdab: await receiver('vdab') }
}

/** Whether the organisation has an active triage worker: someone who will see its queue. */
export const hasTriageWorker = (organisationId: SQLWrapper) =>
  sql<boolean>`exists (select 1 from ${users} where ${users.organisationId} = ${organisationId} and ${users.role} = 'triage_worker' and ${users.disabledAt} is null)`

/**
 * Inserts the intake with its first event; answers its id, or undefined when a row with the same submission
 * key, reference or token digest exists already (a double click, or a rare reference collision: the caller
 * tells them apart with findIntakeBySubmissionKey).
 */
export async function insertIntake(tx: Tx, values: NewIntake): Promise<string | undefined> {
  const [row] = await tx.insert(intakes).values(values).onConflictDoNothing().returning({ id: intakes.id })
  if (!row) return undefined
  await recordIntakeEvent(tx, { intakeId: row.id, fromStatus: null, toStatus: 'new', actorUserId: values.assistedByUserId ?? null })
  return row.id
}

export async function findIntakeBySubmissionKey(tx: Tx, submissionKey: string) {
  const [row] = await tx.select({ id: intakes.id }).from(intakes).where(eq(intakes.submissionKey, submissionKey))
  return row
}

type IntakeEvent = Omit<typeof intakeEvents.$inferInsert, 'id' | 'at'>

/** A line in the intake's history; a change without a status change keeps the status and says what in `note`. */
export async function recordIntakeEvent(tx: Tx, event: IntakeEvent) {
  await tx.insert(intakeEvents).values(event)
}
