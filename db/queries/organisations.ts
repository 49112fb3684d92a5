import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { Tx } from '#db/client'
import {
  municipalities,
  organisationMunicipalities,
  organisations,
  referenceRegions,
  sessions,
  users,
} from '#db/schema'

/**
 * Organisation data is always read through the caller's own organisation id (taken from the session, never
 * from the request), so one organisation can never read another's members.
 */
export async function getOwnOrganisation(tx: Tx, organisationId: string) {
  const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, organisationId))
  if (!organisation) return undefined
  const { regions, municipalities: area } = (await servedAreas(tx, [organisationId])).get(organisationId)!
  const members = await tx
    .select({ name: users.name, email: users.email, role: users.role })
    .from(users)
    // Deactivated accounts are no colleagues any more; their history stays in the audit log.
    .where(and(eq(users.organisationId, organisationId), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
  return { organisation, municipalities: area, regions, members }
}

export type ServedArea = {
  /** Reference regions served as a whole. */
  regions: { code: string; name: string }[]
  /** The other municipalities served, by name. */
  municipalities: { nis: string; name: string }[]
  /** How many municipalities in all. */
  count: number
}

/**
 * Where each organisation works. A team that serves a whole reference region says so, instead of listing its
 * thirty municipalities. Every id given gets an entry (empty when it serves nothing).
 */
export async function servedAreas(tx: Tx, organisationIds: string[]): Promise<Map<string, ServedArea>> {
  const areas = new Map<string, ServedArea>(organisationIds.map((id) => [id, { regions: [], municipalities: [], count: 0 }]))
  if (organisationIds.length === 0) return areas
  const served = await tx
    .select({
      organisationId: organisationMunicipalities.organisationId,
      nis: municipalities.nis,
      name: municipalities.name,
      regionCode: municipalities.regionCode,
    })
    .from(organisationMunicipalities)
    .innerJoin(municipalities, eq(municipalities.nis, organisationMunicipalities.municipalityNis))
    .where(inArray(organisationMunicipalities.organisationId, organisationIds))
    .orderBy(asc(municipalities.name))
  const sizes = await tx
    .select({ code: referenceRegions.code, name: referenceRegions.name, n: count(municipalities.nis) })
    .from(referenceRegions)
    .innerJoin(municipalities, eq(municipalities.regionCode, referenceRegions.code))
    .groupBy(referenceRegions.code)
    .orderBy(asc(referenceRegions.name))
  const byOrganisation = new Map<string, typeof served>()
  for (const m of served) {
    const list = byOrganisation.get(m.organisationId)
    if (list) list.push(m)
    else byOrganisation.set(m.organisationId, [m])
  }
  for (const [id, area] of areas) {
    const own = byOrganisation.get(id) ?? []
    area.count = own.length
    area.regions = sizes.filter((r) => own.filter((m) => m.regionCode === r.code).length === r.n).map(({ code, name }) => ({ code, name }))
    const whole = new Set(area.regions.map((r) => r.code))
    area.municipalities = own.filter((m) => !whole.has(m.regionCode)).map(({ nis, name }) => ({ nis, name }))
  }
  return areas
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
