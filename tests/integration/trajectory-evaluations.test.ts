import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { runEvaluationReminders } from '#app/features/trajectories/evaluation-reminders.server'
import { action as evaluationAction, loader as evaluationLoader } from '#app/routes/begeleider+/clienten.$clientId.traject.evaluatie'
import { action as popAction } from '#app/routes/begeleider+/clienten.$clientId.traject.pop'
import { action as suspensionAction } from '#app/routes/begeleider+/clienten.$clientId.traject.schorsing'
import { action as startAction, loader as trajectoryLoader } from '#app/routes/begeleider+/clienten.$clientId.traject._index'
import { loader as dueLoader } from '#app/routes/begeleider+/evaluaties'
import { action as answerAction, loader as formLoader } from '#app/routes/werkgever+/evaluaties.$id'
import { loader as employerListLoader } from '#app/routes/werkgever+/evaluaties._index'
import { db } from '#db/client'
import { anonymiseClosedClients } from '#db/queries/client-retention'
import { auditLog, begeleiderChanges, clients, emailMessages, popVersions, trajectories, trajectoryEvaluations, trajectoryNotes, trajectoryPhases, trajectoryTrainings, workFloorEvaluations } from '#db/schema'
import { createEmployer, createUser } from '#db/seed/factories'
import { plusDays, plusMonths } from '#domain/calendar-dates'
import { brusselsDate } from '#domain/intake-working-days'
import type { SessionUser } from '#domain/session-user'
import { caseworker, sessionUser, withJobQueue } from '#tests/support/caseworker-fixtures'
import { acceptedProposal, art60, call, callRoute, errorsOf, newClient } from '#tests/support/trajectory-fixtures'

withJobQueue()

const today = brusselsDate()
const pop: [string, string][] = [
  ['jobTargets', ''],
  ['competences', 'op tijd komen\nbrood vormen'],
  ['actions', 'Elke week een gesprek.'],
  ['agreements', 'Verwittigen bij ziekte.'],
]

/** An active TWE-art60 trajectory started `startOn` at an accepted proposal's placement, with POP version 1. */
async function runningTrajectory(startOn = plusDays(today, -30)) {
  const cw = await caseworker()
  const clientId = await newClient(cw)
  const accepted = await acceptedProposal(cw, clientId)
  expect((await call(startAction, cw, clientId, art60({ workplace: accepted.proposalId, criteriaAssessedOn: startOn, startOn }))).status).toBe(302)
  const page = (await (await call(trajectoryLoader, cw, clientId)).json()) as { client: { jobTargets: { uri: string }[] }; trajectory: { id: string; phases: { id: string }[] } }
  const fields = pop.map(([name, value]): [string, string] => (name === 'jobTargets' ? [name, page.client.jobTargets[0]!.uri] : [name, value]))
  expect((await call(popAction, cw, clientId, fields)).status).toBe(302)
  return { cw, clientId, ...accepted, trajectoryId: page.trajectory.id, phaseId: page.trajectory.phases[0]!.id }
}

const evaluation = (overrides: Record<string, string> = {}): [string, string][] => [
  ...Object.entries({ intent: 'evaluate', kind: 'periodic', heldOn: today, summary: 'Komt stipt; vormen gaat trager.', competences: 'op tijd komen\nbrood vormen\nin team werken', actions: 'Om de twee weken een gesprek.', agreements: 'Verwittigen bij ziekte.', ...overrides }),
  ['scores[0].goal', 'op tijd komen'],
  ['scores[0].score', overrides['score0'] ?? 'reached'],
  ['scores[1].goal', overrides['goal1'] ?? 'brood vormen'],
  ['scores[1].score', 'growing'],
  ['scores[1].comment', 'Oefent met de bakker.'],
]

