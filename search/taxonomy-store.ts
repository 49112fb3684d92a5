import type { Tx } from '#db/client'
import { municipalities, occupations, postcodes } from '#db/schema'
import { readOtherLabels } from '#db/reference/other-labels'
import { acceptedMappings, acceptedMappingsVersion } from '#db/queries/search-term-mappings'
import { logger } from '#core/logger'
import { Taxonomy } from './taxonomy'
import { acceptedEntries, loadVocabulary } from './vocabulary'

/**
 * Reference data the query side needs on every search, built once per process (it changes with a new release,
 * which restarts the process, or when a search-term mapping is accepted: see VOCABULARY_CHECK_MS): the taxonomy of the occupations (3,007) with the Flemish vocabulary and
 * ESCO's 46,000 other labels (read from their files, see search/vocabulary.ts) — about 1 s to build on the 2-core
 * build machine, 0.4 s of it without the other labels (measured 2026-12-06, under load) — and
 * the municipalities with their points and postcodes, where a search or a match measures distances from.
 */
export type Place = { nis: string; name: string; lat: number; lon: number }
export type Places = { byNis: ReadonlyMap<string, Place>; byPostcode: ReadonlyMap<string, readonly Place[]> }

type Reference = { taxonomy: Taxonomy; places: Places }

const g = globalThis as { __stapsteenSearchReference?: Promise<Reference>; __stapsteenVocabularyCheck?: { at: number; version: string } }

/**
 * The vocabulary also holds the mappings accepted on /admin/zoektermen (issue 15), which change without a
 * release. The process that accepts one drops its reference at once (refreshSearchVocabulary); every other web
 * process compares a fingerprint of the accepted mappings at most once a minute, on a search, and rebuilds when
 * it changed. So a mapping reaches every process within a minute, for the price of one tiny query a minute.
 */
const VOCABULARY_CHECK_MS = 60_000

export function refreshSearchVocabulary() {
  g.__stapsteenSearchReference = undefined
}

async function checkVocabulary(tx: Tx) {
  const check = g.__stapsteenVocabularyCheck
  if (!g.__stapsteenSearchReference || !check || Date.now() - check.at < VOCABULARY_CHECK_MS) return
  check.at = Date.now()
  try {
    if ((await acceptedMappingsVersion(tx)) !== check.version) refreshSearchVocabulary()
  } catch (error) {
    // The search goes on with the vocabulary it has; the next check tries again.
    logger().warn({ err: error }, 'search vocabulary check failed')
  }
}

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
    acceptedMappings(tx),
    acceptedMappingsVersion(tx),
  ])
    .then(([rows, towns, codes, accepted, version]) => {
      g.__stapsteenVocabularyCheck = { at: Date.now(), version }
      const byNis = new Map(towns.map((town) => [town.nis, town]))
      const byPostcode = new Map<string, Place[]>()
      for (const { postcode, nis } of codes) byPostcode.set(postcode, [...(byPostcode.get(postcode) ?? []), byNis.get(nis)!])
      const labels = new Map(rows.map((row) => [row.uri, row.label]))
      const preferredLabel = (uri: string) => labels.get(uri)
      const vocabulary = [...loadVocabulary(preferredLabel), ...acceptedEntries(accepted, preferredLabel)]
      const options = { vocabulary, otherLabels: readOtherLabels() }
      return { taxonomy: new Taxonomy(rows, towns.map((town) => town.name), options), places: { byNis, byPostcode } }
    })
    .catch((error: unknown) => {
      g.__stapsteenSearchReference = undefined
      throw error
    })
  return g.__stapsteenSearchReference
}

export async function loadTaxonomy(tx: Tx): Promise<Taxonomy> {
  await checkVocabulary(tx)
  return (await loadReference(tx)).taxonomy
}

export const loadPlaces = async (tx: Tx): Promise<Places> => (await loadReference(tx)).places
