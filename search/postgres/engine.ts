import { count, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client'
import { searchDocuments, searchWords } from '../../db/schema'
import type { SearchDocument } from '../document'
import { type SearchPlan, planMatch, planSearch } from '../plan'
import type { FacetCounts, MatchRequest, PlacementQuery, SearchEngine, SearchHit, SearchResult } from '../port'
import { hitScore, reasonsFor, type Tier, understandingOf } from '../ranking'
import { roundKm } from '../geo'
import { loadTaxonomy } from '../taxonomy-store'
import { guard } from './errors'
import { distanceExpression, facetColumns, matchedTerms, occupationScore, orderBy, type Strategy, textRankExpression, tierExpression, whereClause } from './query'
import { removeDocuments, upsertDocuments } from './write'

/**
 * The embedded engine: the index is two tables in the application's own PostgreSQL (search_documents and
 * search_words), searched with full text (Dutch stemming, unaccent), trigrams and haversine distances. No extra server: the default when
 * MEILISEARCH_URL is unset. Ranking follows search/ranking.ts exactly like the Meilisearch adapter.
 */
type Row = {
  placement_id: string
  external_id: string | null
  title: string
  occupation_uri: string
  isco_group: string
  municipality_nis: string
  tier: number
  text_rank: number
  distance_km: number | null
  matched: boolean[] | null
  total: number
}

export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const

  constructor(private readonly database: () => Tx) {}

  async applySettings() {
    // The table, its indexes and the text search configurations come with the migrations; check they are there.
    await guard(() => this.database().execute(sql`select 1 from ${searchDocuments} limit 0`))
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
    const rows = await guard(() => this.database().select({ id: searchDocuments.placementId, hash: searchDocuments.hash }).from(searchDocuments))
    return new Map(rows.map((row) => [row.id, row.hash]))
  }

  async count() {
    const [row] = await guard(() => this.database().select({ n: count() }).from(searchDocuments))
    return row?.n ?? 0
  }

  async health() {
    await guard(() => this.database().execute(sql`select 1 from ${searchDocuments} limit 1`))
  }

  private async execute(plan: SearchPlan): Promise<SearchResult> {
    let strategy: Strategy = 'all'
    let [rows, facets] = await Promise.all([this.page(plan, strategy), this.facets(plan, strategy)])
    // Like Meilisearch's matching strategies: all words first; when no placement has them all, any of them.
    if (rows.length === 0 && plan.offset === 0 && plan.terms.length > 1) {
      strategy = 'any'
      ;[rows, facets] = await Promise.all([this.page(plan, strategy), this.facets(plan, strategy)])
    }
    const total = rows[0]?.total ?? (plan.offset > 0 ? await this.total(plan, strategy) : 0)
    const taxonomy = await loadTaxonomy(this.database())
    const results = rows.map((row): SearchHit => {
      const tier = row.tier as Tier
      const distanceKm = row.distance_km === null ? null : roundKm(row.distance_km)
      const words = plan.terms.filter((_, i) => row.matched?.[i]).map((t) => t.word)
      return {
        id: row.placement_id,
        externalId: row.external_id,
        title: row.title,
        occupationUri: row.occupation_uri,
        municipalityNis: row.municipality_nis,
        distanceKm,
        score: hitScore(plan, tier, { uri: row.occupation_uri, iscoGroup: row.isco_group }, row.text_rank),
        reasons: reasonsFor(plan, { occupationUri: row.occupation_uri, iscoGroup: row.isco_group, distanceKm, words }, taxonomy),
      }
    })
    return { engine: this.name, total, results, facets, understanding: understandingOf(plan) }
  }

  private async page(plan: SearchPlan, strategy: Strategy): Promise<Row[]> {
    return [...(await this.database().execute<Row>(this.pageQuery(plan, strategy)))]
  }

  /** The ranked page: scored in a subquery so the order can use the computed columns. */
  pageQuery(plan: SearchPlan, strategy: Strategy) {
    const words = plan.terms.length > 0 ? sql`left join ${searchWords} using (placement_id)` : sql``
    return sql`
      select ranked.*, ${matchedTerms(plan)} as matched
      from (
        select * from (
          select placement_id, external_id, title, occupation_uri, isco_group, municipality_nis, published_at as published,
            ${tierExpression(plan)} as tier,
            ${occupationScore(plan)} as occupation_score,
            ${textRankExpression(plan)} as text_rank,
            ${distanceExpression(plan)} as distance_km,
            count(*) over ()::int as total
          from ${searchDocuments}
          where ${whereClause(plan, strategy)}
        ) scored
        order by ${orderBy(plan)}
        limit ${plan.limit} offset ${plan.offset}
      ) ranked
      ${words}
      order by ${orderBy(plan)}`
  }

  private async total(plan: SearchPlan, strategy: Strategy) {
    const [row] = await this.database().select({ n: count() }).from(searchDocuments).where(whereClause(plan, strategy))
    return row?.n ?? 0
  }

  private async facets(plan: SearchPlan, strategy: Strategy): Promise<FacetCounts> {
    if (plan.facets.length === 0) return {}
    const parts = plan.facets.map((name) => {
      const { column, array } = facetColumns[name]
      return array
        ? sql`select ${name}::text as facet, value, count(*)::int as n from matched, unnest(${column}) as value group by value`
        : sql`select ${name}::text as facet, ${column} as value, count(*)::int as n from matched where ${column} is not null group by 2`
    })
    const rows = await this.database().execute<{ facet: string; value: string; n: number }>(sql`
      with matched as (select * from ${searchDocuments} where ${whereClause(plan, strategy)})
      ${sql.join(parts, sql` union all `)}`)
    const facets: FacetCounts = Object.fromEntries(plan.facets.map((name) => [name, {}]))
    for (const row of rows) facets[row.facet as keyof FacetCounts]![row.value] = row.n
    return facets
  }
}
