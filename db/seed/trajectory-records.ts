import { and, eq, inArray, sql } from 'drizzle-orm'
import { plusDays } from '#domain/calendar-dates'
import { brusselsDate } from '#domain/intake-working-days'
import type { Tx } from '#db/client'
import {
  clients,
  functionProfiles,
  occupations,
  organisations,
  placements,
  popVersions,
  trajectories,
  trajectoryPhases,
  trajectoryShares,
  trajectoryTransfers,
  users,
  workFloorEvaluations,
} from '#db/schema'

/**
 * What the begeleiders of the demo trajectories (db/seed/trajectories.ts) did next, so every trajectory page has
 * something to show on a first start: OCMW Gent saved a function profile for bakery helpers and published it, and
 * asked Bakkerij Van Damme for the work-floor evaluation of L.V.; the OCMW cluster proposed T.W.'s trajectory to
 * OCMW Gent because he moves to Gent, which OCMW Gent reads through the hand-over share until it decides. All of it
 * goes with the demo clients and organisations (ON DELETE CASCADE) when `npm run demo:remove` runs.
 */
const OCMW = 'begeleider.ocmw@demo.stapsteen.be'
const CLUSTER = 'begeleider.cluster@demo.stapsteen.be'

const BAKERY_PROFILE = [
  { title: 'Fase 1: in het bakhuis', competences: ['Op tijd komen', 'Hygiënisch werken met voeding', 'Deeg afwegen en vormen'], tasks: ['Deeg afwegen en vormen', 'Bakplaten klaarzetten en ovens laden', 'Het bakhuis en de machines reinigen'] },
  { title: 'Fase 2: in de winkel', competences: ['Klanten bedienen', 'Met een kassa werken'], tasks: ['Brood snijden en inpakken', 'Klanten bedienen aan de toonbank', 'Rekken aanvullen'] },
]

const MOVE_NOTE =
  'Thijs verhuist naar Gent, bij zijn zus. Hij werkt sinds twee maanden als orderpicker in Lochristi, komt stipt en wil die werkplek graag houden tot het einde van de fase. Graag een kennismaking met hem en mij samen.'

/** A demo client's open trajectory and its current phase, by the client's initials. */
async function openTrajectoryOf(tx: Tx, displayName: string) {
  const [row] = await tx
    .select({ id: trajectories.id, organisationId: trajectories.organisationId, phaseId: trajectoryPhases.id, employerId: placements.organisationId })
    .from(trajectories)
    .innerJoin(clients, eq(clients.id, trajectories.clientId))
    .innerJoin(trajectoryPhases, and(eq(trajectoryPhases.trajectoryId, trajectories.id), sql`${trajectoryPhases.endedOn} is null`))
    .leftJoin(placements, eq(placements.id, trajectoryPhases.placementId))
    .where(and(eq(clients.displayName, displayName), eq(trajectories.status, 'active')))
  if (!row) throw new Error(`demo trajectory records: no open trajectory of ${displayName}`)
  return row
}

/** Called by seedDemoIfEmpty after the demo trajectories exist. */
export async function seedDemoTrajectoryRecords(tx: Tx) {
  const staff = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, [OCMW, CLUSTER]))
  const ocmw = staff.find((u) => u.email === OCMW)
  const cluster = staff.find((u) => u.email === CLUSTER)
  const [gent] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'ocmw-gent'))
  const [baker] = await tx.select({ uri: occupations.uri }).from(occupations).where(eq(occupations.label, 'bakkerijmedewerker'))
  if (!ocmw || !cluster || !gent || !baker) throw new Error('demo trajectory records: unknown begeleider, OCMW Gent or occupation')

  await tx.insert(functionProfiles).values({ organisationId: gent.id, occupationUri: baker.uri, title: 'Bakkerijhulp: van bakhuis tot winkel', phases: BAKERY_PROFILE, publishedAt: new Date(), createdByUserId: ocmw.id })

  // The employer is asked about the goals of the POP, as the begeleider's request snapshots them.
  const bakery = await openTrajectoryOf(tx, 'L.V.')
  const [pop] = await tx.select({ competences: popVersions.competences }).from(popVersions).where(eq(popVersions.trajectoryId, bakery.id))
  if (!bakery.employerId || !pop) throw new Error('demo trajectory records: L.V. has no phase at a placement or no POP')
  await tx.insert(workFloorEvaluations).values({ trajectoryId: bakery.id, phaseId: bakery.phaseId, employerOrganisationId: bakery.employerId, goals: pop.competences, dueOn: plusDays(brusselsDate(), 14), requestedByUserId: ocmw.id })

  const moving = await openTrajectoryOf(tx, 'T.W.')
  const requestedAt = sql`now() - interval '2 days'`
  await tx.insert(trajectoryTransfers).values({ trajectoryId: moving.id, fromOrganisationId: moving.organisationId, toOrganisationId: gent.id, newMunicipalityNis: '44021', note: MOVE_NOTE, requestedByUserId: cluster.id, requestedAt })
  await tx.insert(trajectoryShares).values({ trajectoryId: moving.id, organisationId: gent.id, basis: 'hand_over', recordedByUserId: cluster.id, createdAt: requestedAt })
}
