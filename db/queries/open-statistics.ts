import { and, count, eq, isNotNull, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { clients, intakeReferrals, intakes, municipalities, organisations, placements, proposals, trajectories } from '#db/schema'
import { momentInSlice } from './dashboard-slice'

/**
 * Counts for the open statistics (issue 14): never a row about a person, only counts per reference region and
 * category, for one calendar quarter in Belgian time. Anonymised rows count (the retention keeps what figures
 * need); erased ones are gone. Suppression happens above this (domain/suppression.ts), before anything is shown.
 * An outcome is the one at the end of the quarter, so a published quarter never changes afterwards (ADR 0015).
 */
export type Quarter = { from: string; until: string }
export type RegionCount = { regionCode: string; key: string; count: number }

const inQuarter = (column: AnyColumn, quarter: Quarter) => momentInSlice(column, { ...quarter, regionCodes: null })
const quarterEnd = (quarter: Quarter) => sql`(${quarter.until}::date::timestamp at time zone 'Europe/Brussels')`
const region = municipalities.regionCode
// By position: a key with a parameter in it (the quarter's end) would not match itself in GROUP BY as an expression.
const byRegionAndKey = sql`1, 2`

/** A decided status counts once it was decided before the quarter ended; otherwise the row was still `open`. */
const outcomeAtEnd = (status: AnyColumn, decidedAt: AnyColumn, quarter: Quarter, open: string): SQL<string> =>
  sql<string>`case when ${decidedAt} < ${quarterEnd(quarter)} then ${status}::text else ${open} end`

/** Intakes received in the quarter (region of the resident's municipality), counted by `key`. */
function intakesByRegion(tx: Tx, quarter: Quarter, key: SQL<string>): Promise<RegionCount[]> {
  return tx
    .select({ regionCode: region, key, count: count() })
    .from(intakes)
    .innerJoin(municipalities, eq(municipalities.nis, intakes.municipalityNis))
    .where(inQuarter(intakes.createdAt, quarter))
    .groupBy(byRegionAndKey)
}

/** By the destination the triage rules suggested. */
export const intakesByRegionAndDestination = (tx: Tx, quarter: Quarter) => intakesByRegion(tx, quarter, sql<string>`${intakes.suggestedDestination}::text`)

/** By way in: an outreach partner's channel, assisted by an outreach worker, or direct (as the dashboard counts). */
export const intakesByRegionAndWayIn = (tx: Tx, quarter: Quarter) =>
  intakesByRegion(tx, quarter, sql<string>`case when ${intakes.channelId} is not null then 'channel' when ${intakes.assistedByUserId} is not null then 'assisted' else 'direct' end`)

/** Warm hand-overs sent in the quarter (region of the intake's municipality), by their outcome at the quarter's end. */
export function handOversByRegionAndOutcome(tx: Tx, quarter: Quarter): Promise<RegionCount[]> {
  const key = outcomeAtEnd(intakeReferrals.status, intakeReferrals.decidedAt, quarter, 'pending')
  return tx
    .select({ regionCode: region, key, count: count() })
    .from(intakeReferrals)
    .innerJoin(intakes, eq(intakes.id, intakeReferrals.intakeId))
    .innerJoin(municipalities, eq(municipalities.nis, intakes.municipalityNis))
    .where(inQuarter(intakeReferrals.createdAt, quarter))
    .groupBy(byRegionAndKey)
}

/** Placements first published in the quarter (region of the workplace), by the employer's type. */
export function placementsByRegionAndEmployerType(tx: Tx, quarter: Quarter): Promise<RegionCount[]> {
  const key = sql<string>`${organisations.employerType}::text`
  return tx
    .select({ regionCode: region, key, count: count() })
    .from(placements)
    .innerJoin(organisations, eq(organisations.id, placements.organisationId))
    .innerJoin(municipalities, eq(municipalities.nis, placements.municipalityNis))
    .where(and(inQuarter(placements.publishedAt, quarter), isNotNull(organisations.employerType)))
    .groupBy(byRegionAndKey)
}

/** Proposals sent in the quarter (region of the placement), by their outcome at the quarter's end. */
export function proposalsByRegionAndOutcome(tx: Tx, quarter: Quarter): Promise<RegionCount[]> {
  const key = outcomeAtEnd(proposals.status, proposals.decidedAt, quarter, 'open')
  return tx
    .select({ regionCode: region, key, count: count() })
    .from(proposals)
    .innerJoin(placements, eq(placements.id, proposals.placementId))
    .innerJoin(municipalities, eq(municipalities.nis, placements.municipalityNis))
    .where(inQuarter(proposals.createdAt, quarter))
    .groupBy(byRegionAndKey)
}

/** TWE trajectories that started in the quarter (region of the client's home municipality), by kind. */
export function trajectoriesByRegionAndKind(tx: Tx, quarter: Quarter): Promise<RegionCount[]> {
  const key = sql<string>`${trajectories.kind}::text`
  return tx
    .select({ regionCode: region, key, count: count() })
    .from(trajectories)
    .innerJoin(clients, eq(clients.id, trajectories.clientId))
    .innerJoin(municipalities, eq(municipalities.nis, clients.homeMunicipalityNis))
    .where(and(sql`${trajectories.startOn} >= ${quarter.from}::date`, sql`${trajectories.startOn} < ${quarter.until}::date`))
    .groupBy(byRegionAndKey)
}
