import fs from 'node:fs'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { logger } from '#core/logger'
import { loader as apiLoader } from '#app/routes/api+/v1.trajectories.$id'
import { loader as ownerExportLoader } from '#app/routes/begeleider+/clienten.$clientId.traject[.json]'
import { db } from '#db/client'
import {
  popVersions,
  trajectories,
  trajectoryEvaluations,
  trajectoryFinalReports,
  trajectoryNotes,
  trajectoryPhases,
  trajectorySuspensions,
  trajectoryTrainings,
  workFloorEvaluations,
} from '#db/schema'
import { createEmployer, createUser } from '#db/seed/factories'
import { icfCodes, icfQualifiers } from '#domain/icf'
import * as values from '#domain/trajectory-values'
import { bakerUri, caseworker, publishBakeryPlacement, sessionUser } from '#tests/support/caseworker-fixtures'
import { apiToken, callApi, callRoute, startedTrajectory } from '#tests/support/trajectory-sharing'

/** The export for VDAB's client file holds every part of a trajectory, follows its JSON Schema, and never a confidential note. */
const schemaFile = path.resolve(import.meta.dirname, '../../docs/schemas/trajectory-export.schema.json')
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'))
const ajv = new Ajv2020({ strict: true, allErrors: true })
addFormats(ajv)
const validate = ajv.compile(schema)
const SECRET = 'Vertrouwelijk: partner dreigt met geweld, niet bespreken met werkgever'

beforeAll(() => void vi.spyOn(logger(), 'info').mockImplementation(() => undefined))

/** A stopped trajectory with a row in every table the export reads: the owner and the ids. */
async function fullTrajectory() {
  const owner = await caseworker('ocmw')
  const { clientId, trajectoryId: id } = await startedTrajectory(owner)
  const { organisation, sites } = await createEmployer(db(), { name: 'Bakkerij De Korenaar' })
  const employer = await sessionUser((await createUser(db(), { organisationId: organisation.id, role: 'employer' })).id)
  const placementId = await publishBakeryPlacement({ organisationId: organisation.id, userId: employer.id, siteId: sites[0]!.id }, await bakerUri())
  await db().update(trajectoryPhases).set({ endedOn: '2027-01-31', goals: ['klantvriendelijk'] }).where(eq(trajectoryPhases.trajectoryId, id))
  const [phase2] = await db().insert(trajectoryPhases).values({ trajectoryId: id, position: 2, placementId, startOn: '2027-02-01', plannedEndOn: '2027-07-31', endedOn: '2027-05-31' }).returning()
  const pop = { trajectoryId: id, jobTargets: [await bakerUri()], competences: ['klantvriendelijk', 'op tijd komen'], actions: 'Oefenen aan de kassa.', agreements: 'Elke week een gesprek.' }
  await db().insert(popVersions).values([{ ...pop, version: 1 }, { ...pop, version: 2, changeNote: 'Evaluatie na 3 maanden.' }])
  await db().insert(trajectorySuspensions).values({ trajectoryId: id, fromOn: '2027-01-10', toOn: '2027-01-20', reason: 'illness' })
  await db().insert(trajectoryEvaluations).values([
    { trajectoryId: id, phaseId: phase2!.id, kind: 'phase_end', heldOn: '2027-05-31', goals: [{ goal: 'klantvriendelijk', score: 'reached', comment: 'Vlot' }, { goal: 'op tijd komen', score: 'growing' }], summary: 'Goede fase.', popVersion: 2 },
    { trajectoryId: id, kind: 'periodic', heldOn: '2027-05-03', goals: [], summary: 'Halfjaarlijks.', popVersion: null },
  ])
  const request = { trajectoryId: id, phaseId: phase2!.id, employerOrganisationId: organisation.id, goals: ['klantvriendelijk'], dueOn: '2027-04-01' }
  await db().insert(workFloorEvaluations).values([
    { ...request, answers: [{ goal: 'klantvriendelijk', score: 'growing', comment: 'Durft meer' }], comment: 'Fijne collega', answeredByUserId: employer.id, answeredAt: new Date('2027-03-28T10:00:00Z') },
    { ...request, dueOn: '2027-05-15' },
  ])
  await db().insert(trajectoryTrainings).values([
    { trajectoryId: id, provider: 'CVO Gent', course: 'Broodbakker', requestedOn: '2027-02-10', outcome: 'refused', refusalReason: 'dutch_level_too_low' },
    { trajectoryId: id, provider: 'VDAB', course: 'Hygiëne', requestedOn: '2027-03-01', startOn: '2027-03-10', endOn: '2027-03-12', outcome: 'completed', note: 'Attest behaald' },
  ])
  await db().insert(trajectoryNotes).values([
    { trajectoryId: id, body: SECRET, confidential: true, authorUserId: owner.id },
    { trajectoryId: id, body: 'Gesprek met de werkgever was positief.', confidential: false, authorUserId: owner.id },
  ])
  await db().insert(trajectoryFinalReports).values({
    trajectoryId: id,
    goals: [{ goal: 'klantvriendelijk', result: 'reached' }],
    icf: [{ code: 'd845', qualifier: '1' }, { code: 'd710', qualifier: '0' }],
    outcome: 'regular_job',
    recommendation: 'Doorverwijzen naar een vaste job in de bakkerij.',
    writtenByUserId: owner.id,
  })
  await db().update(trajectories).set({ status: 'stopped', endedOn: '2027-05-31', stopReason: 'job_found', outflowStatus: 'regular_job', outflowRecordedOn: '2027-08-31' }).where(eq(trajectories.id, id))
  return { owner, clientId, id, placementId }
}

