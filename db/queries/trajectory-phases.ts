import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { extensionNote, type PhaseInput } from '#domain/phase-form'
import type { SessionUser } from '#domain/session-user'
import type { Tx } from '#db/client'
import { popVersions, trajectories, trajectoryPhases } from '#db/schema'
import { audit } from './audit'
import { ownOrganisation } from './clients'
import { acceptedProposals, lockOpenTrajectory } from './trajectories'

export type PhaseOutcome =
  | { kind: 'added'; position: number }
  | { kind: 'extended'; popVersion: number }
  | { kind: 'not-found' }
  | { kind: 'proposal-not-accepted' }
  | { kind: 'no-running-phase' }
  | { kind: 'no-pop' }
  | { kind: 'unknown-goal'; goal: string }
  | { kind: 'too-early'; field: 'startOn' | 'plannedEndOn'; earliestOn: string }

/**
 * Rotation (issue 13): a new phase ends the running one on the day it starts; extending the running phase moves its
 * planned end and appends a POP version whose note is the motivation, so the plan's history says why.
 */
export async function changePhase(tx: Tx, user: SessionUser, clientId: string, input: PhaseInput): Promise<PhaseOutcome> {
  const organisationId = ownOrganisation(user)
  const open = await lockOpenTrajectory(tx, organisationId, clientId)
  if (!open) return { kind: 'not-found' }
  const [last] = await tx.select().from(trajectoryPhases).where(eq(trajectoryPhases.trajectoryId, open.id)).orderBy(desc(trajectoryPhases.position)).limit(1)
  const running = last && !last.endedOn ? last : undefined
  if (input.intent === 'add') {
    const earliestOn = last && last.startOn > open.startOn ? last.startOn : open.startOn
    if (input.startOn < earliestOn) return { kind: 'too-early', field: 'startOn', earliestOn }
    let workplace: { placementId: string | null; proposalId: string | null; externalWorkplace: string | null }
    if (input.workplace === 'extern') workplace = { placementId: null, proposalId: null, externalWorkplace: input.externalWorkplace ?? '' }
    else {
      const accepted = (await acceptedProposals(tx, user, clientId)).find((p) => p.id === input.workplace)
      if (!accepted) return { kind: 'proposal-not-accepted' }
      workplace = { placementId: accepted.placementId, proposalId: accepted.id, externalWorkplace: null }
    }
    const [pop] = await tx.select({ competences: popVersions.competences }).from(popVersions).where(eq(popVersions.trajectoryId, open.id)).orderBy(desc(popVersions.version)).limit(1)
    const unknown = input.goals.find((goal) => !pop?.competences.includes(goal))
    if (unknown) return { kind: 'unknown-goal', goal: unknown }
    if (running) await tx.update(trajectoryPhases).set({ endedOn: input.startOn }).where(eq(trajectoryPhases.id, running.id))
    const position = (last?.position ?? 0) + 1
    await tx.insert(trajectoryPhases).values({ trajectoryId: open.id, position, ...workplace, goals: input.goals, startOn: input.startOn, plannedEndOn: input.plannedEndOn ?? null })
    await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.phase-add', subjectType: 'trajectory', subjectId: open.id, details: { position } })
    return { kind: 'added', position }
  }
  if (!running) return { kind: 'no-running-phase' }
  const earliestOn = running.plannedEndOn ?? running.startOn
  if (input.plannedEndOn <= earliestOn) return { kind: 'too-early', field: 'plannedEndOn', earliestOn }
  const [pop] = await tx.select().from(popVersions).where(eq(popVersions.trajectoryId, open.id)).orderBy(desc(popVersions.version)).limit(1)
  if (!pop) return { kind: 'no-pop' }
  await tx.update(trajectoryPhases).set({ plannedEndOn: input.plannedEndOn }).where(and(eq(trajectoryPhases.id, running.id), isNull(trajectoryPhases.endedOn)))
  const { id: _id, createdAt: _createdAt, version, ...plan } = pop
  await tx.insert(popVersions).values({ ...plan, version: version + 1, changeNote: extensionNote(running.position, input.plannedEndOn, input.motivation), createdByUserId: user.id })
  await tx.update(trajectories).set({ updatedAt: sql`now()` }).where(eq(trajectories.id, open.id))
  await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.phase-extend', subjectType: 'trajectory', subjectId: open.id, details: { position: running.position, popVersion: version + 1 } })
  return { kind: 'extended', popVersion: version + 1 }
}
