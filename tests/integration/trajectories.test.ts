import { and, eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { action as closeAction, loader as closeLoader } from '#app/routes/begeleider+/clienten.$clientId.traject.afsluiten'
import { action as popAction, loader as popLoader } from '#app/routes/begeleider+/clienten.$clientId.traject.pop'
import { action as suspensionAction, loader as suspensionLoader } from '#app/routes/begeleider+/clienten.$clientId.traject.schorsing'
import { action as workplaceAction, loader as workplaceLoader } from '#app/routes/begeleider+/clienten.$clientId.traject.werkplek'
import { action as startAction, loader as trajectoryLoader } from '#app/routes/begeleider+/clienten.$clientId.traject._index'
import { db } from '#db/client'
import { anonymiseClosedClients } from '#db/queries/client-retention'
import { auditLog, clients, popVersions, trajectories, trajectoryFinalReports, trajectoryPhases } from '#db/schema'
import { plusDays, plusMonths } from '#domain/calendar-dates'
import { brusselsDate } from '#domain/intake-working-days'
import { bakerUri, caseworker, withJobQueue } from '#tests/support/caseworker-fixtures'
import { acceptedProposal, art60, call, errorsOf, newClient } from '#tests/support/trajectory-fixtures'

let baker: string

withJobQueue()
beforeAll(async () => {
  baker = await bakerUri()
})

describe('starting a trajectory', () => {
  it('starts TWE-art60 from an accepted proposal: phase 1 at its placement, audited with ids only', async () => {
    const cw = await caseworker()
    const clientId = await newClient(cw)
    const { proposalId, placementId } = await acceptedProposal(cw, clientId)
    const response = await call(startAction, cw, clientId, art60({ workplace: proposalId, contractStartOn: '2026-12-01' }))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`/begeleider/clienten/${clientId}/traject`)
    const [row] = await db().select().from(trajectories).where(eq(trajectories.clientId, clientId))
    expect(row).toMatchObject({ kind: 'twe_art60', status: 'active', organisationId: cw.organisation.id, begeleiderUserId: cw.id, startOn: '2026-11-03', contractStartOn: '2026-12-01' })
    expect(await db().select().from(trajectoryPhases).where(eq(trajectoryPhases.trajectoryId, row!.id))).toMatchObject([{ position: 1, placementId, proposalId }])
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'trajectory.start'), eq(auditLog.subjectId, row!.id)))
    expect(entry!.details).toEqual({ clientId, kind: 'twe_art60', phase: 1 })
  })

  it('answers each mistake with the field and the reason, and writes nothing', async () => {
    const cw = await caseworker()
    const clientId = await newClient(cw)
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ entryReason: '' }, 'entryReason', /waarom de persoon in TWE stapt/],
      [{ criteriaAssessedOn: '' }, 'criteriaAssessedOn', /instapcriteria/],
      [{ startOn: '2026-11-01' }, 'startOn', /niet starten voor de instapcriteria/],
      [{ contractStartOn: '2027-01-04' }, 'contractStartOn', /hoogstens 2 maanden/],
      [{ startOn: '2026-02-30' }, 'startOn', /bestaat niet/],
      [{ workplace: 'extern' }, 'externalWorkplace', /werkgever en in welke job/],
    ]
    for (const [overrides, field, message] of cases) {
      const response = await call(startAction, cw, clientId, art60(overrides))
      expect(response.status, field).toBe(400)
      expect((await errorsOf(response))[field]?.join(' '), field).toMatch(message)
    }
    expect(await db().select().from(trajectories).where(eq(trajectories.clientId, clientId))).toEqual([])
  })

  it('allows one open trajectory per client, and refuses a proposal that was not accepted', async () => {
    const cw = await caseworker()
    const clientId = await newClient(cw)
    expect((await call(startAction, cw, clientId, art60({ workplace: '00000000-0000-4000-8000-000000000000' }))).status).toBe(400)
    expect((await call(startAction, cw, clientId, art60())).status).toBe(302)
    const again = await call(startAction, cw, clientId, art60())
    expect(again.status).toBe(409)
    expect(await db().select().from(trajectories).where(eq(trajectories.clientId, clientId))).toHaveLength(1)
  })

  it('starts TWE-wz at the referral and shows its end, 24 months later', async () => {
    const cw = await caseworker('vdab')
    const clientId = await newClient(cw)
    const referral = { intent: 'start', kind: 'twe_wz', entryReason: 'Doorverwezen door de bemiddelaar.', startOn: '2026-03-31', workplace: 'extern', externalWorkplace: 'Bakkerij Peeters, hulp' }
    expect((await call(startAction, cw, clientId, Object.entries(referral))).status).toBe(302)
    const page = (await (await call(trajectoryLoader, cw, clientId)).json()) as { trajectory: { referralOn: string; deadlines: { label: string; value: string }[] } }
    expect(page.trajectory.referralOn).toBe('2026-03-31')
    expect(page.trajectory.deadlines[0]).toMatchObject({ label: expect.stringMatching(/^Einde/), value: '31 maart 2028' })
  })

  it('warns from six weeks without an employment contract', async () => {
    const cw = await caseworker()
    const clientId = await newClient(cw)
    const startOn = plusDays(brusselsDate(), -43)
    expect((await call(startAction, cw, clientId, art60({ criteriaAssessedOn: startOn, startOn }))).status).toBe(302)
    const page = (await (await call(trajectoryLoader, cw, clientId)).json()) as { trajectory: { deadlines: { label: string; tone: string; value: string }[] } }
    const contract = page.trajectory.deadlines.find((d) => d.label.startsWith('Arbeidsovereenkomst'))
    expect(contract).toMatchObject({ tone: 'warning', value: expect.stringContaining('ten laatste') })
    expect(plusMonths(startOn, 2) > brusselsDate()).toBe(true)
  })

  it('is a 404 for a caseworker of another organisation, OCMW or VDAB, on the page and the form', async () => {
    const cw = await caseworker()
    const clientId = await newClient(cw)
    expect((await call(startAction, cw, clientId, art60())).status).toBe(302)
    for (const outsider of [await caseworker(), await caseworker('vdab')]) {
      expect((await call(trajectoryLoader, outsider, clientId)).status).toBe(404)
      expect((await call(startAction, outsider, clientId, art60())).status).toBe(404)
      expect((await call(popLoader, outsider, clientId)).status).toBe(404)
    }
  })
})

