import { addDays, addMonths, differenceInCalendarDays, format } from 'date-fns'

/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD, like the `date` columns). A date is a calendar day, not a moment:
 * it is read as local midnight and written back with its local fields, so the process's time zone never shifts a
 * day. Months clamp at the month's end (31 January + 1 month = 28 or 29 February), as date-fns does.
 * Local midnight needs the day to exist in the process's zone: true everywhere in Europe (clocks change at night,
 * not at midnight); a zone that skipped a whole day (Samoa, 30 December 2011) would refuse that one date.
 */
export type IsoDate = string

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether `value` is a real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = isoPattern.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(year, month - 1, day)
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day
}

function toDate(iso: IsoDate): Date {
  // A rule fed a malformed date must fail loudly, not compute a deadline from NaN.
  if (!isIsoDate(iso)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`)
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
  return new Date(year, month - 1, day)
}

const toIso = (date: Date): IsoDate => format(date, 'yyyy-MM-dd')

export const plusMonths = (iso: IsoDate, months: number): IsoDate => toIso(addMonths(toDate(iso), months))

export const plusDays = (iso: IsoDate, days: number): IsoDate => toIso(addDays(toDate(iso), days))

/** Calendar days from `from` to `to`: 0 on the same day, negative when `to` lies before `from`. */
export const daysFrom = (from: IsoDate, to: IsoDate): number => differenceInCalendarDays(toDate(to), toDate(from))

// ISO dates sort as strings.
export const earliest = (first: IsoDate, ...rest: IsoDate[]): IsoDate => rest.reduce((a, b) => (b < a ? b : a), first)
export const latest = (first: IsoDate, ...rest: IsoDate[]): IsoDate => rest.reduce((a, b) => (b > a ? b : a), first)
