import type { Tx } from '#db/client'
import { trajectoryReminders } from '#db/schema'

/** Marks a reminder as sent; false when it already was (so the caller sends nothing). */
export async function claimReminder(tx: Tx, trajectoryId: string, dueOn: string, kind: string) {
  const rows = await tx.insert(trajectoryReminders).values({ trajectoryId, dueOn, kind }).onConflictDoNothing().returning({ kind: trajectoryReminders.kind })
  return rows.length === 1
}
