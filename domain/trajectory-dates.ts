import { daysFrom, earliest, latest, plusDays, plusMonths, type IsoDate } from './calendar-dates'
import type { TrajectoryKind } from './trajectory-values'

/**
 * The TWE framework's time limits (issue 13), as pure rules over ISO dates. `today` is always a parameter.
 *
 * Periods are half-open, counted in calendar days: a period [from, to) starts on `from` and its last day is the day
 * before `to`. So a limit date ("…On") is the first day beyond the limit: a contract may start ON the pre-contract
 * limit, and the funded months are used up ON `limitReachedOn`. A suspension's `to` is the day guidance resumes;
 * without `to` it is still running (until today).
 */
export const trajectoryLimits = {
  preContractMonths: 2,
  preContractWarningDays: 42, // 6 weeks
  fundedMonths: 24,
  wzMonths: 24,
} as const

export type Suspension = { from: IsoDate; to?: IsoDate }

/** Art60: the start may lie before the employment contract (AO), never before the intake criteria were assessed. */
export type Art60DateIssue =
  | { field: 'startOn'; code: 'before_criteria_assessed'; earliestOn: IsoDate }
  | { field: 'contractStartOn'; code: 'pre_contract_phase_too_long'; latestOn: IsoDate }

export function art60DateIssues(input: { startOn: IsoDate; criteriaAssessedOn: IsoDate; contractStartOn?: IsoDate }): Art60DateIssue[] {
  const issues: Art60DateIssue[] = []
  if (input.startOn < input.criteriaAssessedOn) issues.push({ field: 'startOn', code: 'before_criteria_assessed', earliestOn: input.criteriaAssessedOn })
  const latestOn = plusMonths(input.startOn, trajectoryLimits.preContractMonths)
  if (input.contractStartOn !== undefined && input.contractStartOn > latestOn) {
    issues.push({ field: 'contractStartOn', code: 'pre_contract_phase_too_long', latestOn })
  }
  return issues
}

export type PreContractState = 'ok' | 'warning' | 'over'

/**
 * Art60: the phase before the AO lasts at most 2 months (limitOn = start + 2 calendar months, the latest AO start).
 * With an AO date the phase is 'ok' or 'over'; without one it warns from 6 weeks after the start and is 'over' once
 * today is past the limit.
 */
export function preContractPhase(input: { startOn: IsoDate; contractStartOn?: IsoDate; today: IsoDate }): {
  state: PreContractState
  limitOn: IsoDate
} {
  const limitOn = plusMonths(input.startOn, trajectoryLimits.preContractMonths)
  if (input.contractStartOn !== undefined) return { state: input.contractStartOn > limitOn ? 'over' : 'ok', limitOn }
  if (input.today > limitOn) return { state: 'over', limitOn }
  const warnFrom = plusDays(input.startOn, trajectoryLimits.preContractWarningDays)
  return { state: input.today >= warnFrom ? 'warning' : 'ok', limitOn }
}

type Range = readonly [IsoDate, IsoDate]

/** The suspended days as sorted, disjoint ranges within [startOn, endOn); running ones end at `openUntil`. */
function suspendedRanges(suspensions: readonly Suspension[], startOn: IsoDate, openUntil: IsoDate, endOn?: IsoDate): Range[] {
  const clipped = suspensions
    .map((s): Range => [latest(s.from, startOn), endOn === undefined ? (s.to ?? openUntil) : earliest(s.to ?? openUntil, endOn)])
    .filter(([from, to]) => from < to)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const merged: [IsoDate, IsoDate][] = []
  for (const [from, to] of clipped) {
    const last = merged.at(-1)
    if (last && from <= last[1]) last[1] = latest(last[1], to)
    else merged.push([from, to])
  }
  return merged
}

const rangeDays = (ranges: readonly Range[]) => ranges.reduce((sum, [from, to]) => sum + daysFrom(from, to), 0)

/** Whole and tenths of calendar months from `startOn` to `untilOn`, rounded down (24.0 only once 24 months are full). */
function monthsBetween(startOn: IsoDate, untilOn: IsoDate): number {
  let whole = 0
  while (plusMonths(startOn, whole + 1) <= untilOn) whole += 1
  const monthStart = plusMonths(startOn, whole)
  const monthLength = daysFrom(monthStart, plusMonths(startOn, whole + 1))
  const into = daysFrom(monthStart, untilOn)
  // Integer arithmetic, so 24.0 never comes out as 23.9 through a rounding error.
  return Math.floor((10 * (whole * monthLength + into)) / monthLength) / 10
}

/**
 * Art60: guidance is funded for at most 24 months of actual guidance. The count runs from the start to the stop
 * (or to today, the days before today), without the suspended days; after a stop it no longer moves.
 *
 * Definition of "24 months": the 24 calendar months from the start, pushed back by every suspended day that falls
 * before the limit — as if the calendar stood still while suspended. `limitReachedOn` is that day (a forecast while
 * it lies ahead, assuming a running suspension ends today); it is absent when the trajectory stopped before it.
 * `monthsUsed` is `daysUsed` laid on the calendar from the start (the same months), in tenths, rounded down. Days
 * past the limit are still counted: the guidance happened, only unfunded.
 */
export function fundedGuidance(input: { startOn: IsoDate; suspensions: readonly Suspension[]; stoppedOn?: IsoDate; today: IsoDate }): {
  daysUsed: number
  monthsUsed: number
  limitReachedOn?: IsoDate
} {
  const { startOn, suspensions, stoppedOn, today } = input
  const countUntil = stoppedOn === undefined ? today : earliest(stoppedOn, today)
  const daysUsed =
    countUntil <= startOn ? 0 : daysFrom(startOn, countUntil) - rangeDays(suspendedRanges(suspensions, startOn, today, countUntil))
  const monthsUsed = monthsBetween(startOn, plusDays(startOn, daysUsed))

  let limitOn = plusMonths(startOn, trajectoryLimits.fundedMonths)
  // Sorted and disjoint: a suspension that starts before the limit pushes it past its own end, which may bring
  // the next suspension in.
  for (const range of suspendedRanges(suspensions, startOn, today, stoppedOn)) {
    if (range[0] < limitOn) limitOn = plusDays(limitOn, daysFrom(range[0], range[1]))
  }
  const reached = stoppedOn === undefined || stoppedOn >= limitOn
  return reached ? { daysUsed, monthsUsed, limitReachedOn: limitOn } : { daysUsed, monthsUsed }
}

/** TWE-wz: from the referral, 24 calendar months, never extended; a suspension counts within the 24. */
export const wzEndOn = (referralOn: IsoDate): IsoDate => plusMonths(referralOn, trajectoryLimits.wzMonths)

/**
 * The day a trajectory's time runs out, whatever its kind: TWE-wz at 24 calendar months after the referral
 * (`startOn`), whatever the suspensions or a stop; TWE-art60 when the funded months are used up (see fundedGuidance).
 */
export function guidanceLimitOn(input: {
  kind: TrajectoryKind
  startOn: IsoDate
  suspensions: readonly Suspension[]
  stoppedOn?: IsoDate
  today: IsoDate
}): IsoDate | undefined {
  return input.kind === 'twe_wz' ? wzEndOn(input.startOn) : fundedGuidance(input).limitReachedOn
}
