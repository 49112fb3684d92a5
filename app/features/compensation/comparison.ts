import { type CostEstimate, type Deviation, type DeviationBand, deviationFromMedian, estimateCost, median } from '#domain/cost-estimate'
import type { Ocmw, Region, ScheduleHistory, VersionWithRules } from '#db/queries/compensation'
import { type EmployerType, type Instrument, type RuleValues, versionInForce, versionStatus, type VersionStatus } from '#domain/compensation-rules'

/**
 * The public comparison, computed from the schedules without the database: for one instrument and one
 * employer type, what each region's version in force says, its estimated monthly cost and how far that lies
 * from the Flemish median (over the regions' own schedules; OCMW deviations are compared, not counted).
 */
export const COMPARISON_HOURS = 19

export type Cell = {
  validFrom: string
  isDemo: boolean
  /** Null: the version in force does not regulate this instrument for this employer type. */
  rule: RuleValues | null
  estimate: CostEstimate | null
  deviation: Deviation | null
}
export type HistoryEntry = { validFrom: string; status: VersionStatus; note: string | null; isDemo: boolean; rule: RuleValues | null }
export type ScheduleLine = { ocmw: Ocmw | null; current: Cell | null; history: HistoryEntry[] }
export type ComparisonRow = {
  region: Region
  /** The region's own schedule, or null when it has none yet. */
  own: ScheduleLine | null
  deviations: ScheduleLine[]
  /** For the map: the region's band, or 'none' without a rule in force. */
  band: DeviationBand | 'none'
}
export type Comparison = {
  instrument: Instrument
  employerType: EmployerType
  on: string
  hours: number
  /** Null when no region has a rule: there is nothing to compare with. */
  medianMonthlyCents: number | null
  rows: ComparisonRow[]
  anyDemo: boolean
}

type Filter = { instrument: Instrument; employerType: EmployerType; on: string; hours?: number }

const ruleFor = (version: VersionWithRules, f: Filter) =>
  version.rules.find((r) => r.instrument === f.instrument && r.employerType === f.employerType) ?? null

function line(schedule: ScheduleHistory, f: Filter, hours: number): ScheduleLine {
  const inForce = versionInForce(schedule.versions, f.on)
  const rule = inForce ? ruleFor(inForce, f) : null
  return {
    ocmw: schedule.ocmw,
    current: inForce
      ? { validFrom: inForce.validFrom, isDemo: inForce.isDemo, rule, estimate: rule ? estimateCost(rule, hours) : null, deviation: null }
      : null,
    history: schedule.versions.map((v) => ({
      validFrom: v.validFrom,
      status: versionStatus(v.validFrom, inForce?.validFrom, f.on),
      note: v.note,
      isDemo: v.isDemo,
      rule: ruleFor(v, f),
    })),
  }
}

export function buildComparison(regions: readonly Region[], schedules: readonly ScheduleHistory[], f: Filter): Comparison {
  const hours = f.hours ?? COMPARISON_HOURS
  const rows = regions.map((region) => {
    const own = schedules.find((s) => s.region.code === region.code && !s.ocmw)
    return {
      region,
      own: own ? line(own, f, hours) : null,
      deviations: schedules.filter((s) => s.region.code === region.code && s.ocmw).map((s) => line(s, f, hours)),
    }
  })
  const regionCosts = rows.flatMap((r) => (r.own?.current?.estimate ? [r.own.current.estimate.monthlyCents] : []))
  const medianMonthlyCents = median(regionCosts) ?? null
  const withDeviation = (l: ScheduleLine): ScheduleLine =>
    l.current?.estimate && medianMonthlyCents !== null
      ? { ...l, current: { ...l.current, deviation: deviationFromMedian(l.current.estimate.monthlyCents, medianMonthlyCents) } }
      : l
  const finished = rows.map((r) => {
    const own = r.own && withDeviation(r.own)
    return { ...r, own, deviations: r.deviations.map(withDeviation), band: own?.current?.deviation?.band ?? ('none' as const) }
  })
  const anyDemo = schedules.some((s) => regions.some((r) => r.code === s.region.code) && s.versions.some((v) => v.isDemo))
  return { instrument: f.instrument, employerType: f.employerType, on: f.on, hours, medianMonthlyCents, rows: finished, anyDemo }
}
