import { and, eq, inArray } from 'drizzle-orm'
import fc from 'fast-check'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { signIn } from '#app/auth/session.server'
import type { ClientEditorData } from '#app/features/clients/client-editor'
import type { MatchOutcome } from '#app/features/matching/client-match.server'
import { matchRequestFor } from '#app/features/matching/client-match.server'
import type { ClientInput } from '#domain/client-form'
import { loader as recordLoader } from '#app/routes/begeleider+/clienten.$clientId._index'
import { action as editAction } from '#app/routes/begeleider+/clienten.$clientId.bewerken'
import { loader as matchLoader } from '#app/routes/begeleider+/clienten.$clientId.passend'
import { loader as listLoader } from '#app/routes/begeleider+/clienten._index'
import { action as newAction } from '#app/routes/begeleider+/clienten.nieuw'
import { db } from '#db/client'
import { createClient, getClient, listClients, UnknownOccupationError, updateClient } from '#db/queries/clients'
import { loadSessionUser } from '#db/queries/users'
import { auditLog, municipalities, placements } from '#db/schema'
import { dutchLevels, instruments } from '#domain/values'
import { createOrganisation, createUser } from '#db/seed/factories'
import { searchEngine } from '#search/engine'
import { haversineKm, roundKm } from '#search/geo'
import { SearchUnavailableError } from '#search/port'
import { applyIndexUpdate } from '#search/sync'
import { insertPlacement, OCCUPATIONS } from '#tests/support/search-conformance'

const BASE = 'http://localhost'
const context = { requestId: 'clients-test', clientIp: '127.0.0.1' }

/** A caseworker of a new OCMW or VDAB organisation, as the session sees them, with a session cookie. */
async function caseworker(type: 'ocmw' | 'vdab' | 'employer' = 'ocmw', organisationId?: string) {
  const organisation = organisationId ?? (await createOrganisation(db(), { type })).id
  const row = await createUser(db(), { organisationId: organisation, role: type === 'employer' ? 'employer' : 'caseworker' })
  const user = (await loadSessionUser(db(), row.id))!
  const response = await signIn(new Request(`${BASE}/inloggen`), row.id, 'password', '/begeleider')
  return { user, cookie: response.headers.get('Set-Cookie')!.split(';')[0]! }
}

const input = (changes: Partial<ClientInput> = {}): ClientInput => ({
  displayName: 'K.B.',
  firstName: 'Kevin',
  contact: '0470 00 00 00',
  homeMunicipalityNis: '44021',
  postcode: '9000',
  jobTargets: [OCCUPATIONS.warehouse],
  competences: ['Op tijd komen'],
  dutchLevel: 'A2',
  maxDistanceKm: 20,
  hoursAvailable: 30,
  instruments: ['WES'],
  notes: null,
  ...changes,
})

type Session = Awaited<ReturnType<typeof caseworker>>
const get = (session: Session, path: string) => new Request(`${BASE}${path}`, { headers: { Cookie: session.cookie } })
const post = (session: Session, path: string, form: FormData) => new Request(`${BASE}${path}`, { method: 'POST', body: form, headers: { Cookie: session.cookie } })

