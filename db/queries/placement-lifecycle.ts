import { and, eq, sql } from 'drizzle-orm'
import { canTransition, type PlacementStatus } from '#domain/placement-lifecycle'
import { enqueueIndexUpdate } from './index-updates'
import type { Tx } from '#db/client'
import { placementEvents, placements } from '#db/schema'

export class TransitionError extends Error {}

/**
 * Moves one of the organisation's placements to a new status and records who did it. The organisation id
 * comes from the session, so a user can never move another organisation's placement.
 */
export async function changePlacementStatus(
  tx: Tx,
  input: { placementId: string; organisationId: string; to: PlacementStatus; actorUserId: string | null; note?: string },
) {
  const [current] = await tx
    .select({ status: placements.status })
    .from(placements)
    .where(and(eq(placements.id, input.placementId), eq(placements.organisationId, input.organisationId)))
    .for('update')
  if (!current) throw new TransitionError('Deze plaats bestaat niet of hoort niet bij uw organisatie.')
  if (!canTransition(current.status, input.to)) {
    throw new TransitionError(`Een plaats met status "${current.status}" kan niet naar "${input.to}".`)
  }
  await tx
    .update(placements)
    .set({
      status: input.to,
      updatedAt: sql`now()`,
      ...(input.to === 'published' ? { publishedAt: sql`coalesce(${placements.publishedAt}, now())` } : {}),
    })
    .where(eq(placements.id, input.placementId))
  await tx.insert(placementEvents).values({
    placementId: input.placementId,
    actorUserId: input.actorUserId,
    fromStatus: current.status,
    toStatus: input.to,
    note: input.note ?? null,
  })
  await enqueueIndexUpdate(tx, [input.placementId])
}

/** On approval of an employer: everything it had submitted goes public. Answers the ids and titles published. */
export async function publishSubmittedPlacements(tx: Tx, organisationId: string, actorUserId: string | null) {
  const submitted = await tx
    .select({ id: placements.id, title: placements.title })
    .from(placements)
    .where(and(eq(placements.organisationId, organisationId), eq(placements.status, 'submitted')))
  for (const placement of submitted) {
    await changePlacementStatus(tx, { placementId: placement.id, organisationId, to: 'published', actorUserId, note: 'Werkgever geverifieerd' })
  }
  return submitted
}

/**
 * One place taken by an accepted proposal: the count drops, the history says so, and the last place moves the
 * placement to filled. The row lock makes concurrent takers wait for each other, so the last place goes to
 * exactly one of them. Answers the places left, or null (nothing written) when no place was free any more.
 */
export async function fillPlace(tx: Tx, input: { placementId: string; organisationId: string; actorUserId: string | null; note: string }) {
  const [current] = await tx
    .select({ status: placements.status, places: placements.places })
    .from(placements)
    .where(and(eq(placements.id, input.placementId), eq(placements.organisationId, input.organisationId)))
    .for('update')
  // Published or paused: the statuses from which a placement can still become filled.
  if (!current || !canTransition(current.status, 'filled') || current.places < 1) return null
  const places = current.places - 1
  await tx.update(placements).set({ places, updatedAt: sql`now()` }).where(eq(placements.id, input.placementId))
  // One event per fill (two in one transaction would share a timestamp and could show in either order).
  if (places === 0) {
    await changePlacementStatus(tx, { ...input, to: 'filled', note: `${input.note} Alle plaatsen zijn ingevuld.` })
  } else {
    // Not a status change: the event keeps the status and says in its note what happened.
    const note = `${input.note} Nog ${places} ${places === 1 ? 'plaats' : 'plaatsen'} vrij.`
    await tx.insert(placementEvents).values({ placementId: input.placementId, actorUserId: input.actorUserId, fromStatus: current.status, toStatus: current.status, note })
  }
  await enqueueIndexUpdate(tx, [input.placementId])
  return places
}
