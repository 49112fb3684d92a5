import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm'
import { rolesWith } from '#domain/permissions'
import type { SessionUser } from '#domain/session-user'
import type { TransferRequestInput } from '#domain/trajectory-transfer'
import type { Tx } from '#db/client'
import { municipalities, organisationMunicipalities, organisations, trajectories, trajectoryShares, trajectoryTransfers, users } from '#db/schema'
import { audit } from './audit'
import { ownOrganisation } from './clients'
import { lockOpenTrajectory } from './trajectories'
import { insertHandOverShare, ownLatestTrajectoryId } from './trajectory-shares'

/**
 * Moving house, the sender's side (issue 13): the owning begeleider proposes the open trajectory to an OCMW or VDAB
 * team serving the new municipality, with a warm-hand-over note. The receiver reads the trajectory through a
 * `hand_over` share while it decides (never the confidential notes); withdrawing revokes that share.
 * The receiver's side is db/queries/trajectory-transfer-decisions.ts.
 */

/** Active OCMWs and VDAB teams serving the municipality, except the user's own organisation. */
export function transferTargets(tx: Tx, user: SessionUser, municipalityNis: string) {
  return tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisationMunicipalities)
    .innerJoin(organisations, eq(organisations.id, organisationMunicipalities.organisationId))
    .where(
      and(
        eq(organisationMunicipalities.municipalityNis, municipalityNis),
        inArray(organisations.type, ['ocmw', 'vdab']),
        isNull(organisations.deactivatedAt),
        ne(organisations.id, ownOrganisation(user)),
      ),
    )
    .orderBy(asc(organisations.name))
}

/** The client's latest trajectory (is it open?) and its transfers, newest first (a pending one is the first); audited as a read. */
export async function transfersOfClientTrajectory(tx: Tx, user: SessionUser, clientId: string) {
  const trajectoryId = await ownLatestTrajectoryId(tx, user, clientId)
  if (!trajectoryId) return null
  const [trajectory] = await tx.select({ status: trajectories.status }).from(trajectories).where(eq(trajectories.id, trajectoryId))
  const transfers = await tx
    .select({
      id: trajectoryTransfers.id,
      to: organisations.name,
      municipality: municipalities.name,
      note: trajectoryTransfers.note,
      status: trajectoryTransfers.status,
      declineReason: trajectoryTransfers.declineReason,
      requestedAt: trajectoryTransfers.requestedAt,
      decidedAt: trajectoryTransfers.decidedAt,
    })
    .from(trajectoryTransfers)
    .innerJoin(organisations, eq(organisations.id, trajectoryTransfers.toOrganisationId))
    .innerJoin(municipalities, eq(municipalities.nis, trajectoryTransfers.newMunicipalityNis))
    .where(eq(trajectoryTransfers.trajectoryId, trajectoryId))
    .orderBy(desc(trajectoryTransfers.requestedAt))
  const details = { count: transfers.length }
  await audit(tx, { actorUserId: user.id, organisationId: user.organisation.id, action: 'trajectory.transfers-read', subjectType: 'trajectory', subjectId: trajectoryId, details })
  return { trajectoryId, open: trajectory?.status === 'active' || trajectory?.status === 'suspended', transfers }
}

/** The people of an organisation who take in a trajectory (its begeleiders, not disabled): whom to tell. */
export function organisationBegeleiders(tx: Tx, organisationId: string) {
  return tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), inArray(users.role, rolesWith('client:manage-own-org')), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
}

export type TransferRequestOutcome =
  | { kind: 'requested'; transferId: string; recipients: { email: string; name: string }[] }
  | { kind: 'not-found' }
  | { kind: 'not-a-target' }
  | { kind: 'already-pending' }

/** Proposes the client's open trajectory to a receiving organisation and shares it with them for the decision. */
export async function requestTransfer(tx: Tx, user: SessionUser, clientId: string, input: TransferRequestInput): Promise<TransferRequestOutcome> {
  const organisationId = ownOrganisation(user)
  const open = await lockOpenTrajectory(tx, organisationId, clientId)
  if (!open) return { kind: 'not-found' }
  const targets = await transferTargets(tx, user, input.municipalityNis)
  if (!targets.some((t) => t.id === input.organisationId)) return { kind: 'not-a-target' }
  const [row] = await tx
    .insert(trajectoryTransfers)
    .values({
      trajectoryId: open.id,
      fromOrganisationId: organisationId,
      toOrganisationId: input.organisationId,
      newMunicipalityNis: input.municipalityNis,
      note: input.note,
      requestedByUserId: user.id,
    })
    .onConflictDoNothing()
    .returning({ id: trajectoryTransfers.id })
  if (!row) return { kind: 'already-pending' }
  const shareId = await insertHandOverShare(tx, { actorUserId: user.id, trajectoryId: open.id, organisationId: input.organisationId })
  const details = { transferId: row.id, toOrganisationId: input.organisationId, municipalityNis: input.municipalityNis, shareId }
  await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.transfer-request', subjectType: 'trajectory', subjectId: open.id, details })
  return { kind: 'requested', transferId: row.id, recipients: await organisationBegeleiders(tx, input.organisationId) }
}

/** Revokes the receiver's hand-over share of a transfer that did not go through (withdrawn or declined). */
export async function revokeTransferShare(tx: Tx, transfer: { trajectoryId: string; toOrganisationId: string }) {
  const [share] = await tx
    .update(trajectoryShares)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(trajectoryShares.trajectoryId, transfer.trajectoryId),
        eq(trajectoryShares.organisationId, transfer.toOrganisationId),
        eq(trajectoryShares.basis, 'hand_over'),
        isNull(trajectoryShares.revokedAt),
      ),
    )
    .returning({ id: trajectoryShares.id })
  return share?.id ?? null
}

/**
 * Withdraws the pending transfer of the client's latest trajectory: the receiver can no longer read it. Also once
 * the trajectory was closed meanwhile, so a transfer that can no longer be accepted does not linger.
 */
export async function withdrawTransfer(tx: Tx, user: SessionUser, clientId: string) {
  const organisationId = ownOrganisation(user)
  const trajectoryId = await ownLatestTrajectoryId(tx, user, clientId)
  if (!trajectoryId) return { kind: 'not-found' } as const
  const [row] = await tx
    .update(trajectoryTransfers)
    .set({ status: 'withdrawn', decidedByUserId: user.id, decidedAt: sql`now()` })
    .where(and(eq(trajectoryTransfers.trajectoryId, trajectoryId), eq(trajectoryTransfers.status, 'pending')))
    .returning({ id: trajectoryTransfers.id, trajectoryId: trajectoryTransfers.trajectoryId, toOrganisationId: trajectoryTransfers.toOrganisationId })
  if (!row) return { kind: 'not-found' } as const
  const shareId = await revokeTransferShare(tx, row)
  await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.transfer-withdraw', subjectType: 'trajectory', subjectId: trajectoryId, details: { transferId: row.id, shareId } })
  return { kind: 'withdrawn' } as const
}

