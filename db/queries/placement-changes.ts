import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { employerProfiles, placementChanges, placements } from '#db/schema'
import { isPublic } from './public-placements'

/**
 * The change feed of public placements (GET /api/v1/placements/changes): the changes the trigger of migration
 * 0023 recorded, after a position, oldest first. No personal data: placements hold none, and only the fields the
 * search API returns are read.
 */
export type ChangePosition = { xid: string; seq: number }

/** The start of the feed: before every change (xid 0 is never a real transaction). */
export const FEED_START: ChangePosition = { xid: '0', seq: 0 }

/**
 * At most `limit` changes after `after`, ordered by (xid, seq). Only transactions older than every transaction
 * still running in this statement's snapshot count: their changes are committed (or rolled back) for good, so no
 * change can later appear before a position already handed out. A transaction held open delays the feed; it
 * never makes it skip.
 */
export async function changesAfter(tx: Tx, after: ChangePosition, limit: number) {
  return tx
    .select({ seq: placementChanges.seq, xid: sql<string>`${placementChanges.xid}::text`, placementId: placementChanges.placementId, kind: placementChanges.kind, at: placementChanges.at })
    .from(placementChanges)
    .where(
      and(
        sql`${placementChanges.xid} < pg_snapshot_xmin(pg_current_snapshot())`,
        sql`(${placementChanges.xid}, ${placementChanges.seq}) > (${after.xid}::xid8, ${after.seq}::bigint)`,
      ),
    )
    .orderBy(placementChanges.xid, placementChanges.seq)
    .limit(limit)
}

/**
 * The public placements among `ids` now, as the search API shows a placement (docs/openapi.yaml SearchHit without
 * the ranking fields). A placement that is not public now is missing from the map.
 */
export async function publicPlacementsNow(tx: Tx, ids: string[]) {
  if (ids.length === 0) return new Map<string, PublicPlacement>()
  const rows = await tx
    .select({
      id: placements.id,
      externalId: placements.externalId,
      title: placements.title,
      occupation: placements.occupationUri,
      municipalityNis: placements.municipalityNis,
    })
    .from(placements)
    .innerJoin(employerProfiles, eq(employerProfiles.organisationId, placements.organisationId))
    .where(and(isPublic, inArray(placements.id, ids)))
  return new Map(rows.map((row) => [row.id, row]))
}

export type PublicPlacement = { id: string; externalId: string | null; title: string; occupation: string; municipalityNis: string }

/** How long a change stays in the feed as it happened; see pruneChanges. */
export const CHANGE_RETENTION_DAYS = 90

/**
 * The daily retention run's part of the feed. A change older than `days` goes when a later change of the same
 * placement exists: an upsert carries the placement as it is now, so the later change tells a partner everything
 * the older one did. A tombstone older than `days` goes too: a partner that did not read for that long starts
 * again without a cursor. The latest upsert of a public placement stays, however old, so reading from the start
 * always gives every public placement.
 */
export async function pruneChanges(tx: Tx, days = CHANGE_RETENTION_DAYS) {
  const pruned = await tx.execute(sql`
    DELETE FROM placement_changes c
    WHERE c.at < now() - make_interval(days => ${days})
      AND (c.kind = 'remove' OR EXISTS (
        SELECT 1 FROM placement_changes later
        WHERE later.placement_id = c.placement_id AND (later.xid, later.seq) > (c.xid, c.seq)))`)
  return pruned.count
}
