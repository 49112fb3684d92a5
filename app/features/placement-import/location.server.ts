import type { PlacementRecord } from '#domain/placement-record'
import type { Tx } from '#db/client'
import { municipalities, postcodes } from '#db/schema'

/**
 * Where a placement lies, from what the record gives: a postcode, a municipality's NIS code or both. The whole
 * reference (300 municipalities, ~450 postcodes) is read once per import, so no record costs a round trip.
 */
export type Municipality = Pick<typeof municipalities.$inferSelect, 'nis' | 'name' | 'regionCode' | 'lat' | 'lon'>
export type Gazetteer = { municipalities: Map<string, Municipality>; postcodes: Map<string, Municipality[]> }
export type ResolvedLocation =
  | { ok: true; municipality: Municipality; lat: number; lon: number }
  | { ok: false; field: string; reason: string }

export async function loadGazetteer(tx: Tx): Promise<Gazetteer> {
  const towns = await tx
    .select({ nis: municipalities.nis, name: municipalities.name, regionCode: municipalities.regionCode, lat: municipalities.lat, lon: municipalities.lon })
    .from(municipalities)
  const byNis = new Map(towns.map((town) => [town.nis, town]))
  const byPostcode = new Map<string, Municipality[]>()
  for (const row of await tx.select().from(postcodes)) {
    const town = byNis.get(row.municipalityNis)
    if (town) byPostcode.set(row.postcode, [...(byPostcode.get(row.postcode) ?? []), town])
  }
  return { municipalities: byNis, postcodes: byPostcode }
}

const named = (town: Municipality) => `${town.name} (${town.nis})`

export function resolveLocation(gazetteer: Gazetteer, location: PlacementRecord['location']): ResolvedLocation {
  const { postcode, municipalityNis, lat, lon } = location
  if ((lat === undefined) !== (lon === undefined)) {
    const field = lat === undefined ? 'location.lat' : 'location.lon'
    return { ok: false, field, reason: 'Geef lat en lon samen, of geen van beide: dan geldt het middelpunt van de gemeente.' }
  }
  const byNis = municipalityNis === undefined ? undefined : gazetteer.municipalities.get(municipalityNis)
  if (municipalityNis !== undefined && !byNis) {
    return { ok: false, field: 'location.municipalityNis', reason: `Er is geen Vlaamse gemeente met NIS-code ${municipalityNis}.` }
  }
  const inPostcode = postcode === undefined ? [] : (gazetteer.postcodes.get(postcode) ?? [])
  if (postcode !== undefined && inPostcode.length === 0) {
    return { ok: false, field: 'location.postcode', reason: `Postcode ${postcode} ligt niet in Vlaanderen of bestaat niet.` }
  }
  if (byNis && postcode !== undefined && !inPostcode.some((town) => town.nis === byNis.nis)) {
    return { ok: false, field: 'location.postcode', reason: `Postcode ${postcode} ligt niet in ${named(byNis)}, maar in ${inPostcode.map(named).join(' en ')}.` }
  }
  if (!byNis && inPostcode.length > 1) {
    const reason = `Postcode ${postcode} ligt in ${inPostcode.map(named).join(' en ')}. Geef de NIS-code van de juiste gemeente in location.municipalityNis.`
    return { ok: false, field: 'location.municipalityNis', reason }
  }
  const municipality = (byNis ?? inPostcode[0])!
  return { ok: true, municipality, lat: lat ?? municipality.lat, lon: lon ?? municipality.lon }
}
