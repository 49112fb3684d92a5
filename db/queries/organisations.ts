import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { Tx } from '../client'
import {
  municipalities,
  organisationMunicipalities,
  organisations,
  referenceRegions,
  sessions,
  users,
} from '../schema'

/**
 * Organisation data is always read through the caller's own organisation id (taken from the session, never
 * from the request), so one organisation can never read another's members.
 */
export async function getOwnOrganisation(tx: Tx, organisationId: string) {
  const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, organisationId))
  if (!organisation) return undefined
  const served = await tx
    .select({ nis: municipalities.nis, name: municipalities.name, regionCode: municipalities.regionCode })
    .from(organisationMunicipalities)
    .innerJoin(municipalities, eq(municipalities.nis, organisationMunicipalities.municipalityNis))
    .where(eq(organisationMunicipalities.organisationId, organisationId))
    .orderBy(asc(municipalities.name))
  // A team that serves a whole reference region says so, instead of listing its thirty municipalities.
  const sizes = await tx
    .select({ code: referenceRegions.code, name: referenceRegions.name, n: count(municipalities.nis) })
    .from(referenceRegions)
    .innerJoin(municipalities, eq(municipalities.regionCode, referenceRegions.code))
    .groupBy(referenceRegions.code)
    .orderBy(asc(referenceRegions.name))
  const regions = sizes.filter((r) => served.filter((m) => m.regionCode === r.code).length === r.n).map(({ code, name }) => ({ code, name }))
  const whole = new Set(regions.map((r) => r.code))
  const area = served.filter((m) => !whole.has(m.regionCode)).map(({ nis, name }) => ({ nis, name }))
  const members = await tx
    .select({ name: users.name, email: users.email, role: users.role })
    .from(users)
    // Deactivated accounts are no colleagues any more; their history stays in the audit log.
    .where(and(eq(users.organisationId, organisationId), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
  return { organisation, municipalities: area, regions, members }
}

export async function findOrganisationBySlug(tx: Tx, slug: string) {
  const [organisation] = await tx.select().from(organisations).where(eq(organisations.slug, slug))
  return organisation
}

/** Platform admins' overview: how many organisations of each type are registered. */
export async function countOrganisationsByType(tx: Tx) {
  return tx
    .select({ type: organisations.type, n: count() })
    .from(organisations)
    .groupBy(organisations.type)
    .orderBy(asc(organisations.type))
}

export async function listRegionsWithMunicipalityCount(tx: Tx, codes: string[]) {
  if (codes.length === 0) return []
  return tx
    .select({ code: referenceRegions.code, name: referenceRegions.name, municipalities: count(municipalities.nis) })
    .from(referenceRegions)
    .leftJoin(municipalities, eq(municipalities.regionCode, referenceRegions.code))
    .where(inArray(referenceRegions.code, codes))
    .groupBy(referenceRegions.code)
    .orderBy(asc(referenceRegions.name))
}

export async function listUserSessions(tx: Tx, userId: string) {
  return tx
    .select({ idHash: sessions.idHash, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, authMethod: sessions.authMethod })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt))
}
