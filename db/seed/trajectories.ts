import { and, eq, inArray } from 'drizzle-orm'
import { latest, plusDays, plusMonths } from '#domain/calendar-dates'
import { brusselsDate } from '#domain/intake-working-days'
import { periodContaining } from '#domain/statistics-period'
import type { EndOutcome, StopReason, TrajectoryKind } from '#domain/trajectory-values'
import type { Tx } from '#db/client'
import {
  clients,
  placements,
  popVersions,
  proposals,
  trajectories,
  trajectoryEvaluations,
  trajectoryFinalReports,
  trajectoryPhases,
  trajectorySuspensions,
  trajectoryTrainings,
  users,
} from '#db/schema'

/**
 * Demo TWE trajectories for the demo clients (db/seed/clients.ts), dated from the day the demo is made so the
 * regional dashboard's "Trajecten" page shows figures for Regio Gent in the current quarter. OCMW Gent's: a running
 * trajectory with an evaluation held on its due day and two training requests (one refused), a suspended one, one
 * stopped because the person found a job, two that ended three months before a day of this quarter (one outflow
 * recorded, one still to record: the begeleider's "Te doen"), and one that starts today at the bakery placement whose
 * proposal was accepted (db/seed/placement-outcomes.ts). The OCMW cluster's: one running, about to move to Gent
 * (db/seed/trajectory-records.ts). They go with their clients when `npm run demo:remove` deletes the demo
 * organisations' clients (ON DELETE CASCADE).
 */
const BEGELEIDER = 'begeleider.ocmw@demo.stapsteen.be'
const CLUSTER = 'begeleider.cluster@demo.stapsteen.be'

type Demo = {
  client: string
  /** The begeleider's login: OCMW Gent's unless told otherwise. */
  begeleider?: string
  kind: TrajectoryKind
  startOn: string
  entryReason: string
  competences: string[]
  /** The first phase's workplace: outside the portal, or the portal placement (by title) the client was accepted at. */
  workplace: string | { placement: string }
  phaseEndedOn?: string
  suspendedFrom?: string
  closed?: { on: string; stopReason?: StopReason; outcome: EndOutcome; outflow?: EndOutcome }
}

export async function seedDemoTrajectories(tx: Tx) {
  const today = brusselsDate()
  const quarter = periodContaining('kwartaal', today)
  // A day of this quarter before today (today itself on a quarter's first day): what happened "this quarter".
  const recent = latest(quarter.from, plusDays(today, -10))
  const begeleiders = await tx.select({ id: users.id, email: users.email, organisationId: users.organisationId }).from(users).where(inArray(users.email, [BEGELEIDER, CLUSTER]))
  const demos: Demo[] = [
    { client: 'K.B.', kind: 'twe_art60', startOn: plusMonths(recent, -5), entryReason: 'Leefloon; wil werkervaring opdoen in een magazijn.', competences: ['Op tijd komen', 'Veilig werken'], workplace: 'Sociaal restaurant De Kombuis – keukenhulp', phaseEndedOn: recent },
    { client: 'F.E.', kind: 'twe_wz', startOn: plusMonths(recent, -4), entryReason: 'Werkzoekende; wil in het groen werken.', competences: ['Samenwerken in een team'], workplace: 'Buurtmoestuin – tuinhulp', suspendedFrom: recent },
    {
      client: 'J.D.', kind: 'twe_art60', startOn: plusMonths(recent, -9), entryReason: 'Leefloon; wil in de voeding werken.', competences: ['Instructies opvolgen'], workplace: 'Broodatelier – productiehulp',
      closed: { on: recent, stopReason: 'job_found', outcome: 'regular_job' },
    },
    {
      // Ended three months before `recent`: its outflow follow-up day falls in this quarter (clamping only moves it earlier, never before the quarter).
      client: 'M.S.', kind: 'twe_art60', startOn: plusMonths(recent, -15), entryReason: 'Leefloon; wil in de zorg werken.', competences: ['Hygiënisch werken'], workplace: 'Woonzorgcentrum – linnenkamer',
      closed: { on: plusMonths(recent, -3), outcome: 'training', outflow: 'training' },
    },
    {
      // Ended when M.S.'s did: its outflow follow-up day has come and nothing is recorded yet.
      client: 'Y.B.', kind: 'twe_art60', startOn: plusMonths(recent, -15), entryReason: 'Leefloon; wil in een grootkeuken werken.', competences: ['Samenwerken in een team', 'Op tijd komen'], workplace: 'Grootkeuken Het Pand – keukenhulp',
      closed: { on: plusMonths(recent, -3), outcome: 'regular_job' },
    },
    { client: 'L.V.', kind: 'twe_art60', startOn: today, entryReason: 'Leefloon; wil bakker worden.', competences: ['Op tijd komen', 'Deeg afwegen en vormen', 'Hygiënisch werken met voeding'], workplace: { placement: 'Hulp in het bakhuis (vroege ploeg)' } },
    {
      client: 'T.W.', begeleider: CLUSTER, kind: 'twe_art60', startOn: plusMonths(recent, -2), entryReason: 'Leefloon; wil in de logistiek werken.', competences: ['Werken met een handscanner', 'Veilig werken'], workplace: 'Distributiecentrum Lochristi – orderpicker',
    },
  ]
  const found = await tx
    .select({ id: clients.id, displayName: clients.displayName, jobTargets: clients.jobTargets, organisationId: clients.organisationId })
    .from(clients)
    .where(inArray(clients.displayName, demos.map((d) => d.client)))
  for (const demo of demos) {
    const begeleider = begeleiders.find((b) => b.email === (demo.begeleider ?? BEGELEIDER))
    const client = found.find((c) => c.displayName === demo.client && c.organisationId === begeleider?.organisationId)
    if (!begeleider || !client) throw new Error(`demo trajectories: no client ${demo.client} of ${demo.begeleider ?? BEGELEIDER}`)
    const art60 = demo.kind === 'twe_art60'
    const closed = demo.closed
    const [row] = await tx
      .insert(trajectories)
      .values({
        clientId: client.id,
        organisationId: begeleider.organisationId,
        kind: demo.kind,
        status: closed ? (closed.stopReason ? 'stopped' : 'ended') : demo.suspendedFrom ? 'suspended' : 'active',
        entryReason: demo.entryReason,
        begeleiderUserId: begeleider.id,
        criteriaAssessedOn: art60 ? plusDays(demo.startOn, -7) : null,
        referralOn: art60 ? null : demo.startOn,
        startOn: demo.startOn,
        contractStartOn: art60 ? plusDays(demo.startOn, 14) : null,
        endedOn: closed?.on ?? null,
        stopReason: closed?.stopReason ?? null,
        outflowStatus: closed?.outflow ?? null,
        outflowRecordedOn: closed?.outflow ? plusMonths(closed.on, 3) : null,
      })
      .returning({ id: trajectories.id })
    const id = row!.id
    await tx.insert(popVersions).values({
      trajectoryId: id,
      version: 1,
      jobTargets: client.jobTargets,
      competences: demo.competences,
      actions: 'Werkplekleren met een vaste peter of meter; wekelijks gesprek met de begeleider.',
      agreements: 'Verwittigt de begeleider bij afwezigheid.',
      createdByUserId: begeleider.id,
    })
    const workplace = typeof demo.workplace === 'string' ? { externalWorkplace: demo.workplace } : await acceptedAt(tx, client.id, demo.workplace.placement)
    await tx.insert(trajectoryPhases).values({ trajectoryId: id, position: 1, ...workplace, startOn: demo.startOn, endedOn: closed?.on ?? demo.phaseEndedOn ?? null })
    if (demo.suspendedFrom) await tx.insert(trajectorySuspensions).values({ trajectoryId: id, fromOn: demo.suspendedFrom, reason: 'illness' })
    if (demo.phaseEndedOn) await evaluatedPhaseEnd(tx, id, demo.phaseEndedOn, client.jobTargets, begeleider.id)
    if (closed) {
      const goals = demo.competences.map((goal) => ({ goal, result: 'reached' as const }))
      await tx.insert(trajectoryFinalReports).values({ trajectoryId: id, goals, icf: [], outcome: closed.outcome, recommendation: 'Doelen bereikt; verdere opvolging door VDAB.', writtenByUserId: begeleider.id })
    }
  }
}

