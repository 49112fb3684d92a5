import { and, asc, eq } from 'drizzle-orm'
import type { NoteInput } from '#domain/trajectory-sharing-forms'
import type { SessionUser } from '#domain/session-user'
import type { Tx } from '#db/client'
import { trajectoryNotes, users } from '#db/schema'
import { audit } from './audit'
import { ownLatestTrajectoryId } from './trajectory-shares'

/**
 * The begeleider's notes on the client's latest trajectory. Only the owning organisation reaches these functions
 * (ownLatestTrajectoryId), so only it ever sees a confidential note; what is shared or exported reads
 * `sharedNotes`, which leaves confidential notes out in its SQL.
 */
export async function addNote(tx: Tx, user: SessionUser, clientId: string, input: NoteInput) {
  const trajectoryId = await ownLatestTrajectoryId(tx, user, clientId)
  if (!trajectoryId) return { kind: 'not-found' } as const
  const confidential = input.confidential === 'yes'
  const [row] = await tx.insert(trajectoryNotes).values({ trajectoryId, body: input.body, confidential, authorUserId: user.id }).returning({ id: trajectoryNotes.id })
  await audit(tx, { actorUserId: user.id, organisationId: user.organisation.id, action: 'trajectory.note', subjectType: 'trajectory', subjectId: trajectoryId, details: { noteId: row!.id, confidential } })
  return { kind: 'added' } as const
}

/** Every note of the client's latest trajectory, the confidential zone included, oldest first; audited as a read. */
export async function ownTrajectoryNotes(tx: Tx, user: SessionUser, clientId: string) {
  const trajectoryId = await ownLatestTrajectoryId(tx, user, clientId)
  if (!trajectoryId) return null
  const notes = await tx
    .select({ id: trajectoryNotes.id, body: trajectoryNotes.body, confidential: trajectoryNotes.confidential, createdAt: trajectoryNotes.createdAt, author: users.name })
    .from(trajectoryNotes)
    .leftJoin(users, eq(users.id, trajectoryNotes.authorUserId))
    .where(eq(trajectoryNotes.trajectoryId, trajectoryId))
    .orderBy(asc(trajectoryNotes.createdAt))
  await audit(tx, { actorUserId: user.id, organisationId: user.organisation.id, action: 'trajectory.notes-read', subjectType: 'trajectory', subjectId: trajectoryId, details: { count: notes.length } })
  return { trajectoryId, notes }
}

/** The notes that may leave the owning organisation: never a confidential one. The caller checked access and audits. */
export function sharedNotes(tx: Tx, trajectoryId: string) {
  return tx
    .select({ id: trajectoryNotes.id, body: trajectoryNotes.body, createdAt: trajectoryNotes.createdAt })
    .from(trajectoryNotes)
    .where(and(eq(trajectoryNotes.trajectoryId, trajectoryId), eq(trajectoryNotes.confidential, false)))
    .orderBy(asc(trajectoryNotes.createdAt))
}
