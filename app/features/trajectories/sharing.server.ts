import type { SessionUser } from '#domain/session-user'
import type { NoteInput, ShareInput } from '#domain/trajectory-sharing-forms'
import { brusselsDate } from '#domain/intake-working-days'
import { type ExportChannel, readTrajectoryExport, type TrajectoryExport } from '#db/queries/trajectory-export'
import { addNote, ownTrajectoryNotes } from '#db/queries/trajectory-notes'
import { type ConsentOutcome, ownLatestTrajectoryId, recordConsent, revokeShare, sharesOfClientTrajectory, trajectoriesSharedWith, vdabTeamsForClient } from '#db/queries/trajectory-shares'
import { requireClient } from '#app/features/clients/client-editor.server'
import { db } from '#app/utils/db.server'
import { jsonDownload } from '#app/utils/json-download.server'

/**
 * Notes (with the confidential zone), sharing with a VDAB team and the export for VDAB's client file (issue 13).
 * Every read goes through db/queries, which decide access from the user's organisation: the owner, or a team with an
 * active share. Anything else is the same 404 as an id that does not exist, so ids are not confirmed.
 */
const noTrajectory = () => new Response('Dit traject bestaat niet of je organisatie mag het niet lezen.', { status: 404 })

export async function loadNotesPage(user: SessionUser, clientId: string | undefined) {
  const client = await requireClient(user, clientId, 'view')
  const found = await db().transaction((tx) => ownTrajectoryNotes(tx, user, client.id))
  if (!found) throw noTrajectory()
  return { client: { id: client.id, displayName: client.displayName }, notes: found.notes }
}

export function saveNote(user: SessionUser, clientId: string, value: NoteInput) {
  return db().transaction((tx) => addNote(tx, user, clientId, value))
}

export async function loadSharingPage(user: SessionUser, clientId: string | undefined) {
  const client = await requireClient(user, clientId, 'view')
  const [found, teams] = await db().transaction((tx) => Promise.all([sharesOfClientTrajectory(tx, user, client.id), vdabTeamsForClient(tx, user, client.id)]))
  if (!found) throw noTrajectory()
  return { client: { id: client.id, displayName: client.displayName }, today: brusselsDate(), shares: found.shares, teams }
}

export function changeShare(user: SessionUser, clientId: string, value: ShareInput) {
  return db().transaction<ConsentOutcome | Awaited<ReturnType<typeof revokeShare>>>((tx) =>
    value.intent === 'consent' ? recordConsent(tx, user, clientId, { organisationId: value.organisationId, consentOn: value.consentOn }) : revokeShare(tx, user, clientId, value.shareId),
  )
}

/** The trajectory's export for a reader (owner or shared); null when the user's organisation may not read it. */
export function findTrajectoryExport(user: SessionUser, trajectoryId: string | undefined, channel: ExportChannel) {
  return trajectoryId ? db().transaction((tx) => readTrajectoryExport(tx, user, trajectoryId, channel)) : Promise.resolve(null)
}

/** As findTrajectoryExport, for a page: a thrown 404 instead of null. */
export async function requireTrajectoryExport(user: SessionUser, trajectoryId: string | undefined, channel: ExportChannel) {
  const found = await findTrajectoryExport(user, trajectoryId, channel)
  if (!found) throw noTrajectory()
  return found
}

/** The export of the client's latest trajectory, for its owner. */
export async function requireClientTrajectoryExport(user: SessionUser, clientId: string | undefined) {
  const client = await requireClient(user, clientId, 'view')
  const trajectoryId = await ownLatestTrajectoryId(db(), user, client.id)
  return requireTrajectoryExport(user, trajectoryId, 'download')
}

export function loadSharedTrajectories(user: SessionUser) {
  return db().transaction((tx) => trajectoriesSharedWith(tx, user))
}

/** The export as a file to save, named after the trajectory's id (no client name in it). */
export const exportDownload = (data: TrajectoryExport) => jsonDownload(data, `traject-${data.id}.json`)