describe('the POP', () => {
  const pop = (overrides: Record<string, string> = {}): [string, string][] => [
    ['jobTargets[0]', baker],
    ...Object.entries({ competences: 'Op tijd komen\nDeeg kneden, Hygiëne', actions: 'Twee weken meelopen.', agreements: 'Elke vrijdag een gesprek.', ...overrides }),
  ]

  it('keeps every version, asks why from version 2 on, and shows the history', async () => {
    const cw = await caseworker()
    const clientId = await newClient(cw)
    expect((await call(popLoader, cw, clientId)).status).toBe(404)
    expect((await call(startAction, cw, clientId, art60())).status).toBe(302)
    expect((await call(popAction, cw, clientId, pop())).status).toBe(302)
    const noNote = await call(popAction, cw, clientId, pop({ actions: 'Nu ook de oven.' }))
    expect(noNote.status).toBe(400)
    expect((await errorsOf(noNote)).changeNote?.[0]).toMatch(/wat er verandert en waarom/)
    const second = await call(popAction, cw, clientId, pop({ actions: 'Nu ook de oven.', changeNote: 'Evaluatie na 6 maanden: deeg lukt zelfstandig.' }))
    expect(second.status).toBe(302)
    const [trajectory] = await db().select().from(trajectories).where(eq(trajectories.clientId, clientId))
    const versions = await db().select().from(popVersions).where(eq(popVersions.trajectoryId, trajectory!.id)).orderBy(popVersions.version)
    expect(versions.map((v) => [v.version, v.competences, v.actions, v.changeNote])).toEqual([
      [1, ['Op tijd komen', 'Deeg kneden', 'Hygiëne'], 'Twee weken meelopen.', null],
      [2, ['Op tijd komen', 'Deeg kneden', 'Hygiëne'], 'Nu ook de oven.', 'Evaluatie na 6 maanden: deeg lukt zelfstandig.'],
    ])
    const page = (await (await call(trajectoryLoader, cw, clientId)).json()) as { trajectory: { pops: { version: number }[] } }
    expect(page.trajectory.pops.map((p) => p.version)).toEqual([2, 1])
    const entries = await db().select().from(auditLog).where(and(eq(auditLog.action, 'trajectory.pop-version'), eq(auditLog.subjectId, trajectory!.id))).orderBy(auditLog.id)
    expect(entries.map((e) => e.details)).toEqual([{ version: 1 }, { version: 2 }])
  })

  it('refuses a job target that is not the client’s, and empty competences', async () => {
    const cw = await caseworker()
    const clientId = await newClient(cw)
    expect((await call(startAction, cw, clientId, art60())).status).toBe(302)
    const foreign = await call(popAction, cw, clientId, [['jobTargets[0]', 'http://data.europa.eu/esco/occupation/niet-van-de-client'], ...pop().slice(1)])
    expect(foreign.status).toBe(400)
    expect((await errorsOf(foreign)).jobTargets?.[0]).toMatch(/dossier van de cliënt/)
    const empty = await call(popAction, cw, clientId, pop({ competences: ' , \n ' }))
    expect(empty.status).toBe(400)
    expect((await errorsOf(empty)).competences?.[0]).toMatch(/minstens één competentie/)
  })
})

