import type { Tx } from '#db/client'
import { municipalities, occupations, postcodes } from '#db/schema'
import { readOtherLabels } from '#db/reference/other-labels'
import { Taxonomy } from './taxonomy'
import { loadVocabulary } from './vocabulary'

/**
 * Reference data the query side needs on every search, built once per process (it changes only with a new
 * release, which restarts the process): the taxonomy of the occupations (3,007) with the Flemish vocabulary and
 * ESCO's 46,000 other labels (read from their files, see search/vocabulary.ts) — about 1 s to build on the 2-core
 * build machine, 0.4 s of it without the other labels (measured 2026-12-06, under load) — and
 * the municipalities with their points and postcodes, where a search or a match measures distances from.
 */
export type Place = { nis: string; name: string; lat: number; lon: number }
export type Places = { byNis: ReadonlyMap<string, Place>; byPostcode: ReadonlyMap<string, readonly Place[]> }

type Reference = { taxonomy: Taxonomy; places: Places }

const g = globalThis as { __stapsteenSearchReference?: Promise<Reference> }

function loadReference(tx: Tx): Promise<Reference> {
  g.__stapsteenSearchReference ??= Promise.all([
    tx
      .select({
        uri: occupations.uri,
        label: occupations.label,
        altLabels: occupations.altLabels,
        iscoGroup: occupations.iscoGroup,
        description: occupations.description,
      })
      .from(occupations),
    tx.select({ nis: municipalities.nis, name: municipalities.name, lat: municipalities.lat, lon: municipalities.lon }).from(municipalities),
    tx.select({ postcode: postcodes.postcode, nis: postcodes.municipalityNis }).from(postcodes),
  ])
    .then(([rows, towns, codes]) => {
      const byNis = new Map(towns.map((town) => [town.nis, town]))
      const byPostcode = new Map<string, Place[]>()
      for (const { postcode, nis } of codes) byPostcode.set(postcode, [...(byPostcode.get(postcode) ?? []), byNis.get(nis)!])
      const labels = new Map(rows.map((row) => [row.uri, row.label]))
      const options = { vocabulary: loadVocabulary((uri) => labels.get(uri)), otherLabels: readOtherLabels() }
      return { taxonomy: new Taxonomy(rows, towns.map((town) => town.name), options), places: { byNis, byPostcode } }
    })
    .catch((error: unknown) => {
      g.__stapsteenSearchReference = undefined
      throw error
    })
  return g.__stapsteenSearchReference
}

export const loadTaxonomy = async (tx: Tx): Promise<Taxonomy> => (await loadReference(tx)).taxonomy

export const loadPlaces = async (tx: Tx): Promise<Places> => (await loadReference(tx)).places
