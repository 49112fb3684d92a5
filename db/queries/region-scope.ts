import { type AnyColumn, eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { employerSites, municipalities, organisationMunicipalities } from '#db/schema'

/**
 * A regional admin's organisations: those that serve a municipality in one of the regions (OCMWs, VDAB teams,
 * outreach partners) and the employers with a site there. `organisationId` is the outer query's column.
 */
export function organisationInRegions(tx: Tx, regionCodes: string[], organisationId: AnyColumn): SQL {
  if (regionCodes.length === 0) return sql`false`
  const serving = tx
    .select({ id: organisationMunicipalities.organisationId })
    .from(organisationMunicipalities)
    .innerJoin(municipalities, eq(municipalities.nis, organisationMunicipalities.municipalityNis))
    .where(inArray(municipalities.regionCode, regionCodes))
  const employerSite = tx
    .select({ id: employerSites.organisationId })
    .from(employerSites)
    .innerJoin(municipalities, eq(municipalities.nis, employerSites.municipalityNis))
    .where(inArray(municipalities.regionCode, regionCodes))
  return or(inArray(organisationId, serving), inArray(organisationId, employerSite))!
}
