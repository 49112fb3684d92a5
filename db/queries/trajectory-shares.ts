import { and, asc, desc, eq, isNull, or } from 'drizzle-orm'
import type { SessionUser } from '#domain/session-user'
import { isUuid } from '#domain/ids'
import type { Tx } from '#db/client'
import { clients, organisationMunicipalities, organisations, trajectories, trajectoryShares } from '#db/schema'
import { audit } from './audit'
import { ownOrganisation } from './clients'

/**
 * Who besides the owner may read a trajectory (issue 13): a VDAB team, only after a warm hand-over or with the
 * client's consent, recorded by the owning organisation's begeleider and revocable. A share is never deleted, only
 * revoked, so the audit trail keeps who could read what when. Confidential notes are never part of what is shared.
 */
export type TrajectoryAccess = { trajectoryId: string; clientId: string; ownerOrganisationId: string; access: 'owner' | 'shared' }

/** How `organisationId` may read the trajectory: as its owner, through an active share, or not at all (null, also for a malformed id). */
export async function trajectoryAccess(tx: Tx, organisationId: string, trajectoryId: string): Promise<TrajectoryAccess | null> {
  if (!isUuid(trajectoryId)) return null
  const [row] = await tx
    .select({ trajectoryId: trajectories.id, clientId: trajectories.clientId, ownerOrganisationId: trajectories.organisationId, shareId: trajectoryShares.id })
    .from(trajectories)
    .innerJoin(clients, eq(clients.id, trajectories.clientId))
    .leftJoin(trajectoryShares, and(eq(trajectoryShares.trajectoryId, trajectories.id), eq(trajectoryShares.organisationId, organisationId), isNull(trajectoryShares.revokedAt)))
    .where(and(eq(trajectories.id, trajectoryId), isNull(clients.anonymisedAt), or(eq(trajectories.organisationId, organisationId), eq(trajectoryShares.organisationId, organisationId))))
    .limit(1)
  if (!row) return null
  const access = row.ownerOrganisationId === organisationId ? 'owner' : 'shared'
  return { trajectoryId: row.trajectoryId, clientId: row.clientId, ownerOrganisationId: row.ownerOrganisationId, access }
}

/** The id of the client's latest trajectory in the user's organisation (the one the trajectory page shows). */
export async function ownLatestTrajectoryId(tx: Tx, user: SessionUser, clientId: string) {
  const organisationId = ownOrganisation(user)
  if (!isUuid(clientId)) return undefined
  const [row] = await tx
    .select({ id: trajectories.id })
    .from(trajectories)
    .innerJoin(clients, eq(clients.id, trajectories.clientId))
    .where(and(eq(trajectories.clientId, clientId), eq(trajectories.organisationId, organisationId), isNull(clients.anonymisedAt)))
    .orderBy(desc(trajectories.createdAt))
    .limit(1)
  return row?.id
}

/** Active VDAB teams serving the client's home municipality: the teams the client can consent to share with. */
export async function vdabTeamsForClient(tx: Tx, user: SessionUser, clientId: string) {
  const organisationId = ownOrganisation(user)
  if (!isUuid(clientId)) return []
  return tx
    .select({ id: organisations.id, name: organisations.name })
    .from(clients)
    .innerJoin(organisationMunicipalities, eq(organisationMunicipalities.municipalityNis, clients.homeMunicipalityNis))
    .innerJoin(organisations, eq(organisations.id, organisationMunicipalities.organisationId))
    .where(and(eq(clients.id, clientId), eq(clients.organisationId, organisationId), eq(organisations.type, 'vdab'), isNull(organisations.deactivatedAt)))
    .orderBy(asc(organisations.name))
}

/** The shares of the client's latest trajectory, active first, with the team's name. */
export async function sharesOfClientTrajectory(tx: Tx, user: SessionUser, clientId: string) {
  const trajectoryId = await ownLatestTrajectoryId(tx, user, clientId)
  if (!trajectoryId) return null
  const shares = await tx
    .select({ id: trajectoryShares.id, organisation: organisations.name, basis: trajectoryShares.basis, consentOn: trajectoryShares.consentOn, createdAt: trajectoryShares.createdAt, revokedAt: trajectoryShares.revokedAt })
    .from(trajectoryShares)
    .innerJoin(organisations, eq(organisations.id, trajectoryShares.organisationId))
    .where(eq(trajectoryShares.trajectoryId, trajectoryId))
    .orderBy(asc(trajectoryShares.revokedAt), desc(trajectoryShares.createdAt))
  return { trajectoryId, shares }
}

export type ConsentOutcome = { kind: 'shared'; id: string } | { kind: 'not-found' } | { kind: 'not-a-team' } | { kind: 'already-shared' }

