import { date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { mappingStatuses, vocabularyKinds } from '#domain/search-terms'
import { users } from './users'

export const searchTermMappingStatus = pgEnum('search_term_mapping_status', mappingStatuses)
export const searchTermKind = pgEnum('search_term_kind', vocabularyKinds)

/**
 * Search terms that found nothing or that the user replaced at once (issue 15), counted per day. Only the term
 * as the search folds it: no user, organisation, address or time of day, so a row says "someone searched this".
 * People type names too; the page shows terms to admins only and the daily retention run deletes rows after 90
 * days (db/queries/search-terms.ts).
 */
export const searchTermMisses = pgTable(
  'search_term_misses',
  {
    day: date('day').notNull(),
    term: text('term').notNull(),
    noResults: integer('no_results').notNull().default(0),
    refined: integer('refined').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.term] })],
)

/**
 * A regional admin's proposal that a term means an ESCO occupation, and a platform admin's decision. The row is
 * its own history (who proposed, who decided, when, why not); an accepted row joins the search vocabulary
 * (search/taxonomy-store.ts). Several occupations for one term are several rows, in the order they were accepted.
 */
export const searchTermMappings = pgTable(
  'search_term_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    term: text('term').notNull(),
    kind: searchTermKind('kind').notNull(),
    occupationUri: text('occupation_uri').notNull(),
    note: text('note').notNull(),
    status: searchTermMappingStatus('status').notNull().default('proposed'),
    proposedByUserId: uuid('proposed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
  },
  (t) => [index('search_term_mappings_status_idx').on(t.status, t.decidedAt)],
)
