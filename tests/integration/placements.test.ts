import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '#app/auth/session.server'
import { editorAction, statusAction } from '#app/features/placements/placement-editor.server'
import type { PlacementInput } from '#domain/placement-form'
import { loader as occupationsApi } from '#app/routes/api+/beroepen'
import { db } from '#db/client'
import { TransitionError } from '#db/queries/placement-lifecycle'
import {
  createPlacement,
  getOwnPlacement,
  listOwnPlacements,
  placementHistory,
  SiteNotOwnedError,
  setPlacementStatus,
  updatePlacement,
} from '#db/queries/placements'
import { getPublicPlacement, listPublicPlacements } from '#db/queries/public-placements'
import { loadSessionUser } from '#db/queries/users'
import { auditLog, occupations } from '#db/schema'
import { createEmployer, createUser } from '#db/seed/factories'

const uri: Record<string, string> = {}
beforeAll(async () => {
  for (const label of ['bakker', 'orderpicker']) {
    const [row] = await db().select({ uri: occupations.uri }).from(occupations).where(eq(occupations.label, label))
    uri[label] = row!.uri
  }
})

/** An employer (verified unless told otherwise) with one site and one user, as the session sees them. */
async function employer(options: { verified?: boolean; municipalityNis?: string; postcode?: string } = {}) {
  const { organisation, sites } = await createEmployer(db(), {
    profile: options.verified === false ? { verificationStatus: 'pending', verifiedAt: null } : {},
    sites: [{ municipalityNis: options.municipalityNis ?? '44021', postcode: options.postcode ?? '9000', street: 'Veldstraat 1' }],
  })
  const user = await createUser(db(), { organisationId: organisation.id, role: 'employer' })
  const sessionUser = (await loadSessionUser(db(), user.id))!
  return { organisation, site: sites[0]!, user: sessionUser, actor: { organisationId: organisation.id, actorUserId: user.id } }
}

const input = (siteId: string, changes: Partial<PlacementInput> = {}): PlacementInput => ({
  title: `Plaats ${Math.random().toString(36).slice(2, 8)}`,
  occupationUri: uri.bakker!,
  description: 'Deeg afwegen en ovens laden.',
  tasks: ['Deeg afwegen'],
  competences: ['Op tijd komen'],
  siteId,
  hoursPerWeek: 19.5,
  schedule: ['day'],
  startDate: null,
  places: 2,
  fullUntil: null,
  dutchLevel: 'A2',
  support: ['mentor'],
  instruments: ['TWE_ART60'],
  ...changes,
})

/** The editor form as a browser posts it. */
function editorForm(siteId: string, intent: string, changes: Record<string, string> = {}) {
  const values: Record<string, string> = {
    title: 'Hulp in de keuken', occupationUri: uri.bakker!, description: 'Groenten snijden en afwassen.', siteId, hoursPerWeek: '19',
    schedule: 'day', places: '1', dutchLevel: 'A1', instruments: 'TWE_ART60', intent, ...changes,
  }
  const form = new FormData()
  for (const [name, value] of Object.entries(values)) form.append(name, value)
  return form
}

