import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { PlacementInput } from '#domain/placement-form'
import type { PlacementStatus } from '#domain/placement-lifecycle'
import type { Tx } from '#db/client'
import { employerProfiles, employerSites, municipalities, occupations, organisations, placementEvents, placements, users } from '#db/schema'
import { enqueueIndexUpdate } from './index-updates'
import { audit } from './audit'
import { changePlacementStatus } from './placement-lifecycle'

/**
 * An employer's own placements. Every function takes the organisation id from the session user and filters
 * on it, so a placement of another organisation is simply not found (the routes answer 404).
 */
export class SiteNotOwnedError extends Error {}

type Actor = { organisationId: string; actorUserId: string | null }

export async function listOwnSites(tx: Tx, organisationId: string) {
  return tx
    .select({ id: employerSites.id, name: employerSites.name, street: employerSites.street, postcode: employerSites.postcode, municipality: municipalities.name })
    .from(employerSites)
    .innerJoin(municipalities, eq(municipalities.nis, employerSites.municipalityNis))
    .where(eq(employerSites.organisationId, organisationId))
    .orderBy(asc(employerSites.name))
}

/** Whether the employer is verified (its placements may go public) and its type (which tariffs apply). */
export async function employerStanding(tx: Tx, organisationId: string) {
  const [row] = await tx
    .select({ verificationStatus: employerProfiles.verificationStatus, employerType: organisations.employerType })
    .from(organisations)
    .leftJoin(employerProfiles, eq(employerProfiles.organisationId, organisations.id))
    .where(eq(organisations.id, organisationId))
  return { verified: row?.verificationStatus === 'verified', employerType: row?.employerType ?? null }
}

export async function listOwnPlacements(tx: Tx, organisationId: string, filter: { status?: PlacementStatus } = {}) {
  return tx
    .select({
      id: placements.id,
      title: placements.title,
      occupation: occupations.label,
      site: employerSites.name,
      municipality: municipalities.name,
      status: placements.status,
      places: placements.places,
      hoursPerWeek: placements.hoursPerWeek,
      publishedAt: placements.publishedAt,
      updatedAt: placements.updatedAt,
    })
    .from(placements)
    .innerJoin(occupations, eq(occupations.uri, placements.occupationUri))
    .innerJoin(municipalities, eq(municipalities.nis, placements.municipalityNis))
    .leftJoin(employerSites, eq(employerSites.id, placements.siteId))
    .where(and(eq(placements.organisationId, organisationId), filter.status ? eq(placements.status, filter.status) : undefined))
    .orderBy(desc(placements.updatedAt), asc(placements.id))
}

export async function getOwnPlacement(tx: Tx, organisationId: string, placementId: string) {
  const [row] = await tx
    .select()
    .from(placements)
    .where(and(eq(placements.id, placementId), eq(placements.organisationId, organisationId)))
  return row
}

/** Who changed the status when, oldest first. Scoped through the placement's organisation. */
export async function placementHistory(tx: Tx, organisationId: string, placementId: string) {
  return tx
    .select({ at: placementEvents.at, from: placementEvents.fromStatus, to: placementEvents.toStatus, note: placementEvents.note, actor: users.name })
    .from(placementEvents)
    .innerJoin(placements, eq(placements.id, placementEvents.placementId))
    .leftJoin(users, eq(users.id, placementEvents.actorUserId))
    .where(and(eq(placementEvents.placementId, placementId), eq(placements.organisationId, organisationId)))
    .orderBy(asc(placementEvents.at), asc(placementEvents.id))
}

/** Label and alternative labels of ESCO occupations, for showing what caseworkers will search for. */
export async function occupationSummaries(tx: Tx, uris: string[]) {
  if (uris.length === 0) return []
  return tx
    .select({ uri: occupations.uri, code: occupations.code, label: occupations.label, altLabels: occupations.altLabels })
    .from(occupations)
    .where(inArray(occupations.uri, uris))
}

/** The placement's location is copied from its site, so a later change of the site never moves it silently. */
async function locationOfOwnSite(tx: Tx, organisationId: string, siteId: string) {
  const [site] = await tx
    .select({ siteId: employerSites.id, municipalityNis: employerSites.municipalityNis, postcode: employerSites.postcode, street: employerSites.street, lat: employerSites.lat, lon: employerSites.lon })
    .from(employerSites)
    .where(and(eq(employerSites.id, siteId), eq(employerSites.organisationId, organisationId)))
  if (!site) throw new SiteNotOwnedError('Deze vestiging hoort niet bij uw organisatie.')
  return site
}

const rowValues = async (tx: Tx, organisationId: string, { siteId, ...input }: PlacementInput) => ({
  ...input,
  ...(await locationOfOwnSite(tx, organisationId, siteId)),
})

/** A new draft; its history starts with the creation. */
export async function createPlacement(tx: Tx, { organisationId, actorUserId }: Actor, input: PlacementInput) {
  const [row] = await tx
    .insert(placements)
    .values({ organisationId, status: 'draft', ...(await rowValues(tx, organisationId, input)) })
    .returning({ id: placements.id })
  if (!row) throw new Error('placement insert returned nothing')
  await tx.insert(placementEvents).values({ placementId: row.id, actorUserId, fromStatus: null, toStatus: 'draft', note: 'Aangemaakt' })
  await audit(tx, { actorUserId, organisationId, action: 'placement.create', subjectType: 'placement', subjectId: row.id, details: { title: input.title } })
  return row.id
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Saves the editor's values and answers the (unchanged) status; closed placements stay as they were. */
export async function updatePlacement(tx: Tx, { organisationId, actorUserId }: Actor, placementId: string, input: PlacementInput) {
  const current = await getOwnPlacement(tx, organisationId, placementId)
  if (!current) return 'not-found' as const
  if (current.status === 'closed') return 'closed' as const
  const values = await rowValues(tx, organisationId, input)
  const changed = Object.entries(values)
    .filter(([key, value]) => !same(current[key as keyof typeof current], value))
    .map(([key]) => key)
  await tx.update(placements).set({ ...values, updatedAt: sql`now()` }).where(eq(placements.id, placementId))
  await audit(tx, { actorUserId, organisationId, action: 'placement.update', subjectType: 'placement', subjectId: placementId, details: { changed } })
  // A published placement's new content must reach the index; for any other status the job is a no-op removal.
  await enqueueIndexUpdate(tx, [placementId])
  return { id: placementId, status: current.status }
}

/** A status change by the employer: the lifecycle rules, the history row and the audit entry together. */
export async function setPlacementStatus(tx: Tx, { organisationId, actorUserId }: Actor, placementId: string, to: PlacementStatus) {
  const [before] = await tx
    .select({ status: placements.status })
    .from(placements)
    .where(and(eq(placements.id, placementId), eq(placements.organisationId, organisationId)))
  await changePlacementStatus(tx, { placementId, organisationId, to, actorUserId })
  await audit(tx, {
    actorUserId,
    organisationId,
    action: 'placement.status',
    subjectType: 'placement',
    subjectId: placementId,
    details: { from: before?.status ?? null, to },
  })
}