/** Runs a loader or action that answers with a thrown Response (redirect, 404) or with data; returns both as a Response. */
async function respond(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run()
    return result instanceof Response ? result : Response.json(result)
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

/** The client form as a browser posts it. */
function clientForm(changes: Record<string, string | null> = {}) {
  const values: Record<string, string | null> = {
    displayName: 'R.M.', home: '9000', 'jobTargets[0].query': 'magazijn', 'jobTargets[0].uri': OCCUPATIONS.warehouse, dutchLevel: 'A2',
    maxDistanceKm: '20', hoursAvailable: '30', intent: 'save', ...changes,
  }
  const form = new FormData()
  for (const [name, value] of Object.entries(values)) if (value !== null) form.append(name, value)
  return form
}

const audits = (clientId: string) =>
  db().select().from(auditLog).where(and(eq(auditLog.subjectType, 'client'), eq(auditLog.subjectId, clientId))).orderBy(auditLog.at, auditLog.id)

let ocmw: Session
let colleague: Session
let vdab: Session
beforeAll(async () => {
  ocmw = await caseworker('ocmw')
  colleague = await caseworker('ocmw', ocmw.user.organisation.id)
  vdab = await caseworker('vdab')
})

describe('client records belong to one organisation', () => {
  it('are listed, read and changed by the caseworkers of that organisation only', async () => {
    const id = await createClient(db(), ocmw.user, input({ displayName: 'Van OCMW' }))
    expect((await listClients(db(), colleague.user)).map((c) => c.id)).toContain(id)
    expect(await getClient(db(), colleague.user, id)).toMatchObject({ displayName: 'Van OCMW', municipality: 'Gent', jobTargets: [{ uri: OCCUPATIONS.warehouse, label: 'magazijnmedewerker' }] })

    expect((await listClients(db(), vdab.user)).map((c) => c.id)).not.toContain(id)
    expect(await getClient(db(), vdab.user, id)).toBeNull()
    expect(await updateClient(db(), vdab.user, id, input({ displayName: 'Gekaapt' }))).toBe('not-found')
    expect(await getClient(db(), ocmw.user, id)).toMatchObject({ displayName: 'Van OCMW' })
  })

  it('answer 404 to another organisation, exactly as to a missing or malformed id, on every page', async () => {
    const id = await createClient(db(), ocmw.user, input())
    for (const clientId of [id, '00000000-0000-4000-8000-000000000000', 'niet-een-id', "1' or '1'='1"]) {
      const params = { clientId }
      for (const response of [
        await respond(() => recordLoader({ request: get(vdab, `/begeleider/clienten/${clientId}`), params, context })),
        await respond(() => matchLoader({ request: get(vdab, `/begeleider/clienten/${clientId}/passend`), params, context })),
        await respond(() => editAction({ request: post(vdab, `/begeleider/clienten/${clientId}/bewerken`, clientForm()), params, context })),
      ]) {
        expect(response.status).toBe(404)
        expect(await response.text()).toBe('Deze cliënt bestaat niet of hoort niet bij jouw organisatie.')
      }
    }
    expect((await respond(() => recordLoader({ request: get(ocmw, `/begeleider/clienten/${id}`), params: { clientId: id }, context }))).status).toBe(200)
  })

  it('list newest first and are for caseworkers only', async () => {
    const { user, cookie } = await caseworker('vdab')
    const first = await createClient(db(), user, input({ displayName: 'Eerste' }))
    const second = await createClient(db(), user, input({ displayName: 'Tweede' }))
    const page = (await (await respond(() => listLoader({ request: get({ user, cookie }, '/begeleider/clienten'), params: {}, context }))).json()) as { clients: { id: string }[] }
    expect(page.clients.map((c) => c.id)).toEqual([second, first])
    const employer = await caseworker('employer')
    expect((await respond(() => listLoader({ request: get(employer, '/begeleider/clienten'), params: {}, context }))).status).toBe(403)
    await expect(listClients(db(), employer.user)).rejects.toThrow('has no clients')
  })
})

describe('the audit log', () => {
  it('records every creation, read and change of a client, naming changed fields but never values', async () => {
    const id = await createClient(db(), ocmw.user, input())
    await getClient(db(), colleague.user, id, 'match')
    expect(await updateClient(db(), ocmw.user, id, input({ displayName: 'K.B.', notes: 'Geheim', maxDistanceKm: 30 }))).toEqual({ id })
    await getClient(db(), vdab.user, id)
    const entries = await audits(id)
    expect(entries.map((e) => [e.action, e.actorUserId, e.details])).toEqual([
      ['client.create', ocmw.user.id, null],
      ['client.read', colleague.user.id, { purpose: 'match' }],
      ['client.update', ocmw.user.id, { changed: ['maxDistanceKm', 'notes'] }],
    ])
    expect(entries.every((e) => e.organisationId === ocmw.user.organisation.id)).toBe(true)
    expect(JSON.stringify(entries)).not.toContain('Geheim')
  })

  it('records each read of the client list through its page with the count, never a name (issue 11, finding 10)', async () => {
    const session = await caseworker('ocmw')
    await createClient(db(), session.user, input({ displayName: 'Zineb Lijstlezer', contact: 'zineb@example.test' }))
    const listReads = () =>
      db().select().from(auditLog).where(and(eq(auditLog.action, 'client.list'), eq(auditLog.actorUserId, session.user.id)))
    expect(await listReads()).toEqual([])
    const response = await respond(() => listLoader({ request: get(session, '/begeleider/clienten'), params: {}, context }))
    expect(response.status).toBe(200)
    const entries = await listReads()
    expect(entries.map((e) => [e.subjectType, e.subjectId, e.organisationId, e.details])).toEqual([['client', null, session.user.organisation.id, { count: 1 }]])
    expect(JSON.stringify(entries)).not.toMatch(/Zineb|Lijstlezer|zineb@/)
  })

  it('records no list read for a user who may not see the list', async () => {
    const employer = await caseworker('employer')
    const response = await respond(() => listLoader({ request: get(employer, '/begeleider/clienten'), params: {}, context }))
    expect(response.status).toBe(403)
    expect(await db().select().from(auditLog).where(and(eq(auditLog.action, 'client.list'), eq(auditLog.actorUserId, employer.user.id)))).toEqual([])
  })
})

describe('the client form', () => {
  const save = (form: FormData) => respond(() => newAction({ request: post(ocmw, '/begeleider/clienten/nieuw', form), params: {}, context }))
  const answer = async (response: Response) => (await response.json()) as ClientEditorData

  it('saves a client and opens the record, resolving a postcode or a municipality name', async () => {
    const byPostcode = await save(clientForm({ displayName: 'Per postcode', home: '9050 gent' }))
    expect(byPostcode.status).toBe(302)
    const id = byPostcode.headers.get('Location')!.split('/').at(-1)!
    expect(await getClient(db(), ocmw.user, id)).toMatchObject({ displayName: 'Per postcode', homeMunicipalityNis: '44021', postcode: '9050', caseworkerUserId: ocmw.user.id })
    const byName = await save(clientForm({ displayName: 'Per naam', home: 'sint niklaas' }))
    const named = await getClient(db(), ocmw.user, byName.headers.get('Location')!.split('/').at(-1)!)
    expect(named).toMatchObject({ municipality: 'Sint-Niklaas', postcode: null })
  })

  it('answers an unknown postcode, municipality or occupation with a field error and saves nothing', async () => {
    const before = (await listClients(db(), ocmw.user)).length
    const unknownOccupation = 'http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000000'
    const response = await save(clientForm({ home: '1000', 'jobTargets[0].uri': unknownOccupation }))
    expect(response.status).toBe(400)
    expect((await answer(response)).result.error).toEqual({
      home: ['Postcode 1000 ligt niet in Vlaanderen of bestaat niet. Kijk ze na.'],
      'jobTargets[0].uri': ['Dit beroep staat niet in de lijst. Zoek het opnieuw en kies het uit de lijst.'],
    })
    const byName = await answer(await save(clientForm({ home: 'Gentt' })))
    expect(byName.result.error).toEqual({ home: ['We vinden geen Vlaamse gemeente "Gentt". Kijk de schrijfwijze na, of vul de postcode in.'] })
    const mismatch = await answer(await save(clientForm({ home: '9000 Antwerpen' })))
    expect(mismatch.result.error).toEqual({ home: ['Postcode 9000 hoort bij Gent, niet bij "Antwerpen".'] })
    expect((await listClients(db(), ocmw.user)).length).toBe(before)
    await expect(createClient(db(), ocmw.user, input({ jobTargets: [unknownOccupation] }))).rejects.toBeInstanceOf(UnknownOccupationError)
  })

  it('asks for the municipality of a postcode that lies in two, and keeps it', async () => {
    const ask = await save(clientForm({ home: '1804' }))
    expect(ask.status).toBe(400)
    const asked = await answer(ask)
    expect(asked.homeChoices.map((c) => c.name)).toEqual(['Vilvoorde', 'Zemst'])
    expect(asked.result.error).toEqual({ homeMunicipalityNis: ['Postcode 1804 ligt in Vilvoorde en Zemst. Kies de gemeente.'] })
    const zemst = asked.homeChoices.find((c) => c.name === 'Zemst')!.nis
    const saved = await save(clientForm({ home: '1804', homeMunicipalityNis: zemst }))
    expect(saved.status).toBe(302)
    expect(await getClient(db(), ocmw.user, saved.headers.get('Location')!.split('/').at(-1)!)).toMatchObject({ homeMunicipalityNis: zemst, postcode: '1804' })
  })

  it('without JavaScript, searches occupations and adds or moves jobdoelwitten without saving or losing anything', async () => {
    const before = (await listClients(db(), ocmw.user)).length
    const search = await answer(await save(clientForm({ 'jobTargets[0].uri': null, 'jobTargets[0].query': 'magazijn', intent: 'search-occupation' })))
    expect(search.hits?.[0]?.map((h) => h.label)).toContain('magazijnmedewerker')
    expect(search.result.error).toBeUndefined()
    expect(search.result.initialValue).toMatchObject({ displayName: 'R.M.', jobTargets: [{ query: 'magazijn' }] })

    const add = clientForm({ 'jobTargets[1].query': 'kok', 'jobTargets[1].uri': OCCUPATIONS.cook })
    add.append('__intent__', JSON.stringify({ type: 'reorder', payload: { name: 'jobTargets', from: 1, to: 0 } }))
    const moved = await save(add)
    expect(moved.status).toBe(200)
    const data = await answer(moved)
    expect(data.result.initialValue).toMatchObject({ jobTargets: [{ uri: OCCUPATIONS.cook }, { uri: OCCUPATIONS.warehouse }] })
    expect(Object.keys(data.occupations).sort()).toEqual([OCCUPATIONS.cook, OCCUPATIONS.warehouse].sort())

    const tampered = clientForm()
    tampered.append('__intent__', '{not json')
    const refused = await save(tampered)
    expect(refused.status).toBe(400)
    expect((await answer(refused)).result.error).toEqual({ '': ['Het formulier kwam onvolledig aan. Laad de pagina opnieuw en probeer het nog eens.'] })
    expect((await listClients(db(), ocmw.user)).length).toBe(before)
  })

  it('edits a client of the own organisation in place', async () => {
    const id = await createClient(db(), ocmw.user, input())
    const response = await respond(() =>
      editAction({ request: post(colleague, `/begeleider/clienten/${id}/bewerken`, clientForm({ displayName: 'Nieuwe naam', hoursAvailable: '19,5' })), params: { clientId: id }, context }),
    )
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`/begeleider/clienten/${id}`)
    expect(await getClient(db(), ocmw.user, id)).toMatchObject({ displayName: 'Nieuwe naam', hoursAvailable: 19.5, caseworkerUserId: ocmw.user.id })
  })
})

