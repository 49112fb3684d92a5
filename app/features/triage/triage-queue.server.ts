import { db } from '#db/client'
import { sharedNotes } from '#db/queries/intake-notes'
import { listFollowedReferrals, listQueue } from '#db/queries/intake-queue'
import type { SessionUser } from '#domain/session-user'
import { todayIso } from '#domain/compensation-rules'
import type { QueueFilter } from '#domain/triage-forms'

/** The queue page: the organisation's intakes (audited as read) and the hand-overs it follows by status. */
export async function loadQueue(user: SessionUser, filter: QueueFilter) {
  const today = todayIso()
  return db().transaction(async (tx) => {
    const { rows, more } = await listQueue(tx, user, filter, today)
    return { rows, more, followed: await listFollowedReferrals(tx, user), today }
  })
}

/** The queue for a spreadsheet: the same rows, with the notes that may leave the portal (never a confidential one). */
export async function loadQueueExport(user: SessionUser, filter: QueueFilter) {
  const today = todayIso()
  return db().transaction(async (tx) => {
    const { rows } = await listQueue(tx, user, filter, today, 'export')
    const notes = await sharedNotes(
      tx,
      user,
      rows.map((row) => row.id),
    )
    return { rows, notes, today }
  })
}
