import type PgBoss from 'pg-boss'
import { hasPermission } from '#domain/permissions'
import { describeSearch } from '#app/features/placement-search/search-summary'
import { workHoursText } from '#domain/job-posting'
import { employerTypeLabels } from '#domain/placement-values'
import { buildSearch, type SearchInput } from '#app/features/placement-search/search-params'
import { db } from '#db/client'
import { listRegions } from '#db/queries/reference'
import { listAlertingSearches, lockAlertingSearch, markSeen, placeLookup, placementCards, unseenPlacementIds } from '#db/queries/saved-searches'
import { sendEmail } from '#emails/send.server'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { logger } from '#core/logger'
import { searchEngine } from '#search/engine'
import { type PlacementQuery, type SearchEngine, SearchUnavailableError } from '#search/port'

/**
 * E-mail alerts for saved searches. Every 15 minutes (pg-boss cron, on workers) each saved search with its alert
 * on runs through the search port; placements it finds that it has not reported before go to its owner in one
 * mail and are marked as seen — the mark and the mail (an outbox row, emails/send.server.ts) in one transaction
 * per saved search, under a lock on that search. A crash before the commit leaves both undone, so the next run
 * sends them; a second run finds them seen. Saving a search marks what it finds then (db/queries/saved-searches.ts).
 */
export const SAVED_SEARCH_ALERTS_QUEUE = 'saved-search-alerts'
const EVERY_15_MINUTES = '*/15 * * * *'
const HITS_PER_REQUEST = 100
// The engines serve offsets up to 900 (search/plan.ts), so a search can list at most 1,000 placements.
const MAX_HITS = 1_000
const LISTED_IN_MAIL = 20

/** The ids of every placement a query finds, newest first (as far as the engines page). */
export async function allHitIds(engine: SearchEngine, query: PlacementQuery): Promise<string[]> {
  const ids: string[] = []
  for (let offset = 0; offset < MAX_HITS; offset += HITS_PER_REQUEST) {
    const { results, total } = await engine.search({ ...query, sort: 'newest', facets: [], limit: HITS_PER_REQUEST, offset })
    ids.push(...results.map((hit) => hit.id))
    if (offset + HITS_PER_REQUEST >= total) break
  }
  return [...new Set(ids)]
}

type Alerting = Awaited<ReturnType<typeof listAlertingSearches>>[number]
type Context = { engine: SearchEngine; baseUrl: string; regionNames: Record<string, string> }

/** One pass over every saved search with its alert on; returns how many mails it queued. */
export async function runSavedSearchAlerts(options: { engine?: SearchEngine; baseUrl?: string } = {}) {
  const context: Context = {
    engine: options.engine ?? searchEngine(),
    baseUrl: options.baseUrl ?? publicBaseUrl(),
    regionNames: Object.fromEntries((await listRegions(db())).map((r) => [r.code, r.name])),
  }
  const lookup = await placeLookup(db())
  const run = { searches: 0, mails: 0, skipped: 0 }
  for (const search of await listAlertingSearches(db())) {
    run.searches += 1
    // Someone whose role no longer reads placements gets no more mail about them.
    const built = hasPermission(search.role, 'placement:read-published') ? await buildSearch(new URLSearchParams(search.query), lookup) : null
    if (!built?.query || !built.input) {
      run.skipped += 1
      continue
    }
    try {
      if (await alertNewHits(search, built.input, await allHitIds(context.engine, built.query), context)) run.mails += 1
    } catch (error) {
      // The engine being down stops the run (the next one catches up); anything else is about this search only.
      if (error instanceof SearchUnavailableError) throw error
      logger().error({ err: error, savedSearchId: search.id }, 'saved search alert failed')
      run.skipped += 1
    }
  }
  return run
}

async function alertNewHits(search: Alerting, input: SearchInput, hits: string[], context: Context): Promise<boolean> {
  return db().transaction(async (tx) => {
    if (!(await lockAlertingSearch(tx, search.id))) return false
    // Only placements that are public now: one the index still holds after it was unpublished is not news.
    const fresh = await placementCards(tx, await unseenPlacementIds(tx, search.id, hits))
    if (fresh.length === 0) return false
    await markSeen(
      tx,
      search.id,
      fresh.map((placement) => placement.id),
    )
    const listed = fresh.slice(0, LISTED_IN_MAIL)
    await sendEmail(tx, {
      to: search.email,
      template: 'saved-search-alert',
      props: {
        name: search.userName,
        summary: describeSearch(input, context.regionNames).join(' · '),
        placements: listed.map((p) => ({
          title: p.title,
          details: [p.municipality, p.employerType ? employerTypeLabels[p.employerType].label : null, workHoursText(p.hoursPerWeek, p.schedule)]
            .filter(Boolean)
            .join(' · '),
          url: `${context.baseUrl}/plaatsen/${p.id}`,
        })),
        more: fresh.length - listed.length,
        searchUrl: `${context.baseUrl}/begeleider/zoeken?${search.query}`,
        savedSearchesUrl: `${context.baseUrl}/begeleider/bewaard`,
      },
    })
    return true
  })
}

/**
 * The queue is created here rather than in core/jobs.ts because its cron schedule needs it to exist. pg-boss
 * keeps one schedule per name (repeating this is harmless) and only workers run cron (core/jobs.ts).
 */
export async function registerSavedSearchAlertWorker(boss: PgBoss, engine?: SearchEngine) {
  await boss.createQueue(SAVED_SEARCH_ALERTS_QUEUE, {
    name: SAVED_SEARCH_ALERTS_QUEUE,
    policy: 'stately',
    retryLimit: 3,
    retryDelay: 60,
    expireInSeconds: 900,
  })
  await boss.work(SAVED_SEARCH_ALERTS_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
    const run = await runSavedSearchAlerts({ engine })
    if (run.mails > 0 || run.skipped > 0) logger().info(run, 'saved search alerts sent')
  })
  await boss.schedule(SAVED_SEARCH_ALERTS_QUEUE, EVERY_15_MINUTES)
}
