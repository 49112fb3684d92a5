import { and, type AnyColumn, count, eq, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm'
import type { StatSlice } from '#domain/statistics-period'
import type { TrajectoryKind } from '#domain/trajectory-values'
import type { Tx } from '#db/client'
import { clients, trajectories, trajectorySuspensions, trajectoryTrainings } from '#db/schema'
import { municipalityInSlice } from './dashboard-slice'

/**
 * TWE trajectory figures of the regional dashboard (issue 14): counts only, never a row about a client. A trajectory
 * belongs to the region of its client's home municipality (a client who moves gets a new client record and a new
 * trajectory in the new municipality, so each part counts where it ran). The trajectory tables hold `date` columns
 * (calendar days), so the period is compared as days, not as moments.
 */
const dayInSlice = (column: AnyColumn | SQL, slice: StatSlice) => sql`(${column} >= ${slice.from}::date and ${column} < ${slice.until}::date)`

// The follow-up and the evaluation deadlines are only decided once their day has passed (domain/trajectory-deadlines.ts).
// A subquery, so PostgreSQL converts the clock to Brussels time once per query instead of once per row.
const today = sql`(select (now() at time zone 'Europe/Brussels')::date)`

/**
 * A trajectory of a client in the slice's regions: the region's clients as a list of ids (clients_municipality_idx),
 * and no look-up at all for Flanders (every trajectory has its client).
 */
const trajectoryInSlice = (slice: StatSlice) =>
  slice.regionCodes === null
    ? sql`true`
    : sql`${trajectories.clientId} in (select ${clients.id} from ${clients} where ${municipalityInSlice(clients.homeMunicipalityNis, slice)})`

type CountedBy = typeof trajectories.kind | typeof trajectories.stopReason | typeof trajectories.outflowStatus

/** The region's trajectories that meet `condition`, counted per value of one of their enumerated columns. */
const countTrajectories = (tx: Tx, slice: StatSlice, by: CountedBy, condition: SQL | undefined) =>
  tx
    .select({ key: by, count: count() })
    .from(trajectories)
    .where(and(condition, trajectoryInSlice(slice)))
    .groupBy(by)

/**
 * Trajectories running at some time in the period: started before its end and not stopped or ended before its
 * first day (a trajectory that ends on the first day still ran that day). Suspended ones count: they stay open.
 */
export const runningTrajectoriesByKind = (tx: Tx, slice: StatSlice) =>
  countTrajectories(tx, slice, trajectories.kind, and(sql`${trajectories.startOn} < ${slice.until}::date`, or(isNull(trajectories.endedOn), sql`${trajectories.endedOn} >= ${slice.from}::date`)))

/** Suspensions that began in the period, by reason as stored (retention clears it to an empty text). */
export function suspensionsByReason(tx: Tx, slice: StatSlice) {
  return tx
    .select({ reason: trajectorySuspensions.reason, count: count() })
    .from(trajectorySuspensions)
    .innerJoin(trajectories, eq(trajectories.id, trajectorySuspensions.trajectoryId))
    .where(and(dayInSlice(trajectorySuspensions.fromOn, slice), trajectoryInSlice(slice)))
    .groupBy(trajectorySuspensions.reason)
}

/** Trajectories stopped early in the period (the end date), by the enumerated stop reason. */
export const stopsByReason = (tx: Tx, slice: StatSlice) =>
  countTrajectories(tx, slice, trajectories.stopReason, and(eq(trajectories.status, 'stopped'), dayInSlice(trajectories.endedOn, slice)))

/** Training requests made in the period, by their outcome today and, when refused, the learning network's reason. */
export function trainingRequests(tx: Tx, slice: StatSlice) {
  return tx
    .select({ outcome: trajectoryTrainings.outcome, refusalReason: trajectoryTrainings.refusalReason, count: count() })
    .from(trajectoryTrainings)
    .innerJoin(trajectories, eq(trajectories.id, trajectoryTrainings.trajectoryId))
    .where(and(dayInSlice(trajectoryTrainings.requestedOn, slice), trajectoryInSlice(slice)))
    .groupBy(trajectoryTrainings.outcome, trajectoryTrainings.refusalReason)
}

/**
 * The outflow status of closed trajectories whose follow-up day (3 months after the end) lies in the period and has
 * come; null = not recorded yet. A stop for moving house is left out: the guidance goes on in the new municipality,
 * whose trajectory is followed up when it ends.
 */
export function outflowAfterThreeMonths(tx: Tx, slice: StatSlice) {
  const followUpOn = sql`(${trajectories.endedOn} + interval '3 months')::date`
  return countTrajectories(
    tx,
    slice,
    trajectories.outflowStatus,
    and(
      inArray(trajectories.status, ['stopped', 'ended']),
      or(isNull(trajectories.stopReason), ne(trajectories.stopReason, 'moved')),
      dayInSlice(followUpOn, slice),
      sql`${followUpOn} <= ${today}`,
    ),
  )
}

/**
 * Evaluation due dates in the period, by trajectory kind: held on time, held late or not held (yet). As the
 * begeleider's list computes them (domain/trajectory-deadlines.ts): after the start and after each evaluation the next
 * one is due 6 months later, or at the end of a phase if that comes first; the first evaluation held after that
 * moment answers it, on time when held on or before the due day. Only due days that have passed count; a due day
 * while the trajectory was suspended, or on or after its end (the final report closes it), is not counted.
 */
export async function evaluationsDue(tx: Tx, slice: StatSlice) {
  const phaseEnd = sql`coalesce(p.ended_on, p.planned_end_on)`
  // A due day lies after its anchor and at most 6 months later: only anchors from 6 months (and a few days, for
  // months of unequal length) before the period can have one in it. The exact test is on the due day below.
  const inRegion = trajectoryInSlice(slice)
  const anchorMayFall = (anchor: SQL) => sql`(${anchor} < ${slice.until}::date and ${anchor} >= (${slice.from}::date - interval '6 months 3 days')::date)`
  const rows = await tx.execute<{ kind: TrajectoryKind; on_time: string; late: string; not_held: string }>(sql`
    with anchors as (
      select trajectories.id, trajectories.kind, trajectories.ended_on, trajectories.start_on as anchor
        from trajectories
        where ${inRegion} and ${anchorMayFall(sql`trajectories.start_on`)}
      union all
      select trajectories.id, trajectories.kind, trajectories.ended_on, e.held_on
        from trajectories join trajectory_evaluations e on e.trajectory_id = trajectories.id
        where ${inRegion} and ${anchorMayFall(sql`e.held_on`)}
    ), due as materialized (
      -- Materialized: each anchor's due day is computed once, then filtered. The phases are joined, not looked up
      -- per anchor (one hash join instead of a subquery for each of a year of Flanders' anchors); least() skips
      -- the null of an anchor without a later phase end, as it did the subquery's. The grouping also merges an
      -- evaluation held on the start day with the start (union all above: one de-duplication, not two).
      select a.id, a.kind, a.ended_on, a.anchor, least((a.anchor + interval '6 months')::date, min(${phaseEnd})) as due_on
      from anchors a left join trajectory_phases p on p.trajectory_id = a.id and ${phaseEnd} > a.anchor
      group by a.id, a.kind, a.ended_on, a.anchor
    )
    select kind,
      count(*) filter (where next.held_on <= due_on) as on_time,
      count(*) filter (where next.held_on > due_on) as late,
      count(*) filter (where next.held_on is null) as not_held
    from due
    cross join lateral (select min(e.held_on) as held_on from trajectory_evaluations e where e.trajectory_id = due.id and e.held_on > due.anchor) next
    where ${dayInSlice(sql`due_on`, slice)} and due_on < ${today}
      and (ended_on is null or due_on < ended_on)
      and not exists (select 1 from trajectory_suspensions s where s.trajectory_id = due.id and s.from_on <= due_on and (s.to_on is null or s.to_on > due_on))
    group by kind`)
  return rows.map((row) => ({ kind: row.kind, onTime: Number(row.on_time), late: Number(row.late), notHeld: Number(row.not_held) }))
}
