import { suppressTable, type CountTable, type PublishedTable } from './suppression'

/**
 * Several periods of one table (ADR 0015). The open statistics publish calendar quarters only and never a figure
 * that spans quarters (no year, no running total): each quarter is then a separate system of equations, and
 * suppressing each one on its own is sound. A year figure would tie the quarters together (year = sum of the
 * quarters) and a cell hidden in one quarter could come out as the year minus the others; that needs suppression
 * across a three-way table, which this rule avoids on purpose. Whoever wants a year adds the quarters, and the
 * "< 5" cells stay unknown there too.
 */

const QUARTER = /^(\d{4})-Q([1-4])$/

export type QuarterCounts = { quarter: string; counts: CountTable }
export type QuarterTable = { quarter: string; table: PublishedTable }

export function suppressQuarters(periods: readonly QuarterCounts[]): QuarterTable[] {
  const seen = new Set<string>()
  for (const { quarter } of periods) {
    if (!QUARTER.test(quarter)) throw new Error(`"${quarter}" is not a quarter such as 2026-Q3.`)
    // The same quarter twice would be two versions of one period: their difference is a figure about the few
    // records that changed between them.
    if (seen.has(quarter)) throw new Error(`Quarter ${quarter} appears twice; a quarter is published once.`)
    seen.add(quarter)
  }
  return [...periods]
    .sort((a, b) => a.quarter.localeCompare(b.quarter))
    .map(({ quarter, counts }) => ({ quarter, table: suppressTable(counts) }))
}
