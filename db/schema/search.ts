import { sql } from 'drizzle-orm'
import { customType, doublePrecision, index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { placements } from './placements'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

/**
 * The embedded search engine's index (search/postgres): one row per published placement, written only by the
 * index sync (search/sync.ts) from search/document.ts, like a Meilisearch index would be. One table, so a text
 * match is read once: its filters, rank and distance come from the same row. The indexes below and the
 * covering, GiST, GIN and trigram indexes of migrations *_search_extensions and *_search_speed (which drizzle
 * cannot express) hand each tier's candidates over in the order of the ranking rule.
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
    /** Dutch-stemmed and plain lexemes, weighted: title A, labels and parts B, tasks and competences C, the rest D. */
    words: tsvector('words').notNull(),
    /** Folded words of title, labels and compound parts: trigram matching of words no dictionary knows. */
    searchText: text('search_text').notNull(),
    /** The filters as keys of the word index (grid cells, Dutch levels, hours, instruments): migration *_search_speed. */
    filterKeys: text('filter_keys')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`search_filter_keys(lat, lon, dutch_rank, hours_per_week, instruments)`),
    hash: text('hash').notNull(),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('search_documents_region_idx').on(t.regionCode),
    index('search_documents_published_idx').on(t.publishedAt.desc().nullsLast(), t.placementId),
  ],
)
