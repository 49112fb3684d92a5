import { and, eq, inArray, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { todayIso } from '#domain/compensation-rules'
import { performIntakeAction } from '#app/features/triage/triage-actions.server'
import { db, type Tx } from '#db/client'
import { assignIntake, closeIntake, registerFirstContact } from '#db/queries/intake-changes'
import { findDuplicates, mergeIntakes } from '#db/queries/intake-duplicates'
import { addNote, listNotes } from '#db/queries/intake-notes'
import { intakeHistory, listQueue, openIntake } from '#db/queries/intake-queue'
import { listReferrals } from '#db/queries/intake-referrals'
import { getTriageSettings, saveTriageSettings } from '#db/queries/triage-settings'
import type { SessionUser } from '#domain/session-user'
import { auditLog, intakeEvents, intakeNotes, intakes } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'
import * as intakeRoute from '#app/routes/triage+/$intakeId'
import { action as intakeAction } from '#app/routes/triage+/$intakeId'
import { errorSummaryIn, renderAfterPost, summaryLinks } from '#tests/support/render-page'
import { dayFromToday, requestAs, sessionUser, triageWorker, triageWorld } from './intake-triage-support'

const tx = <T>(work: (t: Tx) => Promise<T>) => db().transaction(work)
const queueIds = async (user: SessionUser, filter: Parameters<typeof listQueue>[2] = 'open') =>
  (await tx((t) => listQueue(t, user, filter, todayIso()))).rows.map((r) => r.id)
const access = async (user: SessionUser, id: string) => (await tx((t) => openIntake(t, user, id)))?.access
const statusOf = async (id: string) =>
  (await db().select({ status: intakes.status, handling: intakes.handlingOrganisationId }).from(intakes).where(eq(intakes.id, id)))[0]!

describe('who sees an intake', () => {
  it('a new intake is in the queues of its OCMW and VDAB team, and nowhere else', async () => {
    const w = await triageWorld()
    const intake = await w.intake()
    expect(await queueIds(w.ocmwUser)).toContain(intake.id)
    expect(await queueIds(w.vdabUser)).toContain(intake.id)
    expect(await queueIds(w.otherUser)).not.toContain(intake.id)
    expect(await access(w.ocmwUser, intake.id)).toBe('full')
    expect(await access(w.vdabUser, intake.id)).toBe('full')
    expect(await access(w.otherUser, intake.id)).toBeUndefined()
    // Every function answers nothing to a stranger, even given the id.
    await tx((t) => addNote(t, w.ocmwUser, intake.id, { body: 'Gebeld, voicemail.', confidential: false }))
    expect(await tx((t) => listNotes(t, w.otherUser, intake.id))).toEqual([])
    expect(await tx((t) => intakeHistory(t, w.otherUser, intake.id))).toEqual([])
    expect(await tx((t) => listReferrals(t, w.otherUser, intake.id))).toEqual([])
    expect(await tx((t) => closeIntake(t, w.otherUser, intake.id, 'moved_away'))).toEqual({ kind: 'not-found' })
  })

  it('once one organisation handles it, the other keeps seeing it only while it is new or in contact', async () => {
    const w = await triageWorld()
    const intake = await w.intake()
    expect(await tx((t) => registerFirstContact(t, w.ocmwUser, intake.id))).toEqual({ kind: 'done' })
    expect(await statusOf(intake.id)).toEqual({ status: 'in_contact', handling: w.ocmw.id })
    expect(await access(w.vdabUser, intake.id)).toBe('full')
    // VDAB reads along but cannot act on a file OCMW handles.
    expect(await tx((t) => closeIntake(t, w.vdabUser, intake.id, 'moved_away'))).toEqual({ kind: 'not-allowed' })
    expect(await tx((t) => assignIntake(t, w.vdabUser, intake.id, w.vdabUser.id))).toEqual({ kind: 'not-allowed' })
    expect(await tx((t) => closeIntake(t, w.ocmwUser, intake.id, 'not_reachable'))).toEqual({ kind: 'done' })
    expect(await access(w.ocmwUser, intake.id)).toBe('full')
    expect(await access(w.vdabUser, intake.id)).toBeUndefined()
    expect(await queueIds(w.vdabUser, 'all')).not.toContain(intake.id)
    expect(await queueIds(w.ocmwUser, 'closed')).toContain(intake.id)
  })

  it('without consent to share between OCMW and VDAB, an intake is in one queue only', async () => {
    const w = await triageWorld()
    const never = await w.intake({ consentSharing: false })
    expect([await access(w.ocmwUser, never.id), await access(w.vdabUser, never.id)]).toEqual(['full', undefined])
    const vdabOnly = await w.intake({ consentSharing: false, ocmwOrganisationId: null })
    expect(await access(w.vdabUser, vdabOnly.id)).toBe('full')
    // Withdrawn later: the shared phase ends, for a file nobody handles (OCMW) and for a handled one (its handler).
    const withdrawn = await w.intake()
    const handled = await w.intake()
    await tx((t) => assignIntake(t, w.vdabUser, handled.id, w.vdabUser.id))
    expect([await access(w.ocmwUser, handled.id), await access(w.vdabUser, withdrawn.id)]).toEqual(['full', 'full'])
    await db()
      .update(intakes)
      .set({ consentSharing: false, consentWithdrawnAt: new Date() })
      .where(inArray(intakes.id, [withdrawn.id, handled.id]))
    expect([await access(w.ocmwUser, withdrawn.id), await access(w.vdabUser, withdrawn.id)]).toEqual(['full', undefined])
    expect([await access(w.ocmwUser, handled.id), await access(w.vdabUser, handled.id)]).toEqual([undefined, 'full'])
  })

  it('an anonymised intake is nobody’s', async () => {
    const w = await triageWorld()
    const intake = await w.intake({ anonymisedAt: new Date(), firstName: null, lastName: null })
    expect(await access(w.ocmwUser, intake.id)).toBeUndefined()
    expect(await queueIds(w.ocmwUser, 'all')).not.toContain(intake.id)
  })

  it('only triage workers of an OCMW or VDAB team have a queue', async () => {
    const w = await triageWorld()
    const caseworker = await triageWorker(w.ocmw.id, 'caseworker')
    await expect(tx((t) => listQueue(t, caseworker, 'open', todayIso()))).rejects.toThrow(/no triage queue/)
  })

  it('puts late first contacts on top and says so in words', async () => {
    const w = await triageWorld()
    const later = await w.intake({ firstContactDueOn: dayFromToday(3) })
    const late = await w.intake({ firstContactDueOn: dayFromToday(-2) })
    const dueToday = await w.intake({ firstContactDueOn: dayFromToday(0) })
    const { rows } = await tx((t) => listQueue(t, w.ocmwUser, 'open', todayIso()))
    expect(rows.map((r) => r.id)).toEqual([late.id, dueToday.id, later.id])
    expect(rows.map((r) => r.overdue)).toEqual([true, false, false])
  })
})

describe('claim and assign', () => {
  it('assigns to a colleague of the same organisation only, and releasing a new intake returns it to both queues', async () => {
    const w = await triageWorld()
    const intake = await w.intake()
    expect(await tx((t) => assignIntake(t, w.ocmwUser, intake.id, w.vdabUser.id))).toEqual({ kind: 'unknown-colleague' })
    expect(await tx((t) => assignIntake(t, w.ocmwUser, intake.id, w.ocmwColleague.id))).toEqual({ kind: 'done' })
    const [row] = await db().select().from(intakes).where(eq(intakes.id, intake.id))
    expect([row!.claimedByUserId, row!.handlingOrganisationId]).toEqual([w.ocmwColleague.id, w.ocmw.id])
    expect(await tx((t) => assignIntake(t, w.ocmwUser, intake.id, null))).toEqual({ kind: 'done' })
    expect(await statusOf(intake.id)).toEqual({ status: 'new', handling: null })
    expect(await tx((t) => assignIntake(t, w.vdabUser, intake.id, w.vdabUser.id))).toEqual({ kind: 'done' })
  })
})

describe('duplicates and merge', () => {
  it('finds the same phone number however it is written, the same e-mail address, and the same name and birth year', async () => {
    const w = await triageWorld()
    const original = await w.intake({ phone: '0470 12 34 56', email: 'Amal@Example.org', firstName: 'Amal', lastName: 'Haddou', birthYear: 1990 })
    const byPhone = await w.intake({ phone: '+32 470 123 456', email: null, firstName: 'A.', lastName: 'H.' })
    const byEmail = await w.intake({ phone: null, email: ' amal@example.org', firstName: 'X', lastName: 'Y' })
    const byName = await w.intake({ phone: null, email: null, firstName: ' amal', lastName: 'HADDOU', birthYear: 1990 })
    await w.intake({ phone: '0470 99 99 99', email: null, firstName: 'Amal', lastName: 'Haddou', birthYear: 1991 })
    await w.intake({ phone: null, email: null, firstName: 'Amal', lastName: 'Haddou', birthYear: 1990, municipalityNis: '11002' })
    // Another organisation's intake of the same person is never shown: that would tell it exists.
    await createOrganisation(db(), { type: 'vdab' }).then((o) => w.intake({ ocmwOrganisationId: w.other.id, vdabOrganisationId: o.id, phone: '0470123456' }))
    const found = await tx((t) => findDuplicates(t, w.ocmwUser, original))
    expect(found.map((d) => d.id).sort()).toEqual([byPhone.id, byEmail.id, byName.id].sort())
    expect(found.find((d) => d.id === byPhone.id)).toMatchObject({ samePhone: true, sameEmail: false, sameName: false })
    expect(found.find((d) => d.id === byName.id)).toMatchObject({ samePhone: false, sameEmail: false, sameName: true })
  })

  it('keeps the older record, moves notes and history to it, and closes the newer one as a duplicate', async () => {
    const w = await triageWorld()
    const older = await w.intake({ phone: '0499 11 22 33', createdAt: new Date(Date.now() - 86_400_000) })
    const newer = await w.intake({ phone: '0499112233' })
    await tx((t) => addNote(t, w.ocmwUser, newer.id, { body: 'Tweede aanmelding via het buurtcentrum.', confidential: true }))
    await tx((t) => registerFirstContact(t, w.ocmwUser, newer.id))
    const outcome = await performIntakeAction(w.ocmwUser, newer.id, { intent: 'merge', otherId: older.id })
    expect(outcome).toEqual({ ok: true, message: `De aanmeldingen zijn samengevoegd in ${older.reference}.`, redirectTo: `/triage/${older.id}` })
    const [kept] = await db().select().from(intakes).where(eq(intakes.id, older.id))
    const [closed] = await db().select().from(intakes).where(eq(intakes.id, newer.id))
    expect(kept).toMatchObject({ status: 'in_contact', handlingOrganisationId: w.ocmw.id })
    expect(kept!.firstContactAt).not.toBeNull()
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'duplicate', duplicateOfId: older.id })
    const notes = await db().select().from(intakeNotes).where(eq(intakeNotes.intakeId, older.id))
    expect(notes).toMatchObject([{ body: 'Tweede aanmelding via het buurtcentrum.', confidential: true, organisationId: w.ocmw.id }])
    const keptHistory = await db().select().from(intakeEvents).where(eq(intakeEvents.intakeId, older.id))
    expect(keptHistory.map((e) => e.toStatus).sort()).toEqual(['in_contact', 'in_contact'])
    expect(keptHistory.map((e) => e.note)).toContain(`Samengevoegd met ${newer.reference}`)
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'intake.merge'), eq(auditLog.subjectId, older.id)))
    expect(entry).toMatchObject({ actorUserId: w.ocmwUser.id, details: { merged: newer.id } })
  })

  it('refuses to merge intakes that do not look alike, or one the user may not work on', async () => {
    const w = await triageWorld()
    const a = await w.intake({ phone: '0411 00 00 01' })
    const b = await w.intake({ phone: '0411 00 00 02' })
    expect(await tx((t) => mergeIntakes(t, w.ocmwUser, a.id, b.id))).toEqual({ kind: 'not-duplicates' })
    const c = await w.intake({ phone: '0411 00 00 01' })
    await tx((t) => assignIntake(t, w.vdabUser, c.id, w.vdabUser.id))
    expect(await tx((t) => mergeIntakes(t, w.ocmwUser, a.id, c.id))).toEqual({ kind: 'not-allowed' })
    expect((await statusOf(a.id)).status).toBe('new')
  })
})