/** Runs an action that answers with a redirect (thrown) or with JSON; returns both kinds the same way. */
async function respond(run: () => Promise<Response>) {
  try {
    return await run()
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

describe('an employer’s own placements', () => {
  it('are created at the chosen site, with the location copied, a history and audit entries', async () => {
    const { site, actor, organisation } = await employer()
    const id = await db().transaction((tx) => createPlacement(tx, actor, input(site.id)))
    const placement = await getOwnPlacement(db(), organisation.id, id)
    expect(placement).toMatchObject({ status: 'draft', siteId: site.id, municipalityNis: '44021', postcode: '9000', street: 'Veldstraat 1', hoursPerWeek: 19.5 })
    expect(await placementHistory(db(), organisation.id, id)).toMatchObject([{ from: null, to: 'draft' }])
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.subjectType, 'placement'), eq(auditLog.subjectId, id)))
    expect(audits.map((a) => a.action)).toEqual(['placement.create'])
  })

  it('cannot use another organisation’s site', async () => {
    const mine = await employer()
    const theirs = await employer()
    await expect(db().transaction((tx) => createPlacement(tx, mine.actor, input(theirs.site.id)))).rejects.toBeInstanceOf(SiteNotOwnedError)
  })

  it('are invisible and unchangeable for another organisation, even by id', async () => {
    const owner = await employer()
    const other = await employer()
    const id = await createPlacement(db(), owner.actor, input(owner.site.id, { title: 'Van de eigenaar' }))
    expect(await getOwnPlacement(db(), other.organisation.id, id)).toBeUndefined()
    expect(await placementHistory(db(), other.organisation.id, id)).toEqual([])
    expect((await listOwnPlacements(db(), other.organisation.id)).map((p) => p.id)).not.toContain(id)
    expect(await updatePlacement(db(), other.actor, id, input(other.site.id, { title: 'Gekaapt' }))).toBe('not-found')
    await expect(setPlacementStatus(db(), other.actor, id, 'closed')).rejects.toBeInstanceOf(TransitionError)
    await expect(respond(() => editorAction(editorForm(other.site.id, 'save'), other.user, id))).resolves.toHaveProperty('status', 404)
    await expect(respond(() => statusAction(other.user, id, 'closed'))).resolves.toHaveProperty('status', 404)
    expect(await getOwnPlacement(db(), owner.organisation.id, id)).toMatchObject({ title: 'Van de eigenaar', status: 'draft' })
  })

  it('update writes updatedAt and an audit entry naming the changed fields, but no history row', async () => {
    const { site, actor, organisation } = await employer()
    const id = await createPlacement(db(), actor, input(site.id, { places: 2 }))
    const before = (await getOwnPlacement(db(), organisation.id, id))!
    expect(await updatePlacement(db(), actor, id, input(site.id, { title: before.title, places: 3 }))).toEqual({ id, status: 'draft' })
    const after = (await getOwnPlacement(db(), organisation.id, id))!
    expect(after.places).toBe(3)
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime())
    expect(await placementHistory(db(), organisation.id, id)).toHaveLength(1)
    const [update] = await db().select().from(auditLog).where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'placement.update')))
    expect(update?.details).toEqual({ changed: ['places'] })
  })

  it('follow the lifecycle with who-did-what history; a closed placement stays closed', async () => {
    const { site, actor, organisation, user } = await employer()
    const id = await createPlacement(db(), actor, input(site.id))
    for (const to of ['published', 'paused', 'published', 'filled', 'closed'] as const) await setPlacementStatus(db(), actor, id, to)
    const history = await placementHistory(db(), organisation.id, id)
    expect(history.map((h) => [h.from, h.to])).toEqual([
      [null, 'draft'],
      ['draft', 'published'],
      ['published', 'paused'],
      ['paused', 'published'],
      ['published', 'filled'],
      ['filled', 'closed'],
    ])
    expect(new Set(history.map((h) => h.actor))).toEqual(new Set([user.name]))
    await expect(setPlacementStatus(db(), actor, id, 'published')).rejects.toBeInstanceOf(TransitionError)
    expect(await updatePlacement(db(), actor, id, input(site.id))).toBe('closed')
    const statusAudits = await db().select().from(auditLog).where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'placement.status')))
    expect(statusAudits.map((a) => a.details)).toContainEqual({ from: 'filled', to: 'closed' })
  })
})

describe('the editor action', () => {
  it('publishes for a verified employer', async () => {
    const { site, user, organisation } = await employer()
    const response = await respond(() => editorAction(editorForm(site.id, 'publish'), user))
    expect(response.status).toBe(302)
    const [placement] = await listOwnPlacements(db(), organisation.id)
    expect(response.headers.get('Location')).toBe(`/werkgever/plaatsen/${placement!.id}`)
    expect(placement).toMatchObject({ status: 'published', title: 'Hulp in de keuken' })
    expect(placement!.publishedAt).not.toBeNull()
  })

  it('parks "publish" of an unverified employer as submitted', async () => {
    const { site, user, organisation } = await employer({ verified: false })
    expect((await respond(() => editorAction(editorForm(site.id, 'publish'), user))).status).toBe(302)
    const [placement] = await listOwnPlacements(db(), organisation.id)
    expect(placement?.status).toBe('submitted')
    await respond(() => statusAction(user, placement!.id, 'published'))
    expect((await getOwnPlacement(db(), organisation.id, placement!.id))?.status).toBe('submitted')
  })

  it('checks on the server that the site is the employer’s own, and saves nothing on a mistake', async () => {
    const mine = await employer()
    const theirs = await employer()
    const response = await respond(() => editorAction(editorForm(theirs.site.id, 'save', { hoursPerWeek: '50' }), mine.user))
    expect(response.status).toBe(400)
    const { result } = (await response.json()) as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }
    expect(result.error.siteId).toEqual(['Kies een van de vestigingen van uw organisatie.'])
    expect(result.error.hoursPerWeek).toEqual(['Een plaats telt hoogstens 40 uur per week.'])
    expect(result.initialValue.title).toBe('Hulp in de keuken')
    expect(await listOwnPlacements(db(), mine.organisation.id)).toEqual([])
  })

  it('answers an occupation search (without JavaScript) with matches and the entered values, saving nothing', async () => {
    const { site, user, organisation } = await employer()
    const response = await respond(() => editorAction(editorForm(site.id, 'search-occupation', { occupationQuery: 'orderpick', occupationUri: '' }), user))
    expect(response.status).toBe(200)
    const body = (await response.json()) as { result: { error?: unknown; initialValue: Record<string, string> }; hits: { uri: string }[] }
    expect(body.result.error).toBeUndefined()
    expect(body.result.initialValue.title).toBe('Hulp in de keuken')
    expect(body.hits.map((h) => h.uri)).toContain(uri.orderpicker)
    expect(await listOwnPlacements(db(), organisation.id)).toEqual([])
  })
})

