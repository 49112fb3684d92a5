import { asc } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { municipalities, organisationMunicipalities, organisations, referenceRegions } from '#db/schema'

/**
 * The organisations every Flemish municipality has from day one: its OCMW (slug `ocmw-<NIS>`, serving that
 * municipality) and the VDAB team of each reference region (slug `vdab-<region code>`, serving the region's
 * municipalities). They start without staff and without a contact address; admins complete them in the portal.
 *
 * Idempotent and respectful of what admins did: an organisation whose slug exists is left exactly as it is (name,
 * served municipalities, deactivation), nothing is ever deleted. A municipality that is new in a later reference
 * file (a merger) gets its OCMW on the next load; the merged-away ones keep theirs until an admin moves them.
 */
export const referenceOcmwSlug = (nis: string) => `ocmw-${nis}`
export const referenceVdabSlug = (regionCode: string) => `vdab-${regionCode.toLowerCase()}`

export async function loadReferenceOrganisations(tx: Tx) {
  const towns = await tx
    .select({ nis: municipalities.nis, name: municipalities.name, regionCode: municipalities.regionCode })
    .from(municipalities)
    .orderBy(asc(municipalities.nis))
  const ocmws = await insertMissing(
    tx,
    towns.map((m) => ({ slug: referenceOcmwSlug(m.nis), name: `OCMW ${m.name}`, type: 'ocmw' as const })),
  )
  const served = ocmws.map((o) => ({ organisationId: o.id, municipalityNis: o.slug.slice('ocmw-'.length) }))

  const regions = await tx.select({ code: referenceRegions.code, name: referenceRegions.name }).from(referenceRegions)
  const teams = await insertMissing(
    tx,
    regions.map((r) => ({ slug: referenceVdabSlug(r.code), name: `VDAB-team ${r.name}`, type: 'vdab' as const })),
  )
  for (const team of teams) {
    const region = regions.find((r) => referenceVdabSlug(r.code) === team.slug)!
    for (const town of towns) if (town.regionCode === region.code) served.push({ organisationId: team.id, municipalityNis: town.nis })
  }
  if (served.length > 0) await tx.insert(organisationMunicipalities).values(served).onConflictDoNothing()
  return { ocmws: ocmws.length, vdabTeams: teams.length }
}

type NewOrganisation = { slug: string; name: string; type: 'ocmw' | 'vdab' }

/** Inserts the organisations whose slug is free; answers only those it created. */
async function insertMissing(tx: Tx, rows: NewOrganisation[]) {
  if (rows.length === 0) return []
  return tx.insert(organisations).values(rows).onConflictDoNothing({ target: organisations.slug }).returning({ id: organisations.id, slug: organisations.slug })
}
