import { beforeAll, describe, expect, test } from 'vitest'
import { plusDays, plusMonths } from '#domain/calendar-dates'
import { brusselsDate } from '#domain/intake-working-days'
import type { StopReason, TrajectoryKind } from '#domain/trajectory-values'
import { db } from '#db/client'
import { evaluationsDue, outflowAfterThreeMonths } from '#db/queries/dashboard-trajectories'
import { trajectories, trajectoryEvaluations, trajectoryPhases, trajectorySuspensions, trajectoryTrainings } from '#db/schema'
import { createClient, createOrganisation } from '#db/seed/factories'
import { loader } from '#app/routes/admin+/cijfers.$sectie'
import { body, context, cookieFor, organisation, page, person } from './staff-support'

/**
 * The "Trajecten" section of the regional dashboard (issue 14), on one hand-built data set: the second quarter of 2025
 * for Regio Gent (REFREG13), beside the first quarter and Flanders. Clients in Antwerpen (REFREG01) count for Flanders
 * only. Every expected number below is worked out from the trajectories listed in `beforeAll`.
 */
const GENT = '44021'
const ANTWERPEN = '11002'

let ocmw: string

type Trajectory = { nis: string; kind: TrajectoryKind; startOn: string; endedOn?: string; stopReason?: StopReason; suspended?: boolean; outflow?: 'regular_job' | 'training' | 'other_measure' | 'none' }

async function trajectory(t: Trajectory) {
  const client = await createClient(db(), { organisationId: ocmw, homeMunicipalityNis: t.nis, postcode: t.nis === GENT ? '9000' : t.nis === ANTWERPEN ? '2000' : '3000' })
  const status = t.endedOn ? (t.stopReason ? 'stopped' : 'ended') : t.suspended ? 'suspended' : 'active'
  const art60 = t.kind === 'twe_art60'
  const [row] = await db()
    .insert(trajectories)
    .values({ clientId: client.id, organisationId: ocmw, kind: t.kind, status, entryReason: 'Test', criteriaAssessedOn: art60 ? t.startOn : null, referralOn: art60 ? null : t.startOn, startOn: t.startOn, endedOn: t.endedOn, stopReason: t.stopReason, outflowStatus: t.outflow })
    .returning({ id: trajectories.id })
  return row!.id
}

const evaluation = (trajectoryId: string, heldOn: string) => db().insert(trajectoryEvaluations).values({ trajectoryId, kind: 'periodic', heldOn, goals: [], summary: '' })
const phase = (trajectoryId: string, position: number, startOn: string, end: { endedOn?: string; plannedEndOn?: string }) =>
  db().insert(trajectoryPhases).values({ trajectoryId, position, startOn, externalWorkplace: 'Atelier', ...end })
const suspension = (trajectoryId: string, fromOn: string, toOn: string | null, reason: string) => db().insert(trajectorySuspensions).values({ trajectoryId, fromOn, toOn, reason })
const training = (trajectoryId: string, requestedOn: string, outcome: 'requested' | 'approved' | 'refused' | 'completed', refusalReason?: 'motivation' | 'financing_unclear' | 'dutch_level_too_low') =>
  db().insert(trajectoryTrainings).values({ trajectoryId, provider: 'CVO', course: 'Heftruck', requestedOn, outcome, refusalReason })

