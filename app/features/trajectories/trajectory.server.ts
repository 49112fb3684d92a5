import type { SessionUser } from '#domain/session-user'
import { brusselsDate } from '#domain/intake-working-days'
import { EXTERNAL_WORKPLACE, NO_WORKPLACE, type PopInput, type TrajectoryStartInput } from '#domain/trajectory-form'
import type { FinalReportInput } from '#domain/final-report-form'
import { acceptedProposals, addPopVersion, getClientTrajectory, insertTrajectory } from '#db/queries/trajectories'
import { changeSuspension, closeTrajectory } from '#db/queries/trajectory-course'
import type { SuspensionInput } from '#domain/suspension-form'
import type { PhaseInput } from '#domain/phase-form'
import { changePhase } from '#db/queries/trajectory-phases'
import { trajectoryEvaluationRecords } from '#db/queries/trajectory-evaluations'
import { requireClient } from '#app/features/clients/client-editor.server'
import { db } from '#app/utils/db.server'
import { trajectoryDeadlines } from './deadlines'
import { trajectoryFollowUp } from './follow-up.server'

/**
 * The trajectory use cases for the client's begeleider (issue 13). The client comes through requireClient, so a
 * client of another organisation is a 404 before anything else is read; db/queries/trajectories.ts scopes again.
 */
export async function loadTrajectoryPage(user: SessionUser, clientId: string | undefined) {
  const client = await requireClient(user, clientId, 'view')
  const today = brusselsDate()
  const [found, proposals] = await Promise.all([getClientTrajectory(db(), user, client.id), acceptedProposals(db(), user, client.id)])
  const trajectory = found ? { ...found, ...(await trajectoryEvaluationRecords(db(), found.id)) } : null
  return {
    client: { id: client.id, displayName: client.displayName, closed: client.closedAt !== null, jobTargets: client.jobTargets },
    today,
    trajectory: trajectory ? { ...trajectory, deadlines: trajectoryDeadlines(trajectory, today), followUp: await trajectoryFollowUp(user, trajectory, today) } : null,
    proposals: proposals.map(({ id, title, employer }) => ({ id, title, employer })),
  }
}

export function startTrajectory(user: SessionUser, clientId: string, value: TrajectoryStartInput) {
  const plannedEndOn = value.phaseEndOn ?? null
  const firstPhase =
    value.workplace === NO_WORKPLACE
      ? null
      : value.workplace === EXTERNAL_WORKPLACE
        ? { externalWorkplace: value.externalWorkplace ?? '', plannedEndOn }
        : { proposalId: value.workplace, plannedEndOn }
  return db().transaction((tx) =>
    insertTrajectory(tx, user, clientId, {
      kind: value.kind,
      entryReason: value.entryReason,
      criteriaAssessedOn: value.criteriaAssessedOn ?? null,
      startOn: value.startOn,
      contractStartOn: value.contractStartOn ?? null,
      firstPhase,
    }),
  )
}

/** A new POP version; the job targets must be among the client's jobdoelwitten. */
export async function savePopVersion(user: SessionUser, client: { id: string; jobTargets: { uri: string }[] }, value: PopInput) {
  const allowed = new Set(client.jobTargets.map((t) => t.uri))
  if (!value.jobTargets.every((uri) => allowed.has(uri))) return { kind: 'unknown-occupation' } as const
  return db().transaction((tx) => addPopVersion(tx, user, client.id, value))
}

export function closeClientTrajectory(user: SessionUser, clientId: string, value: FinalReportInput) {
  return db().transaction((tx) => closeTrajectory(tx, user, clientId, value))
}

export function changeClientSuspension(user: SessionUser, clientId: string, value: SuspensionInput) {
  return db().transaction((tx) => changeSuspension(tx, user, clientId, value))
}

export function changeClientPhase(user: SessionUser, clientId: string, value: PhaseInput) {
  return db().transaction((tx) => changePhase(tx, user, clientId, value))
}
