import { destinationLabels } from '#domain/triage-labels'
import { brusselsDate } from '#domain/intake-working-days'
import { closedQuarters, type Quarter } from '#domain/quarters'
import { suppressTable } from '#domain/suppression'
import { suppressedTableRows } from '#domain/suppressed-csv'
import { triageDestinations } from '#domain/values'
import { intakesByRegionAndDestination } from '#db/queries/open-statistics'
import { listRegions } from '#db/queries/reference'
import { db } from '#app/utils/db.server'

/**
 * The first table of the open statistics (issue 14): intakes per reference region and the destination the triage
 * rules suggested, per closed quarter, suppressed (ADR 0015) before anything leaves this module. Each quarter is
 * its own table and no figure spans quarters.
 */
export const PUBLISHED_QUARTERS = 4

export async function intakeFigures(quarter: Quarter) {
  const [regions, rows] = await Promise.all([listRegions(db()), intakesByRegionAndDestination(db(), quarter)])
  const counts = regions.map((region) => triageDestinations.map((destination) => rows.find((r) => r.regionCode === region.code && r.destination === destination)?.count ?? 0))
  const table = suppressTable(counts)
  return suppressedTableRows(table, {
    corner: 'Referentieregio',
    rows: regions.map((region) => region.name),
    columns: triageDestinations.map((destination) => destinationLabels[destination]),
    total: 'Totaal',
  })
}

export const publishedQuarters = (today = brusselsDate()) => closedQuarters(today, PUBLISHED_QUARTERS)
