import { and, count, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { StatSlice } from '#domain/statistics-period'
import type { Tx } from '#db/client'
import { occupations, organisations, placementEvents, placements, proposals } from '#db/schema'
import { momentInSlice, municipalityInSlice, placementInSlice } from './dashboard-slice'

/**
 * Placement figures of the regional dashboard (issue 14): counts only. A placement belongs to the region of the
 * municipality stored on it (copied from the employer's site when it was made), and is "published" in the period
 * its first publication falls in.
 */
const inRegion = (slice: StatSlice) => municipalityInSlice(placements.municipalityNis, slice)
const publishedInSlice = (slice: StatSlice) => and(isNotNull(placements.publishedAt), momentInSlice(placements.publishedAt, slice), inRegion(slice))

/**
 * Placements filled (the last place taken or set full by the employer) and closed in the period. A placement filled
 * twice in one period (republished in between) counts once. (Those first published are the sum of
 * publishedByEmployerType's rows: every placement has its organisation.)
 */
export async function placementEndings(tx: Tx, slice: StatSlice) {
  const reached = (status: 'filled' | 'closed') =>
    sql<number>`count(distinct ${placementEvents.placementId}) filter (where ${placementEvents.toStatus} = ${status})::int`
  const [ended] = await tx
    .select({ filled: reached('filled'), closed: reached('closed') })
    .from(placementEvents)
    .where(and(inArray(placementEvents.toStatus, ['filled', 'closed']), momentInSlice(placementEvents.at, slice), placementInSlice(placementEvents.placementId, slice)))
  return { filled: ended?.filled ?? 0, closed: ended?.closed ?? 0 }
}

/** Placements first published in the period per ISCO-08 major group (the first digit of the occupation's code). */
export function publishedByIscoMajorGroup(tx: Tx, slice: StatSlice) {
  const group = sql<string>`left(${occupations.iscoGroup}, 1)`
  return tx
    .select({ group, count: count() })
    .from(placements)
    .innerJoin(occupations, eq(occupations.uri, placements.occupationUri))
    .where(publishedInSlice(slice))
    .groupBy(group)
    .orderBy(group)
}

/** Placements first published in the period per employer type of the publishing organisation (null: not given). */
export function publishedByEmployerType(tx: Tx, slice: StatSlice) {
  return tx
    .select({ employerType: organisations.employerType, count: count() })
    .from(placements)
    .innerJoin(organisations, eq(organisations.id, placements.organisationId))
    .where(publishedInSlice(slice))
    .groupBy(organisations.employerType)
}

/**
 * Days from a placement's first publication to its first accepted proposal, for placements whose first accepted
 * proposal was decided in the period: the median and how many placements it is over.
 */
export async function daysToFirstAcceptance(tx: Tx, slice: StatSlice) {
  const days = sql`extract(epoch from ${proposals.decidedAt} - ${placements.publishedAt}) / 86400`
  const [row] = await tx
    .select({ median: sql<number | null>`percentile_cont(0.5) within group (order by ${days})`, count: count() })
    .from(proposals)
    .innerJoin(placements, eq(placements.id, proposals.placementId))
    .where(
      and(
        eq(proposals.status, 'accepted'),
        momentInSlice(proposals.decidedAt, slice),
        inRegion(slice),
        isNotNull(placements.publishedAt),
        // The first acceptance only (the id breaks a tie of two decisions in the same instant).
        sql`not exists (select 1 from ${proposals} earlier where earlier.placement_id = ${proposals.placementId}
          and earlier.status = 'accepted' and (earlier.decided_at, earlier.id) < (${proposals.decidedAt}, ${proposals.id}))`,
      ),
    )
  return { median: row?.median ?? null, placements: row?.count ?? 0 }
}

/** Right now: published placements in the region and the places they still have free. */
export async function freePlacesNow(tx: Tx, slice: StatSlice) {
  const [row] = await tx
    .select({ placements: count(), places: sql<number>`coalesce(sum(${placements.places}), 0)::int` })
    .from(placements)
    .where(and(eq(placements.status, 'published'), inRegion(slice)))
  return { placements: row?.placements ?? 0, places: row?.places ?? 0 }
}
