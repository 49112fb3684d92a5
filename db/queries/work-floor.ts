import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { WorkFloorAnswerInput, WorkFloorRequestInput } from '#domain/evaluation-form'
import type { SessionUser } from '#domain/session-user'
import { isUuid } from '#domain/ids'
import type { Tx } from '#db/client'
import { organisations, placements, popVersions, proposals, trajectories, trajectoryPhases, workFloorEvaluations } from '#db/schema'
import { audit } from './audit'
import { ownOrganisation } from './clients'
import { employerRecipients } from './proposals'
import { lockOpenTrajectory } from './trajectories'

/**
 * The employer's work-floor form (issue 13): the begeleider asks the employer of a phase at a portal placement; the
 * employer's users answer per competence goal from their portal. Employers see the placement, the phase's dates, the
 * goals and the first name the client shared in the proposal — nothing of the client record.
 */
export type WorkFloorRequestOutcome =
  | { kind: 'requested'; id: string; placementTitle: string; recipients: { name: string | null; email: string }[] }
  | { kind: 'not-found' }
  | { kind: 'unknown-phase' }
  | { kind: 'external-workplace' }
  | { kind: 'no-goals' }
  | { kind: 'already-asked' }
  | { kind: 'due-in-past'; today: string }

export async function requestWorkFloorEvaluation(tx: Tx, user: SessionUser, clientId: string, input: WorkFloorRequestInput, today: string): Promise<WorkFloorRequestOutcome> {
  const organisationId = ownOrganisation(user)
  const open = await lockOpenTrajectory(tx, organisationId, clientId)
  // Nobody is evaluated while the guidance is suspended.
  if (!open || open.status !== 'active') return { kind: 'not-found' }
  if (input.dueOn < today) return { kind: 'due-in-past', today }
  const [phase] = await tx
    .select({ id: trajectoryPhases.id, goals: trajectoryPhases.goals, placementId: trajectoryPhases.placementId, employerId: placements.organisationId, placementTitle: placements.title })
    .from(trajectoryPhases)
    .leftJoin(placements, eq(placements.id, trajectoryPhases.placementId))
    .where(and(eq(trajectoryPhases.id, input.phaseId), eq(trajectoryPhases.trajectoryId, open.id)))
  if (!phase) return { kind: 'unknown-phase' }
  if (!phase.employerId || !phase.placementTitle) return { kind: 'external-workplace' }
  const [pop] = await tx.select({ competences: popVersions.competences }).from(popVersions).where(eq(popVersions.trajectoryId, open.id)).orderBy(desc(popVersions.version)).limit(1)
  const goals = phase.goals.length > 0 ? phase.goals : (pop?.competences ?? [])
  if (goals.length === 0) return { kind: 'no-goals' }
  const [waiting] = await tx.select({ id: workFloorEvaluations.id }).from(workFloorEvaluations).where(and(eq(workFloorEvaluations.phaseId, phase.id), isNull(workFloorEvaluations.answeredAt)))
  if (waiting) return { kind: 'already-asked' }
  const [row] = await tx
    .insert(workFloorEvaluations)
    .values({ trajectoryId: open.id, phaseId: phase.id, employerOrganisationId: phase.employerId, goals, dueOn: input.dueOn, requestedByUserId: user.id })
    .returning({ id: workFloorEvaluations.id })
  if (!row) throw new Error('work-floor insert returned nothing')
  await audit(tx, { actorUserId: user.id, organisationId, action: 'trajectory.work-floor-request', subjectType: 'trajectory', subjectId: open.id, details: { workFloorId: row.id, phaseId: phase.id, employerOrganisationId: phase.employerId } })
  return { kind: 'requested', id: row.id, placementTitle: phase.placementTitle, recipients: await employerRecipients(tx, phase.employerId) }
}

