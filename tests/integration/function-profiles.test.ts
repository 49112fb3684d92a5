import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { action as startAction } from '#app/routes/begeleider+/clienten.$clientId.traject._index'
import { action as saveAction, loader as draftLoader } from '#app/routes/begeleider+/clienten.$clientId.traject.functieprofiel'
import { loader as popLoader, action as popAction } from '#app/routes/begeleider+/clienten.$clientId.traject.pop'
import { loader as listLoader } from '#app/routes/begeleider+/functieprofielen._index'
import { action as profileAction, loader as profileLoader } from '#app/routes/begeleider+/functieprofielen.$profileId'
import { db } from '#db/client'
import { auditLog, functionProfiles, occupations } from '#db/schema'
import { createClient, createUser } from '#db/seed/factories'
import type { SessionUser } from '#domain/session-user'
import { bakerUri, caseworker, sessionUser } from '#tests/support/caseworker-fixtures'
import { answer, body, context, cookieFor, page } from './staff-support'

let baker: string
let otherUri: string
beforeAll(async () => {
  baker = await bakerUri()
  const [other] = await db().select({ uri: occupations.uri }).from(occupations).where(eq(occupations.label, 'kok'))
  otherUri = other!.uri
})

type Form = Record<string, string>
type Run = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>
const as = async (run: Run, user: SessionUser, path: string, params: Record<string, string>, form?: Form) =>
  answer(run({ request: page(await cookieFor(user.id), path, form), params, context }))

/** A client of the caseworker with a running trajectory and a first POP for bakker: the client's id. */
async function clientWithPop(cw: SessionUser) {
  const clientId = (await createClient(db(), { organisationId: cw.organisation.id, caseworkerUserId: cw.id, displayName: 'R.T.', jobTargets: [baker], dutchLevel: 'A2', hoursAvailable: 19 })).id
  const base = `/begeleider/clienten/${clientId}/traject`
  const start = { kind: 'twe_art60', entryReason: 'Heeft werkervaring nodig.', criteriaAssessedOn: '2026-11-02', startOn: '2026-11-03', workplace: 'geen' }
  expect((await as(startAction, cw, base, { clientId }, start)).status).toBe(302)
  const pop = { 'jobTargets[0]': baker, competences: 'Op tijd komen\nDeeg kneden', actions: 'Meelopen.', agreements: 'Vrijdag.' }
  expect((await as(popAction, cw, `${base}/pop`, { clientId }, pop)).status).toBe(302)
  return clientId
}

const profileForm = (overrides: Form = {}): Form => ({
  intent: 'save',
  occupationUri: baker,
  title: 'Hulp in de bakkerij',
  'phases[0].title': 'Kennismaken',
  'phases[0].competences': 'Op tijd komen',
  'phases[0].tasks': 'Ovens laden\nDeeg afwegen',
  ...overrides,
})

/** A profile saved from a client's trajectory by `cw`: its id. */
async function savedProfile(cw: SessionUser) {
  const clientId = await clientWithPop(cw)
  const response = await as(saveAction, cw, `/begeleider/clienten/${clientId}/traject/functieprofiel`, { clientId }, profileForm())
  expect(response.status).toBe(302)
  return response.headers.get('Location')!.split('/').at(-1)!
}

const profilePath = (id: string) => `/begeleider/functieprofielen/${id}`
const listed = async (user: SessionUser, search = '') =>
  (await body<{ profiles: { id: string }[] }>(as(listLoader, user, `/begeleider/functieprofielen${search}`, {}))).profiles.map((p) => p.id)
const colleagueOf = async (cw: SessionUser) => sessionUser((await createUser(db(), { organisationId: cw.organisation.id, role: 'caseworker' })).id)