describe('the begeleider’s evaluation', () => {
  it('records the scores and appends POP version 2 with the conclusion as its note; the next evaluation counts from it', async () => {
    const t = await runningTrajectory()
    const response = await call(evaluationAction, t.cw, t.clientId, evaluation({ phaseId: t.phaseId }))
    expect(response.status).toBe(302)
    const [row] = await db().select().from(trajectoryEvaluations).where(eq(trajectoryEvaluations.trajectoryId, t.trajectoryId))
    expect(row).toMatchObject({ kind: 'periodic', heldOn: today, phaseId: t.phaseId, popVersion: 2 })
    expect(row!.goals).toEqual([{ goal: 'op tijd komen', score: 'reached' }, { goal: 'brood vormen', score: 'growing', comment: 'Oefent met de bakker.' }])
    const [latest] = await db().select().from(popVersions).where(eq(popVersions.trajectoryId, t.trajectoryId)).orderBy(desc(popVersions.version)).limit(1)
    expect(latest).toMatchObject({ version: 2, competences: ['op tijd komen', 'brood vormen', 'in team werken'], actions: 'Om de twee weken een gesprek.' })
    expect(latest!.changeNote).toMatch(/^Evaluatie van .*: Komt stipt; vormen gaat trager\.$/)
    const page = (await (await call(trajectoryLoader, t.cw, t.clientId)).json()) as { trajectory: { evaluations: unknown[]; deadlines: { label: string; value: string }[] } }
    expect(page.trajectory.evaluations).toHaveLength(1)
    const next = page.trajectory.deadlines.find((d) => d.label === 'Volgende evaluatie')
    expect(next?.value).not.toMatch(/Te laat/)
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'trajectory.evaluation'), eq(auditLog.subjectId, t.trajectoryId)))
    expect(entry!.details).toEqual({ evaluationId: row!.id, kind: 'periodic', popVersion: 2 })
  })

  it('answers each mistake with the field and the reason, and writes nothing', async () => {
    const t = await runningTrajectory()
    const cases: [Record<string, string>, string, number, RegExp][] = [
      [{ summary: '' }, 'summary', 400, /toelichting bij de nieuwe POP-versie/],
      [{ heldOn: plusDays(today, 1) }, 'heldOn', 400, /Kies een datum tussen/],
      [{ heldOn: plusDays(today, -400) }, 'heldOn', 400, /Kies een datum tussen/],
      [{ phaseId: '00000000-0000-4000-8000-000000000000' }, 'phaseId', 400, /Kies een fase/],
      [{ score0: 'excellent' }, 'scores[0].score', 400, /Kies hoe ver/],
      [{ goal1: 'heftruck' }, '', 409, /staat niet \(meer\) in het POP/],
    ]
    for (const [overrides, field, status, message] of cases) {
      const response = await call(evaluationAction, t.cw, t.clientId, evaluation(overrides))
      expect(response.status, JSON.stringify(overrides)).toBe(status)
      expect((await errorsOf(response))[field]?.join(' '), JSON.stringify(overrides)).toMatch(message)
    }
    expect(await db().select().from(trajectoryEvaluations).where(eq(trajectoryEvaluations.trajectoryId, t.trajectoryId))).toEqual([])
    expect(await db().select().from(popVersions).where(eq(popVersions.trajectoryId, t.trajectoryId))).toHaveLength(1)
  })

  it('is a 404 for another organisation and while the trajectory is suspended', async () => {
    const t = await runningTrajectory()
    for (const outsider of [await caseworker(), await caseworker('vdab')]) {
      expect((await call(evaluationLoader, outsider, t.clientId)).status).toBe(404)
      expect((await call(evaluationAction, outsider, t.clientId, evaluation())).status).toBe(404)
    }
    expect((await call(suspensionAction, t.cw, t.clientId, [['intent', 'suspend'], ['fromOn', today], ['reason', 'illness']])).status).toBe(302)
    expect((await call(evaluationLoader, t.cw, t.clientId)).status).toBe(404)
    expect((await call(evaluationAction, t.cw, t.clientId, evaluation())).status).toBe(404)
  })
})

const askEmployer = (phaseId: string, dueOn = plusDays(today, 14)): [string, string][] => [['intent', 'work-floor'], ['phaseId', phaseId], ['dueOn', dueOn]]
const employerCall = (run: Parameters<typeof callRoute>[0], user: SessionUser, id: string, fields?: [string, string][]) => callRoute(run, user, `/werkgever/evaluaties/${id}`, { id }, fields)

