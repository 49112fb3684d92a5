import { asc, eq } from 'drizzle-orm'
import { icfTitle } from '#domain/icf'
import type { SessionUser } from '#domain/session-user'
import type { Tx } from '#db/client'
import {
  organisations,
  placements,
  popVersions,
  trajectories,
  trajectoryEvaluations,
  trajectoryFinalReports,
  trajectoryPhases,
  trajectorySuspensions,
  trajectoryTrainings,
  workFloorEvaluations,
} from '#db/schema'
import type { GoalScore } from '#db/schema'
import { audit } from './audit'
import { sharedNotes } from './trajectory-notes'
import { trajectoryAccess } from './trajectory-shares'

/**
 * The trajectory as VDAB's client file takes it (docs/schemas/trajectory-export.schema.json): what the owner
 * downloads, a shared reader downloads or sees, and GET /api/v1/trajectories/{id} answers. Built field by field, so
 * nothing leaves that the schema does not name; notes come from `sharedNotes`, never a confidential one. No name or
 * contact of the client: the receiving team files it under the person they already know.
 */
export const EXPORT_SCHEMA_VERSION = 1

export type ExportChannel = 'download' | 'page' | 'api'

/** The export when the user's organisation owns the trajectory or holds an active share; null otherwise (a 404). Audited. */
export async function readTrajectoryExport(tx: Tx, user: SessionUser, trajectoryId: string, channel: ExportChannel, now = new Date()) {
  const access = await trajectoryAccess(tx, user.organisation.id, trajectoryId)
  if (!access) return null
  const data = await buildExport(tx, access.trajectoryId, now)
  const details = { channel, access: access.access, clientId: access.clientId }
  await audit(tx, { actorUserId: user.id, organisationId: user.organisation.id, action: 'trajectory.export', subjectType: 'trajectory', subjectId: access.trajectoryId, details })
  return { access, data }
}

export type TrajectoryExport = Awaited<ReturnType<typeof buildExport>>

const iso = (value: Date | null) => (value ? value.toISOString() : null)
const goalScores = (goals: GoalScore[]) => goals.map((g) => ({ goal: g.goal, score: g.score, ...(g.comment ? { comment: g.comment } : {}) }))

async function buildExport(tx: Tx, id: string, now: Date) {
  const [row] = await tx
    .select({ t: trajectories, owner: organisations.name })
    .from(trajectories)
    .innerJoin(organisations, eq(organisations.id, trajectories.organisationId))
    .where(eq(trajectories.id, id))
  if (!row) throw new Error('export of an unknown trajectory')
  const { t } = row
  const [phases, pops, suspensions, evaluations, workFloor, trainings, reports, notes] = await Promise.all([
    tx
      .select({ phase: trajectoryPhases, title: placements.title, employer: organisations.name })
      .from(trajectoryPhases)
      .leftJoin(placements, eq(placements.id, trajectoryPhases.placementId))
      .leftJoin(organisations, eq(organisations.id, placements.organisationId))
      .where(eq(trajectoryPhases.trajectoryId, id))
      .orderBy(asc(trajectoryPhases.position)),
    tx.select().from(popVersions).where(eq(popVersions.trajectoryId, id)).orderBy(asc(popVersions.version)),
    tx.select().from(trajectorySuspensions).where(eq(trajectorySuspensions.trajectoryId, id)).orderBy(asc(trajectorySuspensions.fromOn)),
    tx.select().from(trajectoryEvaluations).where(eq(trajectoryEvaluations.trajectoryId, id)).orderBy(asc(trajectoryEvaluations.heldOn)),
    tx
      .select({ w: workFloorEvaluations, employer: organisations.name })
      .from(workFloorEvaluations)
      .innerJoin(organisations, eq(organisations.id, workFloorEvaluations.employerOrganisationId))
      .where(eq(workFloorEvaluations.trajectoryId, id))
      .orderBy(asc(workFloorEvaluations.dueOn)),
    tx.select().from(trajectoryTrainings).where(eq(trajectoryTrainings.trajectoryId, id)).orderBy(asc(trajectoryTrainings.requestedOn)),
    tx.select().from(trajectoryFinalReports).where(eq(trajectoryFinalReports.trajectoryId, id)),
    sharedNotes(tx, id),
  ])
  const position = new Map(phases.map((p) => [p.phase.id, p.phase.position]))
  const report = reports[0]
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    id: t.id,
    organisation: { id: t.organisationId, name: row.owner },
    kind: t.kind,
    status: t.status,
    entryReason: t.entryReason,
    criteriaAssessedOn: t.criteriaAssessedOn,
    referralOn: t.referralOn,
    startOn: t.startOn,
    contractStartOn: t.contractStartOn,
    endedOn: t.endedOn,
    stopReason: t.stopReason,
    outflow: t.outflowStatus ? { status: t.outflowStatus, recordedOn: t.outflowRecordedOn } : null,
    popVersions: pops.map((p) => ({
      version: p.version,
      createdAt: p.createdAt.toISOString(),
      jobTargets: p.jobTargets,
      competences: p.competences,
      actions: p.actions,
      agreements: p.agreements,
      changeNote: p.changeNote,
    })),
    phases: phases.map(({ phase, title, employer }) => ({
      position: phase.position,
      workplace: phase.placementId
        ? { type: 'placement' as const, placementId: phase.placementId, title: title ?? '', employer: employer ?? '' }
        : { type: 'external' as const, description: phase.externalWorkplace ?? '' },
      goals: phase.goals,
      startOn: phase.startOn,
      plannedEndOn: phase.plannedEndOn,
      endedOn: phase.endedOn,
    })),
    suspensions: suspensions.map((s) => ({ fromOn: s.fromOn, toOn: s.toOn, reason: s.reason })),
    evaluations: evaluations.map((e) => ({
      kind: e.kind,
      heldOn: e.heldOn,
      phase: e.phaseId ? (position.get(e.phaseId) ?? null) : null,
      goals: goalScores(e.goals),
      summary: e.summary,
      popVersion: e.popVersion,
    })),
    // Only answered forms: an open request holds nothing of the client yet.
    workFloorEvaluations: workFloor
      .filter(({ w }) => w.answers !== null && w.answeredAt !== null)
      .map(({ w, employer }) => ({ phase: position.get(w.phaseId)!, employer, dueOn: w.dueOn, answeredAt: iso(w.answeredAt), answers: goalScores(w.answers ?? []), comment: w.comment })),
    trainings: trainings.map((r) => ({
      provider: r.provider,
      course: r.course,
      requestedOn: r.requestedOn,
      startOn: r.startOn,
      endOn: r.endOn,
      outcome: r.outcome,
      refusalReason: r.refusalReason,
      note: r.note,
    })),
    finalReport: report
      ? {
          writtenAt: report.createdAt.toISOString(),
          goals: report.goals.map((g) => ({ goal: g.goal, result: g.result, ...(g.comment ? { comment: g.comment } : {}) })),
          icf: report.icf.map((i) => ({ code: i.code, title: icfTitle(i.code), qualifier: i.qualifier })),
          outcome: report.outcome,
          recommendation: report.recommendation,
        }
      : null,
    notes: notes.map((n) => ({ createdAt: n.createdAt.toISOString(), body: n.body })),
  }
}
