import { count, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { searchDocuments as d } from '#db/schema'
import type { SearchDocument } from '#search/document'
import { roundKm } from '#search/geo'
import { planMatch, planSearch, type SearchPlan } from '#search/plan'
import type { MatchRequest, PlacementQuery, SearchEngine, SearchHit, SearchResult } from '#search/port'
import { hitScore, reasonsFor, understandingOf } from '#search/ranking'
import { loadTaxonomy } from '#search/taxonomy-store'
import { guard } from './errors'
import { facets } from './facets'
import type { Strategy } from './query'
import { MAX_COUNT, occupationTiers, type Part, wordTier } from './tiers'
import { removeDocuments, upsertDocuments } from './write'

/**
 * The embedded engine: the index is a table in the application's own PostgreSQL (search_documents), searched
 * with full text (Dutch stemming, unaccent), trigrams and haversine distances. No extra server: the default when
 * MEILISEARCH_URL is unset. Ranking follows search/ranking.ts exactly like the Meilisearch adapter; each tier is
 * found by its own statement (tiers.ts), so a search reads about as many rows as its page shows.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const

  constructor(private readonly database: () => Tx) {}

  async applySettings() {
    // The table, its indexes and the text search configurations come with the migrations; check they are there.
    await guard(() => this.database().execute(sql`select 1 from ${d} limit 0`))
  }

  async upsert(documents: SearchDocument[]) {
    if (documents.length > 0) await guard(() => this.database().transaction((tx) => upsertDocuments(tx, documents)))
  }

  async remove(placementIds: string[]) {
    const ids = placementIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id))
    if (ids.length > 0) await guard(() => removeDocuments(this.database(), ids))
  }

  async search(query: PlacementQuery) {
    return guard(async () => this.execute(await planSearch(this.database(), query)))
  }

  async match(request: MatchRequest) {
    return guard(async () => this.execute(await planMatch(this.database(), request)))
  }

  async allIds() {
    const rows = await guard(() => this.database().select({ id: d.placementId, hash: d.hash }).from(d))
    return new Map(rows.map((row) => [row.id, row.hash]))
  }

  async count() {
    const [row] = await guard(() => this.database().select({ n: count() }).from(d))
    return row?.n ?? 0
  }

  async health() {
    await guard(() => this.database().execute(sql`select 1 from ${d} limit 1`))
  }

  private async execute(plan: SearchPlan): Promise<SearchResult> {
    const tx = this.database()
    let strategy: Strategy = 'all'
    let found = await this.collect(tx, plan, strategy)
    // Like Meilisearch's matching strategies: all words first; when no placement has them all, any of them.
    if (found.total === 0 && plan.offset === 0 && plan.terms.length > 1) {
      strategy = 'any'
      found = await this.collect(tx, plan, strategy)
    }
    const [facetCounts, taxonomy] = await Promise.all([facets(tx, plan, strategy), loadTaxonomy(tx)])
    const results = found.rows.slice(plan.offset, plan.offset + plan.limit).map((row): SearchHit => {
      const distanceKm = row.distance_km === null ? null : roundKm(row.distance_km)
      const words = plan.terms.filter((_, i) => row.matched?.[i]).map((t) => t.word)
      return {
        id: row.placement_id,
        externalId: row.external_id,
        title: row.title,
        occupationUri: row.occupation_uri,
        municipalityNis: row.municipality_nis,
        distanceKm,
        score: hitScore(plan, row.tier, { uri: row.occupation_uri, iscoGroup: row.isco_group }, row.text_rank),
        reasons: reasonsFor(plan, { occupationUri: row.occupation_uri, iscoGroup: row.isco_group, distanceKm, words }, taxonomy),
      }
    })
    return { engine: this.name, total: found.total, results, facets: facetCounts, understanding: understandingOf(plan) }
  }

  /** Tiers 2 and 1, then tier 0 for what the page still needs: their rows in order, and the total. */
  private async collect(tx: Tx, plan: SearchPlan, strategy: Strategy): Promise<Part> {
    const want = plan.offset + plan.limit
    const occupations = plan.same.length > 0 ? await occupationTiers(tx, plan, want) : { rows: [], total: 0 }
    const need = Math.max(0, want - occupations.rows.length)
    const countUpTo = Math.max(0, MAX_COUNT - occupations.total)
    const words = plan.terms.length > 0 || plan.includeAll ? await wordTier(tx, plan, strategy, need, countUpTo) : { rows: [], total: 0 }
    return { rows: [...occupations.rows, ...words.rows], total: Math.min(MAX_COUNT, occupations.total + words.total) }
  }
}