describe('the employer’s work-floor form', () => {
  it('is asked by mail, answered once from the employer’s portal, and shown to the begeleider', async () => {
    const t = await runningTrajectory()
    expect((await call(evaluationAction, t.cw, t.clientId, askEmployer(t.phaseId))).status).toBe(302)
    const [form] = await db().select().from(workFloorEvaluations).where(eq(workFloorEvaluations.phaseId, t.phaseId))
    expect(form).toMatchObject({ goals: ['op tijd komen', 'brood vormen'], answers: null })
    const mails = await db().select().from(emailMessages).where(and(eq(emailMessages.to, t.employer.email), eq(emailMessages.template, 'work-floor-request')))
    expect(mails).toHaveLength(1)
    expect(mails[0]!.text).toContain(`/werkgever/evaluaties/${form!.id}`)
    expect(mails[0]!.text).not.toContain('Rita')
    expect((await call(evaluationAction, t.cw, t.clientId, askEmployer(t.phaseId))).status).toBe(409)

    const list = (await (await callRoute(employerListLoader, t.employer, '/werkgever/evaluaties', {})).json()) as { forms: { id: string; sharedFirstName: string | null }[] }
    expect(list.forms).toEqual([expect.objectContaining({ id: form!.id, sharedFirstName: 'Rita' })])
    const incomplete: [string, string][] = [['answers[0].goal', 'op tijd komen'], ['answers[0].score', 'reached'], ['answers[1].goal', 'brood vormen']]
    const refused = await employerCall(answerAction, t.employer, form!.id, incomplete)
    expect(refused.status).toBe(400)
    expect((await errorsOf(refused))['answers[1].score']?.join(' ')).toMatch(/Kies hoe ver/)
    const answer: [string, string][] = [...incomplete, ['answers[1].score', 'growing'], ['comment', 'Leert snel bij.']]
    expect((await employerCall(answerAction, t.employer, form!.id, answer)).status).toBe(302)
    expect((await employerCall(answerAction, t.employer, form!.id, answer)).status).toBe(409)
    const page = (await (await call(trajectoryLoader, t.cw, t.clientId)).json()) as { trajectory: { workFloor: { answers: unknown; comment: string }[] } }
    expect(page.trajectory.workFloor).toEqual([expect.objectContaining({ answers: [{ goal: 'op tijd komen', score: 'reached' }, { goal: 'brood vormen', score: 'growing' }], comment: 'Leert snel bij.' })])
  })

  it('is a 404 for another employer, and the begeleider cannot ask for an outside workplace or a past date', async () => {
    const t = await runningTrajectory()
    expect((await call(evaluationAction, t.cw, t.clientId, askEmployer(t.phaseId, plusDays(today, -1)))).status).toBe(400)
    expect((await call(evaluationAction, t.cw, t.clientId, askEmployer(t.phaseId))).status).toBe(302)
    const [form] = await db().select().from(workFloorEvaluations).where(eq(workFloorEvaluations.phaseId, t.phaseId))
    const other = await createEmployer(db())
    const stranger = await sessionUser((await createUser(db(), { organisationId: other.organisation.id, role: 'employer' })).id)
    expect((await employerCall(formLoader, stranger, form!.id)).status).toBe(404)
    expect((await employerCall(answerAction, stranger, form!.id, [['answers[0].goal', 'op tijd komen'], ['answers[0].score', 'reached']])).status).toBe(404)
    const list = (await (await callRoute(employerListLoader, stranger, '/werkgever/evaluaties', {})).json()) as { forms: unknown[] }
    expect(list.forms).toEqual([])
    const move: [string, string][] = [['intent', 'add'], ['workplace', 'extern'], ['externalWorkplace', 'Bakkerij Peeters'], ['startOn', today]]
    const { action: workplaceAction } = await import('#app/routes/begeleider+/clienten.$clientId.traject.werkplek')
    expect((await call(workplaceAction, t.cw, t.clientId, move)).status).toBe(302)
    const page = (await (await call(trajectoryLoader, t.cw, t.clientId)).json()) as { trajectory: { phases: { id: string }[] } }
    const outside = await call(evaluationAction, t.cw, t.clientId, askEmployer(page.trajectory.phases[1]!.id))
    expect(outside.status).toBe(400)
    expect((await errorsOf(outside))['phaseId']?.join(' ')).toMatch(/niet op Stapsteen/)
  })
})

describe('evaluations coming due', () => {
  it('lists an evaluation overdue at 6 months + 1 day, the begeleider’s own apart from the team’s', async () => {
    const t = await runningTrajectory(plusDays(plusMonths(today, -6), -1))
    const colleague = await sessionUser((await createUser(db(), { organisationId: t.cw.organisation.id, role: 'caseworker' })).id)
    const mine = (await (await callRoute(dueLoader, t.cw, '/begeleider/evaluaties', {})).json()) as { mine: { clientId: string; overdue: boolean; dueOn: string }[]; team: unknown[] }
    expect(mine.mine).toEqual([expect.objectContaining({ clientId: t.clientId, overdue: true, dueOn: plusDays(today, -1) })])
    expect(mine.team).toEqual([])
    const theirs = (await (await callRoute(dueLoader, colleague, '/begeleider/evaluaties', {})).json()) as { mine: unknown[]; team: { clientId: string }[] }
    expect(theirs.mine).toEqual([])
    expect(theirs.team).toEqual([expect.objectContaining({ clientId: t.clientId })])
    const outsider = (await (await callRoute(dueLoader, await caseworker(), '/begeleider/evaluaties', {})).json()) as { mine: unknown[]; team: unknown[] }
    expect([...outsider.mine, ...outsider.team]).toEqual([])
  })

  it('reminds the begeleider 14 days ahead and on the day, once each, and not after the due date', async () => {
    const startOn = plusDays(today, -10)
    const t = await runningTrajectory(startOn)
    const dueOn = plusMonths(startOn, 6)
    // Each run is its own transaction, so created_at orders the mails as they were sent.
    const reminders = () => db().select({ subject: emailMessages.subject }).from(emailMessages).where(and(eq(emailMessages.to, t.cw.email), inArray(emailMessages.template, ['evaluation-reminder']))).orderBy(asc(emailMessages.createdAt))
    await runEvaluationReminders({ today: plusDays(dueOn, -15), baseUrl: 'http://localhost:3000' })
    expect(await reminders()).toEqual([])
    await runEvaluationReminders({ today: plusDays(dueOn, -14), baseUrl: 'http://localhost:3000' })
    await runEvaluationReminders({ today: plusDays(dueOn, -13), baseUrl: 'http://localhost:3000' })
    expect(await reminders()).toEqual([{ subject: 'Over twee weken: een evaluatie van een TWE-traject' }])
    await runEvaluationReminders({ today: dueOn, baseUrl: 'http://localhost:3000' })
    await runEvaluationReminders({ today: plusDays(dueOn, 1), baseUrl: 'http://localhost:3000' })
    expect((await reminders()).map((r) => r.subject)).toEqual(['Over twee weken: een evaluatie van een TWE-traject', 'Vandaag: een evaluatie van een TWE-traject'])
  })
})