describe('saving a phase plan as a function profile', () => {
  it('prefills the phases from the trajectory and the POP, and saves the begeleider’s tasks for the own organisation', async () => {
    const cw = await caseworker()
    const clientId = await clientWithPop(cw)
    const path = `/begeleider/clienten/${clientId}/traject/functieprofiel`
    const draft = await body<{ occupations: { uri: string }[]; phases: unknown[] }>(as(draftLoader, cw, path, { clientId }))
    expect(draft.occupations.map((o) => o.uri)).toEqual([baker])
    expect(draft.phases).toEqual([{ title: 'Fase 1', competences: 'Op tijd komen\nDeeg kneden', tasks: '' }])
    const id = await savedProfile(cw)
    const [row] = await db().select().from(functionProfiles).where(eq(functionProfiles.id, id))
    expect(row).toMatchObject({ organisationId: cw.organisation.id, occupationUri: baker, publishedAt: null, phases: [{ title: 'Kennismaken', competences: ['Op tijd komen'], tasks: ['Ovens laden', 'Deeg afwegen'] }] })
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'function-profile.create'), eq(auditLog.subjectId, id)))
    expect(entry!.details).toEqual({ occupationUri: baker })
  })

  it('refuses an occupation outside the POP and a phase without tasks', async () => {
    const cw = await caseworker()
    const clientId = await clientWithPop(cw)
    const path = `/begeleider/clienten/${clientId}/traject/functieprofiel`
    const errorsFor = async (form: Form) => (await body<{ error: Record<string, string[]> }>(as(saveAction, cw, path, { clientId }, form), 400)).error
    expect(await errorsFor(profileForm({ occupationUri: otherUri }))).toEqual({ occupationUri: ['Kies een jobdoelwit uit het POP.'] })
    expect(await errorsFor(profileForm({ 'phases[0].tasks': ' ' }))).toEqual({ 'phases[0].tasks': ['Schrijf minstens één taak.'] })
    expect(await db().select().from(functionProfiles).where(eq(functionProfiles.organisationId, cw.organisation.id))).toEqual([])
  })

  it('adds a phase without JavaScript by a round trip that keeps what was typed and saves nothing', async () => {
    const cw = await caseworker()
    const clientId = await clientWithPop(cw)
    const path = `/begeleider/clienten/${clientId}/traject/functieprofiel`
    const insert = JSON.stringify({ type: 'insert', payload: { name: 'phases', defaultValue: { title: '', competences: '', tasks: '' } } })
    const reply = await body<{ initialValue: { title: string; phases: unknown[] } }>(as(saveAction, cw, path, { clientId }, profileForm({ __intent__: insert })))
    expect(reply.initialValue.title).toBe('Hulp in de bakkerij')
    expect(reply.initialValue.phases).toHaveLength(2)
    expect(await db().select().from(functionProfiles).where(eq(functionProfiles.organisationId, cw.organisation.id))).toEqual([])
  })

  it('gives another organisation’s caseworker a 404 for the client’s draft and save', async () => {
    const cw = await caseworker()
    const clientId = await clientWithPop(cw)
    const outsider = await caseworker('vdab')
    const path = `/begeleider/clienten/${clientId}/traject/functieprofiel`
    expect((await as(draftLoader, outsider, path, { clientId })).status).toBe(404)
    expect((await as(saveAction, outsider, path, { clientId }, profileForm())).status).toBe(404)
  })
})