/** Records the client's consent to share the latest trajectory with a VDAB team serving the client's municipality. */
export async function recordConsent(tx: Tx, user: SessionUser, clientId: string, input: { organisationId: string; consentOn: string }): Promise<ConsentOutcome> {
  const trajectoryId = await ownLatestTrajectoryId(tx, user, clientId)
  if (!trajectoryId) return { kind: 'not-found' }
  const teams = await vdabTeamsForClient(tx, user, clientId)
  if (!teams.some((t) => t.id === input.organisationId)) return { kind: 'not-a-team' }
  const [row] = await tx
    .insert(trajectoryShares)
    .values({ trajectoryId, organisationId: input.organisationId, basis: 'consent', consentOn: input.consentOn, recordedByUserId: user.id })
    .onConflictDoNothing()
    .returning({ id: trajectoryShares.id })
  if (!row) return { kind: 'already-shared' }
  await audit(tx, { actorUserId: user.id, organisationId: user.organisation.id, action: 'trajectory.share', subjectType: 'trajectory', subjectId: trajectoryId, details: { shareId: row.id, organisationId: input.organisationId, basis: 'consent' } })
  return { kind: 'shared', id: row.id }
}

/**
 * Shares a trajectory with the organisation that takes the client over by warm hand-over (e.g. after moving
 * house). The caller decides when: a move shares as soon as it is proposed, so the receiving team reads the
 * trajectory before it decides (db/queries/trajectory-transfers.ts). An active share stays as it is. Returns its id.
 */
export async function insertHandOverShare(tx: Tx, input: { actorUserId: string; trajectoryId: string; organisationId: string }) {
  const [owner] = await tx.select({ organisationId: trajectories.organisationId }).from(trajectories).where(eq(trajectories.id, input.trajectoryId))
  if (!owner) throw new Error('hand-over share for an unknown trajectory')
  const [row] = await tx
    .insert(trajectoryShares)
    .values({ trajectoryId: input.trajectoryId, organisationId: input.organisationId, basis: 'hand_over', recordedByUserId: input.actorUserId })
    .onConflictDoNothing()
    .returning({ id: trajectoryShares.id })
  if (row) {
    const details = { shareId: row.id, organisationId: input.organisationId, basis: 'hand_over' }
    await audit(tx, { actorUserId: input.actorUserId, organisationId: owner.organisationId, action: 'trajectory.share', subjectType: 'trajectory', subjectId: input.trajectoryId, details })
    return row.id
  }
  const [active] = await tx
    .select({ id: trajectoryShares.id })
    .from(trajectoryShares)
    .where(and(eq(trajectoryShares.trajectoryId, input.trajectoryId), eq(trajectoryShares.organisationId, input.organisationId), isNull(trajectoryShares.revokedAt)))
  return active!.id
}

/** Revokes an active share of the client's latest trajectory: the team loses access at once. */
export async function revokeShare(tx: Tx, user: SessionUser, clientId: string, shareId: string) {
  const trajectoryId = await ownLatestTrajectoryId(tx, user, clientId)
  if (!trajectoryId) return { kind: 'not-found' } as const
  const [row] = await tx
    .update(trajectoryShares)
    .set({ revokedAt: new Date() })
    .where(and(eq(trajectoryShares.id, shareId), eq(trajectoryShares.trajectoryId, trajectoryId), isNull(trajectoryShares.revokedAt)))
    .returning({ organisationId: trajectoryShares.organisationId })
  if (!row) return { kind: 'not-found' } as const
  await audit(tx, { actorUserId: user.id, organisationId: user.organisation.id, action: 'trajectory.share-revoke', subjectType: 'trajectory', subjectId: trajectoryId, details: { shareId, organisationId: row.organisationId } })
  return { kind: 'revoked' } as const
}

/** The trajectories other organisations shared with the user's organisation, newest share first; audited as a read. */
export async function trajectoriesSharedWith(tx: Tx, user: SessionUser) {
  const organisationId = ownOrganisation(user)
  const rows = await tx
    .select({
      id: trajectories.id,
      client: clients.displayName,
      owner: organisations.name,
      kind: trajectories.kind,
      status: trajectories.status,
      startOn: trajectories.startOn,
      basis: trajectoryShares.basis,
      sharedAt: trajectoryShares.createdAt,
    })
    .from(trajectoryShares)
    .innerJoin(trajectories, eq(trajectories.id, trajectoryShares.trajectoryId))
    .innerJoin(clients, eq(clients.id, trajectories.clientId))
    .innerJoin(organisations, eq(organisations.id, trajectories.organisationId))
    .where(and(eq(trajectoryShares.organisationId, organisationId), isNull(trajectoryShares.revokedAt), isNull(clients.anonymisedAt)))
    .orderBy(desc(trajectoryShares.createdAt))
  await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.shared-list', subjectType: 'organisation', subjectId: organisationId, details: { count: rows.length } })
  return rows
}
