import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { SessionUser } from '#domain/session-user'
import { isUuid } from '#domain/ids'
import type { Tx } from '#db/client'
import { clients, municipalities, organisations, popVersions, trajectories, trajectorySuspensions, trajectoryTransfers, users } from '#db/schema'
import { audit } from './audit'
import { ownOrganisation } from './clients'
import { endOpenPhases } from './trajectory-course'
import { revokeTransferShare } from './trajectory-transfers'

/**
 * Moving house, the receiver's side (issue 13): the OCMW or VDAB team a trajectory was proposed to sees it, reads it
 * through the hand-over share, and accepts (a new client and trajectory of its own, the old one stopped with reason
 * `moved`) or declines with a reason. Only pending and accepted transfers to the user's organisation exist here;
 * any other id is not found.
 */
// Pending or accepted only: after a withdrawal or its own refusal the team has no reason to keep reading the note.
const incoming = (organisationId: string) =>
  and(eq(trajectoryTransfers.toOrganisationId, organisationId), inArray(trajectoryTransfers.status, ['pending', 'accepted']), isNull(clients.anonymisedAt))

/** The number of transfers waiting for the user's organisation (the home page's prompt). */
export async function pendingTransferCount(tx: Tx, user: SessionUser) {
  const [row] = await tx
    .select({ n: count() })
    .from(trajectoryTransfers)
    .innerJoin(trajectories, eq(trajectories.id, trajectoryTransfers.trajectoryId))
    .innerJoin(clients, eq(clients.id, trajectories.clientId))
    .where(and(incoming(ownOrganisation(user)), eq(trajectoryTransfers.status, 'pending')))
  return row?.n ?? 0
}

function selectIncoming(tx: Tx) {
  return tx
    .select({
      id: trajectoryTransfers.id,
      trajectoryId: trajectoryTransfers.trajectoryId,
      client: clients.displayName,
      from: organisations.name,
      municipality: municipalities.name,
      kind: trajectories.kind,
      startOn: trajectories.startOn,
      note: trajectoryTransfers.note,
      status: trajectoryTransfers.status,
      requestedAt: trajectoryTransfers.requestedAt,
      decidedAt: trajectoryTransfers.decidedAt,
      newTrajectoryId: trajectoryTransfers.newTrajectoryId,
    })
    .from(trajectoryTransfers)
    .innerJoin(trajectories, eq(trajectories.id, trajectoryTransfers.trajectoryId))
    .innerJoin(clients, eq(clients.id, trajectories.clientId))
    .innerJoin(organisations, eq(organisations.id, trajectoryTransfers.fromOrganisationId))
    .innerJoin(municipalities, eq(municipalities.nis, trajectoryTransfers.newMunicipalityNis))
}

/** The transfers proposed to the user's organisation, newest first; audited as a read with the count only. */
export async function incomingTransfers(tx: Tx, user: SessionUser) {
  const organisationId = ownOrganisation(user)
  const rows = await selectIncoming(tx).where(incoming(organisationId)).orderBy(desc(trajectoryTransfers.requestedAt))
  await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.transfer-list', subjectType: 'organisation', subjectId: organisationId, details: { count: rows.length } })
  return rows
}

/** One transfer proposed to the user's organisation, with the new client's id once accepted; null for any other id. */
export async function incomingTransfer(tx: Tx, user: SessionUser, transferId: string) {
  const organisationId = ownOrganisation(user)
  if (!isUuid(transferId)) return null
  const [row] = await selectIncoming(tx).where(and(incoming(organisationId), eq(trajectoryTransfers.id, transferId)))
  if (!row) return null
  const [created] = row.newTrajectoryId ? await tx.select({ clientId: trajectories.clientId }).from(trajectories).where(eq(trajectories.id, row.newTrajectoryId)) : []
  await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.transfer-read', subjectType: 'trajectory', subjectId: row.trajectoryId, details: { transferId } })
  return { ...row, newClientId: created?.clientId ?? null }
}

/** The pending transfer to the user's organisation, locked for the decision. */
async function lockPending(tx: Tx, organisationId: string, transferId: string) {
  if (!isUuid(transferId)) return undefined
  const [row] = await tx
    .select()
    .from(trajectoryTransfers)
    .where(and(eq(trajectoryTransfers.id, transferId), eq(trajectoryTransfers.toOrganisationId, organisationId), eq(trajectoryTransfers.status, 'pending')))
    .for('update')
  return row
}

/** Whom to tell about the decision: the sender's begeleider, or the one who asked when that account is gone. */
async function senderContact(tx: Tx, trajectoryId: string, requestedByUserId: string | null) {
  const [t] = await tx.select({ clientId: trajectories.clientId, begeleiderUserId: trajectories.begeleiderUserId }).from(trajectories).where(eq(trajectories.id, trajectoryId))
  const ids = [t?.begeleiderUserId, requestedByUserId].filter((id): id is string => Boolean(id))
  if (!t || ids.length === 0) return null
  const found = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users).where(and(inArray(users.id, ids), isNull(users.disabledAt)))
  const to = found.find((u) => u.id === ids[0]) ?? found[0]
  return to ? { email: to.email, name: to.name, clientId: t.clientId } : null
}

