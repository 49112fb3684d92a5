import { randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { requestPasswordReset } from '#app/auth/password.server'
import { action as statusAction } from '#app/routes/aanmelden+/status.$token'
import { db } from '#db/client'
import { registerPrivacyWorkers } from '#app/features/privacy/privacy-worker.server'
import { registerFirstContact } from '#db/queries/intake-changes'
import { referIntake } from '#db/queries/intake-referrals'
import { decideReferral } from '#app/features/triage/hand-over/hand-over.server'
import { anonymiseStaleIntakes } from '#db/queries/intake-retention'
import { emailMessages, intakeEvents, intakes } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'
import { deliverEmail } from '#emails/deliver.server'
import type { MailTransport } from '#emails/transport.server'
import { jobQueue, startJobQueue } from '#core/jobs'
import { testDatabaseUrl } from '#tests/support/database'
import { eventually } from '#tests/support/eventually'
import { deliveredMail } from '#tests/support/mail'
import { BASE_URL, confirmation, fillIn, IntakeBrowser, submit } from './intake-browser'
import { sessionUser } from './intake-triage-support'

/** Issue 11, finding 4: mail was kept for ever, and neither erasure nor anonymisation of an intake touched it. */
let ocmwWorker: Awaited<ReturnType<typeof sessionUser>>
let vdabWorker: Awaited<ReturnType<typeof sessionUser>>

beforeAll(async () => {
  // Each with a triage worker, so the intake form routes Gent's intakes to them.
  const ocmw = await createOrganisation(db(), { type: 'ocmw', name: 'OCMW Gent (bewaring)', municipalities: ['44021'] })
  const vdab = await createOrganisation(db(), { type: 'vdab', name: 'VDAB Gent (bewaring)', regions: ['REFREG13'] })
  ocmwWorker = await sessionUser((await createUser(db(), { role: 'triage_worker', organisationId: ocmw.id })).id)
  vdabWorker = await sessionUser((await createUser(db(), { role: 'triage_worker', organisationId: vdab.id })).id)
  await registerPrivacyWorkers(await startJobQueue(testDatabaseUrl, { worker: true }))
})

const address = (who: string) => `${who}-${randomBytes(4).toString('hex')}@example.test`
const mailsTo = (to: string) => db().select().from(emailMessages).where(eq(emailMessages.to, to))
const ago = (interval: string) => sql`now() - ${interval}::interval`

/** A password-reset mail to a new account, delivered through the dev outbox (which keeps it, link included), written `age` ago. */
async function resetMail(age: string, delivered = true) {
  const ocmw = await createOrganisation(db(), { type: 'ocmw' })
  const user = await createUser(db(), { organisationId: ocmw.id, role: 'caseworker', email: address('reset') })
  await requestPasswordReset(user.email, BASE_URL)
  const [mail] = await mailsTo(user.email)
  if (delivered) await deliveredMail(mail!.id)
  await db().update(emailMessages).set({ createdAt: ago(age) }).where(eq(emailMessages.id, mail!.id))
  return mail!.id
}

const row = async (id: string) => (await db().select().from(emailMessages).where(eq(emailMessages.id, id)))[0]

describe('the daily retention run', () => {
  it('clears the bodies of mails older than 30 days, keeps their record for 12 months, then deletes them', async () => {
    const recent = await resetMail('29 days')
    const month = await resetMail('31 days')
    const year = await resetMail('12 months 1 day')
    const recentBefore = await row(recent)

    await jobQueue().send('intake-retention', {})
    await eventually(async () => (await row(month))?.html === null)

    expect(await row(recent)).toEqual(recentBefore)
    expect(await row(month)).toMatchObject({ html: null, text: null, sealedSecret: null, status: 'sent', template: 'password-reset', subject: recentBefore!.subject })
    expect((await row(month))!.to).toMatch(/^reset-/)
    expect(await row(year)).toBeUndefined()
  })

  it('never sends a mail whose body was cleared, nor keeps its sealed token', async () => {
    const stuck = await resetMail('31 days', false)
    expect((await row(stuck))!.sealedSecret).not.toBeNull()
    await jobQueue().send('intake-retention', {})
    await eventually(async () => (await row(stuck))?.html === null)
    expect((await row(stuck))!.sealedSecret).toBeNull()

    const handed: string[] = []
    const transport: MailTransport = { name: 'counting', deliver: async (message) => (handed.push(message.id), {}) }
    await deliverEmail(stuck, transport)
    expect(handed).toEqual([])
  })
})

/** A resident who registered with an address, got the confirmation mail, and then the hand-over mail. */
async function resident() {
  const email = address('inwoner')
  const browser = new IntakeBrowser()
  const key = await fillIn(browser, 'nl', { contact: { contactMethod: 'email', email } })
  expect((await submit(browser, key)).status).toBe(302)
  const { statusPath } = await confirmation(browser)
  const [intake] = await db().select().from(intakes).where(eq(intakes.submissionKey, key))
  // The confirmation delivered through the dev outbox: its row then holds the status link itself.
  const [received] = await mailsTo(email)
  await deliveredMail(received!.id)
  await db().transaction((tx) => registerFirstContact(tx, ocmwWorker, intake!.id))
  await db().transaction((tx) => referIntake(tx, ocmwWorker, intake!.id, null))
  expect(await db().transaction((tx) => decideReferral(tx, vdabWorker, intake!.id, { decision: 'accept' }))).toMatchObject({ residentMailed: true })
  expect((await mailsTo(email)).map((mail) => mail.template).sort()).toEqual(['intake-received', 'triage-handover'])
  return { email, intake: intake!, statusPath, token: statusPath.split('/')[3]!.split('?')[0]! }
}

/** Every mail row that points to the resident: their address, reference code or status token, in any column. */
async function mailsAbout(who: Awaited<ReturnType<typeof resident>>) {
  const rows = await db().execute<{ row: string }>(sql`select row_to_json(m)::text as row from email_messages m`)
  return rows.map((r) => r.row).filter((r) => [who.email, who.intake.reference, who.token].some((value) => r.includes(value)))
}

describe('mails to a resident', () => {
  it('go with the intake when the resident has it erased', async () => {
    const who = await resident()
    const asked = await new IntakeBrowser().post(statusAction, who.statusPath, { intent: 'erase', confirm: 'on' }, { token: who.token })
    expect(asked.status).toBe(302)
    await eventually(async () => (await db().select().from(intakes).where(eq(intakes.id, who.intake.id))).length === 0)
    expect(await mailsTo(who.email)).toEqual([])
    expect(await mailsAbout(who)).toEqual([])
  })

  it('go when the intake is anonymised', async () => {
    const who = await resident()
    const other = await resident()
    // Untouched for 13 months, and back in contact (accepted intakes are never anonymised).
    await db().update(intakes).set({ status: 'in_contact', updatedAt: ago('13 months') }).where(eq(intakes.id, who.intake.id))
    await db().update(intakeEvents).set({ at: ago('13 months') }).where(eq(intakeEvents.intakeId, who.intake.id))
    expect(await db().transaction((tx) => anonymiseStaleIntakes(tx, 12))).toBeGreaterThanOrEqual(1)
    expect((await db().select().from(intakes).where(eq(intakes.id, who.intake.id)))[0]!.anonymisedAt).not.toBeNull()
    expect(await mailsAbout(who)).toEqual([])
    expect((await mailsTo(other.email)).length).toBe(2)
  })
})
