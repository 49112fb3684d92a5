import { and, asc, count, eq, inArray, like, or, sql } from 'drizzle-orm'
import { registrationMessages, type EmployerType, type SiteInput } from '#domain/employer-registration'
import type { Tx } from '#db/client'
import { employerProfiles, employerSites, municipalities, organisations, placements, postcodes, users } from '#db/schema'
import { municipalitiesForPostcode, type Municipality } from './reference'

/**
 * Employer organisations: registering one, and the employer's own edits of its profile and sites. Every edit
 * takes the organisation id from the session user, so an employer can only ever change its own data.
 */

/** Postcodes that lie in more than one municipality, with those municipalities: the form asks which one. */
export async function listSharedPostcodes(tx: Tx): Promise<Record<string, { nis: string; name: string }[]>> {
  const shared = tx
    .select({ postcode: postcodes.postcode })
    .from(postcodes)
    .groupBy(postcodes.postcode)
    .having(sql`count(*) > 1`)
  const rows = await tx
    .select({ postcode: postcodes.postcode, nis: municipalities.nis, name: municipalities.name })
    .from(postcodes)
    .innerJoin(municipalities, eq(municipalities.nis, postcodes.municipalityNis))
    .where(inArray(postcodes.postcode, shared))
    .orderBy(asc(postcodes.postcode), asc(municipalities.name))
  const result: Record<string, { nis: string; name: string }[]> = {}
  for (const { postcode, ...municipality } of rows) (result[postcode] ??= []).push(municipality)
  return result
}

export type SiteResolution =
  | { ok: true; municipality: Municipality }
  | { ok: false; field: 'postcode' | 'municipalityNis'; message: string }

/** The Flemish municipality of a site's postcode; when the postcode has two, the one the user chose. */
export async function resolveSite(tx: Tx, site: Pick<SiteInput, 'postcode' | 'municipalityNis'>): Promise<SiteResolution> {
  const candidates = await municipalitiesForPostcode(tx, site.postcode)
  if (candidates.length === 0) return { ok: false, field: 'postcode', message: registrationMessages.unknownPostcode(site.postcode) }
  if (candidates.length === 1) return { ok: true, municipality: candidates[0]! }
  const chosen = candidates.find((m) => m.nis === site.municipalityNis)
  if (chosen) return { ok: true, municipality: chosen }
  const names = candidates.map((m) => m.name)
  return { ok: false, field: 'municipalityNis', message: registrationMessages.chooseMunicipality(site.postcode, names) }
}

export async function isEnterpriseNumberTaken(tx: Tx, enterpriseNumber: string) {
  const [row] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.enterpriseNumber, enterpriseNumber))
  return row !== undefined
}

/** "Bakkerij Van Damme bv" → "bakkerij-van-damme-bv", with -2, -3 … when another organisation has it. */
export async function uniqueOrganisationSlug(tx: Tx, name: string) {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'werkgever'
  const taken = await tx
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(or(eq(organisations.slug, base), like(organisations.slug, `${base}-%`)))
  const used = new Set(taken.map((row) => row.slug))
  if (!used.has(base)) return base
  let n = 2
  while (used.has(`${base}-${n}`)) n += 1
  return `${base}-${n}`
}

type ResolvedSite = Omit<SiteInput, 'municipalityNis'> & { municipality: Municipality }

const siteValues = (site: ResolvedSite) => ({
  name: site.name,
  street: site.street,
  postcode: site.postcode,
  municipalityNis: site.municipality.nis,
  // A site's position is its municipality's reference point: enough for distances, no geocoding service needed.
  lat: site.municipality.lat,
  lon: site.municipality.lon,
})

export type NewEmployer = {
  organisationName: string
  enterpriseNumber: string
  employerType: EmployerType
  sector: string
  contactName: string
  contactEmail: string
  contactPhone?: string
  passwordHash: string
  sites: ResolvedSite[]
}

