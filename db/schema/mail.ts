import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export const emailStatus = pgEnum('email_status', ['queued', 'sent', 'failed'])

/**
 * Every email is first a row here, written in the same transaction as the change that causes it (an outbox),
 * then delivered by a job. The row id is the idempotency key given to the transport, so a retried job
 * never sends twice. In development the transport is this table itself: /dev/outbox shows the rendered mail.
 */
export const emailMessages = pgTable(
  'email_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    template: text('template').notNull(),
    status: emailStatus('status').notNull().default('queued'),
    transport: text('transport'),
    providerId: text('provider_id'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('email_messages_status_idx').on(t.status, t.createdAt)],
)
