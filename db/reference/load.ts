import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { eq, getTableColumns, sql, type SQL } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Tx } from '#db/client'
import { appSettings, municipalities, occupations, postcodes, referenceRegions } from '#db/schema'
import { loadReferenceOrganisations } from './organisations'

/**
 * Loads the reference data in this folder (sources and licences: SOURCES.md) into the database, and the
 * organisations every municipality has from day one (./organisations.ts).
 *
 * The files are read with fs relative to this module, not imported as JSON: a JSON import would put 2 MB of
 * occupations into any bundle that happens to reach this module, the Remix browser bundle included.
 */

type RegionRecord = { code: string; name: string; provinces: string[]; members: string[] }
type MunicipalityRecord = {
  nis: string
  name: string
  province: string
  referenceRegionCode: string
  postcodes: string[]
  lat: number
  lon: number
}
type OccupationRecord = {
  uri: string
  code: string
  iscoGroup: string
  label: string
  altLabels: string[]
  description: string
}

const FILES = {
  regions: new URL('./reference-regions-flanders.json', import.meta.url),
  municipalities: new URL('./municipalities-flanders.json', import.meta.url),
  occupations: new URL('./esco-occupations-nl.json', import.meta.url),
}

export const REFERENCE_HASH_KEY = 'reference_data_hash'

// Part of the hash, so a change in how the files are mapped to rows reloads them even when the files did not change.
const LOADER_VERSION = '2'

// Postgres allows 65,534 parameters per statement; 500 occupations × 6 columns stays far below and keeps
// the number of round trips small (7 statements for 3,007 occupations).
const CHUNK = 500

/** `SET col = excluded.col` for every non-key column, so an upsert overwrites rows with the file's values. */
function excludedColumns(table: PgTable, keys: string[]): Record<string, SQL> {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => !keys.includes(key))
  return Object.fromEntries(columns.map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]))
}

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK))
}

export async function loadReferenceData(tx: Tx): Promise<void> {
  const read = (url: URL) => readFile(url, 'utf8')
  const [regionsText, municipalitiesText, occupationsText] = await Promise.all([
    read(FILES.regions),
    read(FILES.municipalities),
    read(FILES.occupations),
  ])

  // Every process runs this at start: when the files are the ones already loaded, stop after one cheap SELECT.
  const hash = createHash('sha256').update(`loader ${LOADER_VERSION}\n`)
  for (const text of [regionsText, municipalitiesText, occupationsText]) hash.update(`${text.length}\n`).update(text)
  const digest = hash.digest('hex')
  const [stored] = await tx.select().from(appSettings).where(eq(appSettings.key, REFERENCE_HASH_KEY))
  if (stored?.value === digest) return

  const regions = JSON.parse(regionsText) as RegionRecord[]
  const towns = JSON.parse(municipalitiesText) as MunicipalityRecord[]
  const jobs = JSON.parse(occupationsText) as OccupationRecord[]

  // Upsert rather than replace: organisations and users hold foreign keys to regions and municipalities.
  // Rows that disappear from a newer file are therefore kept, not deleted.
  await tx
    .insert(referenceRegions)
    .values(regions.map(({ code, name, provinces }) => ({ code, name, provinces })))
    .onConflictDoUpdate({ target: referenceRegions.code, set: excludedColumns(referenceRegions, ['code']) })

  await tx
    .insert(municipalities)
    .values(towns.map((m) => ({ nis: m.nis, name: m.name, province: m.province, regionCode: m.referenceRegionCode, lat: m.lat, lon: m.lon })))
    .onConflictDoUpdate({ target: municipalities.nis, set: excludedColumns(municipalities, ['nis']) })

  // Nothing references postcodes, and a pair can vanish from a newer file: replacing them is simplest and exact.
  await tx.delete(postcodes)
  const pairs = towns.flatMap((m) => m.postcodes.map((postcode) => ({ postcode, municipalityNis: m.nis })))
  await inChunks(pairs, (chunk) => tx.insert(postcodes).values(chunk))

  await inChunks(jobs, (chunk) =>
    tx
      .insert(occupations)
      .values(chunk.map(({ uri, code, iscoGroup, label, altLabels, description }) => ({ uri, code, iscoGroup, label, altLabels, description })))
      .onConflictDoUpdate({ target: occupations.uri, set: excludedColumns(occupations, ['uri']) }),
  )

  await loadReferenceOrganisations(tx)

  // Written last, in the same transaction: a load that fails halfway leaves the old hash and is retried next start.
  await tx
    .insert(appSettings)
    .values({ key: REFERENCE_HASH_KEY, value: digest })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: digest } })
}
