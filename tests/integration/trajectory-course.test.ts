import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { trajectoryFollowUp } from '#app/features/trajectories/follow-up.server'
import { loader as dashboardLoader } from '#app/routes/begeleider+/_index'
import { action as handOverAction, loader as handOverLoader } from '#app/routes/begeleider+/clienten.$clientId.traject.begeleider'
import { action as outflowAction, loader as outflowLoader } from '#app/routes/begeleider+/clienten.$clientId.traject.uitstroom'
import { loader as overviewLoader } from '#app/routes/begeleider+/clienten.$clientId.traject._index'
import { db } from '#db/client'
import { lastActivityOn, recordOutflow } from '#db/queries/trajectory-follow-up'
import {
  auditLog,
  begeleiderChanges,
  emailMessages,
  popVersions,
  trajectories,
  trajectoryEvaluations,
  trajectoryNotes,
  trajectoryPhases,
  trajectorySuspensions,
  trajectoryTrainings,
  users,
} from '#db/schema'
import { createClient, createUser } from '#db/seed/factories'
import { plusDays, plusMonths } from '#domain/calendar-dates'
import { brusselsDate } from '#domain/intake-working-days'
import type { SessionUser } from '#domain/session-user'
import { BASE_URL, bakerUri, caseworker, sessionUser, withJobQueue } from '#tests/support/caseworker-fixtures'
import { callRoute, errorsOf } from '#tests/support/trajectory-fixtures'

let baker: string

withJobQueue()
beforeAll(async () => {
  baker = await bakerUri()
})

/** Runs a route's loader (no fields) or action (fields) as `user`'s browser would; a thrown Response is the answer. */
const asUser = (user: SessionUser, handler: Parameters<typeof callRoute>[0], clientId?: string, fields?: Record<string, string>) =>
  callRoute(handler, user, `/begeleider/clienten/${clientId ?? ''}`, clientId ? { clientId } : {}, fields ? Object.entries(fields) : undefined)

const colleagueOf = async (user: SessionUser, extra: Partial<typeof users.$inferInsert> = {}) =>
  createUser(db(), { organisationId: user.organisation.id, role: 'caseworker', lastLoginAt: new Date(), ...extra })

/** A client of `owner` with a TWE-wz trajectory guided by `owner` (a referral is its start). */
async function clientWithTrajectory(owner: SessionUser, values: Partial<typeof trajectories.$inferInsert> = {}) {
  const client = await createClient(db(), { organisationId: owner.organisation.id, caseworkerUserId: owner.id, displayName: 'Z.Q.', jobTargets: [baker], dutchLevel: 'A2', hoursAvailable: 19 })
  const startOn = values.startOn ?? brusselsDate()
  const [row] = await db()
    .insert(trajectories)
    .values({ clientId: client.id, organisationId: owner.organisation.id, kind: 'twe_wz', entryReason: 'Wil in de logistiek werken.', begeleiderUserId: owner.id, startOn, referralOn: startOn, ...values })
    .returning()
  return { clientId: client.id, trajectory: row! }
}

const json = async <T>(response: Response) => (await response.json()) as T
const mailsTo = (email: string) => db().select().from(emailMessages).where(and(eq(emailMessages.to, email), eq(emailMessages.template, 'trajectory-handed-over')))

