import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { action as startAction } from '#app/routes/begeleider+/clienten.$clientId.traject._index'
import { action, loader } from '#app/routes/begeleider+/clienten.$clientId.traject.opleidingen'
import { db } from '#db/client'
import { auditLog, trajectories, trajectoryTrainings } from '#db/schema'
import { createClient } from '#db/seed/factories'
import type { SessionUser } from '#domain/session-user'
import { bakerUri, caseworker } from '#tests/support/caseworker-fixtures'
import { answer, body, context, cookieFor, page } from './staff-support'

let baker: string
beforeAll(async () => {
  baker = await bakerUri()
})

type Form = Record<string, string>
const trainingsPath = (clientId: string) => `/begeleider/clienten/${clientId}/traject/opleidingen`

async function post(run: typeof action, user: SessionUser, clientId: string, path: string, form: Form) {
  return answer(run({ request: page(await cookieFor(user.id), path, form), params: { clientId }, context }))
}
const postTraining = (user: SessionUser, clientId: string, form: Form) => post(action, user, clientId, trainingsPath(clientId), form)

/** A client of the caseworker with a running TWE-art60 trajectory (no workplace yet): the client's id. */
async function clientWithTrajectory(cw: SessionUser) {
  const clientId = (await createClient(db(), { organisationId: cw.organisation.id, caseworkerUserId: cw.id, displayName: 'R.T.', jobTargets: [baker], dutchLevel: 'A2', hoursAvailable: 19 })).id
  const start = { kind: 'twe_art60', entryReason: 'Heeft werkervaring nodig.', criteriaAssessedOn: '2026-11-02', startOn: '2026-11-03', workplace: 'geen' }
  expect((await post(startAction, cw, clientId, `/begeleider/clienten/${clientId}/traject`, start)).status).toBe(302)
  return clientId
}

const request: Form = { intent: 'request', provider: 'CVO Mechelen', course: 'Basis heftruck', requestedOn: '2026-11-10', startOn: '2026-12-01', endOn: '2026-12-12' }

async function addedTraining(cw: SessionUser, clientId: string) {
  expect((await postTraining(cw, clientId, request)).status).toBe(302)
  const [row] = await db().select().from(trajectoryTrainings).innerJoin(trajectories, eq(trajectories.id, trajectoryTrainings.trajectoryId)).where(eq(trajectories.clientId, clientId))
  return row!.trajectory_trainings
}

