import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

// Who did what to which record. Append-only: a trigger (migration 0001) refuses UPDATE and DELETE.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    organisationId: uuid('organisation_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_log_at_idx').on(t.at),
    // The audit viewer filters by organisation (regional scope) and by action, newest first.
    index('audit_log_organisation_idx').on(t.organisationId, t.at),
    index('audit_log_action_idx').on(t.action, t.at),
  ],
)

// Installation-wide values every web process must share, such as the cookie signing secret.
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})
