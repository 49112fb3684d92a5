import type { payUnits } from './values'

export type PayUnit = (typeof payUnits)[number]

/** What an employer pays under one compensation rule: an amount in cents and what the amount is per. */
export type EmployerPays = { employerPaysCents: number; employerPaysUnit: PayUnit }

/**
 * The cost of hosting someone, split so a page can say both "≈ €380 per month" and "plus €150 once":
 * a one-off amount is not a monthly cost, and spreading it over an unknown duration would invent a number.
 */
export type CostEstimate = { monthlyCents: number; oneOffCents: number }

// A year has 52 weeks spread over 12 months; payroll offices estimate a month the same way.
const WEEKS_PER_MONTH = 52 / 12

/**
 * Estimated monthly cost in whole cents for someone working `hoursPerWeek` hours:
 * per hour worked → amount × hours × 52/12 (rounded); per month → the amount; one-off → 0 a month and the
 * amount as `oneOffCents`; nothing → 0. Throws on input no caller should pass (negative, fractional cents).
 */
export function estimateCost(rule: EmployerPays, hoursPerWeek: number): CostEstimate {
  const cents = rule.employerPaysCents
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`The amount must be whole, non-negative cents, not ${cents}.`)
  if (!Number.isFinite(hoursPerWeek) || hoursPerWeek < 0) throw new RangeError(`Hours per week must be 0 or more, not ${hoursPerWeek}.`)
  switch (rule.employerPaysUnit) {
    case 'per_hour':
      return { monthlyCents: Math.round(cents * hoursPerWeek * WEEKS_PER_MONTH), oneOffCents: 0 }
    case 'per_month':
      return { monthlyCents: cents, oneOffCents: 0 }
    case 'one_off':
      return { monthlyCents: 0, oneOffCents: cents }
    case 'none':
      return { monthlyCents: 0, oneOffCents: 0 }
  }
}

/** The median of a list of numbers (the mean of the middle two for an even count); undefined when empty. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export const deviationBands = ['much_lower', 'lower', 'near', 'higher', 'much_higher'] as const
export type DeviationBand = (typeof deviationBands)[number]

/**
 * How far a region's cost lies from the Flemish median. Within 5 % counts as "near": smaller differences are
 * rounding and indexation noise. Beyond 25 % is "much" higher or lower. Against a median of 0 (everyone
 * pays nothing) a percentage means nothing, so `percent` is null and any positive cost is "higher".
 */
export type Deviation = { percent: number | null; band: DeviationBand }

const NEAR = 5
const FAR = 25

export function deviationFromMedian(value: number, medianValue: number): Deviation {
  if (medianValue === 0) return { percent: null, band: value > 0 ? 'higher' : 'near' }
  // `|| 0` turns -0 (from e.g. -0.1 %) into 0, which would otherwise print as "-0 %".
  const percent = Math.round(((value - medianValue) / medianValue) * 100) || 0
  const band: DeviationBand =
    percent <= -FAR ? 'much_lower' : percent < -NEAR ? 'lower' : percent <= NEAR ? 'near' : percent < FAR ? 'higher' : 'much_higher'
  return { percent, band }
}
