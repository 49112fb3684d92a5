import { type EnqueuedTaskPromise, type Index, Meilisearch, type MultiSearchQuery, type SearchResponse } from 'meilisearch'
import type { Tx } from '#db/client'
import type { SearchDocument } from '#search/document'
import { haversineKm, roundKm } from '#search/geo'
import { planMatch, planSearch, type SearchPlan } from '#search/plan'
import type { FacetCounts, MatchRequest, PlacementQuery, SearchEngine, SearchHit, SearchResult } from '#search/port'
import { hitScore, matchedTerms, reasonsFor, understandingOf } from '#search/ranking'
import { loadTaxonomy } from '#search/taxonomy-store'
import { tokenize } from '#search/text'
import { taskFailed, toSearchError } from './errors'
import { type TierQuery, tierQueries } from './filter'
import { indexSettings, type MeilisearchDocument, toMeilisearchDocument } from './settings'
import { acceptedMappings } from '#db/queries/search-term-mappings'

/**
 * The Meilisearch adapter (production choice). The query is understood first (search/plan.ts, shared with the
 * embedded engine); then one multi-search request asks for each tier with filters on occupation URI and ISCO
 * group (search/meilisearch/filter.ts), and the answers are put one after the other. Ranking is thereby the same
 * as the embedded engine's: tier, occupation confidence, then the requested sort or Meilisearch's text relevance.
 */
export type MeilisearchOptions = {
  host: string
  apiKey?: string
  indexUid: string
  database: () => Tx
  /** Per HTTP request; a search that takes longer counts as unavailable. */
  timeoutMs?: number
  /** How long a write waits for Meilisearch to apply it. */
  taskTimeoutMs?: number
}

const RETRIEVE = ['id', 'externalId', 'title', 'occupationUri', 'iscoGroup', 'municipalityNis', '_geo', 'occupationLabel', 'occupationAltLabels', 'compoundParts']
const WRITE_CHUNK = 1000
type Hit = Pick<MeilisearchDocument, 'id' | 'externalId' | 'title' | 'occupationUri' | 'iscoGroup' | 'municipalityNis' | '_geo' | 'occupationLabel' | 'occupationAltLabels' | 'compoundParts'> & {
  _rankingScore?: number
}