describe('training requests within the trajectory', () => {
  it('adds a request to the open trajectory, lists it, and audits ids only', async () => {
    const cw = await caseworker()
    const clientId = await clientWithTrajectory(cw)
    const training = await addedTraining(cw, clientId)
    expect(training).toMatchObject({ provider: 'CVO Mechelen', course: 'Basis heftruck', requestedOn: '2026-11-10', startOn: '2026-12-01', endOn: '2026-12-12', outcome: 'requested', refusalReason: null, recordedByUserId: cw.id })
    const shown = await body<{ open: boolean; trainings: { id: string; outcome: string }[] }>(loader({ request: page(await cookieFor(cw.id), trainingsPath(clientId)), params: { clientId }, context }))
    expect(shown).toMatchObject({ open: true, trainings: [{ id: training.id, outcome: 'requested' }] })
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'trajectory.training-add'), eq(auditLog.subjectId, training.trajectoryId)))
    expect(entry!.details).toEqual({ trainingId: training.id })
  })

  it('answers a missing course and an end before the start on their fields, and writes nothing', async () => {
    const cw = await caseworker()
    const clientId = await clientWithTrajectory(cw)
    const errorsFor = async (form: Form) => (await body<{ error: Record<string, string[]> }>(postTraining(cw, clientId, form), 400)).error
    expect(await errorsFor({ ...request, course: '' })).toEqual({ course: ['Vul de opleiding in.'] })
    expect(await errorsFor({ ...request, endOn: '2026-11-30' })).toEqual({ endOn: ['De opleiding eindigt ten vroegste op de startdatum.'] })
    const [trajectory] = await db().select({ id: trajectories.id }).from(trajectories).where(eq(trajectories.clientId, clientId))
    expect(await db().select().from(trajectoryTrainings).where(eq(trajectoryTrainings.trajectoryId, trajectory!.id))).toHaveLength(0)
  })

  it('needs a reason from the list to record a refusal, and keeps the reason', async () => {
    const cw = await caseworker()
    const clientId = await clientWithTrajectory(cw)
    const training = await addedTraining(cw, clientId)
    const refused = { intent: 'outcome', trainingId: training.id, outcome: 'refused' }
    const errors = (await body<{ error: Record<string, string[]> }>(postTraining(cw, clientId, refused), 400)).error
    expect(errors).toEqual({ refusalReason: ['Kies waarom de opleiding geweigerd werd.'] })
    expect((await postTraining(cw, clientId, { ...refused, refusalReason: 'dutch_level_too_low', note: 'Eerst NT2.' })).status).toBe(302)
    const [row] = await db().select().from(trajectoryTrainings).where(eq(trajectoryTrainings.id, training.id))
    expect(row).toMatchObject({ outcome: 'refused', refusalReason: 'dutch_level_too_low', note: 'Eerst NT2.' })
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'trajectory.training-outcome'), eq(auditLog.subjectId, training.trajectoryId)))
    expect(entry!.details).toEqual({ trainingId: training.id, outcome: 'refused', refusalReason: 'dutch_level_too_low' })
  })

  it('clears the reason when a refusal is overturned, and keeps the note when no new one is written', async () => {
    const cw = await caseworker()
    const clientId = await clientWithTrajectory(cw)
    const training = await addedTraining(cw, clientId)
    expect((await postTraining(cw, clientId, { intent: 'outcome', trainingId: training.id, outcome: 'refused', refusalReason: 'financing_unclear', note: 'Wacht op sectorfonds.' })).status).toBe(302)
    expect((await postTraining(cw, clientId, { intent: 'outcome', trainingId: training.id, outcome: 'approved' })).status).toBe(302)
    const [row] = await db().select().from(trajectoryTrainings).where(eq(trajectoryTrainings.id, training.id))
    expect(row).toMatchObject({ outcome: 'approved', refusalReason: null, note: 'Wacht op sectorfonds.' })
  })

  it('gives another organisation’s caseworker a 404 for the page, a new request and an outcome', async () => {
    const cw = await caseworker()
    const clientId = await clientWithTrajectory(cw)
    const training = await addedTraining(cw, clientId)
    const outsider = await caseworker('vdab')
    expect((await answer(loader({ request: page(await cookieFor(outsider.id), trainingsPath(clientId)), params: { clientId }, context }))).status).toBe(404)
    expect((await postTraining(outsider, clientId, request)).status).toBe(404)
    expect((await postTraining(outsider, clientId, { intent: 'outcome', trainingId: training.id, outcome: 'approved' })).status).toBe(404)
    // The outsider's own client with a trajectory does not reach a training of another organisation either.
    const ownClientId = await clientWithTrajectory(outsider)
    expect((await postTraining(outsider, ownClientId, { intent: 'outcome', trainingId: training.id, outcome: 'approved' })).status).toBe(404)
    const [row] = await db().select().from(trajectoryTrainings).where(eq(trajectoryTrainings.id, training.id))
    expect(row!.outcome).toBe('requested')
    expect(await db().select().from(trajectoryTrainings).where(eq(trajectoryTrainings.trajectoryId, training.trajectoryId))).toHaveLength(1)
  })

  it('refuses new requests once the trajectory stopped, but still takes an outcome', async () => {
    const cw = await caseworker()
    const clientId = await clientWithTrajectory(cw)
    const training = await addedTraining(cw, clientId)
    // Stopping with a final report is tested in trajectories.test.ts; here only the closed status matters.
    await db().update(trajectories).set({ status: 'stopped', endedOn: '2027-01-15', stopReason: 'training' }).where(eq(trajectories.id, training.trajectoryId))
    const refused = await body<{ error: Record<string, string[]> }>(postTraining(cw, clientId, request), 409)
    expect(refused.error).toEqual({ '': ['Het traject loopt niet meer: je kunt geen opleiding meer aanvragen.'] })
    expect((await postTraining(cw, clientId, { intent: 'outcome', trainingId: training.id, outcome: 'completed' })).status).toBe(302)
    const shown = await body<{ open: boolean; trainings: { outcome: string }[] }>(loader({ request: page(await cookieFor(cw.id), trainingsPath(clientId)), params: { clientId }, context }))
    expect(shown).toMatchObject({ open: false, trainings: [{ outcome: 'completed' }] })
  })
})
