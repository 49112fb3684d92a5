import { and, count, inArray, sql } from 'drizzle-orm'
import type { StatSlice } from '#domain/statistics-period'
import type { Tx } from '#db/client'
import { proposals } from '#db/schema'
import { momentInSlice, placementInSlice } from './dashboard-slice'

/**
 * Matching figures of the regional dashboard (issue 14): counts only, never a row about a client, never the
 * employer's own words. A proposal belongs to the region of its placement (where the work is), so a region sees
 * the proposals its employers received, also for clients from elsewhere.
 */
const inRegion = (slice: StatSlice) => placementInSlice(proposals.placementId, slice)

/**
 * Proposals made in the period, and those accepted, declined and withdrawn in it (by the day of the decision), with
 * the declined ones per reason from the fixed list (the optional note is never read here): both tables of the
 * section from two index-only counts (proposals_created_idx, proposals_decided_idx in db/schema/clients.ts).
 */
export async function proposalFigures(tx: Tx, slice: StatSlice) {
  const [[sent], decided] = await Promise.all([
    tx.select({ count: count() }).from(proposals).where(and(momentInSlice(proposals.createdAt, slice), inRegion(slice))),
    tx
      .select({ status: proposals.status, reason: proposals.declineReason, count: count() })
      .from(proposals)
      .where(and(inArray(proposals.status, ['accepted', 'declined', 'withdrawn']), momentInSlice(proposals.decidedAt, slice), inRegion(slice)))
      .groupBy(proposals.status, proposals.declineReason)
      .orderBy(proposals.status, proposals.declineReason),
  ])
  const total = (status: 'accepted' | 'declined' | 'withdrawn') => decided.reduce((sum, row) => sum + (row.status === status ? row.count : 0), 0)
  return {
    flow: { sent: sent?.count ?? 0, accepted: total('accepted'), declined: total('declined'), withdrawn: total('withdrawn') },
    declinedByReason: decided.filter((row) => row.status === 'declined').map((row) => ({ reason: row.reason, count: row.count })),
  }
}
