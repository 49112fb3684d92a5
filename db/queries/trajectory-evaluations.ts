import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import { formatDate } from '#domain/compensation-labels'
import type { EvaluationInput } from '#domain/evaluation-form'
import type { SessionUser } from '#domain/session-user'
import { evaluationKindLabels } from '#domain/trajectory-values'
import type { Tx } from '#db/client'
import { clients, popVersions, trajectories, trajectoryEvaluations, trajectoryPhases, users, workFloorEvaluations } from '#db/schema'
import { audit } from './audit'
import { ownOrganisation } from './clients'
import { lockOpenTrajectory } from './trajectories'

export type EvaluationOutcome =
  | { kind: 'recorded'; popVersion: number }
  | { kind: 'not-found' }
  | { kind: 'no-pop' }
  | { kind: 'unknown-phase' }
  | { kind: 'unknown-goal'; goal: string }
  | { kind: 'out-of-range'; earliestOn: string; latestOn: string }

/** The POP version's note for an evaluation: when, which kind, and what was concluded. */
const evaluationNote = (input: EvaluationInput) => `Evaluatie van ${formatDate(input.heldOn)} (${evaluationKindLabels[input.kind].toLowerCase()}): ${input.summary}`

/**
 * Records an evaluation moment on the client's open trajectory (issue 13) and appends the POP version agreed in it;
 * the goals scored are the latest POP's competences or the phase's. Held between the start and today.
 */
export async function recordEvaluation(tx: Tx, user: SessionUser, clientId: string, input: EvaluationInput, today: string): Promise<EvaluationOutcome> {
  const organisationId = ownOrganisation(user)
  const open = await lockOpenTrajectory(tx, organisationId, clientId)
  // Nobody is evaluated while the guidance is suspended.
  if (!open || open.status !== 'active') return { kind: 'not-found' }
  if (input.heldOn < open.startOn || input.heldOn > today) return { kind: 'out-of-range', earliestOn: open.startOn, latestOn: today }
  const [pop] = await tx.select().from(popVersions).where(eq(popVersions.trajectoryId, open.id)).orderBy(desc(popVersions.version)).limit(1)
  if (!pop) return { kind: 'no-pop' }
  const goals = new Set(pop.competences)
  if (input.phaseId) {
    const [phase] = await tx.select({ goals: trajectoryPhases.goals }).from(trajectoryPhases).where(and(eq(trajectoryPhases.id, input.phaseId), eq(trajectoryPhases.trajectoryId, open.id)))
    if (!phase) return { kind: 'unknown-phase' }
    for (const goal of phase.goals) goals.add(goal)
  }
  const unknown = input.scores.find((s) => !goals.has(s.goal))
  if (unknown) return { kind: 'unknown-goal', goal: unknown.goal }
  const version = pop.version + 1
  await tx.insert(popVersions).values({
    trajectoryId: open.id,
    version,
    jobTargets: pop.jobTargets,
    competences: input.competences,
    actions: input.actions,
    agreements: input.agreements,
    changeNote: evaluationNote(input),
    createdByUserId: user.id,
  })
  const [row] = await tx
    .insert(trajectoryEvaluations)
    .values({ trajectoryId: open.id, phaseId: input.phaseId ?? null, kind: input.kind, heldOn: input.heldOn, goals: input.scores, summary: input.summary, popVersion: version, recordedByUserId: user.id })
    .returning({ id: trajectoryEvaluations.id })
  await tx.update(trajectories).set({ updatedAt: sql`now()` }).where(eq(trajectories.id, open.id))
  await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.evaluation', subjectType: 'trajectory', subjectId: open.id, details: { evaluationId: row?.id, kind: input.kind, popVersion: version } })
  return { kind: 'recorded', popVersion: version }
}

/** A trajectory's evaluations (oldest first) and work-floor forms (asked and answered), for its overview. */
export async function trajectoryEvaluationRecords(tx: Tx, trajectoryId: string) {
  const [evaluations, workFloor] = await Promise.all([
    tx.select().from(trajectoryEvaluations).where(eq(trajectoryEvaluations.trajectoryId, trajectoryId)).orderBy(asc(trajectoryEvaluations.heldOn), asc(trajectoryEvaluations.createdAt)),
    tx.select().from(workFloorEvaluations).where(eq(workFloorEvaluations.trajectoryId, trajectoryId)).orderBy(asc(workFloorEvaluations.requestedAt)),
  ])
  return { evaluations, workFloor }
}

/**
 * What the evaluation due dates are computed from, for the active trajectories of one organisation (its team list)
 * or of all organisations (the reminder job): the start, the evaluations held and the phases' ends. Suspended
 * trajectories are left out: nobody is evaluated while the guidance is paused.
 */
export async function evaluationScheduleRows(tx: Tx, scope: { organisationId: string } | 'all') {
  const rows = await tx
    .select({
      id: trajectories.id,
      clientId: trajectories.clientId,
      clientName: clients.displayName,
      organisationId: trajectories.organisationId,
      startOn: trajectories.startOn,
      begeleiderId: users.id,
      begeleiderName: users.name,
      begeleiderEmail: users.email,
      begeleiderDisabledAt: users.disabledAt,
    })
    .from(trajectories)
    .innerJoin(clients, eq(clients.id, trajectories.clientId))
    .leftJoin(users, eq(users.id, trajectories.begeleiderUserId))
    .where(and(eq(trajectories.status, 'active'), scope === 'all' ? undefined : eq(trajectories.organisationId, scope.organisationId)))
  const ids = rows.map((r) => r.id)
  if (ids.length === 0) return []
  const [held, phases] = await Promise.all([
    tx.select({ trajectoryId: trajectoryEvaluations.trajectoryId, on: trajectoryEvaluations.heldOn }).from(trajectoryEvaluations).where(inArray(trajectoryEvaluations.trajectoryId, ids)),
    tx
      .select({ trajectoryId: trajectoryPhases.trajectoryId, endOn: sql<string | null>`coalesce(${trajectoryPhases.endedOn}, ${trajectoryPhases.plannedEndOn})` })
      .from(trajectoryPhases)
      .where(and(inArray(trajectoryPhases.trajectoryId, ids), isNotNull(sql`coalesce(${trajectoryPhases.endedOn}, ${trajectoryPhases.plannedEndOn})`))),
  ])
  return rows.map((row) => ({
    ...row,
    evaluations: held.filter((e) => e.trajectoryId === row.id).map(({ on }) => ({ on })),
    phases: phases.filter((p) => p.trajectoryId === row.id).map(({ endOn }) => ({ endOn: endOn ?? undefined })),
  }))
}

/** The organisation's own list is a read of its clients' names: audited with the count, as other lists. */
export async function auditEvaluationList(tx: Tx, user: SessionUser, count: number) {
  await audit(tx, { actorUserId: user.id, organisationId: ownOrganisation(user), action: 'trajectory.evaluation-list', subjectType: 'trajectory', details: { count } })
}
