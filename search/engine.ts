import { db } from '#db/client'
import { env } from '#core/env'
import { MeilisearchEngine } from './meilisearch/engine'
import type { SearchEngine } from './port'
import { PostgresSearchEngine } from './postgres/engine'

/**
 * The engine the app, the API and the index sync use: Meilisearch when MEILISEARCH_URL is set, otherwise the
 * embedded one in PostgreSQL. One per process (the server and the Remix build share it through globalThis).
 */
const DEFAULT_INDEX = 'placements'

const g = globalThis as { __stapsteenSearch?: SearchEngine }

export function searchEngine(): SearchEngine {
  g.__stapsteenSearch ??= createSearchEngine()
  return g.__stapsteenSearch
}

export function createSearchEngine(options: { indexUid?: string } = {}): SearchEngine {
  const { MEILISEARCH_URL, MEILISEARCH_API_KEY } = env()
  if (!MEILISEARCH_URL) return new PostgresSearchEngine(db)
  return new MeilisearchEngine({ host: MEILISEARCH_URL, apiKey: MEILISEARCH_API_KEY, indexUid: options.indexUid ?? DEFAULT_INDEX, database: db })
}