describe('audit', () => {
  it('logs every read of an intake, every listing and every change, without personal values', async () => {
    const w = await triageWorld()
    const intake = await w.intake()
    const entries = async (action: string) =>
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.actorUserId, w.vdabUser.id)))
    await tx((t) => openIntake(t, w.vdabUser, intake.id))
    expect(await entries('intake.read')).toMatchObject([
      { organisationId: w.vdab.id, subjectType: 'intake', subjectId: intake.id, details: { access: 'full' } },
    ])
    await queueIds(w.vdabUser)
    const [listed] = await entries('intake.list')
    expect((listed!.details as { ids: string[] }).ids).toContain(intake.id)
    await tx((t) => addNote(t, w.vdabUser, intake.id, { body: 'Geheim adres: Kerkstraat 1', confidential: false }))
    const [noted] = await entries('intake.note')
    expect(noted).toMatchObject({ subjectId: intake.id, details: { confidential: false } })
    expect(JSON.stringify(noted)).not.toContain('Kerkstraat')
    await tx((t) => registerFirstContact(t, w.vdabUser, intake.id))
    expect(await entries('intake.status')).toMatchObject([{ subjectId: intake.id, details: { from: 'new', to: 'in_contact' } }])
    // A stranger's attempt reads nothing, so it logs no read.
    await tx((t) => openIntake(t, w.otherUser, intake.id))
    expect(await db().$count(auditLog, and(eq(auditLog.actorUserId, w.otherUser.id), eq(auditLog.action, 'intake.read')))).toBe(0)
  })
})