type Contact = Awaited<ReturnType<typeof senderContact>>

export type TransferDecisionOutcome =
  | { kind: 'declined'; notify: Contact }
  | { kind: 'accepted'; clientId: string; notify: Contact }
  | { kind: 'not-found' }
  | { kind: 'not-open' }

/** Declines a pending transfer with a reason: the share is revoked, nothing is created. */
export async function declineTransfer(tx: Tx, user: SessionUser, transferId: string, reason: string): Promise<TransferDecisionOutcome> {
  const organisationId = ownOrganisation(user)
  const transfer = await lockPending(tx, organisationId, transferId)
  if (!transfer) return { kind: 'not-found' }
  await tx.update(trajectoryTransfers).set({ status: 'declined', declineReason: reason, decidedByUserId: user.id, decidedAt: sql`now()` }).where(eq(trajectoryTransfers.id, transfer.id))
  const shareId = await revokeTransferShare(tx, transfer)
  await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.transfer-decline', subjectType: 'trajectory', subjectId: transfer.trajectoryId, details: { transferId, shareId } })
  return { kind: 'declined', notify: await senderContact(tx, transfer.trajectoryId, transfer.requestedByUserId) }
}

/**
 * Accepts a pending transfer in one go: a client record of the receiving organisation with only what matching needs
 * (no contact, no notes: the new team asks the person), a trajectory with the same kind, reason and dates (the
 * 24-month limits keep counting) and the sender's latest POP as version 1, and the sender's trajectory stopped with
 * reason `moved` on `today`. The hand-over share stays, so the new team keeps reading the history.
 */
export async function acceptTransfer(tx: Tx, user: SessionUser, transferId: string, today: string): Promise<TransferDecisionOutcome> {
  const organisationId = ownOrganisation(user)
  const transfer = await lockPending(tx, organisationId, transferId)
  if (!transfer) return { kind: 'not-found' }
  const [old] = await tx
    .select()
    .from(trajectories)
    .where(and(eq(trajectories.id, transfer.trajectoryId), inArray(trajectories.status, ['active', 'suspended'])))
    .for('update')
  if (!old) return { kind: 'not-open' }
  const [client] = await tx.select().from(clients).where(eq(clients.id, old.clientId))
  const [from] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, transfer.fromOrganisationId))
  const { displayName, firstName, jobTargets, competences, dutchLevel, hoursAvailable, maxDistanceKm, instruments } = client!
  const [newClient] = await tx
    .insert(clients)
    .values({ organisationId, caseworkerUserId: user.id, homeMunicipalityNis: transfer.newMunicipalityNis, displayName, firstName, jobTargets, competences, dutchLevel, hoursAvailable, maxDistanceKm, instruments })
    .returning({ id: clients.id })
  const { kind, entryReason, criteriaAssessedOn, referralOn, startOn, contractStartOn } = old
  const [created] = await tx
    .insert(trajectories)
    .values({ clientId: newClient!.id, organisationId, begeleiderUserId: user.id, kind, entryReason, criteriaAssessedOn, referralOn, startOn, contractStartOn })
    .returning({ id: trajectories.id })
  const [pop] = await tx.select().from(popVersions).where(eq(popVersions.trajectoryId, old.id)).orderBy(desc(popVersions.version)).limit(1)
  if (pop) {
    const { jobTargets: popTargets, competences: popCompetences, actions, agreements } = pop
    const changeNote = `Overgenomen van ${from!.name} na verhuis`
    await tx.insert(popVersions).values({ trajectoryId: created!.id, version: 1, jobTargets: popTargets, competences: popCompetences, actions, agreements, changeNote, createdByUserId: user.id })
  }
  const endedOn = today > old.startOn ? today : old.startOn
  await tx.update(trajectories).set({ status: 'stopped', stopReason: 'moved', endedOn, updatedAt: sql`now()` }).where(eq(trajectories.id, old.id))
  await endOpenPhases(tx, old.id, endedOn)
  await tx
    .update(trajectorySuspensions)
    .set({ toOn: sql`greatest(${trajectorySuspensions.fromOn}, ${endedOn}::date)` })
    .where(and(eq(trajectorySuspensions.trajectoryId, old.id), isNull(trajectorySuspensions.toOn)))
  await tx.update(trajectoryTransfers).set({ status: 'accepted', decidedByUserId: user.id, decidedAt: sql`now()`, newTrajectoryId: created!.id }).where(eq(trajectoryTransfers.id, transfer.id))
  const details = { transferId, fromTrajectoryId: old.id, newTrajectoryId: created!.id }
  await audit(tx, { actorUserId: user.id, organisationId, action: 'client.create', subjectType: 'client', subjectId: newClient!.id, details: { transferId } })
  await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.transfer-accept', subjectType: 'trajectory', subjectId: created!.id, details })
  await audit(tx, { actorUserId: user.id, organisationId: transfer.fromOrganisationId, action: 'trajectory.stop', subjectType: 'trajectory', subjectId: old.id, details: { transferId, stopReason: 'moved' } })
  return { kind: 'accepted', clientId: newClient!.id, notify: await senderContact(tx, old.id, transfer.requestedByUserId) }
}
