import { db } from '#db/client'
import { MeilisearchEngine } from '#search/meilisearch/engine'
import { PostgresSearchEngine } from '#search/postgres/engine'
import { searchConformance } from '#tests/support/search-conformance'

/**
 * The conformance suite against the embedded engine, always, and against a real Meilisearch when
 * MEILISEARCH_URL is set (docs/decisions/0007-search-engine.md says how); each run uses a fresh index of its
 * own and deletes it afterwards.
 */
searchConformance('postgres', () => new PostgresSearchEngine(db))

const meilisearchUrl = process.env.MEILISEARCH_URL
if (meilisearchUrl) {
  searchConformance(
    'meilisearch',
    () => new MeilisearchEngine({ host: meilisearchUrl, apiKey: process.env.MEILISEARCH_API_KEY, indexUid: `conformance_${Date.now()}_${process.pid}`, database: db }),
    (engine) => (engine as MeilisearchEngine).deleteIndex(),
  )
}