describe('triage settings per region', () => {
  it('a regional admin changes the settings of their own regions only, logged with before and after', async () => {
    const platform = await createOrganisation(db(), { type: 'platform' })
    const admin = await sessionUser((await createUser(db(), { organisationId: platform.id, role: 'regional_admin', regions: ['REFREG07'] })).id)
    const values = { firstContactWorkingDays: 3, youthAgeLimit: 26, welfareBarriers: ['debts', 'health'] as const, jointDomainThreshold: 4 }
    const input = { regionCode: 'REFREG07', ...values, welfareBarriers: [...values.welfareBarriers] }
    expect(await tx((t) => saveTriageSettings(t, admin, input))).toEqual({ kind: 'saved' })
    expect(await getTriageSettings(db(), 'REFREG07')).toEqual({ ...values, welfareBarriers: ['debts', 'health'] })
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'triage-settings.update'), eq(auditLog.subjectId, 'REFREG07')))
    expect(entry?.details).toEqual({
      before: { firstContactWorkingDays: 5, youthAgeLimit: 25, welfareBarriers: ['debts', 'housing', 'health'], jointDomainThreshold: 3 },
      after: { ...values, welfareBarriers: ['debts', 'health'] },
    })
    expect(await tx((t) => saveTriageSettings(t, admin, { ...input, regionCode: 'REFREG08' }))).toEqual({ kind: 'not-found' })
    expect((await db().execute(sql`select count(*)::int as n from triage_settings where region_code = 'REFREG08'`))[0]).toEqual({ n: 0 })
  })
})

