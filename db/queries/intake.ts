import { and, asc, eq, sql } from 'drizzle-orm'
import type { Tx } from '../client'
import { intakeChannels, intakeEvents, intakes, municipalities, organisationMunicipalities, organisationRegions, organisations } from '../schema'

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
 * Who receives an intake from this municipality: the OCMW that serves it and the VDAB team of its reference
 * region (the first by name when several would). Undefined for a municipality outside the reference data.
 */
export async function intakeRouting(tx: Tx, municipalityNis: string) {
  const [municipality] = await tx
    .select({ nis: municipalities.nis, name: municipalities.name, regionCode: municipalities.regionCode })
    .from(municipalities)
    .where(eq(municipalities.nis, municipalityNis))
  if (!municipality) return undefined
  const [ocmw] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisationMunicipalities)
    .innerJoin(organisations, eq(organisations.id, organisationMunicipalities.organisationId))
    .where(and(eq(organisationMunicipalities.municipalityNis, municipality.nis), eq(organisations.type, 'ocmw')))
    .orderBy(asc(organisations.name))
    .limit(1)
  const [vdab] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisationRegions)
    .innerJoin(organisations, eq(organisations.id, organisationRegions.organisationId))
    .where(and(eq(organisationRegions.regionCode, municipality.regionCode), eq(organisations.type, 'vdab')))
    .orderBy(asc(organisations.name))
    .limit(1)
  return { municipality, ocmw: ocmw ?? null, vdab: vdab ?? null }
}

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
