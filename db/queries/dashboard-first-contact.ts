import { type SQL, sql } from 'drizzle-orm'
import type { StatSlice } from '#domain/statistics-period'
import type { Tx } from '#db/client'
import { intakes } from '#db/schema'
import { countWhere, intakeInSlice } from './dashboard-outreach'
import { overdueSql } from './intake-queue'

/**
 * How quickly the triage reached the residents who registered in the slice (issue 14). Time is counted in working
 * days, Monday to Friday without public holidays, the same way the first-contact term is (domain/intake-working-days.ts),
 * so the median reads against the term: 0 = contact on the day of the intake. Only intakes with a first contact
 * have a time; the others are counted apart (waiting, late, closed without contact).
 */
const belgianDay = (moment: SQL | typeof intakes.createdAt) => sql`(${moment} at time zone 'Europe/Brussels')::date`

/** Working days from a fixed Monday up to and including `day`: the difference of two is workingDaysBetween(). */
const workingDayNumber = (day: SQL) => sql`((${day} - date '2000-01-03') / 7 * 5 + least((${day} - date '2000-01-03') % 7 + 1, 5))`

const contactedOn = belgianDay(sql`${intakes.firstContactAt}`)
const waited = sql`${workingDayNumber(contactedOn)} - ${workingDayNumber(belgianDay(intakes.createdAt))}`
const contacted = sql`${intakes.firstContactAt} is not null`
/** A percentile in days, to two decimals (the page shows one): 7.2, not 7.200000000000001 in the CSV. */
const percentile = (fraction: number) =>
  sql<number | null>`round((percentile_cont(${sql.raw(String(fraction))}) within group (order by ${waited}) filter (where ${contacted}))::numeric, 2)`.mapWith(
    (value) => (value === null ? null : Number(value)),
  )
export async function firstContactFigures(tx: Tx, slice: StatSlice, today: string) {
  const [row] = await tx
    .select({
      median: percentile(0.5),
      p90: percentile(0.9),
      onTime: countWhere(sql`${contacted} and ${contactedOn} <= ${intakes.firstContactDueOn}`),
      late: countWhere(sql`${contacted} and ${contactedOn} > ${intakes.firstContactDueOn}`),
      waitingOverdue: countWhere(overdueSql(today)),
      waitingInTerm: countWhere(sql`not ${contacted} and ${intakes.status} <> 'closed' and ${intakes.firstContactDueOn} >= ${today}`),
      closedWithoutContact: countWhere(sql`not ${contacted} and ${intakes.status} = 'closed'`),
    })
    .from(intakes)
    .where(intakeInSlice(slice))
  return row!
}
