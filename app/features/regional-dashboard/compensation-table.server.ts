import { earliest, plusDays } from '#domain/calendar-dates'
import type { EmployerType } from '#domain/compensation-rules'
import { median } from '#domain/cost-estimate'
import { brusselsDate } from '#domain/intake-working-days'
import { instrumentLabels } from '#domain/placement-values'
import { instruments } from '#domain/values'
import { loadSchedules } from '#db/queries/compensation'
import { listRegions } from '#db/queries/reference'
import { buildComparison, COMPARISON_HOURS } from '#app/features/compensation/comparison'
import type { StatRow, TableSpec } from './stat-table'

/**
 * "Compensation per instrument" made concrete: what a private employer pays per month for someone working 19 hours
 * a week (the reference case of the public comparison on /vergoedingen), under each region's own schedule in force
 * on the last day of the period (today for a running one). OCMW deviations are left out, as in the comparison.
 * Over several regions, and so for Flanders, the figure is the median of the regions that regulate the instrument.
 */
const REFERENCE_EMPLOYER: EmployerType = 'private'

export const compensationTable: TableSpec = {
  id: 'plaatsen-vergoeding-per-instrument',
  title: 'Vergoeding per instrument',
  description:
    `Wat een privéwerkgever betaalt voor iemand die ${COMPARISON_HOURS} uur per week werkt, volgens de vergoedingsregeling van de regio die geldt op de laatste dag van de periode (vandaag voor de lopende periode). ` +
    'Afwijkingen van één OCMW tellen niet mee. In de kolom Vlaanderen staat de mediaan van de regio’s met een regeling. Eenmalige bedragen staan op een eigen rij.',
  unit: 'euro',
  chart: false,
  compute: async (tx, slice) => {
    const on = earliest(plusDays(slice.until, -1), brusselsDate())
    const [regions, schedules] = await Promise.all([listRegions(tx), loadSchedules(tx, slice.regionCodes ? { regionCodes: slice.regionCodes } : {})])
    const inSlice = slice.regionCodes ? regions.filter((region) => slice.regionCodes!.includes(region.code)) : regions
    return instruments.flatMap((instrument): StatRow[] => {
      const comparison = buildComparison(inSlice, schedules, { instrument, employerType: REFERENCE_EMPLOYER, on })
      const estimates = comparison.rows.flatMap((row) => (row.own?.current?.estimate ? [row.own.current.estimate] : []))
      const label = instrumentLabels[instrument].label
      const monthly = comparison.medianMonthlyCents
      const rows: StatRow[] = [{ key: instrument, label: `${label}, per maand`, value: monthly === null ? null : monthly / 100 }]
      // A one-off amount is not a monthly cost: shown on its own row, only where some region asks one.
      if (estimates.some((estimate) => estimate.oneOffCents > 0)) {
        rows.push({ key: `${instrument}-eenmalig`, label: `${label}, eenmalig`, value: median(estimates.map((e) => e.oneOffCents))! / 100 })
      }
      return rows
    })
  },
}