describe('handing a trajectory to a colleague', () => {
  it('changes the begeleider with the note, shows the history, audits ids only and mails the colleague without client or note', async () => {
    const cw = await caseworker()
    const colleague = await colleagueOf(cw)
    const { clientId, trajectory } = await clientWithTrajectory(cw)
    const page = await json<{ colleagues: { id: string }[] }>(await asUser(cw, handOverLoader, clientId))
    expect(page.colleagues.map((c) => c.id)).toEqual([colleague.id])

    const note = 'Loopt goed; vrijdag gesprek met de werkgever over fase 2.'
    const response = await asUser(cw, handOverAction, clientId, { toUserId: colleague.id, note })
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`/begeleider/clienten/${clientId}/traject`)
    const [row] = await db().select().from(trajectories).where(eq(trajectories.id, trajectory.id))
    expect(row!.begeleiderUserId).toBe(colleague.id)
    const [change] = await db().select().from(begeleiderChanges).where(eq(begeleiderChanges.trajectoryId, trajectory.id))
    expect(change).toMatchObject({ fromUserId: cw.id, toUserId: colleague.id, changedByUserId: cw.id, note })
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'trajectory.begeleider-change'), eq(auditLog.subjectId, trajectory.id)))
    expect(entry!.details).toEqual({ changeId: change!.id, fromUserId: cw.id, toUserId: colleague.id })

    const [mail] = await mailsTo(colleague.email)
    expect(mail!.text).toContain(`${BASE_URL}/begeleider/clienten/${clientId}/traject`)
    expect(mail!.text).not.toContain('Z.Q.')
    expect(mail!.text).not.toContain('vrijdag')

    // The new begeleider sees who handed over, and the note.
    const overview = await json<{ trajectory: { begeleider: string; followUp: { begeleiders: unknown[] } } }>(await asUser(await sessionUser(colleague.id), overviewLoader, clientId))
    expect(overview.trajectory.begeleider).toBe(colleague.name)
    expect(overview.trajectory.followUp.begeleiders).toEqual([expect.objectContaining({ from: cw.name, to: colleague.name, note })])
  })

  it('offers and accepts only active caseworkers of the organisation other than the begeleider, and wants a note', async () => {
    const cw = await caseworker()
    const colleague = await colleagueOf(cw)
    const disabled = await colleagueOf(cw, { disabledAt: new Date() })
    const neverSignedIn = await colleagueOf(cw, { lastLoginAt: null })
    const triage = await colleagueOf(cw, { role: 'triage_worker' })
    const stranger = await caseworker()
    const { clientId, trajectory } = await clientWithTrajectory(cw)
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ toUserId: colleague.id, note: '  ' }, 'note', /overdrachtsnota/],
      [{ toUserId: colleague.id, note: 'x'.repeat(2001) }, 'note', /2000 tekens/],
      [{ note: 'Zie dossier.' }, 'toUserId', /Kies de collega/],
      ...[disabled.id, neverSignedIn.id, triage.id, stranger.id, cw.id].map((id): [Record<string, string>, string, RegExp] => [{ toUserId: id, note: 'Zie dossier.' }, 'toUserId', /collega van je organisatie/]),
    ]
    for (const [fields, field, message] of cases) {
      const response = await asUser(cw, handOverAction, clientId, fields)
      expect(response.status, JSON.stringify(fields).slice(0, 80)).toBe(400)
      expect((await errorsOf(response))[field]?.join(' ')).toMatch(message)
    }
    expect(await db().select().from(begeleiderChanges).where(eq(begeleiderChanges.trajectoryId, trajectory.id))).toEqual([])
    expect((await db().select().from(trajectories).where(eq(trajectories.id, trajectory.id)))[0]!.begeleiderUserId).toBe(cw.id)
    expect(await mailsTo(colleague.email)).toEqual([])
  })

  it("is a 404 for another organisation's caseworker and for a client without an open trajectory", async () => {
    const cw = await caseworker()
    const other = await caseworker()
    const theirColleague = await colleagueOf(other)
    const { clientId, trajectory } = await clientWithTrajectory(cw)
    expect((await asUser(other, handOverLoader, clientId)).status).toBe(404)
    expect((await asUser(other, handOverAction, clientId, { toUserId: theirColleague.id, note: 'Overname.' })).status).toBe(404)
    expect((await db().select().from(trajectories).where(eq(trajectories.id, trajectory.id)))[0]!.begeleiderUserId).toBe(cw.id)

    const closed = await clientWithTrajectory(cw, { status: 'ended', endedOn: brusselsDate() })
    expect((await asUser(cw, handOverLoader, closed.clientId)).status).toBe(404)
    expect((await asUser(cw, handOverAction, closed.clientId, { toUserId: (await colleagueOf(cw)).id, note: 'Overname.' })).status).toBe(404)
  })
})