beforeAll(async () => {
  ocmw = (await createOrganisation(db(), { type: 'ocmw' })).id
  const t1 = await trajectory({ nis: GENT, kind: 'twe_art60', startOn: '2024-10-01' })
  await phase(t1, 1, '2024-10-01', { endedOn: '2025-05-15' })
  await phase(t1, 2, '2025-05-16', { plannedEndOn: '2025-12-31' })
  // Due 2025-04-01 (start + 6 months): held 03-20, on time. Then due 05-15 (phase end): held 05-20, late.
  await evaluation(t1, '2025-03-20')
  await evaluation(t1, '2025-05-20')
  await suspension(t1, '2025-01-05', '2025-02-01', 'illness')
  await training(t1, '2025-04-02', 'approved')
  await training(t1, '2025-05-02', 'refused', 'dutch_level_too_low')
  const t2 = await trajectory({ nis: GENT, kind: 'twe_art60', startOn: '2025-06-30' })
  await training(t2, '2025-07-01', 'refused', 'motivation')
  await trajectory({ nis: GENT, kind: 'twe_wz', startOn: '2025-07-01' })
  // Due 2025-01-01 after the evaluation of 2024-07-01: held 01-10, late (first quarter). Ended on the quarter's first day.
  const t4 = await trajectory({ nis: GENT, kind: 'twe_wz', startOn: '2024-01-10', endedOn: '2025-04-01' })
  await evaluation(t4, '2024-07-01')
  await evaluation(t4, '2025-01-10')
  await trajectory({ nis: GENT, kind: 'twe_wz', startOn: '2024-01-10', endedOn: '2025-03-31', stopReason: 'job_found', outflow: 'regular_job' })
  const t6 = await trajectory({ nis: ANTWERPEN, kind: 'twe_art60', startOn: '2025-05-01' })
  await suspension(t6, '2025-05-10', null, 'illness')
  await training(t6, '2025-05-12', 'refused', 'motivation')
  // Its first phase ends 2025-05-01 while it is suspended: not counted as due.
  const t7 = await trajectory({ nis: GENT, kind: 'twe_art60', startOn: '2025-02-01', suspended: true })
  await phase(t7, 1, '2025-02-01', { plannedEndOn: '2025-05-01' })
  await suspension(t7, '2025-04-15', null, 'family_care')
  await training(t7, '2025-04-01', 'requested')
  // Due 2025-04-15 after the evaluation of 2024-10-15: held 04-10, on time.
  const t8 = await trajectory({ nis: GENT, kind: 'twe_art60', startOn: '2024-06-01', endedOn: '2025-05-05', stopReason: 'no_cooperation' })
  await evaluation(t8, '2024-10-15')
  await evaluation(t8, '2025-04-10')
  const t9 = await trajectory({ nis: GENT, kind: 'twe_wz', startOn: '2025-01-15', endedOn: '2025-06-10', stopReason: 'moved' })
  await training(t9, '2025-03-31', 'refused', 'financing_unclear')
  // Follow-up 2025-05-20, but a move is followed up by the new municipality's trajectory.
  await trajectory({ nis: GENT, kind: 'twe_art60', startOn: '2024-03-01', endedOn: '2025-02-20', stopReason: 'moved' })
  // Follow-up 2025-04-30 (31 January + 3 months), not recorded.
  await trajectory({ nis: GENT, kind: 'twe_art60', startOn: '2024-02-01', endedOn: '2025-01-31' })
  await trajectory({ nis: ANTWERPEN, kind: 'twe_wz', startOn: '2024-01-01', endedOn: '2025-02-15', outflow: 'training' })
  // Due 2025-06-01, after its end: not counted.
  await trajectory({ nis: GENT, kind: 'twe_wz', startOn: '2024-12-01', endedOn: '2025-03-05', stopReason: 'illness', outflow: 'none' })
  await trajectory({ nis: GENT, kind: 'twe_art60', startOn: '2023-06-01', endedOn: '2024-12-31', outflow: 'other_measure' })
  // Due 2025-05-10, never held.
  const t16 = await trajectory({ nis: GENT, kind: 'twe_wz', startOn: '2024-11-10' })
  await suspension(t16, '2025-06-01', '2025-06-05', '')
  await training(t16, '2025-06-30', 'refused', 'dutch_level_too_low')
  const t17 = await trajectory({ nis: ANTWERPEN, kind: 'twe_art60', startOn: '2024-11-01' })
  await evaluation(t17, '2025-04-20')
  // Due 2025-04-15, held that very day: on time.
  const t18 = await trajectory({ nis: GENT, kind: 'twe_wz', startOn: '2024-10-15' })
  await evaluation(t18, '2025-04-15')
  await suspension(t18, '2025-07-01', '2025-08-01', 'temporary_job')
  await training(t18, '2025-05-05', 'completed')
  await trajectory({ nis: ANTWERPEN, kind: 'twe_wz', startOn: '2024-09-01', endedOn: '2025-04-20', stopReason: 'training' })
})

type Table = { id: string; rows: { key: string; values: (number | null)[] }[] }

/** The section for REFREG13, second quarter of 2025: per table, key → [region Q2, region Q1, Flanders Q2]. */
async function tables() {
  const platform = await organisation('stapsteen')
  const cookie = await cookieFor((await person(platform.id, 'regional_admin', { regions: ['REFREG13'] })).id)
  const data = await body<{ tables: Table[] }>(loader({ request: page(cookie, '/admin/cijfers/trajecten?periode=2025-Q2'), params: { sectie: 'trajecten' }, context }))
  return (id: string) => Object.fromEntries(data.tables.find((table) => table.id === id)!.rows.map((row) => [row.key, row.values]))
}

