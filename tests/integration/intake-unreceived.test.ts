import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { todayIso } from '#domain/compensation-rules'
import { runTriageDailySummary } from '#app/features/triage/daily-summary.server'
import { action, loader } from '#app/routes/admin+/zonder-ontvanger'
import { db } from '#db/client'
import { listUnreceivedIntakes, rerouteUnreceived } from '#db/queries/intake-unreceived'
import { auditLog, emailMessages, intakes, organisations, users } from '#db/schema'
import { createIntake, createOrganisation, createUser } from '#db/seed/factories'
import { fillIn, IntakeBrowser, submit } from './intake-browser'
import { dayFromToday, requestAs, sessionUser, triageWorker } from './intake-triage-support'

/**
 * Issue 10: no intake is lost for want of a receiver. The reference OCMWs and VDAB teams start without staff, so a
 * resident's intake lands where nobody works yet; the admins of its region and the platform admins see it.
 */
const bySlug = async (slug: string) => (await db().select().from(organisations).where(eq(organisations.slug, slug)))[0]!

let gent: typeof organisations.$inferSelect
let antwerpen: typeof organisations.$inferSelect
let vdabGent: typeof organisations.$inferSelect
let platformAdmin: Awaited<ReturnType<typeof sessionUser>>
let adminGent: Awaited<ReturnType<typeof sessionUser>>
let adminAntwerpen: Awaited<ReturnType<typeof sessionUser>>

beforeAll(async () => {
  ;[gent, antwerpen, vdabGent] = await Promise.all([bySlug('ocmw-44021'), bySlug('ocmw-11002'), bySlug('vdab-refreg13')])
  const platform = await bySlug('stapsteen')
  platformAdmin = await sessionUser((await createUser(db(), { role: 'platform_admin', organisationId: platform.id, email: 'beheer@platform.example' })).id)
  adminGent = await sessionUser((await createUser(db(), { role: 'regional_admin', organisationId: platform.id, regions: ['REFREG13'], email: 'regio.gent@platform.example' })).id)
  adminAntwerpen = await sessionUser((await createUser(db(), { role: 'regional_admin', organisationId: platform.id, regions: ['REFREG01'], email: 'regio.antwerpen@platform.example' })).id)
})

const references = async (user: Awaited<ReturnType<typeof sessionUser>>) =>
  (await listUnreceivedIntakes(db(), user, todayIso())).rows.map((r) => r.reference).sort()

