import { customType, doublePrecision, index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { placements } from './placements'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

/**
 * The embedded search engine's index (search/postgres): one row per published placement, written only by the
 * index sync (search/sync.ts) from search/document.ts, like a Meilisearch index would be. Two tables: the
 * narrow one holds what filters, ranking and results need, so finding and sorting thousands of candidates
 * stays in a few megabytes; the words (a few hundred bytes per placement) are only read for text matches.
 * The GIN, trigram and GiST indexes and the text search configurations are in migration *_search_extensions.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    placementId: uuid('placement_id')
      .primaryKey()
      .references(() => placements.id, { onDelete: 'cascade' }),
    externalId: text('external_id'),
    title: text('title').notNull(),
    occupationUri: text('occupation_uri').notNull(),
    iscoGroup: text('isco_group').notNull(),
    municipalityNis: text('municipality_nis').notNull(),
    regionCode: text('region_code').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    hoursPerWeek: doublePrecision('hours_per_week').notNull(),
    dutchLevel: text('dutch_level').notNull(),
    dutchRank: smallint('dutch_rank').notNull(),
    instruments: text('instruments').array().notNull(),
    employerType: text('employer_type'),
    schedules: text('schedules').array().notNull(),
    supports: text('supports').array().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    hash: text('hash').notNull(),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('search_documents_occupation_idx').on(t.occupationUri),
    index('search_documents_isco_idx').on(t.iscoGroup),
    index('search_documents_region_idx').on(t.regionCode),
    index('search_documents_published_idx').on(t.publishedAt),
  ],
)

export const searchWords = pgTable('search_words', {
  placementId: uuid('placement_id')
    .primaryKey()
    .references(() => searchDocuments.placementId, { onDelete: 'cascade' }),
  /** Dutch-stemmed and plain lexemes, weighted: title A, labels and parts B, tasks and competences C, the rest D. */
  words: tsvector('words').notNull(),
  /** Folded words of title, labels and compound parts: trigram matching of words no dictionary knows. */
  searchText: text('search_text').notNull(),
})