describe('the inactivity decision', () => {
  it('takes the latest of start, POP, phase, evaluation, training, note and end of a suspension, and asks after 3 months', async () => {
    const cw = await caseworker()
    const { trajectory } = await clientWithTrajectory(cw, { startOn: '2026-01-05', referralOn: '2026-01-05' })
    const id = trajectory.id
    expect(await lastActivityOn(db(), cw, id)).toBe('2026-01-05')
    // Each kind of activity, later than the one before; a timestamp counts as its day in Brussels (23:30 UTC is the next day).
    const steps: [() => Promise<unknown>, string][] = [
      [() => db().insert(popVersions).values({ trajectoryId: id, version: 1, jobTargets: [], competences: ['stiptheid'], actions: 'a', agreements: 'b', createdAt: new Date('2026-01-20T10:00:00Z') }), '2026-01-20'],
      [() => db().insert(trajectoryPhases).values({ trajectoryId: id, position: 1, externalWorkplace: 'Magazijn', startOn: '2026-02-02' }), '2026-02-02'],
      [() => db().insert(trajectoryEvaluations).values({ trajectoryId: id, kind: 'periodic', heldOn: '2026-03-10', goals: [], summary: 's' }), '2026-03-10'],
      [() => db().insert(trajectoryTrainings).values({ trajectoryId: id, provider: 'CVO', course: 'Heftruck', requestedOn: '2026-03-01', createdAt: new Date('2026-03-01T08:00:00Z'), updatedAt: new Date('2026-04-01T23:30:00Z') }), '2026-04-02'],
      [() => db().insert(trajectoryNotes).values({ trajectoryId: id, body: 'n', confidential: true, createdAt: new Date('2026-04-20T09:00:00Z') }), '2026-04-20'],
      [() => db().insert(trajectorySuspensions).values({ trajectoryId: id, fromOn: '2026-04-21', toOn: '2026-05-04', reason: 'illness' }), '2026-05-04'],
    ]
    for (const [add, expected] of steps) {
      await add()
      expect(await lastActivityOn(db(), cw, id)).toBe(expected)
    }
    const followUp = (today: string) => trajectoryFollowUp(cw, { ...trajectory, status: 'active' }, today)
    expect((await followUp('2026-08-04')).decision).toBeNull()
    expect((await followUp('2026-08-05')).decision).toEqual({ lastActivityOn: '2026-05-04' })
    // A suspended trajectory waits for its resumption, not for a decision.
    expect((await trajectoryFollowUp(cw, { ...trajectory, status: 'suspended' }, '2026-08-05')).decision).toBeNull()
    // Another organisation's user reads no activity of it.
    expect(await lastActivityOn(db(), await caseworker(), id)).toBeUndefined()
  })

  it("prompts on the overview and lists the begeleider's own quiet trajectories under Te doen", async () => {
    const cw = await caseworker()
    const colleague = await sessionUser((await colleagueOf(cw)).id)
    const quietSince = plusMonths(brusselsDate(), -4)
    const quiet = await clientWithTrajectory(cw, { startOn: quietSince, referralOn: quietSince })
    const recent = await clientWithTrajectory(cw, { startOn: plusMonths(brusselsDate(), -2), referralOn: plusMonths(brusselsDate(), -2) })
    type Overview = { trajectory: { followUp: { decision: { lastActivityOn: string } | null } } }
    expect((await json<Overview>(await asUser(cw, overviewLoader, quiet.clientId))).trajectory.followUp.decision).toEqual({ lastActivityOn: quietSince })
    expect((await json<Overview>(await asUser(cw, overviewLoader, recent.clientId))).trajectory.followUp.decision).toBeNull()

    type Dashboard = { todo: { decisions: { clientId: string; lastActivityOn: string }[]; outflows: unknown[] } }
    const own = await json<Dashboard>(await asUser(cw, dashboardLoader))
    expect(own.todo.decisions).toEqual([{ clientId: quiet.clientId, displayName: 'Z.Q.', lastActivityOn: quietSince }])
    // Not the colleague's trajectory, and not another organisation's.
    expect((await json<Dashboard>(await asUser(colleague, dashboardLoader))).todo.decisions).toEqual([])
    expect((await json<Dashboard>(await asUser(await caseworker(), dashboardLoader))).todo.decisions).toEqual([])
    expect((await asUser(await caseworker(), overviewLoader, quiet.clientId)).status).toBe(404)
  })
})

