import { and, count, eq, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { StatSlice } from '#domain/statistics-period'
import type { Tx } from '#db/client'
import { erasureProofs, intakeReferrals, intakes, organisations } from '#db/schema'
import { countWhere, intakeInSlice } from './dashboard-outreach'
import { intakeOfSlice, momentInSlice } from './dashboard-slice'
import { overdueSql } from './intake-queue'
import { unreceived } from './intake-unreceived'

/**
 * Where the intakes of a slice went after the triage (issue 14): counts only. docs/cijfers.md explains each figure
 * to the admins; the choices that need a sentence are next to the queries.
 */
const handling = alias(organisations, 'handling')

/**
 * The final destination: the kind of organisation that handles the file now (after an accepted hand-over, the
 * receiver). "open" while nobody took it, it has no first contact yet, or a hand-over waits for an answer; "closed"
 * when it was closed for any reason but a started trajectory. There is no joint handling in the portal: one
 * organisation holds a file at a time, so "OCMW and VDAB together" exists as a suggestion only.
 */
const finalDestination = sql<string>`case
  when ${intakes.status} = 'closed' and ${intakes.closeReason} is distinct from 'trajectory_started' then 'closed'
  when ${intakes.status} in ('new', 'referred') or ${handling.type} is null then 'open'
  else ${handling.type}::text end`

export function destinations(tx: Tx, slice: StatSlice) {
  return tx
    .select({ suggested: intakes.suggestedDestination, final: finalDestination, count: count() })
    .from(intakes)
    .leftJoin(handling, eq(handling.id, intakes.handlingOrganisationId))
    .where(intakeInSlice(slice))
    .groupBy(intakes.suggestedDestination, finalDestination)
}

/** Warm hand-overs sent in the slice for residents of its regions, with what became of them so far. */
export async function referralOutcomes(tx: Tx, slice: StatSlice) {
  const [row] = await tx
    .select({
      sent: count(),
      accepted: countWhere(sql`${intakeReferrals.status} = 'accepted'`),
      declined: countWhere(sql`${intakeReferrals.status} = 'declined'`),
      pending: countWhere(sql`${intakeReferrals.status} = 'pending'`),
    })
    .from(intakeReferrals)
    .where(and(momentInSlice(intakeReferrals.createdAt, slice), intakeOfSlice(intakeReferrals.intakeId, slice)))
  return row!
}

/** Of the slice's intakes, those that wait now in nobody's queue (the rule of "Zonder ontvanger"). */
export async function unreceivedFigures(tx: Tx, slice: StatSlice, today: string) {
  const [row] = await tx
    .select({ waiting: count(), overdue: countWhere(overdueSql(today)) })
    .from(intakes)
    .where(and(intakeInSlice(slice), unreceived))
  return row!
}

/**
 * Erasures carried out in the slice's days. The proof keeps the reference code and two dates, no municipality, so
 * an erasure belongs to no region: this counts all of Flanders whatever regions the slice names.
 */
export async function erasures(tx: Tx, slice: StatSlice) {
  const [row] = await tx.select({ erased: count() }).from(erasureProofs).where(momentInSlice(erasureProofs.erasedAt, slice))
  return row!.erased
}
