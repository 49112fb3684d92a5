import { performance } from 'node:perf_hooks'
import { type PeriodKind, periodContaining, previousPeriod } from '#domain/statistics-period'
import type { SessionUser } from '#domain/session-user'
import { loadDashboard } from '#app/features/regional-dashboard/dashboard.server'
import { FLANDERS } from '#app/features/regional-dashboard/scope.server'
import { sections } from '#app/features/regional-dashboard/sections.server'
import { db } from '#app/utils/db.server'
import { publishedQuarters, quarterFigures } from '#app/features/open-statistics/quarter-figures.server'

/**
 * The dashboard benchmark's measurement: every section the registry holds (sections.server.ts — a section added
 * there is measured without touching this file), as a platform admin for all of Flanders and as a regional admin
 * for one region, for the running month, quarter and year; each page's work done the way the route does it
 * (`loadDashboard`), one request at a time: a few unmeasured calls first, then `iterations` timed ones. The
 * public /cijfers page's loader too, and each table on its own (`measureTables`).
 */
export type PageResult = { path: string; viewer: string; period: PeriodKind; samples: number[] }
export type TableResult = { id: string; section: string; samples: number[] }

type Viewer = { label: string; user: SessionUser; regio: string }

const PERIODS: PeriodKind[] = ['maand', 'kwartaal', 'jaar']

export async function measurePages(options: { region: string; today: string; warmUp: number; iterations: number }, progress: (line: string) => void) {
  const viewers: Viewer[] = [
    { label: 'platformbeheerder', user: admin('platform_admin', []), regio: FLANDERS },
    { label: 'regiobeheerder', user: admin('regional_admin', [options.region]), regio: options.region },
  ]
  const results: PageResult[] = []
  for (const section of sections) {
    for (const viewer of viewers) {
      for (const kind of PERIODS) {
        const key = periodContaining(kind, options.today).key
        const search = new URLSearchParams({ regio: viewer.regio, periode: key })
        const path = `/admin/cijfers/${section.slug}?${search}`
        progress(`${path} (${viewer.label})…`)
        const samples = await time(() => loadDashboard(viewer.user, section.slug, search, options.today), options)
        results.push({ path, viewer: viewer.label, period: kind, samples })
      }
    }
  }
  progress('/cijfers…')
  results.push({ path: '/cijfers', viewer: 'iedereen', period: 'kwartaal', samples: await time(openFigures, options) })
  return results
}

/**
 * Each table of each section on its own, for the regional admin's year (the page with the most rows): its three
 * slices one after another, as the page asks them. Says which table makes a slow page slow.
 */
export async function measureTables(options: { region: string; today: string; warmUp: number; iterations: number }) {
  const year = periodContaining('jaar', options.today)
  const previous = previousPeriod(year)
  const slices = [
    { from: year.from, until: year.until, regionCodes: [options.region] },
    { from: previous.from, until: previous.until, regionCodes: [options.region] },
    { from: year.from, until: year.until, regionCodes: null },
  ]
  const results: TableResult[] = []
  for (const section of sections) {
    for (const table of section.tables) {
      const samples = await time(async () => {
        // A copy per call: tables that share a query per slice object (per-slice.ts) are timed with their query.
        for (const slice of slices) await table.compute(db(), { ...slice })
      }, options)
      results.push({ id: table.id, section: section.slug, samples })
    }
  }
  return results
}

/** What the loader of app/routes/cijfers.tsx does for its default page, the newest quarter (a route cannot be imported outside the routes: lint:deps). */
const openFigures = () => quarterFigures(publishedQuarters()[0]!)

async function time(work: () => Promise<unknown>, options: { warmUp: number; iterations: number }): Promise<number[]> {
  for (let i = 0; i < options.warmUp; i++) await work()
  const samples: number[] = []
  for (let i = 0; i < options.iterations; i++) {
    const started = performance.now()
    await work()
    samples.push(performance.now() - started)
  }
  return samples
}

/** A signed-in admin as the session gives it to the loader; the dashboard reads only the role and the regions. */
function admin(role: 'platform_admin' | 'regional_admin', regionCodes: string[]): SessionUser {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    email: `${role}@bench.test`,
    name: 'Benchmark',
    role,
    coordinator: false,
    organisation: { id: '00000000-0000-4000-8000-000000000001', slug: 'stapsteen', name: 'Stapsteen', type: 'platform' },
    regionCodes,
  }
}
