import { and, count, eq, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { intakes, municipalities } from '#db/schema'

/**
 * Counts for the open statistics (issue 14): never a row about a person, only counts per reference region, for
 * one calendar quarter in Belgian time. Anonymised intakes count (the retention keeps what figures need); erased
 * ones are gone. Suppression happens above this (domain/suppression.ts), before anything is shown.
 */
export function intakesByRegionAndDestination(tx: Tx, period: { from: string; until: string }) {
  const day = sql`(${intakes.createdAt} at time zone 'Europe/Brussels')::date`
  return tx
    .select({ regionCode: municipalities.regionCode, destination: intakes.suggestedDestination, count: count() })
    .from(intakes)
    .innerJoin(municipalities, eq(municipalities.nis, intakes.municipalityNis))
    .where(and(sql`${day} >= ${period.from}::date`, sql`${day} < ${period.until}::date`))
    .groupBy(municipalities.regionCode, intakes.suggestedDestination)
}
