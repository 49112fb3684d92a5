import { employerTypeLabels, instrumentLabels } from '#domain/placement-values'
import type { Comparison, ScheduleLine } from './comparison'
import { coveredItemLabels, describeDeviation, describeWage, payUnitLabels } from '#domain/compensation-labels'
import type { PlacementCompensationData } from './placement-compensation.server'
import type { CsvTable } from '#app/utils/csv.server'
import type { RuleValues } from '#domain/compensation-rules'

/** The CSV versions of the cost tables (csvDownload writes them): one row per line of the table, amounts as numbers. */

/** Cents as a plain amount with a decimal comma ("1234,50"): a number a Belgian spreadsheet can add up. */
const centsForCsv = (cents: number) => (cents / 100).toFixed(2).replace('.', ',')

const ruleFields = (rule: RuleValues | null) =>
  rule
    ? [
        centsForCsv(rule.employerPaysCents),
        payUnitLabels[rule.employerPaysUnit],
        describeWage(rule),
        rule.covers.map((c) => coveredItemLabels[c]).join(', '),
      ]
    : ['', '', '', '']

type SiteColumn = { site: { name: string; municipalityName: string; regionName: string }; compensation: PlacementCompensationData }

export function employerCostCsv(columns: readonly SiteColumn[], hours: number): CsvTable {
  const rows = columns.flatMap(({ site, compensation }) =>
    compensation.items.map((item) => {
      const start = [site.name, site.municipalityName, site.regionName, instrumentLabels[item.instrument].label]
      if (item.status === 'none') return [...start, 'nog geen regeling', '', '', '', '', '', '', '']
      const schedule = item.ocmwName ? `afwijking ${item.ocmwName}` : item.regionName
      return [
        ...start,
        schedule,
        item.validFrom,
        ...ruleFields(item.rule),
        centsForCsv(item.estimate.monthlyCents),
        centsForCsv(item.estimate.oneOffCents),
      ]
    }),
  )
  const header = [
    'vestiging',
    'gemeente',
    'referentieregio',
    'instrument',
    'regeling',
    'geldig vanaf',
    'werkgever betaalt (euro)',
    'eenheid',
    'deelnemer krijgt',
    'gedekt',
    `geschatte kost per maand bij ${String(hours).replace('.', ',')} uur per week (euro)`,
    'eenmalig (euro)',
  ]
  return { header, rows }
}

export function comparisonCsv(c: Comparison): CsvTable {
  const lineRow = (regionName: string, line: ScheduleLine | null) => {
    const current = line?.current
    const schedule = line?.ocmw ? `afwijking ${line.ocmw.name}` : 'regio'
    if (!current) return [regionName, schedule, 'nog geen regeling', ...Array<string>(9).fill('')]
    return [
      regionName,
      schedule,
      current.rule ? 'regeling' : 'geen regeling voor dit instrument',
      current.validFrom,
      ...ruleFields(current.rule),
      current.estimate ? centsForCsv(current.estimate.monthlyCents) : '',
      current.estimate ? centsForCsv(current.estimate.oneOffCents) : '',
      current.deviation ? describeDeviation(current.deviation) : '',
      current.isDemo ? 'ja' : 'nee',
    ]
  }
  const rows = c.rows.flatMap((r) => [lineRow(r.region.name, r.own), ...r.deviations.map((d) => lineRow(r.region.name, d))])
  const header = [
    'referentieregio',
    'schema',
    'status',
    'geldig vanaf',
    `werkgever betaalt (euro) – ${instrumentLabels[c.instrument].label}, ${employerTypeLabels[c.employerType].label}`,
    'eenheid',
    'deelnemer krijgt',
    'gedekt',
    `geschatte kost per maand bij ${c.hours} uur per week (euro)`,
    'eenmalig (euro)',
    'verschil met Vlaamse mediaan',
    'demowaarde',
  ]
  return { header, rows }
}
