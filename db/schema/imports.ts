import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organisations } from './organisations'
import { users } from './users'
import { importRunStatuses } from '#domain/values'

/**
 * An uploaded placement file that is imported by a job (large files), so the upload page can show progress and,
 * afterwards, the result or the report. The scope is copied from the uploader's session at upload time: the job
 * has no session. The file's text is kept only until the run has finished.
 */
export const importRunStatus = pgEnum('import_run_status', importRunStatuses)

export type ImportRunReport = {
  errors: { record: number; field: string; reason: string }[]
  warnings: { record: number; field: string; reason: string }[]
}

export const importRuns = pgTable(
  'import_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    // Scope: an employer imports only its own enterprise number, a regional admin only within its regions.
    onlyEnterpriseNumber: text('only_enterprise_number'),
    regionCodes: text('region_codes').array(),
    fileName: text('file_name').notNull(),
    content: text('content'),
    status: importRunStatus('status').notNull().default('queued'),
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    imported: integer('imported'),
    updated: integer('updated'),
    report: jsonb('report').$type<ImportRunReport>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_runs_created_by_idx').on(t.createdBy, t.createdAt)],
)