export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const
  private readonly client: Meilisearch
  private readonly index: Index<MeilisearchDocument>

  constructor(private readonly options: MeilisearchOptions) {
    this.client = new Meilisearch({
      host: options.host,
      apiKey: options.apiKey,
      timeout: options.timeoutMs ?? 5_000,
      defaultWaitOptions: { timeout: options.taskTimeoutMs ?? 60_000, interval: 50 },
    })
    this.index = this.client.index<MeilisearchDocument>(options.indexUid)
  }

  async applySettings() {
    const applying = this.call(async () => {
      const created = await this.client.createIndex(this.options.indexUid, { primaryKey: 'id' }).waitTask()
      if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists') throw taskFailed(created)
      const accepted = await acceptedMappings(this.options.database())
      await this.wait(this.index.updateSettings(indexSettings(accepted)))
    })
    this.settings = applying
    applying.catch(() => {
      if (this.settings === applying) this.settings = undefined
    })
    await applying
  }

  /**
   * Writes first make sure the index has its settings: Meilisearch would otherwise create the index on the first
   * document without them (nothing filterable), e.g. when it was down while the web server started.
   */
  private settings: Promise<void> | undefined
  private ensureSettings() {
    return this.settings ?? this.applySettings()
  }

  async upsert(documents: SearchDocument[]) {
    if (documents.length > 0) await this.ensureSettings()
    for (let i = 0; i < documents.length; i += WRITE_CHUNK) {
      const chunk = documents.slice(i, i + WRITE_CHUNK).map(toMeilisearchDocument)
      await this.call(() => this.wait(this.index.addDocuments(chunk, { primaryKey: 'id' })))
    }
  }

  async remove(placementIds: string[]) {
    if (placementIds.length > 0) await this.ensureSettings()
    for (let i = 0; i < placementIds.length; i += WRITE_CHUNK) {
      const chunk = placementIds.slice(i, i + WRITE_CHUNK)
      await this.call(() => this.wait(this.index.deleteDocuments(chunk)))
    }
  }

  async search(query: PlacementQuery) {
    return this.execute(await planSearch(this.options.database(), query))
  }

  async match(request: MatchRequest) {
    return this.execute(await planMatch(this.options.database(), request))
  }

  async allIds() {
    const ids = new Map<string, string>()
    for (let offset = 0; ; offset += WRITE_CHUNK) {
      const page = await this.call(() => this.index.getDocuments<Pick<MeilisearchDocument, 'id' | 'hash'>>({ fields: ['id', 'hash'], limit: WRITE_CHUNK, offset }))
      for (const document of page.results) ids.set(document.id, document.hash)
      if (page.results.length < WRITE_CHUNK) return ids
    }
  }

  async count() {
    return (await this.call(() => this.index.getStats())).numberOfDocuments
  }

  async health() {
    // The index answering means the server is up and the index exists (applySettings ran).
    await this.call(() => this.index.getRawInfo())
  }

  /** For throwaway indexes (benchmarks, tests); not part of the port. */
  async deleteIndex() {
    await this.call(() => this.client.deleteIndex(this.options.indexUid).waitTask())
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (error) {
      throw toSearchError(error)
    }
  }

  /** Waits until Meilisearch applied the write, so an index job is done only when searches see it. */
  private async wait(task: EnqueuedTaskPromise) {
    const done = await task.waitTask()
    if (done.status !== 'succeeded') throw taskFailed(done)
  }

  private async execute(plan: SearchPlan): Promise<SearchResult> {
    const tiers = tierQueries(plan)
    let responses = await this.multiSearch(plan, tiers, 'all')
    // The embedded engine's rule: all words first; when nothing has them all, fewer (Meilisearch's "last").
    if (plan.offset === 0 && plan.terms.length > 1 && responses.every((r) => (r.totalHits ?? 0) === 0)) {
      responses = await this.multiSearch(plan, tiers, 'last')
    }
    const taxonomy = await loadTaxonomy(this.options.database())
    let total = 0
    let dropped = 0
    const ranked: SearchHit[] = []
    const facets: FacetCounts = Object.fromEntries(plan.facets.map((name) => [name, {}]))
    responses.forEach((response, i) => {
      const tier = tiers[i]!.tier
      total += response.totalHits ?? 0
      addFacets(facets, response.facetDistribution)
      for (const hit of response.hits as Hit[]) {
        const km = plan.origin ? haversineKm(plan.origin.lat, plan.origin.lon, hit._geo.lat, hit._geo.lng) : null
        // _geoRadius is Meilisearch's own arithmetic; the contract's is haversine on 6371 km, checked here.
        if (km !== null && plan.radiusKm !== null && km > plan.radiusKm) {
          dropped += 1
          continue
        }
        const distanceKm = km === null ? null : roundKm(km)
        const words = tier === 0 ? matchedTerms(plan.terms, documentWords(hit)) : []
        ranked.push({
          id: hit.id,
          externalId: hit.externalId,
          title: hit.title,
          occupationUri: hit.occupationUri,
          municipalityNis: hit.municipalityNis,
          distanceKm,
          score: hitScore(plan, tier, { uri: hit.occupationUri, iscoGroup: hit.iscoGroup }, hit._rankingScore ?? 0),
          reasons: reasonsFor(plan, { occupationUri: hit.occupationUri, iscoGroup: hit.iscoGroup, distanceKm, words }, taxonomy),
        })
      }
    })
    return {
      engine: this.name,
      total: total - dropped,
      results: ranked.slice(plan.offset, plan.offset + plan.limit),
      facets,
      understanding: understandingOf(plan),
    }
  }

  private async multiSearch(plan: SearchPlan, tiers: TierQuery[], strategy: 'all' | 'last') {
    if (tiers.length === 0) return []
    const queries = tiers.map((tier) => this.tierRequest(plan, tier, strategy))
    const { results } = await this.call(() => this.client.multiSearch({ queries }))
    return results as SearchResponse[]
  }

  /** Every tier fetches offset + limit hits: the page is cut from the tiers put one after the other. */
  private tierRequest(plan: SearchPlan, tier: TierQuery, strategy: 'all' | 'last'): MultiSearchQuery {
    const text = tier.text ? (plan.understanding?.words.join(' ') ?? '') : ''
    const sort = sortFor(plan, tier.text)
    return {
      indexUid: this.options.indexUid,
      q: text,
      ...(tier.filter ? { filter: tier.filter } : {}),
      ...(sort ? { sort } : {}),
      ...(plan.facets.length > 0 ? { facets: plan.facets } : {}),
      ...(tier.text ? { matchingStrategy: strategy, showRankingScore: true } : {}),
      attributesToRetrieve: RETRIEVE,
      hitsPerPage: plan.offset + plan.limit,
      page: 1,
    }
  }
}

/**
 * The same order as the embedded engine (search/postgres/query.ts orderBy): without text by distance (when
 * there is an origin), newest, id; a chosen sort first; with text and no chosen sort, text relevance.
 */
function sortFor(plan: SearchPlan, text: boolean): string[] | undefined {
  const nearest = plan.origin ? [`_geoPoint(${plan.origin.lat}, ${plan.origin.lon}):asc`] : []
  const newest = text ? ['publishedMs:desc'] : ['publishedMs:desc', 'id:asc']
  if (plan.sort === 'distance') return text ? nearest : [...nearest, ...newest]
  if (plan.sort === 'newest') return newest
  return text ? undefined : [...nearest, ...newest]
}

function documentWords(hit: Hit): Set<string> {
  return new Set([...tokenize(hit.title), ...tokenize(hit.occupationLabel), ...hit.occupationAltLabels.flatMap(tokenize), ...hit.compoundParts])
}

function addFacets(into: FacetCounts, distribution: Record<string, Record<string, number>> | undefined) {
  for (const [name, values] of Object.entries(distribution ?? {})) {
    const counts = (into[name as keyof FacetCounts] ??= {})
    for (const [value, n] of Object.entries(values)) counts[value] = (counts[value] ?? 0) + n
  }
}