describe('the intake page’s actions', () => {
  const post = async (user: SessionUser, intakeId: string, fields: Record<string, string>) => {
    const { headers } = await requestAs(user, `/triage/${intakeId}`)
    const request = new Request(`http://localhost:3000/triage/${intakeId}`, { method: 'POST', headers, body: new URLSearchParams(fields) })
    try {
      return await intakeAction({ request, params: { intakeId }, context: { requestId: 'test', clientIp: '127.0.0.1' } })
    } catch (thrown) {
      if (thrown instanceof Response) return thrown
      throw thrown
    }
  }
  const body = async (response: Response) => (await response.json()) as { intent: string; result: { error: Record<string, string[]> } }

  it('answers a mistake with a Dutch message at the field, a stale page with a message, and success with a redirect', async () => {
    const w = await triageWorld()
    const intake = await w.intake()
    const empty = await post(w.ocmwUser, intake.id, { intent: 'note', body: '  ' })
    expect(empty.status).toBe(400)
    expect((await body(empty)).result.error).toEqual({ body: ['Schrijf een notitie.'] })
    const noReason = await post(w.ocmwUser, intake.id, { intent: 'close' })
    expect((await body(noReason)).result.error).toEqual({ closeReason: ['Kies waarom je de aanmelding afsluit.'] })
    expect((await body(await post(w.ocmwUser, intake.id, { intent: 'fly' }))).result.error.intent).toEqual([
      'Deze actie kennen we niet. Laad de pagina opnieuw en probeer nog eens.',
    ])

    const closed = await post(w.ocmwUser, intake.id, { intent: 'close', closeReason: 'moved_away' })
    expect([closed.status, closed.headers.get('Location')]).toEqual([302, `/triage/${intake.id}`])
    const stale = await post(w.ocmwUser, intake.id, { intent: 'contact' })
    expect(stale.status).toBe(409)
    expect((await body(stale)).result.error['']).toEqual([expect.stringContaining('Dit kan niet (meer) bij deze aanmelding')])
    expect((await post(w.otherUser, intake.id, { intent: 'contact' })).status).toBe(404)
    expect((await post(w.ocmwUser, 'geen-uuid', { intent: 'contact' })).status).toBe(404)
  })

  it('shows the page after a mistake with the error summary at its top, focused, linking to the field (issue 16, point 7)', async () => {
    const w = await triageWorld()
    const intake = await w.intake()
    const page = async (fields: Record<string, string>) => {
      const { headers } = await requestAs(w.ocmwUser, `/triage/${intake.id}`)
      const request = new Request(`http://localhost:3000/triage/${intake.id}`, { method: 'POST', headers, body: new URLSearchParams(fields) })
      return renderAfterPost(intakeRoute, '/triage/:intakeId', request)
    }
    const empty = await page({ intent: 'note', body: '  ' })
    expect(empty.status).toBe(400)
    expect(summaryLinks(errorSummaryIn(empty.html)!)).toEqual([{ target: 'note-body', text: 'Schrijf een notitie.' }])
    expect(empty.html).toMatch(/<textarea[^>]*id="note-body"/)

    // A button whose action no longer applies (the intake was closed meanwhile): the page's own summary, above the h1.
    expect(await tx((t) => closeIntake(t, w.ocmwColleague, intake.id, 'moved_away'))).toEqual({ kind: 'done' })
    const stale = await page({ intent: 'contact' })
    expect(stale.status).toBe(409)
    const summary = errorSummaryIn(stale.html)!
    expect(summary).toMatch(/^<section tabindex="-1" autofocus="" aria-labelledby="[^"]+" class="mt-4 max-w-3xl mb-6[^"]*"><h2 [^>]*>Er is een probleem<\/h2><p role="alert"[^>]*>Dit kan niet \(meer\) bij deze aanmelding/)
    expect(summaryLinks(summary)).toEqual([])
    expect(stale.html.indexOf(summary)).toBeLessThan(stale.html.indexOf('<h1'))
    expect(stale.html.match(/autofocus/g)).toHaveLength(1)
    // A tampered form: its message at the top too.
    const tampered = await page({ intent: 'fly' })
    expect(tampered.status).toBe(400)
    expect(errorSummaryIn(tampered.html)).toContain('>Deze actie kennen we niet. Laad de pagina opnieuw en probeer nog eens.</p>')
  })
})
