import { and, count, eq, type SQL, sql } from 'drizzle-orm'
import type { StatSlice } from '#domain/statistics-period'
import type { Tx } from '#db/client'
import { intakeChannels, intakes, organisations } from '#db/schema'
import { momentInSlice, municipalityInSlice } from './dashboard-slice'

/**
 * Outreach and triage figures of the regional dashboard (issue 14): counts only, never a row about a resident.
 * An intake belongs to the region of the municipality the resident gave, and to the period it was submitted in.
 */
export const intakeInSlice = (slice: StatSlice) => and(momentInSlice(intakes.createdAt, slice), municipalityInSlice(intakes.municipalityNis, slice))

/** Several counts in one pass over the rows: one query per table keeps the page fast. */
export const countWhere = (condition: SQL) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number)

/** Intakes per way in: an outreach partner's channel (by partner), assisted by an outreach worker, or direct. */
export function intakesByChannel(tx: Tx, slice: StatSlice) {
  const way = sql<string>`case when ${intakes.channelId} is not null then 'channel' when ${intakes.assistedByUserId} is not null then 'assisted' else 'direct' end`
  return tx
    .select({ way, partnerId: organisations.id, partner: organisations.name, count: count() })
    .from(intakes)
    .leftJoin(intakeChannels, eq(intakeChannels.id, intakes.channelId))
    .leftJoin(organisations, eq(organisations.id, intakeChannels.organisationId))
    .where(intakeInSlice(slice))
    .groupBy(way, organisations.id, organisations.name)
}