/** The organisation, its pending profile, its sites and its first user, whose address is not confirmed yet. */
export async function insertEmployer(tx: Tx, input: NewEmployer) {
  const [organisation] = await tx
    .insert(organisations)
    .values({
      slug: await uniqueOrganisationSlug(tx, input.organisationName),
      name: input.organisationName,
      type: 'employer',
      employerType: input.employerType,
      enterpriseNumber: input.enterpriseNumber,
    })
    .returning({ id: organisations.id })
  const organisationId = organisation!.id
  await tx.insert(employerProfiles).values({
    organisationId,
    sector: input.sector,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone ?? null,
    verificationStatus: 'pending',
  })
  await tx.insert(employerSites).values(input.sites.map((site) => ({ organisationId, ...siteValues(site) })))
  const [user] = await tx
    .insert(users)
    .values({
      email: input.contactEmail,
      name: input.contactName,
      role: 'employer',
      organisationId,
      passwordHash: input.passwordHash,
      emailVerifiedAt: null,
    })
    .returning({ id: users.id })
  return { organisationId, userId: user!.id }
}

/** The employer's own organisation: profile, and sites with how many placements use each. */
export async function getOwnEmployer(tx: Tx, organisationId: string) {
  const [row] = await tx
    .select({ organisation: organisations, profile: employerProfiles })
    .from(organisations)
    .innerJoin(employerProfiles, eq(employerProfiles.organisationId, organisations.id))
    .where(eq(organisations.id, organisationId))
  if (!row) return undefined
  const sites = await tx
    .select({
      id: employerSites.id,
      name: employerSites.name,
      street: employerSites.street,
      postcode: employerSites.postcode,
      municipalityNis: employerSites.municipalityNis,
      municipalityName: municipalities.name,
      placements: count(placements.id),
    })
    .from(employerSites)
    .innerJoin(municipalities, eq(municipalities.nis, employerSites.municipalityNis))
    .leftJoin(placements, eq(placements.siteId, employerSites.id))
    .where(eq(employerSites.organisationId, organisationId))
    .groupBy(employerSites.id, municipalities.name)
    .orderBy(asc(employerSites.createdAt), asc(employerSites.name))
  return { ...row, sites }
}

export async function updateOwnProfile(
  tx: Tx,
  organisationId: string,
  values: { sector: string; contactName: string; contactEmail: string; contactPhone?: string },
) {
  await tx
    .update(employerProfiles)
    .set({ ...values, contactPhone: values.contactPhone ?? null })
    .where(eq(employerProfiles.organisationId, organisationId))
}

export async function addOwnSite(tx: Tx, organisationId: string, site: ResolvedSite) {
  const [row] = await tx.insert(employerSites).values({ organisationId, ...siteValues(site) }).returning({ id: employerSites.id })
  return row!.id
}

/** False when the site does not exist or belongs to another organisation. */
export async function updateOwnSite(tx: Tx, organisationId: string, siteId: string, site: ResolvedSite) {
  const rows = await tx
    .update(employerSites)
    .set(siteValues(site))
    .where(and(eq(employerSites.id, siteId), eq(employerSites.organisationId, organisationId)))
    .returning({ id: employerSites.id })
  return rows.length === 1
}

export type SiteRemoval = 'removed' | 'not-found' | 'in-use' | 'last-site'

/** Removes a site no placement uses; an employer keeps at least one site (it places them in a region). */
export async function removeOwnSite(tx: Tx, organisationId: string, siteId: string): Promise<SiteRemoval> {
  const own = await tx
    .select({ id: employerSites.id })
    .from(employerSites)
    .where(eq(employerSites.organisationId, organisationId))
    .for('update')
  if (!own.some((site) => site.id === siteId)) return 'not-found'
  if (own.length === 1) return 'last-site'
  const [used] = await tx.select({ n: count() }).from(placements).where(eq(placements.siteId, siteId))
  if ((used?.n ?? 0) > 0) return 'in-use'
  await tx.delete(employerSites).where(and(eq(employerSites.id, siteId), eq(employerSites.organisationId, organisationId)))
  return 'removed'
}