describe('/admin/cijfers/trajecten', () => {
  test('running trajectories by kind: started before the end, not closed before the first day', async () => {
    const table = await tables()
    expect(table('trajecten-lopend-per-soort')).toEqual({ twe_art60: [4, 5, 6], twe_wz: [4, 6, 5] })
  })

  test('evaluations due: on time, late, not held; the share on time per kind', async () => {
    const table = await tables()
    expect(table('trajecten-evaluaties-vervallen')).toEqual({ on_time: [3, 0, 4], late: [1, 1, 1], not_held: [1, 0, 1] })
    expect(table('trajecten-evaluaties-op-tijd')).toEqual({ twe_art60: [66.7, null, 75], twe_wz: [50, 0, 50], all: [60, 0, 66.7] })
  })

  test('suspensions and stops by enumerated reason; a cleared reason is counted as unknown', async () => {
    const table = await tables()
    expect(table('trajecten-schorsingen-per-reden')).toEqual({
      illness: [0, 1, 1],
      pregnancy_or_birth: [0, 0, 0],
      family_care: [1, 0, 1],
      temporary_job: [0, 0, 0],
      personal_circumstances: [0, 0, 0],
      other: [0, 0, 0],
      unknown: [1, 0, 1],
    })
    const stops = table('trajecten-stopzettingen-per-reden')
    expect(Object.fromEntries(Object.entries(stops).filter(([, values]) => values.some((value) => value !== 0)))).toEqual({
      job_found: [0, 1, 0],
      training: [0, 0, 1],
      illness: [0, 1, 0],
      moved: [1, 1, 1],
      no_cooperation: [1, 0, 1],
    })
    expect(Object.keys(stops)).toHaveLength(9)
  })

  test('training requests by outcome and the refusal reasons', async () => {
    const table = await tables()
    expect(table('trajecten-opleidingsaanvragen')).toEqual({ requested: [1, 0, 1], approved: [1, 0, 1], refused: [2, 1, 3], completed: [1, 0, 1], dropped_out: [0, 0, 0] })
    const refusals = table('trajecten-opleidingen-geweigerd')
    expect(refusals).toMatchObject({ dutch_level_too_low: [2, 0, 2], motivation: [0, 0, 1], financing_unclear: [0, 1, 0], other: [0, 0, 0] })
    expect(Object.keys(refusals)).toHaveLength(7)
  })

  test('outflow 3 months after the end, including not yet recorded; a move is left out', async () => {
    const table = await tables()
    expect(table('trajecten-uitstroom-na-3-maanden')).toEqual({
      regular_job: [1, 0, 1],
      training: [0, 0, 1],
      other_measure: [0, 1, 0],
      none: [1, 0, 1],
      not_recorded: [1, 0, 1],
    })
  })

  test('a due day or follow-up day that has not passed yet is not counted', async () => {
    const today = brusselsDate()
    const start = plusDays(today, -30)
    // Oost-Brabant (REFREG05) holds only these trajectories; a phase end is an exact due day.
    for (const offset of [-1, 0, 1]) {
      const id = await trajectory({ nis: '24062', kind: 'twe_wz', startOn: start })
      await phase(id, 1, start, { plannedEndOn: plusDays(today, offset) })
    }
    // ±10 days around "3 months ago" keep the follow-up days clear of today whatever the month lengths.
    const threeMonthsAgo = plusMonths(today, -3)
    await trajectory({ nis: '24062', kind: 'twe_wz', startOn: plusDays(threeMonthsAgo, -40), endedOn: plusDays(threeMonthsAgo, -10) })
    await trajectory({ nis: '24062', kind: 'twe_wz', startOn: plusDays(threeMonthsAgo, -40), endedOn: plusDays(threeMonthsAgo, 10) })
    const slice = { from: plusDays(today, -30), until: plusDays(today, 30), regionCodes: ['REFREG05'] }
    expect(await evaluationsDue(db(), slice)).toEqual([{ kind: 'twe_wz', onTime: 0, late: 0, notHeld: 1 }])
    expect(await outflowAfterThreeMonths(db(), slice)).toEqual([{ key: null, count: 1 }])
  })
})
