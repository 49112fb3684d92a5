import { and, sql } from 'drizzle-orm'
import type { StatSlice } from '#domain/statistics-period'
import type { Tx } from '#db/client'
import { proposals } from '#db/schema'
import { momentInSlice, placementInSlice } from './dashboard-slice'

/**
 * Matching figures of the regional dashboard (issue 14): counts only, never a row about a client, never the
 * employer's own words. A proposal belongs to the region of its placement (where the work is), so a region sees
 * the proposals its employers received, also for clients from elsewhere.
 */
type Reason = (typeof proposals.declineReason.enumValues)[number]

/**
 * Proposals made in the period, and those accepted, declined and withdrawn in it (by the day of the decision), with
 * the declined ones per reason from the fixed list (the optional note is never read here). One scan of the
 * proposals for both tables of the section: grouped by the reason of a proposal declined in the period (null for
 * every other proposal, and for one declined without a reason), so the groups add up to the flow and each group's
 * `declined` is that reason's count.
 */
export async function proposalFigures(tx: Tx, slice: StatSlice) {
  const declinedInSlice = sql`${proposals.status} = 'declined' and ${momentInSlice(proposals.decidedAt, slice)}`
  const reason = sql<Reason | null>`case when ${declinedInSlice} then ${proposals.declineReason} end`
  const decided = (status: 'accepted' | 'withdrawn') =>
    sql<number>`count(*) filter (where ${proposals.status} = ${status} and ${momentInSlice(proposals.decidedAt, slice)})::int`
  const groups = await tx
    .select({
      reason,
      sent: sql<number>`count(*) filter (where ${momentInSlice(proposals.createdAt, slice)})::int`,
      accepted: decided('accepted'),
      declined: sql<number>`count(*) filter (where ${declinedInSlice})::int`,
      withdrawn: decided('withdrawn'),
    })
    .from(proposals)
    .where(
      and(
        placementInSlice(proposals.placementId, slice),
        // Either moment in the period; the filters above say which one each count looks at.
        sql`(${momentInSlice(proposals.createdAt, slice)} or ${momentInSlice(proposals.decidedAt, slice)})`,
      ),
    )
    .groupBy(sql`1`)
    .orderBy(sql`1`)
  const sum = (field: 'sent' | 'accepted' | 'declined' | 'withdrawn') => groups.reduce((total, group) => total + group[field], 0)
  return {
    flow: { sent: sum('sent'), accepted: sum('accepted'), declined: sum('declined'), withdrawn: sum('withdrawn') },
    declinedByReason: groups.filter((group) => group.declined > 0).map((group) => ({ reason: group.reason, count: group.declined })),
  }
}
