import { type AnyColumn, inArray, type SQL, sql } from 'drizzle-orm'
import type { StatSlice } from '#domain/statistics-period'
import { intakes, municipalities, placements } from '#db/schema'

/**
 * The two filters every dashboard query applies (issue 14): a moment that falls in the slice's Belgian calendar
 * days, and a municipality in the slice's reference regions. Kept as range conditions on the raw timestamp so an
 * index on the column serves them.
 */
export function momentInSlice(column: AnyColumn, slice: StatSlice): SQL {
  return sql`${column} >= (${slice.from}::date::timestamp at time zone 'Europe/Brussels') and ${column} < (${slice.until}::date::timestamp at time zone 'Europe/Brussels')`
}

/** A municipality column in the slice's regions; all of Flanders when the slice has none. */
export function municipalityInSlice(column: AnyColumn, slice: StatSlice): SQL {
  if (slice.regionCodes === null) return sql`true`
  return inArray(column, sql`(select ${municipalities.nis} from ${municipalities} where ${inArray(municipalities.regionCode, slice.regionCodes)})`)
}

/**
 * A placement id (of a proposal, an event) whose placement lies in the slice's regions, without joining the
 * placements: the region's placement ids come from an index on (municipality, …) including the id, and all of
 * Flanders needs no look-up at all (the foreign key guarantees the placement exists).
 */
export function placementInSlice(column: AnyColumn, slice: StatSlice): SQL {
  if (slice.regionCodes === null) return sql`true`
  return inArray(column, sql`(select ${placements.id} from ${placements} where ${municipalityInSlice(placements.municipalityNis, slice)})`)
}

/** An intake id (of a hand-over) whose resident lives in the slice's regions, the same way (intakes_municipality_idx). */
export function intakeOfSlice(column: AnyColumn, slice: StatSlice): SQL {
  if (slice.regionCodes === null) return sql`true`
  return inArray(column, sql`(select ${intakes.id} from ${intakes} where ${municipalityInSlice(intakes.municipalityNis, slice)})`)
}
