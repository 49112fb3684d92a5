import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { intakes } from './intake'

export const emailStatus = pgEnum('email_status', ['queued', 'sent', 'failed'])

/**
 * Every email is first a row here, written in the same transaction as the change that causes it (an outbox),
 * then delivered by a job. The row id is the idempotency key given to the transport, so a retried job
 * never sends twice. A mail's link secret is never in its body (docs/decisions/0012-mail-secrets-and-retention.md):
 * the body holds a mark where it goes, and the secret waits sealed until the job delivers the mail. Bodies go
 * after 30 days, rows after 12 months (db/queries/mail-retention.ts).
 */
export const emailMessages = pgTable(
  'email_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    /** Null once purged. */
    html: text('html'),
    text: text('text'),
    template: text('template').notNull(),
    /** The link's token, AES-GCM-sealed (key `mail_secret_key` in app_settings); null once delivered or given up. */
    sealedSecret: text('sealed_secret'),
    /** The intake a mail to a resident is about: erasing the intake deletes the mail, anonymising it too. */
    intakeId: uuid('intake_id').references(() => intakes.id, { onDelete: 'cascade' }),
    status: emailStatus('status').notNull().default('queued'),
    transport: text('transport'),
    providerId: text('provider_id'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('email_messages_status_idx').on(t.status, t.createdAt),
    index('email_messages_created_idx').on(t.createdAt),
    index('email_messages_intake_idx').on(t.intakeId),
  ],
)
