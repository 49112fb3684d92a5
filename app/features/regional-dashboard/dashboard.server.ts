import { brusselsDate } from '#domain/intake-working-days'
import { isRunning, parsePeriod, periodContaining, previousPeriod, selectablePeriods } from '#domain/statistics-period'
import type { SessionUser } from '#domain/session-user'
import { db } from '#app/utils/db.server'
import { dashboardScope, FLANDERS } from './scope.server'
import { sectionBySlug, sectionLinks } from './sections.server'
import { mergeSlices, type Slice } from './stat-table'

/** What a bad query string gets: the field and the reason, on the page (400), never a 500. */
export class DashboardInputError extends Error {}

/**
 * One page of the regional dashboard: the section's tables for the chosen region and period, each with the
 * previous period and (unless Flanders is what was chosen) all of Flanders beside it.
 */
export async function loadDashboard(user: SessionUser, slug: string | undefined, search: URLSearchParams, today = brusselsDate()) {
  const section = sectionBySlug(slug)
  if (!section) throw new Response(null, { status: 404, statusText: 'Dit deel van de cijfers bestaat niet' })
  const scope = await dashboardScope(user, search.get('regio'))
  const asked = search.get('periode')
  const period = asked ? parsePeriod(asked) : periodContaining('kwartaal', today)
  if (!period || period.from > today) throw new DashboardInputError('periode: kies een maand, kwartaal of jaar tot vandaag (bv. 2026-11, 2026-Q4 of 2026).')
  const previous = previousPeriod(period)
  const slices: Slice[] = [
    { from: period.from, until: period.until, regionCodes: scope.regionCodes },
    { from: previous.from, until: previous.until, regionCodes: scope.regionCodes },
  ]
  const columns = [period.label, previous.label]
  if (scope.selected.code !== FLANDERS) {
    slices.push({ from: period.from, until: period.until, regionCodes: null })
    columns.push(`Vlaanderen, ${period.label}`)
  }
  const tables = await Promise.all(
    section.tables.map(async (spec) => mergeSlices(spec, columns, await Promise.all(slices.map((slice) => spec.compute(db(), slice))))),
  )
  return {
    section: { slug: section.slug, title: section.title, intro: section.intro },
    sections: sectionLinks(),
    region: scope.selected,
    regions: scope.options,
    period,
    periods: selectablePeriods(today),
    running: isRunning(period, today),
    tables,
  }
}
