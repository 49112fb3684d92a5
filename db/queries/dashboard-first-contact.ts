import { type AnyColumn, sql } from 'drizzle-orm'
import type { StatSlice } from '#domain/statistics-period'
import type { Tx } from '#db/client'
import { intakes } from '#db/schema'
import { countWhere, intakeInSlice } from './dashboard-outreach'
import { overdueSql } from './intake-queue'

/**
 * How quickly the triage reached the residents who registered in the slice, and how many withdrew (issue 14): one
 * pass over the slice's intakes for four tables. Time is counted in working days, Monday to Friday without public
 * holidays, the same way the first-contact term is (domain/intake-working-days.ts), so the median reads against the
 * term: 0 = contact on the day of the intake. Only intakes with a first contact have a time; the others are counted
 * apart (waiting, late, closed without contact). The Belgian days are stored columns (db/schema/intake.ts).
 */

/** Working days from a fixed Monday up to and including `day`: the difference of two is workingDaysBetween(). */
const workingDayNumber = (day: AnyColumn) => sql`((${day} - date '2000-01-03') / 7 * 5 + least((${day} - date '2000-01-03') % 7 + 1, 5))`

const waited = sql`${workingDayNumber(intakes.firstContactOn)} - ${workingDayNumber(intakes.createdOn)}`
const contacted = sql`${intakes.firstContactAt} is not null`

/** Both percentiles from one sort; two decimals (the page shows one): 7.2, not 7.200000000000001 in the CSV. */
const percentiles = sql<(number | null)[] | null>`percentile_cont(array[0.5, 0.9]) within group (order by ${waited}) filter (where ${contacted})`
const twoDecimals = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(Number(value) * 100) / 100)

export async function intakeCohortFigures(tx: Tx, slice: StatSlice, today: string) {
  const [row] = await tx
    .select({
      percentiles,
      onTime: countWhere(sql`${contacted} and ${intakes.firstContactOn} <= ${intakes.firstContactDueOn}`),
      late: countWhere(sql`${contacted} and ${intakes.firstContactOn} > ${intakes.firstContactDueOn}`),
      waitingOverdue: countWhere(overdueSql(today)),
      waitingInTerm: countWhere(sql`not ${contacted} and ${intakes.status} <> 'closed' and ${intakes.firstContactDueOn} >= ${today}`),
      closedWithoutContact: countWhere(sql`not ${contacted} and ${intakes.status} = 'closed'`),
      noLongerInterested: countWhere(sql`${intakes.status} = 'closed' and ${intakes.closeReason} = 'no_longer_interested'`),
      consentWithdrawn: countWhere(sql`${intakes.consentWithdrawnAt} is not null`),
    })
    .from(intakes)
    .where(intakeInSlice(slice))
  const { percentiles: found, ...counts } = row!
  // Null when nobody in the slice had a first contact yet ("–" on the page).
  const [median, p90] = found ?? []
  return { median: twoDecimals(median), p90: twoDecimals(p90), ...counts }
}
