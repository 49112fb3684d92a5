import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { PopInput } from '#domain/trajectory-form'
import type { SessionUser } from '#domain/session-user'
import { isUuid } from '#domain/ids'
import type { Tx } from '#db/client'
import { clients, occupations, organisations, placements, popVersions, proposals, trajectories, trajectoryFinalReports, trajectoryPhases, trajectorySuspensions, trajectoryTrainings, users } from '#db/schema'
import { audit } from './audit'
import { ownOrganisation } from './clients'

/**
 * TWE trajectories (issue 13), owned by the client's organisation: every function takes the session user and
 * reaches only trajectories of clients of the user's own organisation. Reads and changes are audited with ids only.
 */
export type TrajectoryWrite = {
  kind: 'twe_art60' | 'twe_wz'
  entryReason: string
  criteriaAssessedOn: string | null
  startOn: string
  contractStartOn: string | null
  firstPhase: { proposalId: string; plannedEndOn: string | null } | { externalWorkplace: string; plannedEndOn: string | null } | null
}

export type StartOutcome = { kind: 'started'; id: string } | { kind: 'client-not-found' } | { kind: 'already-open' } | { kind: 'proposal-not-accepted' }

const ownClient = (organisationId: string, clientId: string) =>
  and(eq(clients.id, clientId), eq(clients.organisationId, organisationId), isNull(clients.anonymisedAt), isNull(clients.closedAt))

/** Starts the client's trajectory with its first phase; one open trajectory per client (the client row is locked). */
export async function insertTrajectory(tx: Tx, user: SessionUser, clientId: string, input: TrajectoryWrite): Promise<StartOutcome> {
  const organisationId = ownOrganisation(user)
  if (!isUuid(clientId)) return { kind: 'client-not-found' }
  const [client] = await tx.select({ id: clients.id }).from(clients).where(ownClient(organisationId, clientId)).for('update')
  if (!client) return { kind: 'client-not-found' }
  if (await openTrajectoryId(tx, clientId)) return { kind: 'already-open' }
  let phase: { placementId: string | null; proposalId: string | null; externalWorkplace: string | null } | null = null
  const first = input.firstPhase
  if (first && 'proposalId' in first) {
    const accepted = (await acceptedProposals(tx, user, clientId)).find((p) => p.id === first.proposalId)
    if (!accepted) return { kind: 'proposal-not-accepted' }
    phase = { placementId: accepted.placementId, proposalId: accepted.id, externalWorkplace: null }
  } else if (first) {
    phase = { placementId: null, proposalId: null, externalWorkplace: first.externalWorkplace }
  }
  const [row] = await tx
    .insert(trajectories)
    .values({
      clientId,
      organisationId,
      kind: input.kind,
      entryReason: input.entryReason,
      begeleiderUserId: user.id,
      criteriaAssessedOn: input.kind === 'twe_art60' ? input.criteriaAssessedOn : null,
      referralOn: input.kind === 'twe_wz' ? input.startOn : null,
      startOn: input.startOn,
      contractStartOn: input.kind === 'twe_art60' ? input.contractStartOn : null,
    })
    .returning({ id: trajectories.id })
  if (!row) throw new Error('trajectory insert returned nothing')
  if (phase) await tx.insert(trajectoryPhases).values({ trajectoryId: row.id, position: 1, ...phase, startOn: input.startOn, plannedEndOn: first?.plannedEndOn ?? null })
  await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.start', subjectType: 'trajectory', subjectId: row.id, details: { clientId, kind: input.kind, phase: phase ? 1 : 0 } })
  return { kind: 'started', id: row.id }
}

/** The client's open (active or suspended) trajectory of the organisation, locked until the transaction ends; undefined for none or a malformed id. */
export async function lockOpenTrajectory(tx: Tx, organisationId: string, clientId: string) {
  if (!isUuid(clientId)) return undefined
  const [open] = await tx
    .select({ id: trajectories.id, status: trajectories.status, startOn: trajectories.startOn })
    .from(trajectories)
    .where(and(eq(trajectories.clientId, clientId), eq(trajectories.organisationId, organisationId), inArray(trajectories.status, ['active', 'suspended'])))
    .for('update')
  return open
}

async function openTrajectoryId(tx: Tx, clientId: string) {
  const [open] = await tx
    .select({ id: trajectories.id })
    .from(trajectories)
    .where(and(eq(trajectories.clientId, clientId), inArray(trajectories.status, ['active', 'suspended'])))
  return open?.id
}