/** A final report that stops the trajectory: two POP goals, two ICF ratings (d845 left unassessed). */
const report = (overrides: Record<string, string> = {}): [string, string][] => [
  ['goals[0].goal', 'Op tijd komen'],
  ['goals[0].result', 'reached'],
  ['goals[1].goal', 'Deeg kneden'],
  ['goals[1].result', 'growing'],
  ['goals[1].comment', 'Lukt met hulp.'],
  ['icf[0].code', 'd230'],
  ['icf[0].qualifier', '1'],
  ['icf[1].code', 'd845'],
  ['icf[1].qualifier', ''],
  ['icf[2].code', 'd720'],
  ['icf[2].qualifier', '2'],
  ...Object.entries({ closing: 'stop', endedOn: '2027-03-01', stopReason: 'job_found', outcome: 'regular_job', recommendation: 'Nazorg bij de nieuwe werkgever.', ...overrides }),
]

describe('stopping with a final report', () => {

  async function withPop() {
    const cw = await caseworker()
    const clientId = await newClient(cw)
    expect((await call(startAction, cw, clientId, art60({ workplace: 'extern', externalWorkplace: 'Bakkerij Peeters, hulp' }))).status).toBe(302)
    expect((await call(popAction, cw, clientId, [['jobTargets[0]', baker], ['competences', 'Op tijd komen\nDeeg kneden'], ['actions', 'Meelopen.'], ['agreements', 'Vrijdag.']])).status).toBe(302)
    return { cw, clientId }
  }

  it('stops the trajectory, ends its phase, keeps the report in ICF terms and shows it; a new trajectory may start', async () => {
    const { cw, clientId } = await withPop()
    const page = (await (await call(closeLoader, cw, clientId)).json()) as { goals: string[] }
    expect(page.goals).toEqual(['Op tijd komen', 'Deeg kneden'])
    const response = await call(closeAction, cw, clientId, report())
    expect(response.status).toBe(302)
    const [trajectory] = await db().select().from(trajectories).where(eq(trajectories.clientId, clientId))
    expect(trajectory).toMatchObject({ status: 'stopped', endedOn: '2027-03-01', stopReason: 'job_found' })
    expect(await db().select({ endedOn: trajectoryPhases.endedOn }).from(trajectoryPhases).where(eq(trajectoryPhases.trajectoryId, trajectory!.id))).toEqual([{ endedOn: '2027-03-01' }])
    const [stored] = await db().select().from(trajectoryFinalReports).where(eq(trajectoryFinalReports.trajectoryId, trajectory!.id))
    expect(stored).toMatchObject({
      goals: [{ goal: 'Op tijd komen', result: 'reached' }, { goal: 'Deeg kneden', result: 'growing', comment: 'Lukt met hulp.' }],
      icf: [{ code: 'd230', qualifier: '1' }, { code: 'd720', qualifier: '2' }],
      outcome: 'regular_job',
      recommendation: 'Nazorg bij de nieuwe werkgever.',
    })
    const overview = (await (await call(trajectoryLoader, cw, clientId)).json()) as { trajectory: { finalReport: unknown; deadlines: { label: string; value: string }[] } }
    expect(overview.trajectory.finalReport).toMatchObject({ outcome: 'regular_job' })
    expect(overview.trajectory.deadlines.find((d) => d.label.startsWith('Opvolging'))?.value).toBe('1 juni 2027')
    expect((await call(closeLoader, cw, clientId)).status).toBe(404)
    expect((await call(startAction, cw, clientId, art60({ criteriaAssessedOn: '2027-03-02', startOn: '2027-03-02' }))).status).toBe(302)
  })

  it('asks a stop reason, one ICF rating, a recommendation and a date not before the start', async () => {
    const { cw, clientId } = await withPop()
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ stopReason: '' }, 'stopReason', /waarom het traject stopt/],
      [{ recommendation: ' ' }, 'recommendation', /aanbeveling/],
      [{ endedOn: '2026-11-02' }, 'endedOn', /startte op 3 november 2026/],
    ]
    for (const [overrides, field, message] of cases) {
      const response = await call(closeAction, cw, clientId, report(overrides))
      expect(response.status, field).toBe(400)
      expect((await errorsOf(response))[field]?.join(' '), field).toMatch(message)
    }
    const unrated = await call(closeAction, cw, clientId, report().filter(([name]) => !name.endsWith('qualifier')))
    expect(unrated.status).toBe(400)
    expect((await errorsOf(unrated)).icf?.[0]).toMatch(/minstens één activiteit/)
    const [trajectory] = await db().select().from(trajectories).where(eq(trajectories.clientId, clientId))
    expect(trajectory!.status).toBe('active')
  })

  it('is a 404 for another organisation', async () => {
    const { clientId } = await withPop()
    const outsider = await caseworker('vdab')
    expect((await call(closeLoader, outsider, clientId)).status).toBe(404)
    expect((await call(closeAction, outsider, clientId, report())).status).toBe(404)
  })
})