/** The placement (by title) and the client's accepted proposal there: a phase at a portal placement. */
async function acceptedAt(tx: Tx, clientId: string, title: string) {
  const [row] = await tx
    .select({ placementId: placements.id, proposalId: proposals.id })
    .from(proposals)
    .innerJoin(placements, eq(placements.id, proposals.placementId))
    .where(and(eq(proposals.clientId, clientId), eq(proposals.status, 'accepted'), eq(placements.title, title)))
  if (!row) throw new Error(`demo trajectories: no accepted proposal at ${title}`)
  return row
}

/**
 * The first phase ended on `endedOn`, its due day: evaluated that very day (on time), with POP version 2, a second
 * phase and two training requests, one of them refused.
 */
async function evaluatedPhaseEnd(tx: Tx, trajectoryId: string, endedOn: string, jobTargets: string[], begeleiderId: string) {
  await tx.insert(trajectoryPhases).values({ trajectoryId, position: 2, externalWorkplace: 'Logistiek centrum – magazijnhulp', startOn: plusDays(endedOn, 1), plannedEndOn: plusMonths(endedOn, 4) })
  await tx.insert(popVersions).values({
    trajectoryId,
    version: 2,
    jobTargets,
    competences: ['Op tijd komen', 'Veilig werken', 'Werken met een handscanner'],
    actions: 'Tweede fase in een magazijn; heftruckopleiding aanvragen.',
    agreements: 'Verwittigt de begeleider bij afwezigheid.',
    changeNote: 'Evaluatie op het einde van fase 1: op tijd komen bereikt.',
    createdByUserId: begeleiderId,
  })
  await tx.insert(trajectoryEvaluations).values({
    trajectoryId,
    kind: 'phase_end',
    heldOn: endedOn,
    goals: [{ goal: 'Op tijd komen', score: 'reached' }, { goal: 'Veilig werken', score: 'growing' }],
    summary: 'Fase 1 goed afgerond; volgende fase in een magazijn.',
    popVersion: 2,
    recordedByUserId: begeleiderId,
  })
  await tx.insert(trajectoryTrainings).values([
    { trajectoryId, provider: 'CVO Gent', course: 'Heftruckchauffeur', requestedOn: endedOn, outcome: 'approved', recordedByUserId: begeleiderId },
    { trajectoryId, provider: 'Syntra', course: 'Magazijnbeheer', requestedOn: endedOn, outcome: 'refused', refusalReason: 'dutch_level_too_low', recordedByUserId: begeleiderId },
  ])
}