/** The client's accepted proposals: each can start phase 1 at its placement. */
export async function acceptedProposals(tx: Tx, user: SessionUser, clientId: string) {
  const organisationId = ownOrganisation(user)
  if (!isUuid(clientId)) return []
  return tx
    .select({ id: proposals.id, placementId: proposals.placementId, title: placements.title, employer: organisations.name, decidedAt: proposals.decidedAt })
    .from(proposals)
    .innerJoin(placements, eq(placements.id, proposals.placementId))
    .innerJoin(organisations, eq(organisations.id, placements.organisationId))
    .where(and(eq(proposals.clientId, clientId), eq(proposals.organisationId, organisationId), eq(proposals.status, 'accepted')))
    .orderBy(desc(proposals.decidedAt))
}

/** The client's latest trajectory (open or not) with its phases and POP versions, newest POP first; audited as a read. */
export async function getClientTrajectory(tx: Tx, user: SessionUser, clientId: string) {
  const organisationId = ownOrganisation(user)
  if (!isUuid(clientId)) return null
  const [row] = await tx
    .select({ trajectory: trajectories, begeleider: users.name })
    .from(trajectories)
    .innerJoin(clients, eq(clients.id, trajectories.clientId))
    .leftJoin(users, eq(users.id, trajectories.begeleiderUserId))
    .where(and(eq(trajectories.clientId, clientId), eq(trajectories.organisationId, organisationId), isNull(clients.anonymisedAt)))
    .orderBy(desc(trajectories.createdAt))
    .limit(1)
  if (!row) return null
  const id = row.trajectory.id
  const [phases, pops, reports, suspensions, trainings] = await Promise.all([
    tx
      .select({ phase: trajectoryPhases, placementTitle: placements.title, employer: organisations.name })
      .from(trajectoryPhases)
      .leftJoin(placements, eq(placements.id, trajectoryPhases.placementId))
      .leftJoin(organisations, eq(organisations.id, placements.organisationId))
      .where(eq(trajectoryPhases.trajectoryId, id))
      .orderBy(asc(trajectoryPhases.position)),
    tx.select().from(popVersions).where(eq(popVersions.trajectoryId, id)).orderBy(desc(popVersions.version)),
    tx.select().from(trajectoryFinalReports).where(eq(trajectoryFinalReports.trajectoryId, id)),
    tx.select().from(trajectorySuspensions).where(eq(trajectorySuspensions.trajectoryId, id)).orderBy(asc(trajectorySuspensions.fromOn)),
    tx.select().from(trajectoryTrainings).where(eq(trajectoryTrainings.trajectoryId, id)).orderBy(asc(trajectoryTrainings.requestedOn), asc(trajectoryTrainings.createdAt)),
  ])
  await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.read', subjectType: 'trajectory', subjectId: id, details: { clientId } })
  const phaseList = phases.map((p) => ({ ...p.phase, placementTitle: p.placementTitle, employer: p.employer }))
  return { ...row.trajectory, begeleider: row.begeleider, phases: phaseList, pops, finalReport: reports[0] ?? null, suspensions, trainings }
}

export type ClientTrajectory = NonNullable<Awaited<ReturnType<typeof getClientTrajectory>>>

/** Appends a POP version to the client's open trajectory (never changes one); the trajectory row is locked for the number. */
export async function addPopVersion(tx: Tx, user: SessionUser, clientId: string, input: PopInput & { jobTargets: string[] }) {
  const organisationId = ownOrganisation(user)
  const open = await lockOpenTrajectory(tx, organisationId, clientId)
  if (!open) return { kind: 'not-found' } as const
  const known = await tx.select({ uri: occupations.uri }).from(occupations).where(inArray(occupations.uri, input.jobTargets))
  if (known.length !== new Set(input.jobTargets).size) return { kind: 'unknown-occupation' } as const
  const [last] = await tx.select({ version: sql<number>`max(${popVersions.version})` }).from(popVersions).where(eq(popVersions.trajectoryId, open.id))
  const version = (last?.version ?? 0) + 1
  if (version > 1 && !input.changeNote) return { kind: 'note-required' } as const
  await tx.insert(popVersions).values({
    trajectoryId: open.id,
    version,
    jobTargets: input.jobTargets,
    competences: input.competences,
    actions: input.actions,
    agreements: input.agreements,
    changeNote: input.changeNote || null,
    createdByUserId: user.id,
  })
  await tx.update(trajectories).set({ updatedAt: sql`now()` }).where(eq(trajectories.id, open.id))
  await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.pop-version', subjectType: 'trajectory', subjectId: open.id, details: { version } })
  return { kind: 'added', version } as const
}
