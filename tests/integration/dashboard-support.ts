import { db } from '#db/client'
import { placementEvents, placements, proposals } from '#db/schema'
import { createClient, createEmployer } from '#db/seed/factories'
import { loader } from '#app/routes/admin+/cijfers.$sectie'
import { body, context, cookieFor, organisation, page, person } from './staff-support'

/**
 * Set-up of the dashboard section tests (issue 14): placements, their history and proposals with the moments the
 * test chooses, and a section's tables as key → values per column.
 */
export const OCCUPATION = {
  warehouse: 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f', // ISCO 9333
  baker: 'http://data.europa.eu/esco/occupation/1aadb308-432a-4d01-b54b-b4f7f76dd419', // ISCO 7512
  breadSeller: 'http://data.europa.eu/esco/occupation/2e9c9404-0d86-453c-9001-3a0cd1d1323b', // ISCO 5223
}

type EmployerType = 'private' | 'public' | 'nonprofit' | 'social_economy'

export async function employer(employerType: EmployerType) {
  return (await createEmployer(db(), { employerType })).organisation
}

type PlacementInput = {
  organisationId: string
  municipalityNis?: string
  occupationUri?: string
  publishedAt?: string | null
  status?: (typeof placements.$inferInsert)['status']
  places?: number
}

/** A placement stored as the lifecycle leaves it, without its history (add events with `event`). */
export async function placement(input: PlacementInput) {
  const [row] = await db()
    .insert(placements)
    .values({
      organisationId: input.organisationId,
      title: 'Plaats',
      description: 'Werk',
      occupationUri: input.occupationUri ?? OCCUPATION.warehouse,
      municipalityNis: input.municipalityNis ?? '44021',
      lat: 51.05,
      lon: 3.72,
      hoursPerWeek: 19,
      places: input.places ?? 1,
      dutchLevel: 'A2',
      instruments: ['TWE_ART60'],
      status: input.status ?? (input.publishedAt ? 'published' : 'draft'),
      publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
    })
    .returning({ id: placements.id })
  return row!.id
}

export async function event(placementId: string, at: string, fromStatus: 'published' | 'paused' | 'filled', toStatus: 'published' | 'filled' | 'closed') {
  await db().insert(placementEvents).values({ placementId, at: new Date(at), fromStatus, toStatus })
}

type ProposalInput = Pick<typeof proposals.$inferInsert, 'status' | 'declineReason' | 'declineNote'> & {
  placementId: string
  createdAt: string
  decidedAt?: string
  /** Where the client lives (the region does not follow it). */
  homeMunicipalityNis?: string
}

/** A proposal of a new client of OCMW Gent, made and decided at the given moments. */
export async function proposal(input: ProposalInput) {
  const ocmw = await organisation('ocmw-44021')
  const client = await createClient(db(), { organisationId: ocmw.id, homeMunicipalityNis: input.homeMunicipalityNis ?? '44021' })
  await db()
    .insert(proposals)
    .values({
      clientId: client.id,
      placementId: input.placementId,
      organisationId: ocmw.id,
      clientConsented: true,
      status: input.status,
      declineReason: input.declineReason ?? null,
      declineNote: input.declineNote ?? null,
      createdAt: new Date(input.createdAt),
      decidedAt: input.decidedAt ? new Date(input.decidedAt) : null,
    })
}

export async function regionalAdmin(region: string) {
  const platform = await organisation('stapsteen')
  return cookieFor((await person(platform.id, 'regional_admin', { regions: [region] })).id)
}

type Table = { id: string; columns: string[]; rows: { key: string; label: string; values: (number | null)[] }[] }

/** The section's page as the admin sees it, each table as { columns, key → values }. */
export async function sectionTables(cookie: string, sectie: string, query: string) {
  const data = await body<{ tables: Table[] }>(loader({ request: page(cookie, `/admin/cijfers/${sectie}?${query}`), params: { sectie }, context }))
  return Object.fromEntries(
    data.tables.map((table) => [table.id, { columns: table.columns, rows: table.rows, values: Object.fromEntries(table.rows.map((row) => [row.key, row.values])) }]),
  )
}
