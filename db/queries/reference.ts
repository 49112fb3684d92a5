import { asc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { municipalities, occupations, postcodes, referenceRegions } from '#db/schema'

/** Reads of the reference data (regions, municipalities, postcodes, ESCO occupations). See db/reference/SOURCES.md. */

export type Region = { code: string; name: string }
export type Municipality = typeof municipalities.$inferSelect
export type Occupation = typeof occupations.$inferSelect
export type OccupationHit = {
  uri: string
  code: string
  label: string
  /** The alternative label that matched, when the preferred label did not (show it: "kapster → kapper"). */
  matchedAltLabel: string | null
}

export function listRegions(tx: Tx): Promise<Region[]> {
  return tx.select({ code: referenceRegions.code, name: referenceRegions.name }).from(referenceRegions).orderBy(asc(referenceRegions.code))
}

/** The municipalities of these reference regions (all of Flanders without `regionCodes`), by name. */
export function listMunicipalities(tx: Tx, regionCodes?: string[]) {
  return tx
    .select({ nis: municipalities.nis, name: municipalities.name, regionCode: municipalities.regionCode })
    .from(municipalities)
    .where(regionCodes ? inArray(municipalities.regionCode, regionCodes) : undefined)
    .orderBy(asc(municipalities.name))
}

export async function findMunicipality(tx: Tx, nis: string): Promise<Municipality | undefined> {
  const [row] = await tx.select().from(municipalities).where(eq(municipalities.nis, nis.trim()))
  return row
}

/** An array, because a postcode can lie in two municipalities (1804 Cargovil: Vilvoorde and Zemst). */
export function municipalitiesForPostcode(tx: Tx, postcode: string): Promise<Municipality[]> {
  return tx
    .select({
      nis: municipalities.nis,
      name: municipalities.name,
      province: municipalities.province,
      regionCode: municipalities.regionCode,
      lat: municipalities.lat,
      lon: municipalities.lon,
    })
    .from(postcodes)
    .innerJoin(municipalities, eq(municipalities.nis, postcodes.municipalityNis))
    .where(eq(postcodes.postcode, postcode.trim()))
    .orderBy(asc(municipalities.name))
}

export async function findOccupation(tx: Tx, uri: string): Promise<Occupation | undefined> {
  const [row] = await tx.select().from(occupations).where(eq(occupations.uri, uri))
  return row
}

// Accent folding without the unaccent extension: translate() maps accented letters to plain ones and drops
// soft hyphens (U+00AD, present in some ESCO labels; translate removes characters that have no counterpart).
// The typographic apostrophe becomes a plain one, since the source uses both ("auto’s", "aroma's").
const FOLD_FROM = 'áàâäãåéèêëíìîïóòôöõúùûüýÿçñÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÝÇÑ’\u00AD'
const FOLD_TO = "aaaaaaeeeeiiiiooooouuuuyycnAAAAAAEEEEIIIIOOOOOUUUUYCN'"

// translate() costs (text length × FOLD_FROM length): 150 ms over all alternative labels. Pure-ASCII text
// (bytes = characters) is left to lower(), so only the ~250 occupations with accents pay for it.
const fold = (value: SQLWrapper): SQL =>
  sql`(case when octet_length(${value}) = length(${value}) then lower(${value}) else lower(translate(${value}, ${FOLD_FROM}, ${FOLD_TO})) end)`

/** The same folding in JS for the user's query: strip combining marks (NFD), soft hyphens, case; collapse spaces. */
export function foldSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u00ad]/g, '')
    .replace(/’/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** Text for a LIKE pattern, matched literally (a user's % or _ is no wildcard). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Type-ahead over the Dutch preferred and alternative labels, ignoring case and accents. Preferred-label matches
 * come first (prefix, then word start, then anywhere), then alternative-label matches (prefix, then anywhere);
 * within a rank, shorter labels first. A sequential scan over 3,007 rows (~40 ms) without extensions; a folded
 * search column filled at load time plus pg_trgm would make it index-backed.
 */
export async function searchOccupations(tx: Tx, query: string, limit = 10): Promise<OccupationHit[]> {
  const q = foldSearchText(query)
  if (q === '') return []
  const text = escapeLike(q)
  const anywhere = `%${text}%`
  const rows = Math.max(1, Math.min(Math.trunc(limit) || 10, 50))
  // MATERIALIZED: fold each row once; an inlined CTE would repeat the folding in WHERE, ORDER BY and SELECT.
  // Alternative labels are joined with newlines, so a match cannot run across two of them.
  const result = await tx.execute<OccupationHit>(sql`
    with folded as materialized (
      select uri, code, label, alt_labels, ${fold(sql`label`)} as l, ${fold(sql`array_to_string(alt_labels, E'\\n')`)} as a
      from ${occupations}
    )
    select uri, code, label,
      case when l like ${anywhere} then null else (
        select x from unnest(alt_labels) as x where ${fold(sql`x`)} like ${anywhere} order by length(x), x limit 1
      ) end as "matchedAltLabel"
    from folded
    where l like ${anywhere} or a like ${anywhere}
    order by
      case
        when l like ${`${text}%`} then 0
        when ' ' || translate(l, '-/(', '   ') like ${`% ${text}%`} then 1 -- word starts, also "teamleider-loodgieter"
        when l like ${anywhere} then 2
        when E'\\n' || a like ${`%\n${text}%`} then 3
        else 4
      end,
      length(label), label
    limit ${rows}`)
  return [...result]
}