describe('suspending', () => {
  type Page = { trajectory: { status: string; suspensions: { fromOn: string; toOn: string | null; reason: string }[]; deadlines: { label: string; value: string }[] } }
  const funded = (page: Page) => page.trajectory.deadlines.find((d) => d.label.startsWith('Gefinancierde begeleiding'))!.value

  it('pauses TWE-art60’s funded months, and counts the suspended days back in when taken up again', async () => {
    const cw = await caseworker()
    const clientId = await newClient(cw)
    expect((await call(startAction, cw, clientId, art60({ criteriaAssessedOn: '2026-01-05', startOn: '2026-01-05' }))).status).toBe(302)
    const before = (await (await call(trajectoryLoader, cw, clientId)).json()) as Page
    expect(funded(before)).toContain('op tot 5 januari 2028')
    expect((await call(suspensionAction, cw, clientId, [['intent', 'suspend'], ['fromOn', '2026-03-01'], ['reason', 'illness']])).status).toBe(302)
    expect((await call(suspensionAction, cw, clientId, [['intent', 'suspend'], ['fromOn', '2026-03-02'], ['reason', 'illness']])).status).toBe(409)
    const tooEarly = await call(suspensionAction, cw, clientId, [['intent', 'resume'], ['toOn', '2026-02-28']])
    expect(tooEarly.status).toBe(400)
    expect((await errorsOf(tooEarly)).toOn?.[0]).toBe('Kies 1 maart 2026 of later.')
    expect((await call(suspensionAction, cw, clientId, [['intent', 'resume'], ['toOn', '2026-04-01']])).status).toBe(302)
    const after = (await (await call(trajectoryLoader, cw, clientId)).json()) as Page
    expect(after.trajectory.status).toBe('active')
    expect(after.trajectory.suspensions).toMatchObject([{ fromOn: '2026-03-01', toOn: '2026-04-01', reason: 'illness' }])
    // 31 suspended days push the 24 funded months back by as many days.
    expect(funded(after)).toContain('op tot 5 februari 2028')
    const entries = await db().select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.actorUserId, cw.id), sql`${auditLog.action} in ('trajectory.suspend', 'trajectory.resume')`)).orderBy(auditLog.id)
    expect(entries.map((e) => e.action)).toEqual(['trajectory.suspend', 'trajectory.resume'])
  })

  it('refuses a suspension before the start, without a reason, or a resume that is not suspended; 404 for others', async () => {
    const cw = await caseworker()
    const clientId = await newClient(cw)
    expect((await call(startAction, cw, clientId, art60())).status).toBe(302)
    const early = await call(suspensionAction, cw, clientId, [['intent', 'suspend'], ['fromOn', '2026-11-02'], ['reason', 'illness']])
    expect(early.status).toBe(400)
    expect((await errorsOf(early)).fromOn?.[0]).toBe('Kies 3 november 2026 of later.')
    const noReason = await call(suspensionAction, cw, clientId, [['intent', 'suspend'], ['fromOn', '2026-12-01']])
    expect(noReason.status).toBe(400)
    expect((await errorsOf(noReason)).reason?.[0]).toBe('Kies waarom het traject geschorst wordt.')
    expect((await call(suspensionAction, cw, clientId, [['intent', 'resume'], ['toOn', '2026-12-01']])).status).toBe(409)
    const outsider = await caseworker('vdab')
    expect((await call(suspensionLoader, outsider, clientId)).status).toBe(404)
    expect((await call(suspensionAction, outsider, clientId, [['intent', 'suspend'], ['fromOn', '2026-12-01'], ['reason', 'illness']])).status).toBe(404)
  })
})

