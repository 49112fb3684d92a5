import type { coveredItems, payUnits, wagePolicies } from './values'
import type { employerTypes } from './values'
import type { instruments } from './values'

/**
 * The shape and the sanity rules of compensation rules, shared by the admin form, createVersion (which checks
 * again: other code calls it too) and the pages. Pure: no database, so it runs in the browser as well.
 */
export type Instrument = (typeof instruments)[number]
export type EmployerType = (typeof employerTypes)[number]
export type PayUnit = (typeof payUnits)[number]
export type WagePolicy = (typeof wagePolicies)[number]
export type CoveredItem = (typeof coveredItems)[number]

export type RuleValues = {
  instrument: Instrument
  employerType: EmployerType
  employerPaysCents: number
  employerPaysUnit: PayUnit
  wagePolicy: WagePolicy
  grossHourlyWageCents: number | null
  referenceScale: string | null
  covers: CoveredItem[]
}

/**
 * Upper bounds that catch typing mistakes (an extra zero, cents typed as euros), not legal maxima: no
 * scheme comes near them. €1,000 an hour, €10,000 a month, €25,000 once; a participant's wage €100 an hour.
 */
export const maxEmployerPaysCents: Record<Exclude<PayUnit, 'none'>, number> = {
  per_hour: 100_000,
  per_month: 1_000_000,
  one_off: 2_500_000,
}
export const MAX_GROSS_HOURLY_WAGE_CENTS = 10_000
export const MAX_REFERENCE_SCALE_LENGTH = 120
export const MAX_NOTE_LENGTH = 1000

const euroFormat = new Intl.NumberFormat('nl-BE', { style: 'currency', currency: 'EUR' })
export const formatEuro = (cents: number) => euroFormat.format(cents / 100)

const perUnit: Record<Exclude<PayUnit, 'none'>, string> = { per_hour: 'per uur', per_month: 'per maand', one_off: 'eenmalig' }

export type ParsedEuro = { ok: true; cents: number } | { ok: false; message: string }

/** "4,50", "4.50", "€ 4,5" or "12" → cents. No thousands separators: "1.500" could mean 1500 or 1,5. */
export function parseEuroCents(text: string): ParsedEuro {
  const value = text.trim().replace(/^€\s*/, '').replace(/\s*€$/, '')
  if (/^-/.test(value)) return { ok: false, message: 'Een bedrag kan niet negatief zijn.' }
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(value)
  if (!match) {
    return { ok: false, message: 'Vul een bedrag in euro in, bv. 4,50: cijfers, met een komma of punt en hoogstens 2 cijfers erna.' }
  }
  return { ok: true, cents: Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) }
}

/** Cents as the admin form shows them again: "4,50", "0". */
export const centsToInput = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ','))

export type RuleProblems = Partial<Record<'employerPays' | 'grossHourlyWage' | 'referenceScale', string>>

/** What is wrong with one rule, per field, in words an admin can act on; empty when it is fine. */
export function ruleProblems(rule: RuleValues): RuleProblems {
  const problems: RuleProblems = {}
  const cents = rule.employerPaysCents
  if (!Number.isSafeInteger(cents) || cents < 0) problems.employerPays = 'Een bedrag kan niet negatief zijn.'
  else if (rule.employerPaysUnit === 'none' && cents !== 0) {
    problems.employerPays = 'Bij "betaalt niets" hoort het bedrag 0. Kies een andere eenheid of maak het bedrag 0.'
  } else if (rule.employerPaysUnit !== 'none' && cents > maxEmployerPaysCents[rule.employerPaysUnit]) {
    const max = maxEmployerPaysCents[rule.employerPaysUnit]
    problems.employerPays = `Dat is meer dan ${formatEuro(max)} ${perUnit[rule.employerPaysUnit]}. Kijk het bedrag na.`
  }
  if (rule.wagePolicy === 'gross_hourly') {
    const wage = rule.grossHourlyWageCents
    if (wage === null) problems.grossHourlyWage = 'Vul het bruto uurloon van de deelnemer in.'
    else if (!Number.isSafeInteger(wage) || wage < 0) problems.grossHourlyWage = 'Een uurloon kan niet negatief zijn.'
    else if (wage > MAX_GROSS_HOURLY_WAGE_CENTS) {
      problems.grossHourlyWage = `Dat is meer dan ${formatEuro(MAX_GROSS_HOURLY_WAGE_CENTS)} per uur. Kijk het uurloon na.`
    }
  } else if (!rule.referenceScale?.trim()) problems.referenceScale = 'Vul de naam van het barema in, bv. "OCMW-barema E1".'
  else if (rule.referenceScale.length > MAX_REFERENCE_SCALE_LENGTH) {
    problems.referenceScale = `Houd de naam van het barema korter dan ${MAX_REFERENCE_SCALE_LENGTH} tekens.`
  }
  return problems
}

/** Keeps only the wage field that belongs to the wage policy, so a stored rule never says two things. */
export function normaliseRule(rule: RuleValues): RuleValues {
  return {
    ...rule,
    grossHourlyWageCents: rule.wagePolicy === 'gross_hourly' ? rule.grossHourlyWageCents : null,
    referenceScale: rule.wagePolicy === 'reference_scale' ? (rule.referenceScale?.trim() ?? null) : null,
    covers: [...new Set(rule.covers)].sort(),
  }
}

type Dated = { validFrom: string }

/** The version in force on a day: the latest one that started on or before it (ISO dates sort as text). */
export function versionInForce<V extends Dated>(versions: readonly V[], on: string): V | undefined {
  let best: V | undefined
  for (const version of versions) if (version.validFrom <= on && (!best || version.validFrom > best.validFrom)) best = version
  return best
}

export type VersionStatus = 'past' | 'current' | 'planned'

/** Where a version stands on a day, given the start of the version in force then (start dates are unique). */
export const versionStatus = (validFrom: string, inForceFrom: string | undefined, on: string): VersionStatus =>
  validFrom === inForceFrom ? 'current' : validFrom > on ? 'planned' : 'past'

/** Today in Belgium as YYYY-MM-DD, whatever the server's time zone. */
export const todayIso = (now = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(now)

/** A first suggestion for a new version: the first of the month after today or after the latest version. */
export function suggestValidFrom(latest: string | undefined, today: string): string {
  const from = latest && latest > today ? latest : today
  const [year, month] = from.split('-').map(Number) as [number, number]
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`
}

/** A real calendar day between 2000 and 2100 (catches 2026-02-30 and typos like 20260-01-01). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && value >= '2000-01-01' && value < '2100-01-01'
}
