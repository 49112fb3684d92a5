import { and, eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { newSecret } from '#core/crypto.server'
import { action as statusAction, loader as statusLoader } from '#app/routes/aanmelden+/status.$token'
import { db } from '#db/client'
import { CONSENT_WITHDRAWN_NOTE, CONTACT_CORRECTED_NOTE, ERASURE_REQUEST_NOTE } from '#db/queries/intake-status'
import { auditLog, intakeEvents, intakes } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'
import { confirmation, fillIn, IntakeBrowser, location, submit } from './intake-browser'

// Each with a triage worker, so the form routes Gent's intakes to them rather than to the reference organisations.
beforeAll(async () => {
  const ocmw = await createOrganisation(db(), { type: 'ocmw', name: 'OCMW Gent (status)', municipalities: ['44021'] })
  const vdab = await createOrganisation(db(), { type: 'vdab', name: 'VDAB Gent (status)', regions: ['REFREG13'] })
  for (const organisation of [ocmw, vdab]) await createUser(db(), { role: 'triage_worker', organisationId: organisation.id })
})

/** A submitted intake and its status link, as the resident got it on the confirmation page. */
async function submitted(language = 'fr') {
  const browser = new IntakeBrowser()
  const key = await fillIn(browser, language, { contact: { contactMethod: 'phone', phone: '0470 12 34 56' } })
  await submit(browser, key, language)
  const { statusPath } = await confirmation(browser, language)
  const token = statusPath.split('/')[3]!.split('?')[0]!
  const [intake] = await db().select().from(intakes).where(eq(intakes.submissionKey, key))
  return { intake: intake!, token, path: statusPath, resident: new IntakeBrowser() }
}

type StatusData = { reference: string; texts: Record<string, string | null>; consent: string; erasureRequested: boolean }
const view = async (resident: IntakeBrowser, path: string, token: string) => {
  const response = await resident.get(statusLoader, path, { token })
  expect(response.status).toBe(200)
  return (await response.json()) as StatusData
}
const eventNotes = async (intakeId: string) =>
  (await db().select({ note: intakeEvents.note }).from(intakeEvents).where(eq(intakeEvents.intakeId, intakeId))).map((e) => e.note)
const audited = async (intakeId: string, action: string) =>
  (await db().select().from(auditLog).where(and(eq(auditLog.subjectId, intakeId), eq(auditLog.action, action)))).length

describe('the status page', () => {
  it('shows the status and who handles it, in the resident’s language, only to the holder of the token', async () => {
    const { intake, token, path, resident } = await submitted('fr')
    const data = await view(resident, path, token)
    expect(data.reference).toBe(intake.reference)
    expect(data.texts.status).toBe('Reçue')
    expect(data.texts.who).toBe('OCMW Gent (status) ou VDAB Gent (status) examine votre inscription.')
    expect(data.texts.contactWay).toBe('On vous appellera au 0470123456.')

    // Without ?lng= the page opens in the language of the intake.
    expect(location(await resident.get(statusLoader, `/aanmelden/status/${token}`, { token }))).toBe(`/aanmelden/status/${token}?lng=fr`)
    // The handling organisation, once one took it over.
    await db().update(intakes).set({ handlingOrganisationId: intake.vdabOrganisationId }).where(eq(intakes.id, intake.id))
    expect((await view(resident, path, token)).texts.who).toBe('VDAB Gent (status) assure le suivi de votre inscription.')
  })

  it.each([
    ['an unknown token', newSecret()],
    ['a garbled token', 'x'.repeat(12)],
    ['a token with odd characters', `${'a'.repeat(42)}%`],
  ])('answers 404 for %s, never more', async (_, token) => {
    const response = await new IntakeBrowser().get(statusLoader, `/aanmelden/status/${encodeURIComponent(token)}?lng=ar`, { token })
    expect(response.status).toBe(404)
    const posted = await new IntakeBrowser().post(statusAction, `/aanmelden/status/x?lng=ar`, { intent: 'withdraw' }, { token })
    expect(posted.status).toBe(404)
  })

  it('stops working once the intake is anonymised', async () => {
    const { intake, token, path, resident } = await submitted()
    await db().update(intakes).set({ anonymisedAt: sql`now()` }).where(eq(intakes.id, intake.id))
    expect((await resident.get(statusLoader, path, { token })).status).toBe(404)
  })

  it('lets the resident correct the contact details, checking them like the form does', async () => {
    const { intake, token, path, resident } = await submitted('nl')
    const wrong = await resident.post(statusAction, path, { intent: 'contact', contactMethod: 'email', email: 'geen adres' }, { token })
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({ form: 'contact', result: { error: { email: ['errors.emailInvalid'] } } })
    const organisation = await resident.post(statusAction, path, { intent: 'contact', contactMethod: 'organisation' }, { token })
    expect(await organisation.json()).toMatchObject({ result: { error: { contactMethod: ['errors.organisationUnknown'] } } })

    const saved = await resident.post(statusAction, path, { intent: 'contact', contactMethod: 'email', email: 'nieuw@example.test', phone: '' }, { token })
    expect(location(saved)).toBe(path)
    const [after] = await db().select().from(intakes).where(eq(intakes.id, intake.id))
    expect(after).toMatchObject({ contactMethod: 'email', email: 'nieuw@example.test', phone: null, status: 'new' })
    expect(await eventNotes(intake.id)).toContain(CONTACT_CORRECTED_NOTE)
    expect(await audited(intake.id, 'intake.contact-corrected')).toBe(1)
  })

  it('lets the resident withdraw the consent to share, once', async () => {
    const { intake, token, path, resident } = await submitted('uk')
    expect((await view(resident, path, token)).consent).toBe('given')
    expect(location(await resident.post(statusAction, path, { intent: 'withdraw' }, { token }))).toBe(path)
    await resident.post(statusAction, path, { intent: 'withdraw' }, { token })
    const [after] = await db().select().from(intakes).where(eq(intakes.id, intake.id))
    expect(after!.consentSharing).toBe(false)
    expect(after!.consentWithdrawnAt).toBeInstanceOf(Date)
    expect((await eventNotes(intake.id)).filter((note) => note === CONSENT_WITHDRAWN_NOTE)).toHaveLength(1)
    expect(await audited(intake.id, 'intake.consent-withdrawn')).toBe(1)
    const data = await view(resident, path, token)
    expect(data.consent).toBe('withdrawn')
    expect(data.texts.consentWithdrawnOn).toMatch(/\d{4}/)
  })

  it('records an erasure request after a confirmation, queues it once, and says so', async () => {
    const { intake, token, path, resident } = await submitted('tr')
    const unconfirmed = await resident.post(statusAction, path, { intent: 'erase' }, { token })
    expect(unconfirmed.status).toBe(400)
    expect(await unconfirmed.json()).toMatchObject({ form: 'erase', result: { error: { confirm: ['errors.erasureConfirmRequired'] } } })

    expect(location(await resident.post(statusAction, path, { intent: 'erase', confirm: 'on' }, { token }))).toBe('/aanmelden/gewist?lng=tr')
    await resident.post(statusAction, path, { intent: 'erase', confirm: 'on' }, { token })
    expect((await eventNotes(intake.id)).filter((note) => note === ERASURE_REQUEST_NOTE)).toHaveLength(1)
    expect(await audited(intake.id, 'intake.erasure-requested')).toBe(1)
    const jobs = await db().execute<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = 'intake-erasure' and data->>'intakeId' = ${intake.id}`)
    expect(jobs[0]!.n).toBe(1)
    expect((await view(resident, path, token)).erasureRequested).toBe(true)
  })

  it('refuses an unknown intent without a server error', async () => {
    const { token, path, resident } = await submitted()
    expect((await resident.post(statusAction, path, { intent: 'delete-everything' }, { token })).status).toBe(400)
  })
})
