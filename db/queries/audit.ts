import type { Tx } from '../client'
import { auditLog } from '../schema'

export type AuditEntry = {
  actorUserId: string | null
  organisationId?: string | null
  action: string
  subjectType: string
  subjectId?: string | null
  details?: Record<string, unknown>
}

/** Appends to the audit log in the caller's transaction: the entry exists exactly when the change does. */
export async function audit(tx: Tx, entry: AuditEntry) {
  await tx.insert(auditLog).values(entry)
}
