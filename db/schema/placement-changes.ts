import { sql } from 'drizzle-orm'
import { bigserial, customType, index, pgEnum, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core'

/** PostgreSQL's 64-bit transaction id; read as text, so a cursor never loses precision in a JS number. */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' })

export const placementChangeKind = pgEnum('placement_change_kind', ['upsert', 'remove'])

/**
 * The change feed of public placements (GET /api/v1/placements/changes). Filled only by the trigger of
 * migration 0023_placement_changes on `placements`, so no write path (editor, import, status actions, erasure)
 * can be missed. No foreign key to placements: a deleted placement's tombstone must outlive it.
 * `xid` is the writing transaction: the reader hands out only changes of transactions older than every running
 * one (pg_snapshot_xmin), ordered by (xid, seq), so a transaction that commits late can never land behind a
 * cursor already given out.
 */
export const placementChanges = pgTable(
  'placement_changes',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
    placementId: uuid('placement_id').notNull(),
    kind: placementChangeKind('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('placement_changes_cursor_idx').on(t.xid, t.seq), index('placement_changes_at_idx').on(t.at)],
)
