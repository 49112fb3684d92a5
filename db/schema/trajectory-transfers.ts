import { sql } from 'drizzle-orm'
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { transferStatuses } from '#domain/trajectory-transfer'
import { organisations } from './organisations'
import { municipalities } from './reference'
import { trajectories } from './trajectories'
import { users } from './users'

export const transferStatus = pgEnum('trajectory_transfer_status', transferStatuses)

/**
 * A trajectory handed to the OCMW or VDAB team of the client's new municipality (issue 13): pending until the
 * receiver accepts (a new client and trajectory there, `newTrajectoryId`) or declines; the sender may withdraw.
 * The note and the decline reason are anonymised with the client's record (db/queries/client-retention.ts).
 */
export const trajectoryTransfers = pgTable(
  'trajectory_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trajectoryId: uuid('trajectory_id')
      .notNull()
      .references(() => trajectories.id, { onDelete: 'cascade' }),
    // Demo removal deletes demo organisations; real ones are deactivated, never deleted.
    fromOrganisationId: uuid('from_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    toOrganisationId: uuid('to_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    newMunicipalityNis: text('new_municipality_nis')
      .notNull()
      .references(() => municipalities.nis),
    /** The warm-hand-over note for the receiving team; empty only once anonymised. */
    note: text('note').notNull(),
    status: transferStatus('status').notNull().default('pending'),
    declineReason: text('decline_reason'),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    newTrajectoryId: uuid('new_trajectory_id').references(() => trajectories.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('trajectory_transfers_pending_idx').on(t.trajectoryId).where(sql`${t.status} = 'pending'`),
    index('trajectory_transfers_to_idx').on(t.toOrganisationId, t.status),
    check('trajectory_transfers_other_org', sql`${t.fromOrganisationId} <> ${t.toOrganisationId}`),
    check('trajectory_transfers_decided', sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`),
    check('trajectory_transfers_texts', sql`length(${t.note}) <= 2000 and length(coalesce(${t.declineReason}, '')) <= 1000`),
  ],
)