describe('intakes without a receiver', () => {
  it('shows a resident’s intake for a municipality whose OCMW has no staff to that region’s admins and the platform admins', async () => {
    const browser = new IntakeBrowser()
    const key = await fillIn(browser, 'nl')
    expect((await submit(browser, key)).status).toBe(302)
    const [intake] = await db().select().from(intakes).where(eq(intakes.submissionKey, key))
    // Routed to the reference OCMW Gent and VDAB-team Regio Gent, which nobody staffs yet.
    expect(intake).toMatchObject({ ocmwOrganisationId: gent.id, vdabOrganisationId: vdabGent.id })

    expect(await references(adminGent)).toContain(intake!.reference)
    expect(await references(platformAdmin)).toContain(intake!.reference)
    expect(await references(adminAntwerpen)).not.toContain(intake!.reference)

    // Admins see where it waits and when, never who: no name, no contact, no answers.
    const row = (await listUnreceivedIntakes(db(), adminGent, todayIso())).rows.find((r) => r.reference === intake!.reference)!
    expect(Object.keys(row).sort()).toEqual(
      ['createdAt', 'firstContactDueOn', 'id', 'municipality', 'ocmw', 'ocmwDeactivated', 'overdue', 'reference', 'region', 'status', 'suggestedDestination', 'vdab', 'vdabDeactivated'].sort(),
    )
    expect(row).toMatchObject({ municipality: 'Gent', region: 'Regio Gent', ocmw: 'OCMW Gent', vdab: 'VDAB-team Regio Gent', overdue: false })
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'intake.list-unreceived'), eq(auditLog.actorUserId, adminGent.id)))
    expect(entry?.details).toMatchObject({ ids: expect.arrayContaining([intake!.id]) })
  })

  it('leaves the list once an active triage worker sees the intake, and comes back when that worker or organisation stops', async () => {
    const shared = await createIntake(db(), { ocmwOrganisationId: antwerpen.id, municipalityNis: '11002', postcode: '2000', firstContactDueOn: dayFromToday(-2) })
    const closed = await createIntake(db(), { ocmwOrganisationId: antwerpen.id, municipalityNis: '11002', postcode: '2000', status: 'closed', closeReason: 'moved_away' })
    expect(await references(adminAntwerpen)).toContain(shared.reference)
    expect(await references(adminAntwerpen)).not.toContain(closed.reference)
    expect((await listUnreceivedIntakes(db(), adminAntwerpen, todayIso())).rows.find((r) => r.id === shared.id)?.overdue).toBe(true)

    const worker = await triageWorker(antwerpen.id)
    expect(await references(adminAntwerpen)).not.toContain(shared.reference)
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, worker.id))
    expect(await references(adminAntwerpen)).toContain(shared.reference)
    await db().update(users).set({ disabledAt: null }).where(eq(users.id, worker.id))
    await db().update(organisations).set({ deactivatedAt: new Date() }).where(eq(organisations.id, antwerpen.id))
    const row = (await listUnreceivedIntakes(db(), adminAntwerpen, todayIso())).rows.find((r) => r.id === shared.id)
    expect(row).toMatchObject({ ocmw: 'OCMW Antwerpen', ocmwDeactivated: true })
    await db().update(organisations).set({ deactivatedAt: null }).where(eq(organisations.id, antwerpen.id))
  })

  it('counts an intake the VDAB team may not see (no consent to share) as without a receiver, however staffed VDAB is', async () => {
    const vdabWorker = await triageWorker(vdabGent.id)
    const sharedOne = await createIntake(db(), { ocmwOrganisationId: gent.id, vdabOrganisationId: vdabGent.id })
    const private_ = await createIntake(db(), { ocmwOrganisationId: gent.id, vdabOrganisationId: null, consentSharing: false })
    expect(await references(adminGent)).not.toContain(sharedOne.reference)
    expect(await references(adminGent)).toContain(private_.reference)
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, vdabWorker.id))
  })

  it('routes waiting intakes again to an organisation with staff, only in the admin’s own regions, audited', async () => {
    const waiting = await createIntake(db(), { ocmwOrganisationId: gent.id, vdabOrganisationId: null, consentSharing: false })
    // Gent's intakes go to a staffed cluster from now on; the reference OCMW Gent is deactivated.
    const cluster = await createOrganisation(db(), { type: 'ocmw', name: 'OCMW-cluster Leie', municipalities: ['44021'] })
    await triageWorker(cluster.id)
    await db().update(organisations).set({ deactivatedAt: new Date() }).where(eq(organisations.id, gent.id))
    try {
      expect((await rerouteUnreceived(db(), adminAntwerpen)).moved).toBe(0)
      expect((await db().select().from(intakes).where(eq(intakes.id, waiting.id)))[0]?.ocmwOrganisationId).toBe(gent.id)

      const outcome = await rerouteUnreceived(db(), adminGent)
      expect(outcome.moved).toBeGreaterThanOrEqual(1)
      const [moved] = await db().select().from(intakes).where(eq(intakes.id, waiting.id))
      expect(moved).toMatchObject({ ocmwOrganisationId: cluster.id, vdabOrganisationId: null })
      expect(await references(adminGent)).not.toContain(waiting.reference)
      const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'intake.reroute'), eq(auditLog.subjectId, waiting.id)))
      expect(entry).toMatchObject({ actorUserId: adminGent.id, organisationId: cluster.id })
    } finally {
      await db().update(organisations).set({ deactivatedAt: null }).where(eq(organisations.id, gent.id))
      await db().update(organisations).set({ deactivatedAt: new Date() }).where(eq(organisations.id, cluster.id))
    }
  })

  it('is a page for regional and platform admins only, whose button routes again and says how it went', async () => {
    const caseworker = await triageWorker(gent.id, 'caseworker')
    await expect(loader({ request: await requestAs(caseworker, '/admin/zonder-ontvanger'), params: {}, context: {} as never })).rejects.toMatchObject({ status: 403 })
    const page = await loader({ request: await requestAs(adminGent, '/admin/zonder-ontvanger'), params: {}, context: {} as never })
    const data = (await page.json()) as { rows: { reference: string }[]; everywhere: boolean }
    expect(data.everywhere).toBe(false)
    expect(data.rows.length).toBeGreaterThan(0)

    const get = await requestAs(adminGent, '/admin/zonder-ontvanger')
    const post = new Request(get.url, { method: 'POST', headers: get.headers, body: new URLSearchParams() })
    const response = (await action({ request: post, params: {}, context: {} as never }).catch((thrown: unknown) => thrown)) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/admin/zonder-ontvanger')
    expect(response.headers.get('Set-Cookie')).toMatch(/stapsteen_toast=/)
  })

  it('tells the admins each weekday morning how many wait in their area, once a day', async () => {
    await db().delete(emailMessages).where(eq(emailMessages.template, 'unreceived-summary'))
    await runTriageDailySummary({ baseUrl: 'https://stapsteen.example.be' })
    const mails = await db().select().from(emailMessages).where(eq(emailMessages.template, 'unreceived-summary'))
    const to = (email: string) => mails.find((m) => m.to === email)
    expect(to(adminGent.email)?.subject).toMatch(/^\d+ aanmeldingen? zonder ontvanger in Regio Gent$/)
    expect(to(platformAdmin.email)?.subject).toMatch(/zonder ontvanger in heel Vlaanderen$/)
    expect(to(adminGent.email)?.text).toContain('https://stapsteen.example.be/admin/zonder-ontvanger')
    expect(to(adminGent.email)?.text).not.toMatch(/Inwoner|Test [0-9a-f]{8}/)

    await runTriageDailySummary({ baseUrl: 'https://stapsteen.example.be' })
    expect(await db().select().from(emailMessages).where(eq(emailMessages.template, 'unreceived-summary'))).toHaveLength(mails.length)
  })
})