describe('sharing function profiles', () => {
  it('keeps an unpublished profile within its organisation, and shows a published one to every caseworker', async () => {
    const cw = await caseworker()
    const id = await savedProfile(cw)
    const colleague = await colleagueOf(cw)
    const outsider = await caseworker('vdab')
    expect(await listed(colleague)).toContain(id)
    expect((await as(profileLoader, colleague, profilePath(id), { profileId: id })).status).toBe(200)
    expect(await listed(outsider)).not.toContain(id)
    expect((await as(profileLoader, outsider, profilePath(id), { profileId: id })).status).toBe(404)

    expect((await as(profileAction, colleague, profilePath(id), { profileId: id }, { intent: 'publish' })).status).toBe(302)
    expect(await listed(outsider)).toContain(id)
    const shown = await body<{ profile: { own: boolean; phases: unknown[] } }>(as(profileLoader, outsider, profilePath(id), { profileId: id }))
    expect(shown.profile).toMatchObject({ own: false, phases: [{ title: 'Kennismaken' }] })
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'function-profile.publish'), eq(auditLog.subjectId, id)))
    expect(entry!.actorUserId).toBe(colleague.id)

    expect((await as(profileAction, cw, profilePath(id), { profileId: id }, { intent: 'unpublish' })).status).toBe(302)
    expect((await as(profileLoader, outsider, profilePath(id), { profileId: id })).status).toBe(404)
  })

  it('lets only the owning organisation change or publish a profile, published or not', async () => {
    const cw = await caseworker()
    const id = await savedProfile(cw)
    const outsider = await caseworker('vdab')
    expect((await as(profileAction, outsider, profilePath(id), { profileId: id }, { intent: 'publish' })).status).toBe(404)
    expect((await as(profileAction, cw, profilePath(id), { profileId: id }, { intent: 'publish' })).status).toBe(302)
    expect((await as(profileAction, outsider, profilePath(id), { profileId: id }, { intent: 'unpublish' })).status).toBe(404)
    expect((await as(profileAction, outsider, profilePath(id), { profileId: id }, profileForm({ title: 'Overgenomen' }))).status).toBe(404)
    const [row] = await db().select().from(functionProfiles).where(eq(functionProfiles.id, id))
    expect(row).toMatchObject({ title: 'Hulp in de bakkerij' })
    expect(row!.publishedAt).not.toBeNull()

    const edited = profileForm({ title: 'Bakkerij, 2 fasen', 'phases[1].title': 'Zelfstandig', 'phases[1].competences': 'Deeg kneden', 'phases[1].tasks': 'Brood vormen' })
    expect((await as(profileAction, cw, profilePath(id), { profileId: id }, edited)).status).toBe(302)
    const [after] = await db().select().from(functionProfiles).where(eq(functionProfiles.id, id))
    expect(after).toMatchObject({ title: 'Bakkerij, 2 fasen', occupationUri: baker, phases: [{ title: 'Kennismaken' }, { title: 'Zelfstandig', tasks: ['Brood vormen'] }] })
  })

  it('finds profiles by a chosen occupation or by the typed name', async () => {
    const cw = await caseworker()
    const id = await savedProfile(cw)
    // Other tests' published bakery profiles may be listed too: only this one's presence is checked.
    expect(await listed(cw, `?uri=${encodeURIComponent(baker)}`)).toContain(id)
    expect(await listed(cw, `?uri=${encodeURIComponent(otherUri)}`)).not.toContain(id)
    expect(await listed(cw, '?beroep=bakker')).toContain(id)
    // "Zoek beroep" searches the typed text again, whatever occupation was chosen before.
    expect(await listed(cw, `?beroep=kok&intent=search-occupation&uri=${encodeURIComponent(baker)}`)).not.toContain(id)
  })
})

describe('starting a POP from a profile', () => {
  it('prefills the competences from a profile the caseworker may read, not from another organisation’s unpublished one', async () => {
    const owner = await caseworker()
    const id = await savedProfile(owner)
    const cw = await caseworker('vdab')
    const clientId = (await createClient(db(), { organisationId: cw.organisation.id, caseworkerUserId: cw.id, displayName: 'K.M.', jobTargets: [baker], dutchLevel: 'A2', hoursAvailable: 19 })).id
    const start = { kind: 'twe_wz', entryReason: 'Werkzoekende.', startOn: '2026-11-03', workplace: 'geen' }
    expect((await as(startAction, cw, `/begeleider/clienten/${clientId}/traject`, { clientId }, start)).status).toBe(302)
    type Pop = { defaults: { competences: string[]; jobTargets: string[] } | null; profileId: string | null; profiles: { id: string }[] }
    const popPage = (search: string) => body<Pop>(as(popLoader, cw, `/begeleider/clienten/${clientId}/traject/pop${search}`, { clientId }))

    const hidden = await popPage(`?profiel=${id}`)
    expect(hidden).toMatchObject({ defaults: null, profileId: null })
    expect(hidden.profiles.map((p) => p.id)).not.toContain(id)

    expect((await as(profileAction, owner, profilePath(id), { profileId: id }, { intent: 'publish' })).status).toBe(302)
    const started = await popPage(`?profiel=${id}`)
    expect(started).toMatchObject({ defaults: { competences: ['Op tijd komen'], jobTargets: [baker] }, profileId: id })
    expect(started.profiles.map((p) => p.id)).toContain(id)
  })
})
