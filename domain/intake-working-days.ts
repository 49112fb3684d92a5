/**
 * The first-contact timer counts working days: Monday to Friday (public holidays are not taken into account).
 * Dates are ISO strings (YYYY-MM-DD), like the `date` columns; the day starts in Belgian time.
 */
export function addWorkingDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  let left = days
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1)
    const weekday = date.getUTCDay()
    if (weekday !== 0 && weekday !== 6) left -= 1
  }
  return date.toISOString().slice(0, 10)
}

/** Today's date in Brussels, whatever the server's time zone. */
export const brusselsDate = (moment: Date = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment)

/** How many working days lie after `fromIso` up to and including `toIso` (0 when `toIso` is not later). */
export function workingDaysBetween(fromIso: string, toIso: string): number {
  let days = 0
  while (addWorkingDays(fromIso, days + 1) <= toIso) days += 1
  return days
}