describe('rotation between workplaces', () => {
  it('starts phase 2 at another employer’s accepted placement, ending phase 1 that day; an extension goes into the POP', async () => {
    const cw = await caseworker()
    const clientId = await newClient(cw)
    expect((await call(startAction, cw, clientId, art60({ workplace: 'extern', externalWorkplace: 'Bakkerij Peeters, hulp', phaseEndOn: '2027-02-01' }))).status).toBe(302)
    const noPop = await call(workplaceAction, cw, clientId, [['intent', 'extend'], ['plannedEndOn', '2027-03-01'], ['motivation', 'Nog twee maanden ovenwerk.']])
    expect(noPop.status).toBe(409)
    expect((await call(popAction, cw, clientId, [['jobTargets[0]', baker], ['competences', 'Op tijd komen'], ['actions', 'Meelopen.'], ['agreements', 'Vrijdag.']])).status).toBe(302)
    const notLater = await call(workplaceAction, cw, clientId, [['intent', 'extend'], ['plannedEndOn', '2027-02-01'], ['motivation', 'Nog even.']])
    expect(notLater.status).toBe(400)
    expect((await errorsOf(notLater)).plannedEndOn?.[0]).toBe('Kies een datum na 1 februari 2027.')
    const noMotivation = await call(workplaceAction, cw, clientId, [['intent', 'extend'], ['plannedEndOn', '2027-03-01']])
    expect((await errorsOf(noMotivation)).motivation?.[0]).toMatch(/waarom de fase langer duurt/)
    expect((await call(workplaceAction, cw, clientId, [['intent', 'extend'], ['plannedEndOn', '2027-03-01'], ['motivation', 'Nog twee maanden ovenwerk.']])).status).toBe(302)
    const [trajectory] = await db().select().from(trajectories).where(eq(trajectories.clientId, clientId))
    const [v2] = await db().select().from(popVersions).where(and(eq(popVersions.trajectoryId, trajectory!.id), eq(popVersions.version, 2)))
    expect(v2).toMatchObject({ competences: ['Op tijd komen'], actions: 'Meelopen.', changeNote: 'Fase 1 verlengd tot 1 maart 2027: Nog twee maanden ovenwerk.' })

    const { proposalId, placementId } = await acceptedProposal(cw, clientId)
    const early = await call(workplaceAction, cw, clientId, [['intent', 'add'], ['workplace', proposalId], ['startOn', '2026-11-02']])
    expect((await errorsOf(early)).startOn?.[0]).toMatch(/^Kies 3 november 2026 of later/)
    const unknownGoal = await call(workplaceAction, cw, clientId, [['intent', 'add'], ['workplace', proposalId], ['startOn', '2027-03-01'], ['goals[0]', 'Heftruck rijden']])
    expect(unknownGoal.status).toBe(409)
    expect((await call(workplaceAction, cw, clientId, [['intent', 'add'], ['workplace', proposalId], ['startOn', '2027-03-01'], ['goals[0]', 'Op tijd komen']])).status).toBe(302)
    const phases = await db().select().from(trajectoryPhases).where(eq(trajectoryPhases.trajectoryId, trajectory!.id)).orderBy(trajectoryPhases.position)
    expect(phases.map((p) => [p.position, p.externalWorkplace, p.placementId, p.startOn, p.endedOn, p.goals])).toEqual([
      [1, 'Bakkerij Peeters, hulp', null, '2026-11-03', '2027-03-01', []],
      [2, null, placementId, '2027-03-01', null, ['Op tijd komen']],
    ])
    const outsider = await caseworker('vdab')
    expect((await call(workplaceLoader, outsider, clientId)).status).toBe(404)
    expect((await call(workplaceAction, outsider, clientId, [['intent', 'add'], ['workplace', 'extern'], ['externalWorkplace', 'X'], ['startOn', '2027-04-01']])).status).toBe(404)
  })
})

