import { randomBytes } from 'node:crypto'
import { and, eq, gte, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { todayIso } from '#domain/compensation-rules'
import { registerTriageSummaryWorker, runTriageDailySummary, TRIAGE_SUMMARY_QUEUE } from '#app/features/triage/daily-summary.server'
import { loadIntakePage } from '#app/features/triage/triage-page.server'
import { loadQueue, loadQueueExport } from '#app/features/triage/triage-queue.server'
import { loader as intakePageLoader } from '#app/routes/triage+/$intakeId'
import { loader as csvLoader } from '#app/routes/triage+/aanmeldingen[.csv]'
import { db, type Tx } from '#db/client'
import { addNote, listNotes, sharedNotes } from '#db/queries/intake-notes'
import { listReferrals, referIntake, referralDossier } from '#db/queries/intake-referrals'
import { decideReferral } from '#app/features/triage/hand-over/hand-over.server'
import { closeIntake, registerFirstContact } from '#db/queries/intake-changes'
import { intakeHistory, listFollowedReferrals, listQueue, openIntake } from '#db/queries/intake-queue'
import type { SessionUser } from '#domain/session-user'
import { emailMessages, intakeReferrals, intakes } from '#db/schema'
import { jobQueue } from '#core/jobs'
import { dayFromToday, requestAs, triageWorker, triageWorld, type TriageWorld } from './intake-triage-support'

const tx = <T>(work: (t: Tx) => Promise<T>) => db().transaction(work)
const intakeRow = async (id: string) => (await db().select().from(intakes).where(eq(intakes.id, id)))[0]!

/** The text of a route's answer for this user, or "" when the route refuses (404). */
async function routeText(load: typeof csvLoader | typeof intakePageLoader, user: SessionUser, url: string, params: Record<string, string> = {}) {
  try {
    return await (await load({ request: await requestAs(user, url), params, context: { requestId: 'test', clientIp: '127.0.0.1' } })).text()
  } catch (error) {
    if (error instanceof Response && error.status === 404) return ''
    throw error
  }
}

/** Everything any triage function, page or export gives `user` about the intake, as one text. */
async function everythingFor(user: SessionUser, intakeId: string) {
  const queries = await tx(async (t) => [
    await listQueue(t, user, 'all', todayIso()),
    await openIntake(t, user, intakeId),
    await listNotes(t, user, intakeId),
    await sharedNotes(t, user, [intakeId]),
    await referralDossier(t, user, intakeId),
    await intakeHistory(t, user, intakeId),
    await listReferrals(t, user, intakeId),
    await listFollowedReferrals(t, user),
  ])
  const pages = [await loadIntakePage(user, intakeId), await loadQueue(user, 'all'), await loadQueueExport(user, 'all')]
  const page = await routeText(intakePageLoader, user, `/triage/${intakeId}`, { intakeId })
  const csv = await routeText(csvLoader, user, '/triage/aanmeldingen.csv?status=all')
  return { all: JSON.stringify([...queries, ...pages]) + page + csv, csv }
}

async function contacted(w: TriageWorld, input: Parameters<TriageWorld['intake']>[0] = {}) {
  const intake = await w.intake(input)
  expect(await tx((t) => registerFirstContact(t, w.ocmwUser, intake.id))).toEqual({ kind: 'done' })
  return intake
}

describe('confidential notes', () => {
  it('only OCMW staff mark a note confidential', async () => {
    const w = await triageWorld()
    const intake = await w.intake()
    expect(await tx((t) => addNote(t, w.vdabUser, intake.id, { body: 'Vertrouwelijk van VDAB', confidential: true }))).toEqual({
      kind: 'confidential-not-allowed',
    })
    expect(await tx((t) => listNotes(t, w.ocmwUser, intake.id))).toEqual([])
  })

  it('no function, page, export or e-mail ever gives a VDAB user an OCMW confidential note, through the whole hand-over', async () => {
    const started = new Date()
    const w = await triageWorld()
    const secret = `Schuldbemiddeling loopt al bij het OCMW ${randomBytes(4).toString('hex')}`
    const shared = `Belt liefst na tien uur ${randomBytes(4).toString('hex')}`
    const intake = await w.intake({ email: `inwoner-${randomBytes(4).toString('hex')}@example.org`, language: 'fr' })
    await tx((t) => addNote(t, w.ocmwUser, intake.id, { body: secret, confidential: true }))
    await tx((t) => addNote(t, w.ocmwUser, intake.id, { body: shared, confidential: false }))

    const stages: (() => Promise<unknown>)[] = [
      async () => undefined, // new: in both queues
      () => tx((t) => registerFirstContact(t, w.ocmwUser, intake.id)),
      () => tx((t) => referIntake(t, w.ocmwUser, intake.id, 'Wil snel aan de slag.')),
      () => tx((t) => decideReferral(t, w.vdabUser, intake.id, { decision: 'accept' })),
      () => tx((t) => closeIntake(t, w.vdabUser, intake.id, 'trajectory_started')),
    ]
    for (const stage of stages) {
      await stage()
      const vdab = await everythingFor(w.vdabUser, intake.id)
      expect(vdab.all, `VDAB at ${(await intakeRow(intake.id)).status}`).not.toContain(secret)
      // The same functions do hand VDAB the shared note: the check above is not vacuous.
      expect(vdab.all).toContain(shared)
      expect(vdab.csv).toContain(shared)
    }
    // The OCMW sees its own confidential note on its pages while it may, but never in an export.
    const ocmw = await everythingFor(w.ocmwUser, intake.id)
    expect(ocmw.csv).not.toContain(secret)
    const mails = await db().select().from(emailMessages).where(gte(emailMessages.createdAt, started))
    expect(mails.map((m) => m.to)).toContain(intake.email)
    for (const mail of mails) expect(`${mail.subject} ${mail.html} ${mail.text}`).not.toContain(secret)
  })

  it('the OCMW sees its own confidential notes on the intake page', async () => {
    const w = await triageWorld()
    const intake = await w.intake()
    await tx((t) => addNote(t, w.ocmwUser, intake.id, { body: 'Alleen voor ons', confidential: true }))
    const page = await loadIntakePage(w.ocmwColleague, intake.id)
    expect(page?.access === 'full' && page.notes.map((n) => [n.body, n.confidential])).toEqual([['Alleen voor ons', true]])
    expect(await tx((t) => sharedNotes(t, w.ocmwUser, [intake.id]))).toEqual([])
  })
})

describe('warm hand-over', () => {
  it('refers only after a first contact, to the other organisation of the pair', async () => {
    const w = await triageWorld()
    const intake = await w.intake()
    expect(await tx((t) => referIntake(t, w.ocmwUser, intake.id, null))).toEqual({ kind: 'blocked', reason: 'no-contact-yet' })
    await tx((t) => registerFirstContact(t, w.ocmwUser, intake.id))
    expect(await tx((t) => referIntake(t, w.vdabUser, intake.id, null))).toEqual({ kind: 'blocked', reason: 'not-yours' })
    expect(await tx((t) => referIntake(t, w.ocmwUser, intake.id, 'Klaar voor werk.'))).toEqual({ kind: 'referred', to: w.vdab.name })
    expect(await intakeRow(intake.id)).toMatchObject({ status: 'referred', handlingOrganisationId: w.ocmw.id })
    expect(await db().select().from(intakeReferrals).where(eq(intakeReferrals.intakeId, intake.id))).toMatchObject([
      { fromOrganisationId: w.ocmw.id, toOrganisationId: w.vdab.id, status: 'pending', message: 'Klaar voor werk.' },
    ])
    const { rows } = await tx((t) => listQueue(t, w.vdabUser, 'referred', todayIso()))
    expect(rows.filter((r) => r.id === intake.id).map((r) => r.access)).toEqual(['referral'])
    // Waiting for VDAB's answer, the file is nobody's to change.
    expect(await tx((t) => closeIntake(t, w.ocmwUser, intake.id, 'moved_away'))).toEqual({ kind: 'not-allowed' })
  })

  it('cannot refer without the resident’s consent to share', async () => {
    const w = await triageWorld()
    const intake = await contacted(w, { consentSharing: true, consentWithdrawnAt: new Date() })
    expect(await tx((t) => referIntake(t, w.ocmwUser, intake.id, null))).toEqual({ kind: 'blocked', reason: 'no-consent' })
  })

  it('a decline sends the intake back to its sender, with the reason', async () => {
    const w = await triageWorld()
    const intake = await contacted(w)
    await tx((t) => referIntake(t, w.ocmwUser, intake.id, null))
    expect(await tx((t) => decideReferral(t, w.vdabUser, intake.id, { decision: 'decline', reason: 'Eerst schuldhulp nodig.' }))).toEqual({ kind: 'declined' })
    expect(await intakeRow(intake.id)).toMatchObject({ status: 'in_contact', handlingOrganisationId: w.ocmw.id })
    expect(await tx((t) => listReferrals(t, w.ocmwUser, intake.id))).toMatchObject([
      { status: 'declined', declineReason: 'Eerst schuldhulp nodig.', decidedBy: w.vdabUser.name },
    ])
    expect(await tx((t) => decideReferral(t, w.vdabUser, intake.id, { decision: 'accept' }))).toEqual({ kind: 'not-pending' })
  })

  it('an accept makes the receiver the handler, tells the resident in their language, and leaves the sender the status only', async () => {
    const w = await triageWorld()
    const email = `inwoner-${randomBytes(4).toString('hex')}@example.org`
    const intake = await contacted(w, { email, language: 'ar', firstName: 'Amina' })
    await tx((t) => referIntake(t, w.ocmwUser, intake.id, null))
    expect(await tx((t) => decideReferral(t, w.otherUser, intake.id, { decision: 'accept' }))).toEqual({ kind: 'not-found' })
    expect(await tx((t) => decideReferral(t, w.vdabUser, intake.id, { decision: 'accept' }))).toEqual({ kind: 'accepted', residentMailed: true })
    expect(await intakeRow(intake.id)).toMatchObject({ status: 'accepted', handlingOrganisationId: w.vdab.id, claimedByUserId: null })

    const [mail] = await db()
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.to, email), eq(emailMessages.template, 'triage-handover')))
    expect(mail!.subject).toBe(`تتابع ${w.vdab.name} الآن تسجيلك`)
    expect(mail!.html).toMatch(/<html[^>]*\blang="ar"/)
    expect(mail!.html).toMatch(/<html[^>]*\bdir="rtl"/)
    expect(mail!.text).toContain(`من الآن، تتابع ${w.vdab.name} تسجيلك في Stapsteen.`)

    const sender = await tx((t) => openIntake(t, w.ocmwUser, intake.id))
    expect(sender).toEqual({
      access: 'status',
      intake: {
        id: intake.id,
        reference: intake.reference,
        status: 'accepted',
        closeReason: null,
        createdAt: expect.any(Date),
        updatedAt: expect.any(Date),
        handlingOrganisation: w.vdab.name,
      },
    })
    expect(JSON.stringify(await loadIntakePage(w.ocmwUser, intake.id))).not.toContain('Amina')
    expect((await tx((t) => listFollowedReferrals(t, w.ocmwUser))).map((r) => r.id)).toContain(intake.id)
    expect(await tx((t) => closeIntake(t, w.ocmwUser, intake.id, 'moved_away'))).toEqual({ kind: 'not-allowed' })
    expect((await tx((t) => intakeHistory(t, w.ocmwUser, intake.id))).map((e) => e.toStatus)).toEqual(['in_contact', 'referred', 'accepted'])
  })

  it('says so when the resident left no e-mail address', async () => {
    const w = await triageWorld()
    const intake = await contacted(w, { email: null })
    await tx((t) => referIntake(t, w.ocmwUser, intake.id, null))
    expect(await tx((t) => decideReferral(t, w.vdabUser, intake.id, { decision: 'accept' }))).toEqual({ kind: 'accepted', residentMailed: false })
  })
})

