/** The hours-per-week field of the cost pages (a GET parameter, so a result can be bookmarked and shared). */
export const DEFAULT_HOURS = 19
export const HOURS_PARAM = 'uren'

export type HoursInput = { hours: number; value: string; error: string | null }

/** "19", "19,5" or "19.5" between 1 and 40; anything else keeps the default and says what is wrong. */
export function parseHours(raw: string | null): HoursInput {
  const value = (raw ?? '').trim()
  if (value === '') return { hours: DEFAULT_HOURS, value: String(DEFAULT_HOURS), error: null }
  const hours = /^\d{1,2}([.,]\d)?$/.test(value) ? Number(value.replace(',', '.')) : Number.NaN
  if (!(hours >= 1 && hours <= 40)) {
    return {
      hours: DEFAULT_HOURS,
      value,
      error: `Vul een aantal uren per week in tussen 1 en 40, bv. 19 of 19,5. De tabel toont nu ${DEFAULT_HOURS} uur.`,
    }
  }
  return { hours, value, error: null }
}