describe('the trajectory export', () => {
  it('holds every part of the trajectory, follows its schema and leaves the confidential note out', async () => {
    const { owner, clientId, id, placementId } = await fullTrajectory()
    const response = await callRoute(ownerExportLoader, owner, `/begeleider/clienten/${clientId}/traject.json`, { clientId })
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="traject-${id}.json"`)
    const text = await response.text()
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('partner dreigt')
    const data = JSON.parse(text)
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true)
    expect(data).toMatchObject({ schemaVersion: 1, id, kind: 'twe_art60', status: 'stopped', stopReason: 'job_found', outflow: { status: 'regular_job', recordedOn: '2027-08-31' } })
    expect(data.phases.map((p: { workplace: unknown }) => p.workplace)).toEqual([
      { type: 'external', description: 'Bakkerij Peeters, hulp in de winkel' },
      { type: 'placement', placementId, title: 'Hulp in de bakkerij', employer: 'Bakkerij De Korenaar' },
    ])
    expect(data.popVersions.map((p: { version: number }) => p.version)).toEqual([1, 2])
    expect(data.evaluations.map((e: { heldOn: string; phase: number | null }) => [e.heldOn, e.phase])).toEqual([['2027-05-03', null], ['2027-05-31', 2]])
    expect(data.workFloorEvaluations).toEqual([
      { phase: 2, employer: 'Bakkerij De Korenaar', dueOn: '2027-04-01', answeredAt: '2027-03-28T10:00:00.000Z', answers: [{ goal: 'klantvriendelijk', score: 'growing', comment: 'Durft meer' }], comment: 'Fijne collega' },
    ])
    expect(data.trainings.map((t: { outcome: string; refusalReason: string | null }) => [t.outcome, t.refusalReason])).toEqual([['refused', 'dutch_level_too_low'], ['completed', null]])
    expect(data.suspensions).toEqual([{ fromOn: '2027-01-10', toOn: '2027-01-20', reason: 'illness' }])
    expect(data.finalReport.icf).toEqual([{ code: 'd845', title: 'Verwerven, behouden en beëindigen van een baan', qualifier: '1' }, { code: 'd710', title: 'Basale tussenmenselijke interacties', qualifier: '0' }])
    expect(data.notes.map((n: { body: string }) => n.body)).toEqual(['Gesprek met de werkgever was positief.'])
  })

  it('answers the same document through the API for a token of the owning organisation, and 404 for another', async () => {
    const { owner, clientId, id } = await fullTrajectory()
    const api = await callApi(apiLoader, await apiToken(owner), id)
    expect(api.status).toBe(200)
    expect(api.headers.get('Cache-Control')).toBe('no-store')
    const body = await api.json()
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
    expect(JSON.stringify(body)).not.toContain(SECRET)
    const download = await (await callRoute(ownerExportLoader, owner, `/begeleider/clienten/${clientId}/traject.json`, { clientId })).json()
    expect({ ...body, exportedAt: null }).toEqual({ ...download, exportedAt: null })

    const stranger = await caseworker('ocmw')
    for (const unknown of [id, '00000000-0000-4000-8000-000000000000', 'niet-een-id']) {
      const refused = await callApi(apiLoader, await apiToken(stranger), unknown)
      expect(refused.status).toBe(404)
      expect(await refused.json()).toEqual({ error: { message: 'Dit traject bestaat niet of je organisatie mag het niet lezen.', fields: {} } })
    }
  })

  it('validates a trajectory that has only just started (nulls and empty lists)', async () => {
    const owner = await caseworker('ocmw')
    const { clientId } = await startedTrajectory(owner)
    const data = await (await callRoute(ownerExportLoader, owner, `/begeleider/clienten/${clientId}/traject.json`, { clientId })).json()
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true)
    expect(data).toMatchObject({ status: 'active', finalReport: null, outflow: null, notes: [], popVersions: [] })
    // The schema is closed: a field it does not name (e.g. a note's confidentiality) makes the document invalid.
    expect(validate({ ...data, notes: [{ createdAt: '2026-11-03T09:00:00.000Z', body: 'x', confidential: true }] })).toBe(false)
    expect(validate({ ...data, clientName: 'R.T.' })).toBe(false)
  })
})

describe('docs/schemas/trajectory-export.schema.json', () => {
  it('lists the same value identifiers as the portal', () => {
    const p = schema.properties
    const item = (name: string) => p[name].items.properties
    expect(p.kind.enum).toEqual([...values.trajectoryKinds])
    expect(p.status.enum).toEqual([...values.trajectoryStatuses])
    expect(p.stopReason.enum).toEqual([...values.stopReasons, null])
    expect(item('suspensions').reason.enum).toEqual([...values.suspensionReasons])
    expect(item('evaluations').kind.enum).toEqual([...values.evaluationKinds])
    expect(item('trainings').outcome.enum).toEqual([...values.trainingOutcomes])
    expect(item('trainings').refusalReason.enum).toEqual([...values.trainingRefusalReasons, null])
    const report = p.finalReport.oneOf[0].properties
    expect(report.outcome.enum).toEqual([...values.endOutcomes])
    expect(report.icf.items.properties.code.enum).toEqual([...icfCodes])
    expect(report.icf.items.properties.qualifier.enum).toEqual([...icfQualifiers])
  })
})
