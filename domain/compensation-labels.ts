import type { CostEstimate, Deviation, DeviationBand } from './cost-estimate'
import { type CoveredItem, formatEuro, type PayUnit, type RuleValues, type WagePolicy } from './compensation-rules'

/** Dutch words for compensation values, shared by every page, the CSV exports and the mails. */
export const payUnitLabels: Record<PayUnit, string> = {
  per_hour: 'per gewerkt uur',
  per_month: 'per maand',
  one_off: 'eenmalig',
  none: 'betaalt niets',
}

export const wagePolicyLabels: Record<WagePolicy, string> = {
  gross_hourly: 'Bruto uurloon',
  reference_scale: 'Volgens barema',
}

export const coveredItemLabels: Record<CoveredItem, string> = {
  transport: 'Vervoer',
  work_clothes: 'Werkkledij',
  meal_vouchers: 'Maaltijdcheques',
  training: 'Opleiding',
}

/** A word for each band, so the deviation never relies on colour alone. */
export const deviationBandLabels: Record<DeviationBand, string> = {
  much_lower: 'veel lager',
  lower: 'lager',
  near: 'rond de mediaan',
  higher: 'hoger',
  much_higher: 'veel hoger',
}

const percentFormat = new Intl.NumberFormat('nl-BE', { style: 'percent', signDisplay: 'exceptZero' })

/** "+12% (hoger)", or only the word when there is no percentage (a median of €0). */
export const describeDeviation = ({ percent, band }: Deviation) =>
  percent === null ? deviationBandLabels[band] : `${percentFormat.format(percent / 100)} (${deviationBandLabels[band]})`

/** "€ 4,50 per gewerkt uur", or "Betaalt niets". */
export const describeEmployerPays = (rule: Pick<RuleValues, 'employerPaysCents' | 'employerPaysUnit'>) =>
  rule.employerPaysUnit === 'none' ? 'Betaalt niets' : `${formatEuro(rule.employerPaysCents)} ${payUnitLabels[rule.employerPaysUnit]}`

/** "€ 370,50 per maand", "€ 150,00 eenmalig" (a one-off amount is never a monthly cost), or both. */
export function describeEstimate({ monthlyCents, oneOffCents }: CostEstimate) {
  const monthly = `${formatEuro(monthlyCents)} per maand`
  if (oneOffCents === 0) return monthly
  return monthlyCents === 0 ? `${formatEuro(oneOffCents)} eenmalig` : `${monthly} + ${formatEuro(oneOffCents)} eenmalig`
}

/** "Bruto uurloon € 12,50" or "Volgens barema: OCMW-barema E1". */
export const describeWage = (rule: Pick<RuleValues, 'wagePolicy' | 'grossHourlyWageCents' | 'referenceScale'>) =>
  rule.wagePolicy === 'gross_hourly'
    ? `${wagePolicyLabels.gross_hourly} ${formatEuro(rule.grossHourlyWageCents ?? 0)}`
    : `${wagePolicyLabels.reference_scale}: ${rule.referenceScale ?? ''}`

export const describeCovers = (covers: readonly string[]) =>
  covers.length === 0 ? 'Niets' : covers.map((c) => coveredItemLabels[c as CoveredItem] ?? c).join(', ')

// ISO dates are calendar days: formatted in UTC so no time zone can move them a day.
const dateFormat = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeZone: 'UTC' })
export const formatDate = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`))
