import { and, inArray, isNull, lt, ne, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { begeleiderChanges, clients, popVersions, proposals, trajectories, trajectoryEvaluations, trajectoryFinalReports, trajectoryNotes, trajectoryPhases, trajectorySuspensions, trajectoryTrainings, trajectoryTransfers, workFloorEvaluations } from '#db/schema'
import { audit } from './audit'

/**
 * Retention of the caseworkers' side (docs/records-of-processing.md, "Cliënten en voorstellen"): CLIENT_RETENTION_MONTHS
 * after a client record was closed or a proposal decided, both are anonymised rather than deleted. The rows stay
 * so that proposals, placements' filled places and audit entries keep pointing at something, and statistics keep
 * what they count (municipality, jobdoelwitten, Dutch level, hours, instruments; a proposal's status, decline
 * reason and dates); every name, way to reach someone and free text goes.
 */
const ANONYMISED_NAME = 'Geanonimiseerd'

/** What an employer was shown and what people wrote about the client: none of it is needed for statistics. */
const proposalPersonalFields = {
  sharedFirstName: null,
  sharedCompetences: sql`'{}'::text[]`,
  sharedAvailability: null,
  message: null,
  declineNote: null,
  anonymisedAt: sql`now()`,
} as const

const before = (months: number) => sql`now() - make_interval(months => ${months})`

/** Client records closed more than `months` ago, with all their proposals (an open one is withdrawn). */
export async function anonymiseClosedClients(tx: Tx, months: number) {
  const due = await tx
    .select({ id: clients.id })
    .from(clients)
    .where(and(isNull(clients.anonymisedAt), lt(clients.closedAt, before(months))))
    .for('update', { skipLocked: true })
  const ids = due.map((row) => row.id)
  if (ids.length === 0) return 0
  await tx
    .update(clients)
    .set({ displayName: ANONYMISED_NAME, firstName: null, postcode: null, contact: null, competences: sql`'{}'::text[]`, notes: null, anonymisedAt: sql`now()`, updatedAt: sql`now()` })
    .where(inArray(clients.id, ids))
  await tx
    .update(proposals)
    .set({ ...proposalPersonalFields, status: sql`case when ${proposals.status} = 'open' then 'withdrawn'::proposal_status else ${proposals.status} end`, decidedAt: sql`coalesce(${proposals.decidedAt}, now())` })
    .where(inArray(proposals.clientId, ids))
  await anonymiseTrajectories(tx, ids)
  await audit(tx, { actorUserId: null, action: 'client.anonymise', subjectType: 'client', details: { count: ids.length, months } })
  return ids.length
}

/** Proposals decided (accepted, declined or withdrawn) more than `months` ago, whether or not the client is closed. */
export async function anonymiseDecidedProposals(tx: Tx, months: number) {
  const done = await tx
    .update(proposals)
    .set(proposalPersonalFields)
    .where(and(isNull(proposals.anonymisedAt), ne(proposals.status, 'open'), lt(proposals.decidedAt, before(months))))
    .returning({ id: proposals.id })
  if (done.length > 0) await audit(tx, { actorUserId: null, action: 'proposal.anonymise', subjectType: 'proposal', details: { count: done.length, months } })
  return done.length
}

/**
 * The clients' TWE trajectories keep kind, status, dates and outcome (for the region's figures) and lose what people
 * wrote: why the person entered, the POP's competences, actions, agreements and notes, a phase's external workplace
 * and goals, a suspension's reason, the evaluations' and the employer's scores and comments, training courses and
 * notes, the begeleider's notes and hand-over notes, the moving-house hand-over note and decline reason, and the final report's goals, ICF ratings and recommendation.
 * Counts stay countable: evaluation dates and kinds, training outcomes and refusal reasons.
 */
async function anonymiseTrajectories(tx: Tx, clientIds: string[]) {
  const ids = (await tx.update(trajectories).set({ entryReason: '', updatedAt: sql`now()` }).where(inArray(trajectories.clientId, clientIds)).returning({ id: trajectories.id })).map((r) => r.id)
  if (ids.length === 0) return
  await tx.update(popVersions).set({ competences: sql`'{}'::text[]`, actions: '', agreements: '', changeNote: null }).where(inArray(popVersions.trajectoryId, ids))
  await tx
    .update(trajectoryPhases)
    .set({ externalWorkplace: sql`case when ${trajectoryPhases.externalWorkplace} is null then null else '' end`, goals: sql`'{}'::text[]` })
    .where(inArray(trajectoryPhases.trajectoryId, ids))
  await tx.update(trajectorySuspensions).set({ reason: '' }).where(inArray(trajectorySuspensions.trajectoryId, ids))
  await tx.update(trajectoryEvaluations).set({ goals: [], summary: '' }).where(inArray(trajectoryEvaluations.trajectoryId, ids))
  await tx
    .update(workFloorEvaluations)
    .set({ goals: sql`'{}'::text[]`, answers: sql`case when ${workFloorEvaluations.answers} is null then null else '[]'::jsonb end`, comment: null })
    .where(inArray(workFloorEvaluations.trajectoryId, ids))
  await tx.update(trajectoryTrainings).set({ provider: '', course: '', note: null }).where(inArray(trajectoryTrainings.trajectoryId, ids))
  await tx.delete(trajectoryNotes).where(inArray(trajectoryNotes.trajectoryId, ids))
  await tx.update(begeleiderChanges).set({ note: '' }).where(inArray(begeleiderChanges.trajectoryId, ids))
  await tx.update(trajectoryTransfers).set({ note: '', declineReason: null }).where(inArray(trajectoryTransfers.trajectoryId, ids))
  // The outcome stays (the region's outflow figures); the goals, the ICF ratings (about health) and the recommendation go.
  await tx.update(trajectoryFinalReports).set({ goals: [], icf: [], recommendation: '' }).where(inArray(trajectoryFinalReports.trajectoryId, ids))
}
