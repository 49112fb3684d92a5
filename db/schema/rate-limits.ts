import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Attempts per key in a fixed window, shared by every web process: the rate limits of the public forms
 * (db/queries/rate-limit.ts). A key names the limit and a keyed hash of what is counted (a client address, an
 * e-mail address), never the value itself; a row is deleted once its window has ended.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
})