/** The columns an employer sees of a work-floor form. */
const employerColumns = {
  id: workFloorEvaluations.id,
  goals: workFloorEvaluations.goals,
  dueOn: workFloorEvaluations.dueOn,
  requestedAt: workFloorEvaluations.requestedAt,
  answers: workFloorEvaluations.answers,
  comment: workFloorEvaluations.comment,
  answeredAt: workFloorEvaluations.answeredAt,
  placementTitle: placements.title,
  phaseStartOn: trajectoryPhases.startOn,
  phaseEndOn: sql<string | null>`coalesce(${trajectoryPhases.endedOn}, ${trajectoryPhases.plannedEndOn})`,
  sharedFirstName: proposals.sharedFirstName,
  guidedBy: organisations.name,
}

function employerForms(tx: Tx, user: SessionUser, id?: string) {
  return tx
    .select(employerColumns)
    .from(workFloorEvaluations)
    .innerJoin(trajectoryPhases, eq(trajectoryPhases.id, workFloorEvaluations.phaseId))
    .innerJoin(placements, eq(placements.id, trajectoryPhases.placementId))
    .innerJoin(trajectories, eq(trajectories.id, workFloorEvaluations.trajectoryId))
    .innerJoin(organisations, eq(organisations.id, trajectories.organisationId))
    .leftJoin(proposals, eq(proposals.id, trajectoryPhases.proposalId))
    .where(and(eq(workFloorEvaluations.employerOrganisationId, user.organisation.id), id ? eq(workFloorEvaluations.id, id) : undefined))
    .orderBy(sql`${workFloorEvaluations.answeredAt} is null desc`, desc(workFloorEvaluations.requestedAt))
}

/** The employer's work-floor forms, open ones first; the read discloses the shared first names, so it is audited. */
export async function listEmployerWorkFloor(tx: Tx, user: SessionUser) {
  const rows = await employerForms(tx, user)
  await audit(tx, { actorUserId: user.id, organisationId: user.organisation.id, action: 'work-floor.read', subjectType: 'work_floor_evaluation', details: { count: rows.length, ids: rows.map((r) => r.id) } })
  return rows
}

export async function getEmployerWorkFloor(tx: Tx, user: SessionUser, id: string | undefined) {
  if (!id || !isUuid(id)) return null
  const [row] = await employerForms(tx, user, id)
  if (!row) return null
  await audit(tx, { actorUserId: user.id, organisationId: user.organisation.id, action: 'work-floor.read', subjectType: 'work_floor_evaluation', subjectId: id, details: {} })
  return row
}

export type WorkFloorAnswerOutcome = { kind: 'answered' } | { kind: 'not-found' } | { kind: 'already-answered' } | { kind: 'goals-changed' }

/** Answers a form once: the scores must cover exactly the goals asked (a stale page after a change is refused). */
export async function answerWorkFloorEvaluation(tx: Tx, user: SessionUser, id: string | undefined, input: WorkFloorAnswerInput): Promise<WorkFloorAnswerOutcome> {
  if (!id || !isUuid(id)) return { kind: 'not-found' }
  const scope = and(eq(workFloorEvaluations.id, id), eq(workFloorEvaluations.employerOrganisationId, user.organisation.id))
  const [form] = await tx.select({ goals: workFloorEvaluations.goals, answeredAt: workFloorEvaluations.answeredAt, trajectoryId: workFloorEvaluations.trajectoryId }).from(workFloorEvaluations).where(scope).for('update')
  if (!form) return { kind: 'not-found' }
  if (form.answeredAt) return { kind: 'already-answered' }
  const answered = input.answers.map((a) => a.goal)
  if (answered.length !== form.goals.length || !form.goals.every((goal) => answered.includes(goal))) return { kind: 'goals-changed' }
  await tx.update(workFloorEvaluations).set({ answers: input.answers, comment: input.comment || null, answeredByUserId: user.id, answeredAt: sql`now()` }).where(scope)
  await audit(tx, { actorUserId: user.id, organisationId: user.organisation.id, action: 'work-floor.answer', subjectType: 'work_floor_evaluation', subjectId: id, details: { trajectoryId: form.trajectoryId } })
  return { kind: 'answered' }
}