describe('the outflow follow-up', () => {
  it('refuses before 3 months after the end, records once from that day, and audits ids only', async () => {
    const cw = await caseworker()
    const { clientId, trajectory } = await clientWithTrajectory(cw, { startOn: '2025-11-03', referralOn: '2025-11-03', status: 'stopped', endedOn: '2026-05-31', stopReason: 'job_found' })
    const record = (today: string) => db().transaction((tx) => recordOutflow(tx, cw, clientId, { outflowStatus: 'regular_job' }, today))
    expect(await record('2026-08-30')).toEqual({ kind: 'too-early', dueOn: '2026-08-31' })
    expect(await record('2026-08-31')).toEqual({ kind: 'recorded' })
    expect(await record('2026-09-15')).toEqual({ kind: 'already-recorded' })
    const [row] = await db().select().from(trajectories).where(eq(trajectories.id, trajectory.id))
    expect(row).toMatchObject({ outflowStatus: 'regular_job', outflowRecordedOn: '2026-08-31' })
    const entries = await db().select().from(auditLog).where(and(eq(auditLog.action, 'trajectory.outflow'), eq(auditLog.subjectId, trajectory.id)))
    expect(entries.map((e) => e.details)).toEqual([{ clientId }])
    // A trajectory still open has no outflow to record.
    const open = await clientWithTrajectory(cw)
    expect(await db().transaction((tx) => recordOutflow(tx, cw, open.clientId, { outflowStatus: 'none' }, '2030-01-01'))).toEqual({ kind: 'not-found' })
  })

  it('asks on the overview and under Te doen, records through the form once, and is a 404 for another organisation', async () => {
    const cw = await caseworker()
    const today = brusselsDate()
    const dueEnd = plusMonths(today, -3)
    const due = await clientWithTrajectory(cw, { startOn: plusMonths(today, -12), referralOn: plusMonths(today, -12), status: 'ended', endedOn: dueEnd })
    const early = await clientWithTrajectory(cw, { startOn: plusMonths(today, -12), referralOn: plusMonths(today, -12), status: 'ended', endedOn: plusDays(dueEnd, 1) })
    type Outflow = { outflow: { state: string; dueOn: string } }
    expect((await json<Outflow>(await asUser(cw, outflowLoader, due.clientId))).outflow).toMatchObject({ state: 'due' })
    expect((await json<Outflow>(await asUser(cw, outflowLoader, early.clientId))).outflow).toMatchObject({ state: 'not-yet' })
    type Dashboard = { todo: { outflows: { clientId: string }[] } }
    expect((await json<Dashboard>(await asUser(cw, dashboardLoader))).todo.outflows.map((o) => o.clientId)).toEqual([due.clientId])

    const other = await caseworker()
    expect((await asUser(other, outflowLoader, due.clientId)).status).toBe(404)
    expect((await asUser(other, outflowAction, due.clientId, { outflowStatus: 'training' })).status).toBe(404)

    const tooEarly = await asUser(cw, outflowAction, early.clientId, { outflowStatus: 'training' })
    expect(tooEarly.status).toBe(409)
    expect((await errorsOf(tooEarly))['']?.join(' ')).toMatch(/vanaf .*3 maanden na het einde/)
    expect((await errorsOf(await asUser(cw, outflowAction, due.clientId, { outflowStatus: 'somewhere' })))['outflowStatus']?.join(' ')).toMatch(/Kies waar de persoon/)

    expect((await asUser(cw, outflowAction, due.clientId, { outflowStatus: 'training' })).status).toBe(302)
    const again = await asUser(cw, outflowAction, due.clientId, { outflowStatus: 'none' })
    expect(again.status).toBe(409)
    expect((await errorsOf(again))['']?.join(' ')).toMatch(/al ingevuld/)
    const [row] = await db().select().from(trajectories).where(eq(trajectories.id, due.trajectory.id))
    expect(row).toMatchObject({ outflowStatus: 'training', outflowRecordedOn: today })
    expect((await db().select().from(trajectories).where(eq(trajectories.id, early.trajectory.id)))[0]!.outflowStatus).toBeNull()
    expect((await json<Dashboard>(await asUser(cw, dashboardLoader))).todo.outflows).toEqual([])
  })
})
