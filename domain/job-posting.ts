import { todayIso } from './compensation-rules'
import { formatHours } from './placement-form'
import { scheduleLabels } from './placement-values'

/**
 * The schema.org JobPosting of a public placement page, for search engines and job sites. It names the
 * employer and the workplace, never a contact person, e-mail address or phone number: candidates come
 * through their caseworker, not by applying directly (directApply false).
 */
export type JobPostingSource = {
  url: string
  title: string
  description: string
  /** ISO timestamps. */
  publishedAt: string
  updatedAt: string
  /** ISO dates (YYYY-MM-DD). */
  startDate: string | null
  fullUntil: string | null
  hoursPerWeek: number
  schedule: readonly string[]
  places: number
  employerName: string
  occupation: { uri: string; code: string; label: string }
  location: { street: string | null; postcode: string | null; municipality: string; province: string; lat: number; lon: number }
}

const isSchedule = (value: string): value is keyof typeof scheduleLabels => value in scheduleLabels

/** "19,5 uur per week, overdag en in het weekend": hours and schedule as one phrase. */
export function workHoursText(hoursPerWeek: number, schedule: readonly string[]) {
  const moments = schedule.filter(isSchedule).map((s) => scheduleLabels[s].label.toLowerCase())
  const when = moments.length > 1 ? `${moments.slice(0, -1).join(', ')} en ${moments.at(-1)}` : (moments[0] ?? '')
  return `${formatHours(hoursPerWeek)} uur per week${when ? `, ${when}` : ''}`
}

const addDays = (isoDate: string, days: number) => {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/**
 * Dates, decided here:
 * - A placement has no closing date: it stays open until the employer pauses, fills or closes it (and then
 *   leaves the public pages). `fullUntil` means "volzet tot" (every place is taken until then), the opposite
 *   of an end date, so it moves jobStartDate instead of becoming validThrough.
 * - validThrough is one year after the employer last saved or changed the placement: a posting nobody has
 *   looked at for a year is stale, and the date moves on with every save.
 * - employmentType: part-time below 38 hours a week; always TEMPORARY, since every scheme is time-limited.
 */
export function buildJobPosting(source: JobPostingSource) {
  const { location, occupation } = source
  const afterFull = source.fullUntil ? addDays(source.fullUntil, 1) : null
  const starts = [source.startDate, afterFull].filter((d): d is string => d !== null).sort()
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: source.title,
    description: source.description,
    url: source.url,
    datePosted: todayIso(new Date(source.publishedAt)),
    validThrough: addDays(todayIso(new Date(source.updatedAt)), 365),
    ...(starts.length > 0 ? { jobStartDate: starts.at(-1) } : {}),
    employmentType: [source.hoursPerWeek >= 38 ? 'FULL_TIME' : 'PART_TIME', 'TEMPORARY'],
    directApply: false,
    hiringOrganization: { '@type': 'Organization', name: source.employerName },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        ...(location.street ? { streetAddress: location.street } : {}),
        addressLocality: location.municipality,
        ...(location.postcode ? { postalCode: location.postcode } : {}),
        addressRegion: location.province,
        addressCountry: 'BE',
      },
      geo: { '@type': 'GeoCoordinates', latitude: location.lat, longitude: location.lon },
    },
    occupationalCategory: {
      '@type': 'CategoryCode',
      codeValue: occupation.code,
      name: occupation.label,
      inCodeSet: 'http://data.europa.eu/esco/occupation',
      url: occupation.uri,
    },
    workHours: workHoursText(source.hoursPerWeek, source.schedule),
    totalJobOpenings: source.places,
  }
}

/**
 * JSON for inside <script type="application/ld+json">. `<`, `>` and `&` become \u escapes (still the same JSON
 * value), so no text an employer typed can close the script element or open a comment; U+2028/2029 too.
 */
export function serializeJsonLd(value: unknown) {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