describe('daily summary', () => {
  it('mails each member of a team with intakes waiting the counts once a day, without personal data', async () => {
    const w = await triageWorld()
    const idle = await triageWorker(w.other.id)
    const late = await w.intake({ firstContactDueOn: dayFromToday(-1), firstName: 'Yasmina', lastName: 'Berkani' })
    await w.intake({ firstContactDueOn: dayFromToday(2) })
    const referred = await contacted(w)
    await tx((t) => referIntake(t, w.ocmwUser, referred.id, null))
    const mailsTo = (user: SessionUser) =>
      db()
        .select()
        .from(emailMessages)
        .where(and(eq(emailMessages.to, user.email), eq(emailMessages.template, 'triage-daily-summary')))

    await runTriageDailySummary({ baseUrl: 'https://stapsteen.example.be' })
    const [ocmwMail] = await mailsTo(w.ocmwUser)
    expect(await mailsTo(w.ocmwColleague)).toHaveLength(1)
    expect(ocmwMail!.text).toContain('2 aanmeldingen wachten op een eerste contact, waarvan 1 te laat.')
    expect(ocmwMail!.text).toContain('0 doorverwijzingen wachten op jullie antwoord.')
    expect(ocmwMail!.subject).toBe('Triage: 1 aanmelding te laat voor een eerste contact')
    const [vdabMail] = await mailsTo(w.vdabUser)
    expect(vdabMail!.text).toContain('1 doorverwijzing wacht op jullie antwoord.')
    expect(vdabMail!.text).toContain('https://stapsteen.example.be/triage')
    for (const mail of [ocmwMail!, vdabMail!]) {
      for (const personal of ['Yasmina', 'Berkani', late.reference, referred.reference, referred.lastName!])
        expect(`${mail.subject} ${mail.html}`).not.toContain(personal)
    }
    expect(await mailsTo(idle)).toEqual([])

    // A second run the same day (a retry, a second worker) sends nothing new.
    await runTriageDailySummary({ baseUrl: 'https://stapsteen.example.be' })
    expect(await mailsTo(w.ocmwUser)).toHaveLength(1)
    expect(await mailsTo(w.vdabUser)).toHaveLength(1)
  })

  it('is scheduled on weekdays at 07:00 Belgian time', async () => {
    await registerTriageSummaryWorker(jobQueue())
    const rows = await db().execute<{ cron: string; timezone: string }>(sql`select cron, timezone from pgboss.schedule where name = ${TRIAGE_SUMMARY_QUEUE}`)
    expect([...rows]).toEqual([{ cron: '0 7 * * 1-5', timezone: 'Europe/Brussels' }])
  })
})