describe('"Zoek passende plaatsen"', () => {
  type Fixture = Parameters<typeof insertPlacement>[0] & { key: string }
  // Around Gent: Lochristi and Zelzate within 20 km, Antwerpen beyond.
  const fixtures: Fixture[] = [
    { key: 'fits', title: 'Magazijnmedewerker Gent', occupation: OCCUPATIONS.warehouse, nis: '44021', hours: 30, dutch: 'A2', instruments: ['WES'] },
    { key: 'related', title: 'Orderpicker Lochristi', occupation: OCCUPATIONS.picker, nis: '44087', hours: 24, dutch: 'A1', instruments: ['WES', 'IBO'] },
    { key: 'tooFar', title: 'Magazijnmedewerker Antwerpen', occupation: OCCUPATIONS.warehouse, nis: '11002', hours: 30, dutch: 'A2', instruments: ['WES'] },
    { key: 'tooMuchDutch', title: 'Magazijnmedewerker B2', occupation: OCCUPATIONS.warehouse, nis: '44021', hours: 30, dutch: 'B2', instruments: ['WES'] },
    { key: 'tooManyHours', title: 'Magazijnmedewerker voltijds', occupation: OCCUPATIONS.warehouse, nis: '44021', hours: 38, dutch: 'A2', instruments: ['WES'] },
    { key: 'otherInstrument', title: 'Magazijnmedewerker IBO', occupation: OCCUPATIONS.warehouse, nis: '43018', hours: 20, dutch: 'none', instruments: ['IBO'] },
    { key: 'unrelated', title: 'Hulp in de keuken', occupation: OCCUPATIONS.cook, nis: '44021', hours: 20, dutch: 'A1', instruments: ['WES'] },
    { key: 'paused', title: 'Magazijnmedewerker gepauzeerd', occupation: OCCUPATIONS.warehouse, nis: '44021', hours: 20, dutch: 'A1', instruments: ['WES'] },
  ]
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    for (const { key, ...fixture } of fixtures) ids[key] = (await insertPlacement(fixture)).id
    await applyIndexUpdate(Object.values(ids), searchEngine())
    // Paused after it was indexed: the index has not caught up yet, the result list must.
    await db().update(placements).set({ status: 'paused' }).where(eq(placements.id, ids.paused!))
  })
  const ours = (outcome: MatchOutcome) => (outcome.kind === 'results' ? outcome.items.filter((item) => Object.values(ids).includes(item.id)) : [])

  async function matchPage(clientId: string) {
    const response = await respond(() => matchLoader({ request: get(ocmw, `/begeleider/clienten/${clientId}/passend`), params: { clientId }, context }))
    expect(response.status).toBe(200)
    return ((await response.json()) as { outcome: MatchOutcome }).outcome
  }

  it('lists what fits the profile with its reasons, same occupation first, and nothing that breaks a constraint', async () => {
    const id = await createClient(db(), ocmw.user, input())
    const outcome = await matchPage(id)
    const found = ours(outcome)
    expect(found.map((item) => item.id)).toEqual([ids.fits, ids.related])
    expect(found[0]).toMatchObject({ title: 'Magazijnmedewerker Gent', municipality: 'Gent', hoursPerWeek: 30, dutchLevel: 'A2', places: 1 })
    expect(found[0]!.reasons).toEqual([
      { kind: 'same_occupation', occupationUri: OCCUPATIONS.warehouse, label: 'magazijnmedewerker', match: 'job_target' },
      { kind: 'distance', km: 0 },
    ])
    expect(found[1]!.reasons[0]).toMatchObject({ kind: 'related_occupation', label: 'orderpicker', relatedTo: { label: 'magazijnmedewerker' } })
    const [gent, lochristi] = await Promise.all(['44021', '44087'].map(async (nis) => (await db().select().from(municipalities).where(eq(municipalities.nis, nis)))[0]!))
    expect(found[1]!.reasons[1]).toEqual({ kind: 'distance', km: roundKm(haversineKm(gent!.lat, gent!.lon, lochristi!.lat, lochristi!.lon)) })
    expect((await audits(id)).map((e) => e.details)).toContainEqual({ purpose: 'match' })
  })

  it('without instruments in the profile, rules none out; with 0 km, does not search', async () => {
    const open = await createClient(db(), ocmw.user, input({ instruments: [], dutchLevel: 'B2', hoursAvailable: 40 }))
    expect(ours(await matchPage(open)).map((item) => item.id).sort()).toEqual([ids.fits, ids.related, ids.tooMuchDutch, ids.tooManyHours, ids.otherInstrument].sort())
    expect(await matchPage(await createClient(db(), ocmw.user, input({ maxDistanceKm: 0 })))).toEqual({ kind: 'no-distance' })
  })

  it('says that search is unavailable instead of failing when the engine is down', async () => {
    const id = await createClient(db(), ocmw.user, input())
    const spy = vi.spyOn(searchEngine(), 'match').mockRejectedValue(new SearchUnavailableError('switched off by the test'))
    try {
      expect(await matchPage(id)).toEqual({ kind: 'unavailable' })
    } finally {
      spy.mockRestore()
    }
  })

  it('never violates a hard constraint, whatever the profile', async () => {
    const rows = await db()
      .select({ id: placements.id, lat: placements.lat, lon: placements.lon, hours: placements.hoursPerWeek, dutch: placements.dutchLevel, instruments: placements.instruments })
      .from(placements)
      .where(inArray(placements.id, Object.values(ids)))
    const towns = await db().select().from(municipalities).where(inArray(municipalities.nis, ['44021', '44087', '43018', '11002']))
    const profile = fc.record({
      nis: fc.constantFrom(...towns.map((t) => t.nis)),
      maxDistanceKm: fc.integer({ min: 1, max: 300 }),
      dutchLevel: fc.constantFrom(...dutchLevels),
      hoursAvailable: fc.integer({ min: 2, max: 120 }).map((half) => half / 2),
      instruments: fc.subarray([...instruments]),
      jobTargets: fc.subarray([OCCUPATIONS.warehouse, OCCUPATIONS.picker, OCCUPATIONS.cook], { minLength: 1 }),
    })
    let checked = 0
    await fc.assert(
      fc.asyncProperty(profile, async ({ nis, ...rest }) => {
        const client = { ...rest, homeMunicipalityNis: nis, jobTargets: rest.jobTargets.map((uri) => ({ uri, label: uri })) }
        const home = towns.find((t) => t.nis === nis)!
        const result = await searchEngine().match(matchRequestFor(client))
        for (const hit of result.results) {
          const placement = rows.find((r) => r.id === hit.id)
          if (!placement) continue
          expect(haversineKm(home.lat, home.lon, placement.lat, placement.lon)).toBeLessThanOrEqual(client.maxDistanceKm + 0.005)
          expect(dutchLevels.indexOf(placement.dutch)).toBeLessThanOrEqual(dutchLevels.indexOf(client.dutchLevel))
          expect(placement.hours).toBeLessThanOrEqual(client.hoursAvailable)
          if (client.instruments.length > 0) expect(placement.instruments.some((i) => client.instruments.includes(i))).toBe(true)
          checked += 1
        }
      }),
      { numRuns: 40 },
    )
    // Not vacuous: the profiles found placements to check.
    expect(checked).toBeGreaterThan(10)
  })
})