describe('the public placements', () => {
  it('list only published placements of verified employers, filtered by region and occupation', async () => {
    const gent = await employer()
    const antwerpen = await employer({ municipalityNis: '11002', postcode: '2000' })
    const unverified = await employer({ verified: false })
    const published = async (who: typeof gent, changes: Partial<PlacementInput> = {}) => {
      const id = await createPlacement(db(), who.actor, input(who.site.id, changes))
      await setPlacementStatus(db(), who.actor, id, 'published')
      return id
    }
    const baker = await published(gent)
    const picker = await published(gent, { occupationUri: uri.orderpicker })
    const inAntwerp = await published(antwerpen)
    const draft = await createPlacement(db(), gent.actor, input(gent.site.id))
    const paused = await published(gent)
    await setPlacementStatus(db(), gent.actor, paused, 'paused')
    const notVerified = await createPlacement(db(), unverified.actor, input(unverified.site.id))
    await setPlacementStatus(db(), unverified.actor, notVerified, 'published') // straight through the lifecycle, as an import might

    const ids = async (filter: Parameters<typeof listPublicPlacements>[1]) => (await listPublicPlacements(db(), filter)).items.map((p) => p.id)
    const all = await ids({})
    expect(all).toEqual(expect.arrayContaining([baker, picker, inAntwerp]))
    for (const hidden of [draft, paused, notVerified]) {
      expect(all).not.toContain(hidden)
      expect(await getPublicPlacement(db(), hidden)).toBeUndefined()
    }
    expect(all[0]).toBe(inAntwerp) // newest first

    const gentOnly = await listPublicPlacements(db(), { regionCode: 'REFREG13' })
    expect(gentOnly.items.map((p) => p.id)).toEqual(expect.arrayContaining([baker, picker]))
    expect(gentOnly.items.map((p) => p.id)).not.toContain(inAntwerp)
    expect(gentOnly.regions.find((r) => r.code === 'REFREG13')?.count).toBe(gentOnly.total)

    // Accent- and case-insensitive, over preferred and alternative labels ("Orderpicker", "broodbakker").
    expect(await ids({ occupation: 'ORDERPICK' })).toEqual([picker])
    expect(await ids({ occupation: 'broodbakker', regionCode: 'REFREG01' })).toEqual([inAntwerp])
    expect(await ids({ occupation: 'geen-beroep-zo' })).toEqual([])
    expect(await getPublicPlacement(db(), baker)).toMatchObject({ employer: { name: gent.organisation.name }, municipality: { name: 'Gent' }, region: 'Regio Gent' })
  })

  it('page 20 at a time', async () => {
    const many = await employer({ municipalityNis: '24062', postcode: '3000' })
    for (let i = 0; i < 21; i += 1) {
      const id = await createPlacement(db(), many.actor, input(many.site.id))
      await setPlacementStatus(db(), many.actor, id, 'published')
    }
    const first = await listPublicPlacements(db(), { regionCode: 'REFREG05' })
    const second = await listPublicPlacements(db(), { regionCode: 'REFREG05', page: 2 })
    expect([first.total, first.pageCount, first.items.length, second.items.length]).toEqual([21, 2, 20, 1])
    expect(first.items.map((p) => p.id)).not.toContain(second.items[0]!.id)
  })
})

describe('GET /api/beroepen', () => {
  const call = (cookie?: string) =>
    occupationsApi({ request: new Request('http://localhost/api/beroepen?q=bakker', { headers: cookie ? { Cookie: cookie } : {} }), params: {}, context: { requestId: 'test', clientIp: '127.0.0.1' } })

  it('answers 401 without a session', async () => {
    expect((await call()).status).toBe(401)
  })

  it('answers at most 10 matches with uri, label and alternative labels for any signed-in user', async () => {
    const { user } = await employer()
    const cookie = (await signIn(new Request('http://localhost/inloggen'), user.id, 'password', '/')).headers.get('Set-Cookie')!.split(';')[0]!
    const { results } = (await (await call(cookie)).json()) as { results: { uri: string; label: string; altLabels: string[] }[] }
    expect(results.length).toBeGreaterThan(0)
    expect(results.length).toBeLessThanOrEqual(10)
    expect(results[0]).toMatchObject({ uri: uri.bakker, label: 'bakker' })
    expect(results[0]!.altLabels).toContain('broodbakker')
  })
})
