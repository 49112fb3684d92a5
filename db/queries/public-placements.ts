import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { employerProfiles, municipalities, occupations, organisations, placements, referenceRegions } from '#db/schema'
import { foldSearchText } from './reference'

/**
 * What anyone may see without logging in: published placements of verified employers (vulnerable people must
 * not be sent to an employer nobody checked). No contact details are ever selected here.
 */
const PUBLIC_PAGE_SIZE = 20

export const isPublic = and(eq(placements.status, 'published'), eq(employerProfiles.verificationStatus, 'verified'))

/** Occupations of public placements whose Dutch label or alternative label contains the text. */
async function occupationsMatching(tx: Tx, text: string): Promise<string[]> {
  const q = foldSearchText(text)
  // Only the occupations in use (a few hundred at most) are folded, the same way as the type-ahead folds.
  const used = await tx
    .selectDistinct({ uri: occupations.uri, label: occupations.label, altLabels: occupations.altLabels })
    .from(placements)
    .innerJoin(employerProfiles, eq(employerProfiles.organisationId, placements.organisationId))
    .innerJoin(occupations, eq(occupations.uri, placements.occupationUri))
    .where(isPublic)
  return used.filter((o) => [o.label, ...o.altLabels].some((label) => foldSearchText(label).includes(q))).map((o) => o.uri)
}

export type PublicFilter = { regionCode?: string; occupation?: string; page?: number }

/** One page of public placements, newest first, with the number per region (for the current occupation filter). */
export async function listPublicPlacements(tx: Tx, filter: PublicFilter) {
  const occupationUris = filter.occupation?.trim() ? await occupationsMatching(tx, filter.occupation) : undefined
  const byOccupation: SQL | undefined = occupationUris && (occupationUris.length ? inArray(placements.occupationUri, occupationUris) : sql`false`)
  const byRegion = filter.regionCode ? eq(municipalities.regionCode, filter.regionCode) : undefined
  const page = Math.max(1, Math.trunc(filter.page ?? 1) || 1)

  const base = () =>
    tx
      .select({
        id: placements.id,
        title: placements.title,
        occupation: occupations.label,
        employer: organisations.name,
        municipality: municipalities.name,
        hoursPerWeek: placements.hoursPerWeek,
        schedule: placements.schedule,
        places: placements.places,
        fullUntil: placements.fullUntil,
        publishedAt: placements.publishedAt,
      })
      .from(placements)
      .innerJoin(employerProfiles, eq(employerProfiles.organisationId, placements.organisationId))
      .innerJoin(organisations, eq(organisations.id, placements.organisationId))
      .innerJoin(occupations, eq(occupations.uri, placements.occupationUri))
      .innerJoin(municipalities, eq(municipalities.nis, placements.municipalityNis))
  const items = await base()
    .where(and(isPublic, byOccupation, byRegion))
    .orderBy(desc(placements.publishedAt), asc(placements.id))
    .limit(PUBLIC_PAGE_SIZE)
    .offset((page - 1) * PUBLIC_PAGE_SIZE)

  const perRegion = await tx
    .select({ code: municipalities.regionCode, n: count() })
    .from(placements)
    .innerJoin(employerProfiles, eq(employerProfiles.organisationId, placements.organisationId))
    .innerJoin(municipalities, eq(municipalities.nis, placements.municipalityNis))
    .where(and(isPublic, byOccupation))
    .groupBy(municipalities.regionCode)
  const counts = new Map(perRegion.map((r) => [r.code, r.n]))
  const regions = (await tx.select({ code: referenceRegions.code, name: referenceRegions.name }).from(referenceRegions).orderBy(asc(referenceRegions.name))).map(
    (r) => ({ ...r, count: counts.get(r.code) ?? 0 }),
  )
  const total = filter.regionCode ? (counts.get(filter.regionCode) ?? 0) : perRegion.reduce((sum, r) => sum + r.n, 0)
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE)), regions }
}

/** One public placement with what its page shows; undefined when it is not (or no longer) public. */
export async function getPublicPlacement(tx: Tx, placementId: string) {
  const [row] = await tx
    .select({
      placement: placements,
      employer: { name: organisations.name, type: organisations.employerType },
      municipality: { name: municipalities.name, province: municipalities.province, regionCode: municipalities.regionCode },
      region: referenceRegions.name,
      occupation: { uri: occupations.uri, code: occupations.code, label: occupations.label, altLabels: occupations.altLabels },
    })
    .from(placements)
    .innerJoin(employerProfiles, eq(employerProfiles.organisationId, placements.organisationId))
    .innerJoin(organisations, eq(organisations.id, placements.organisationId))
    .innerJoin(occupations, eq(occupations.uri, placements.occupationUri))
    .innerJoin(municipalities, eq(municipalities.nis, placements.municipalityNis))
    .innerJoin(referenceRegions, eq(referenceRegions.code, municipalities.regionCode))
    .where(and(isPublic, eq(placements.id, placementId)))
  return row
}
