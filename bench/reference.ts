import { sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { municipalities, occupations, postcodes } from '#db/schema'

/**
 * The reference data the benchmark's placements and queries are made of: the ESCO occupations and Flemish
 * municipalities of the database, and the jobs werkervaringsplaatsen are most often about (logistics, cleaning,
 * kitchens, shops, green maintenance, care, construction), which get most of the placements — a real
 * portal is skewed like that, and the common jobs are where a search has the most candidates to rank.
 */
export type Occupation = { uri: string; label: string; altLabels: string[]; iscoGroup: string; description: string }
export type Municipality = { nis: string; name: string; lat: number; lon: number; postcodes: string[]; weight: number }
export type Reference = { occupations: Occupation[]; common: Occupation[]; municipalities: Municipality[]; uniquePostcodes: string[] }

/** Preferred ESCO labels, most common first (about the order of the jobs in Flemish work-experience programmes). */
export const COMMON_JOBS = [
  'magazijnmedewerker', 'schoonmaker gebouwen', 'keukenhulp', 'winkelmedewerker', 'productiemedewerker',
  'medewerker huishoudelijke dienst', 'medewerker groenvoorziening/medewerkster groenvoorziening', 'orderpicker',
  'kassamedewerker', 'kok', 'inpakker met de hand', 'klusjesman', 'heftruckchauffeur', 'tuinier', 'kantoorbediende',
  'interieurverzorger', 'zorghulp', 'thuiszorgmedewerker', 'medewerker kinderdagverblijf', 'opperman bouw',
  'pakhuismedewerker', 'medewerker keuken', 'verkoopmedewerker', 'schilder bouw', 'hovenier', 'verhuizer',
  'medewerker maaltijden', 'fietsenmaker', 'logistiek medewerker', 'receptionist', 'vuilnisophaler', 'bakker',
  'tuinbouwmedewerker', 'strijker', 'naaister', 'medewerker klantencontactcentrum', 'timmerman', 'lasser', 'barista',
  'conciërge', 'metselaar', 'slager', 'vrachtwagenchauffeur', 'auto- en bestelwagenkoerier', 'portier',
]

/** Centre cities: more employers, so more placements (and more searches from there). */
export const CITY_WEIGHTS: Record<string, number> = {
  '11002': 14, '44021': 10, '31005': 5, '24062': 5, '12025': 4, '41002': 3, '34022': 3, '71072': 3, '71016': 3,
  '46021': 3, '35013': 3, '23088': 2, '13040': 2, '45035': 2, '42006': 2, '36015': 2,
}

export async function loadReference(tx: Tx): Promise<Reference> {
  const all = await tx
    .select({ uri: occupations.uri, label: occupations.label, altLabels: occupations.altLabels, iscoGroup: occupations.iscoGroup, description: occupations.description })
    .from(occupations)
    .orderBy(occupations.uri)
  const byLabel = new Map(all.map((o) => [o.label, o]))
  const common = COMMON_JOBS.flatMap((label) => byLabel.get(label) ?? [])
  const places = await tx
    .select({
      nis: municipalities.nis,
      name: municipalities.name,
      lat: municipalities.lat,
      lon: municipalities.lon,
      postcodes: sql<string[]>`coalesce(array_agg(${postcodes.postcode} order by ${postcodes.postcode}) filter (where ${postcodes.postcode} is not null), '{}')`,
    })
    .from(municipalities)
    .leftJoin(postcodes, sql`${postcodes.municipalityNis} = ${municipalities.nis}`)
    .groupBy(municipalities.nis)
    .orderBy(municipalities.nis)
  // A postcode of two municipalities is a 400 on purpose (search/plan.ts): the benchmark asks only answerable questions.
  const owners = new Map<string, number>()
  for (const place of places) for (const code of place.postcodes) owners.set(code, (owners.get(code) ?? 0) + 1)
  return {
    occupations: all,
    common,
    municipalities: places.map((place) => ({ ...place, weight: CITY_WEIGHTS[place.nis] ?? 1 })),
    uniquePostcodes: [...owners].filter(([, n]) => n === 1).map(([code]) => code),
  }
}