describe('retention', () => {
  it('keeps kind, status, dates and outcome of an anonymised client’s trajectory, and drops every text people wrote and the ICF ratings', async () => {
    const cw = await caseworker()
    const clientId = await newClient(cw)
    expect((await call(startAction, cw, clientId, art60({ workplace: 'extern', externalWorkplace: 'Bakkerij Peeters, hulp' }))).status).toBe(302)
    expect((await call(popAction, cw, clientId, [['jobTargets[0]', baker], ['competences', 'Op tijd komen'], ['actions', 'Meelopen.'], ['agreements', 'Vrijdag.']])).status).toBe(302)
    expect((await call(closeAction, cw, clientId, report())).status).toBe(302)
    await db().update(clients).set({ closedAt: sql`now() - interval '25 months'` }).where(eq(clients.id, clientId))
    expect(await db().transaction((tx) => anonymiseClosedClients(tx, 24))).toBeGreaterThanOrEqual(1)
    const [trajectory] = await db().select().from(trajectories).where(eq(trajectories.clientId, clientId))
    expect(trajectory).toMatchObject({ kind: 'twe_art60', status: 'stopped', startOn: '2026-11-03', endedOn: '2027-03-01', entryReason: '' })
    expect(await db().select({ externalWorkplace: trajectoryPhases.externalWorkplace }).from(trajectoryPhases).where(eq(trajectoryPhases.trajectoryId, trajectory!.id))).toEqual([{ externalWorkplace: '' }])
    const [version] = await db().select().from(popVersions).where(eq(popVersions.trajectoryId, trajectory!.id))
    expect(version).toMatchObject({ version: 1, jobTargets: [baker], competences: [], actions: '', agreements: '', changeNote: null })
    const [kept] = await db().select().from(trajectoryFinalReports).where(eq(trajectoryFinalReports.trajectoryId, trajectory!.id))
    expect(kept).toMatchObject({ outcome: 'regular_job', goals: [], icf: [], recommendation: '' })
  })
})