describe('retention', () => {
  it('clears what people wrote in evaluations, work-floor forms, trainings, notes and hand-over notes, and keeps what is counted', async () => {
    const t = await runningTrajectory()
    expect((await call(evaluationAction, t.cw, t.clientId, askEmployer(t.phaseId))).status).toBe(302)
    expect((await call(evaluationAction, t.cw, t.clientId, evaluation({ phaseId: t.phaseId }))).status).toBe(302)
    const [form] = await db().select().from(workFloorEvaluations).where(eq(workFloorEvaluations.phaseId, t.phaseId))
    const answer: [string, string][] = [['answers[0].goal', 'op tijd komen'], ['answers[0].score', 'reached'], ['answers[1].goal', 'brood vormen'], ['answers[1].score', 'growing'], ['comment', 'Leert snel bij.']]
    expect((await employerCall(answerAction, t.employer, form!.id, answer)).status).toBe(302)
    await db().update(trajectoryPhases).set({ goals: ['brood vormen'] }).where(eq(trajectoryPhases.id, t.phaseId))
    const trajectoryId = t.trajectoryId
    await db().insert(trajectoryTrainings).values({ trajectoryId, provider: 'CVO Mechelen', course: 'Bakker', requestedOn: today, outcome: 'refused', refusalReason: 'dutch_level_too_low', note: 'Eerst NT2.' })
    await db().insert(trajectoryNotes).values({ trajectoryId, body: 'Schulden bij de huisbaas.', confidential: true })
    await db().insert(begeleiderChanges).values({ trajectoryId, fromUserId: t.cw.id, toUserId: t.cw.id, note: 'Ze wil liefst ’s ochtends afspreken.' })
    await db().update(clients).set({ closedAt: sql`now() - interval '25 months'` }).where(eq(clients.id, t.clientId))
    expect(await db().transaction((tx) => anonymiseClosedClients(tx, 24))).toBeGreaterThanOrEqual(1)
    expect(await db().select({ kind: trajectoryEvaluations.kind, heldOn: trajectoryEvaluations.heldOn, goals: trajectoryEvaluations.goals, summary: trajectoryEvaluations.summary }).from(trajectoryEvaluations).where(eq(trajectoryEvaluations.trajectoryId, trajectoryId))).toEqual([{ kind: 'periodic', heldOn: today, goals: [], summary: '' }])
    expect(await db().select({ goals: workFloorEvaluations.goals, answers: workFloorEvaluations.answers, comment: workFloorEvaluations.comment }).from(workFloorEvaluations).where(eq(workFloorEvaluations.trajectoryId, trajectoryId))).toEqual([{ goals: [], answers: [], comment: null }])
    expect(await db().select({ goals: trajectoryPhases.goals }).from(trajectoryPhases).where(eq(trajectoryPhases.trajectoryId, trajectoryId))).toEqual([{ goals: [] }])
    expect(await db().select({ provider: trajectoryTrainings.provider, course: trajectoryTrainings.course, note: trajectoryTrainings.note, outcome: trajectoryTrainings.outcome, refusalReason: trajectoryTrainings.refusalReason }).from(trajectoryTrainings).where(eq(trajectoryTrainings.trajectoryId, trajectoryId))).toEqual([{ provider: '', course: '', note: null, outcome: 'refused', refusalReason: 'dutch_level_too_low' }])
    expect(await db().select().from(trajectoryNotes).where(eq(trajectoryNotes.trajectoryId, trajectoryId))).toEqual([])
    expect(await db().select({ note: begeleiderChanges.note }).from(begeleiderChanges).where(eq(begeleiderChanges.trajectoryId, trajectoryId))).toEqual([{ note: '' }])
  })
})
