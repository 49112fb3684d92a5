import { and, count, eq, sql } from 'drizzle-orm'
import type { StatSlice } from '#domain/statistics-period'
import type { Tx } from '#db/client'
import { placements, proposals } from '#db/schema'
import { momentInSlice, municipalityInSlice } from './dashboard-slice'

/**
 * Matching figures of the regional dashboard (issue 14): counts only, never a row about a client, never the
 * employer's own words. A proposal belongs to the region of its placement (where the work is), so a region sees
 * the proposals its employers received, also for clients from elsewhere.
 */
const placementInRegion = (slice: StatSlice) => municipalityInSlice(placements.municipalityNis, slice)

/** Proposals made in the period, and those accepted, declined and withdrawn in it (by the day of the decision). */
export async function proposalFlow(tx: Tx, slice: StatSlice) {
  const decided = (status: 'accepted' | 'declined' | 'withdrawn') =>
    sql<number>`count(*) filter (where ${proposals.status} = ${status} and ${momentInSlice(proposals.decidedAt, slice)})::int`
  const [row] = await tx
    .select({
      sent: sql<number>`count(*) filter (where ${momentInSlice(proposals.createdAt, slice)})::int`,
      accepted: decided('accepted'),
      declined: decided('declined'),
      withdrawn: decided('withdrawn'),
    })
    .from(proposals)
    .innerJoin(placements, eq(placements.id, proposals.placementId))
    .where(
      and(
        placementInRegion(slice),
        // Either moment in the period; the filters above say which one each count looks at.
        sql`(${momentInSlice(proposals.createdAt, slice)} or ${momentInSlice(proposals.decidedAt, slice)})`,
      ),
    )
  return { sent: row?.sent ?? 0, accepted: row?.accepted ?? 0, declined: row?.declined ?? 0, withdrawn: row?.withdrawn ?? 0 }
}

/** Proposals declined in the period per reason from the fixed list (the optional note is never read here). */
export function declinedByReason(tx: Tx, slice: StatSlice) {
  return tx
    .select({ reason: proposals.declineReason, count: count() })
    .from(proposals)
    .innerJoin(placements, eq(placements.id, proposals.placementId))
    .where(and(eq(proposals.status, 'declined'), momentInSlice(proposals.decidedAt, slice), placementInRegion(slice)))
    .groupBy(proposals.declineReason)
    .orderBy(proposals.declineReason)
}
