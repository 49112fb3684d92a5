import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { employerProfiles, municipalities, organisations, placements, savedSearches, savedSearchSeen, users } from '#db/schema'
import { listMunicipalityPoints } from './compensation'
import { municipalitiesForPostcode } from './reference'

/**
 * Saved searches (the search page's address, with an e-mail alert on new hits). A user only ever reaches their
 * own: every function the pages call takes the user id from the session and filters by it. The alert job
 * (app/features/saved-searches/alerts.server.ts) works across users through the functions at the end, and mails each user only their own.
 */
export type SavedSearch = { id: string; name: string; query: string; alert: boolean; createdAt: Date }

const columns = {
  id: savedSearches.id,
  name: savedSearches.name,
  query: savedSearches.query,
  alert: savedSearches.alert,
  createdAt: savedSearches.createdAt,
}
const own = (userId: string, id: string) => and(eq(savedSearches.id, id), eq(savedSearches.userId, userId))

export function listOwnSavedSearches(tx: Tx, userId: string): Promise<SavedSearch[]> {
  return tx.select(columns).from(savedSearches).where(eq(savedSearches.userId, userId)).orderBy(desc(savedSearches.createdAt), asc(savedSearches.id))
}

export async function getOwnSavedSearch(tx: Tx, userId: string, id: string): Promise<SavedSearch | undefined> {
  const [row] = await tx.select(columns).from(savedSearches).where(own(userId, id))
  return row
}

/** Saves a search with the placements it finds now as already seen: only placements found later alert. */
export async function createSavedSearch(
  tx: Tx,
  user: { id: string; organisationId: string },
  search: { name: string; query: string; alert: boolean },
  currentHits: string[],
): Promise<string> {
  const [row] = await tx
    .insert(savedSearches)
    .values({ userId: user.id, organisationId: user.organisationId, ...search })
    .returning({ id: savedSearches.id })
  await markSeen(tx, row!.id, currentHits)
  return row!.id
}

/** Turns the alert on or off; turning it on counts what the search finds now as seen, like saving does. */
export async function setOwnAlert(tx: Tx, userId: string, id: string, alert: boolean, currentHits: string[] = []) {
  const [row] = await tx.update(savedSearches).set({ alert }).where(own(userId, id)).returning({ id: savedSearches.id, name: savedSearches.name })
  if (row && alert) await markSeen(tx, row.id, currentHits)
  return row
}

export async function deleteOwnSavedSearch(tx: Tx, userId: string, id: string) {
  const [row] = await tx.delete(savedSearches).where(own(userId, id)).returning({ name: savedSearches.name })
  return row
}

// ---------------------------------------------------------------------------------------- the alert job

/** Saved searches with the alert on, of users who can still log in, with where to mail. */
export function listAlertingSearches(tx: Tx) {
  return tx
    .select({ id: savedSearches.id, query: savedSearches.query, email: users.email, userName: users.name, role: users.role })
    .from(savedSearches)
    .innerJoin(users, eq(users.id, savedSearches.userId))
    .where(and(eq(savedSearches.alert, true), isNull(users.disabledAt)))
    .orderBy(asc(savedSearches.id))
}

/**
 * Locks one saved search for the rest of the transaction, if its alert is still on. A second run (another
 * worker, a retry) waits here and then finds the placements the first one mailed already marked as seen.
 */
export async function lockAlertingSearch(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: savedSearches.id })
    .from(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.alert, true)))
    .for('update')
  return row
}

export async function unseenPlacementIds(tx: Tx, savedSearchId: string, placementIds: string[]): Promise<string[]> {
  if (placementIds.length === 0) return []
  const seen = await tx
    .select({ id: savedSearchSeen.placementId })
    .from(savedSearchSeen)
    .where(and(eq(savedSearchSeen.savedSearchId, savedSearchId), inArray(savedSearchSeen.placementId, placementIds)))
  const known = new Set(seen.map((row) => row.id))
  return placementIds.filter((id) => !known.has(id))
}

const SEEN_PER_INSERT = 1_000

export async function markSeen(tx: Tx, savedSearchId: string, placementIds: string[]) {
  const ids = [...new Set(placementIds)]
  for (let i = 0; i < ids.length; i += SEEN_PER_INSERT) {
    const rows = ids.slice(i, i + SEEN_PER_INSERT).map((placementId) => ({ savedSearchId, placementId }))
    await tx.insert(savedSearchSeen).values(rows).onConflictDoNothing()
  }
}

// ------------------------------------------------------------------------------ shared with the search page

/**
 * What a search result shows beyond the engine's hit, for public placements only (published, verified
 * employer), in the order of `ids`; an id that is no longer public is left out.
 */
export async function placementCards(tx: Tx, ids: string[]) {
  if (ids.length === 0) return []
  const rows = await tx
    .select({
      id: placements.id,
      title: placements.title,
      employerType: organisations.employerType,
      municipality: municipalities.name,
      hoursPerWeek: placements.hoursPerWeek,
      schedule: placements.schedule,
      dutchLevel: placements.dutchLevel,
    })
    .from(placements)
    .innerJoin(employerProfiles, eq(employerProfiles.organisationId, placements.organisationId))
    .innerJoin(organisations, eq(organisations.id, placements.organisationId))
    .innerJoin(municipalities, eq(municipalities.nis, placements.municipalityNis))
    .where(and(inArray(placements.id, ids), eq(placements.status, 'published'), eq(employerProfiles.verificationStatus, 'verified')))
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}
export type PlacementCard = Awaited<ReturnType<typeof placementCards>>[number]

export type Place = { nis: string; name: string }
export type PlaceLookup = { municipalities: readonly Place[]; byPostcode: (postcode: string) => Promise<readonly Place[]> }

/** Flemish municipalities by name and by postcode, for the search's place field. */
export async function placeLookup(tx: Tx): Promise<PlaceLookup> {
  const all = await listMunicipalityPoints(tx)
  return { municipalities: all.map(({ nis, name }) => ({ nis, name })), byPostcode: (postcode) => municipalitiesForPostcode(tx, postcode) }
}
