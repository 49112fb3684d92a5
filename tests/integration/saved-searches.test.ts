import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '#app/auth/session.server'
import { currentHitsOf } from '#app/features/saved-searches/saved-searches.server'
import type { SearchOutcome } from '#app/features/placement-search/search-results'
import { action as savedAction, loader as savedLoader } from '#app/routes/begeleider+/bewaard'
import { action as searchAction, loader as searchLoader } from '#app/routes/begeleider+/zoeken'
import { db } from '#db/client'
import { createSavedSearch, listOwnSavedSearches } from '#db/queries/saved-searches'
import { emailMessages, savedSearches, savedSearchSeen, users } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'
import { registerSavedSearchAlertWorker, runSavedSearchAlerts, SAVED_SEARCH_ALERTS_QUEUE } from '#app/features/saved-searches/alerts.server'
import { type FacetCounts, type SearchEngine, SearchInputError, SearchUnavailableError } from '#search/port'
import { PostgresSearchEngine } from '#search/postgres/engine'
import { applyIndexUpdate } from '#search/sync'
import { startJobQueue, stopJobQueue } from '#core/jobs'
import { testDatabaseUrl } from '#tests/support/database'
import { insertPlacement, OCCUPATIONS } from '#tests/support/search-conformance'

const BASE = 'http://localhost:3000'
const engine = new PostgresSearchEngine(db)
const run = () => runSavedSearchAlerts({ engine, baseUrl: BASE })

beforeAll(async () => {
  // Alerts are mails: sendEmail enqueues their delivery in the same transaction.
  await startJobQueue(testDatabaseUrl, { worker: false })
})
afterAll(async () => {
  await stopJobQueue()
})

async function caseworker(email?: string) {
  const organisation = await createOrganisation(db(), { type: 'ocmw' })
  const user = await createUser(db(), { organisationId: organisation.id, role: 'caseworker', ...(email ? { email } : {}) })
  return { ...user, organisationId: organisation.id }
}

/** A published placement of a verified employer, already in the search index. */
async function published(input: Parameters<typeof insertPlacement>[0]) {
  const { id } = await insertPlacement(input)
  await applyIndexUpdate([id], engine)
  return id
}

/** A saved search as the search page stores it: what it finds now counts as seen. */
async function saved(user: { id: string; organisationId: string }, query: string, alert = true) {
  const current = await currentHitsOf(query)
  if (!current.ok) throw new Error(current.message)
  return { id: await createSavedSearch(db(), user, { name: 'Voor Ahmed', query: current.query, alert }, current.hits) }
}

const mailsTo = (to: string) =>
  db()
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.to, to), eq(emailMessages.template, 'saved-search-alert')))
const seenOf = async (savedSearchId: string) =>
  (await db().select({ id: savedSearchSeen.placementId }).from(savedSearchSeen).where(eq(savedSearchSeen.savedSearchId, savedSearchId)))
    .map((r) => r.id)
    .sort()

async function cookieFor(userId: string) {
  const response = await signIn(new Request(`${BASE}/inloggen`), userId, 'password', '/begeleider')
  return response.headers.get('Set-Cookie')!.split(';')[0]!
}
type Route = (args: { request: Request; params: {}; context: { requestId: string; clientIp: string } }) => Promise<Response>
const context = { requestId: 'saved-searches-test', clientIp: '127.0.0.1' }
/** Calls a loader or action as the signed-in user; thrown redirects and 404s are returned like any response. */
const call = (route: Route, cookie: string, path: string, form?: Record<string, string>) =>
  route({
    request: new Request(
      `${BASE}${path}`,
      form ? { method: 'POST', headers: { Cookie: cookie }, body: new URLSearchParams(form) } : { headers: { Cookie: cookie } },
    ),
    params: {},
    context,
  }).catch((thrown: unknown) => thrown as Response)
type PageData = {
  values: Record<string, unknown>
  errors: Record<string, string[]>
  outcome: (SearchOutcome & { facets: FacetCounts }) | 'unavailable' | null
}
const searchPage = async (cookie: string, query: string) => {
  const response = await call(searchLoader as Route, cookie, `/begeleider/zoeken?${query}`)
  return { status: response.status, data: (await response.json()) as PageData }
}

/** The process's search engine, swapped for one that fails the way the test says (search/engine.ts keeps it on globalThis). */
async function withFailingEngine(error: Error, body: () => Promise<void>) {
  const g = globalThis as { __stapsteenSearch?: SearchEngine }
  const real = g.__stapsteenSearch
  g.__stapsteenSearch = new Proxy(engine, {
    get: (target, property) => (property === 'search' ? () => Promise.reject(error) : Reflect.get(target, property)),
  })
  try {
    await body()
  } finally {
    g.__stapsteenSearch = real
  }
}

describe('the search page and saved searches (user scope)', () => {
  it('saves a search for the signed-in user, with what it finds now marked as seen', async () => {
    const there = await published({ nis: '24062', title: 'Magazijnmedewerker Leuven' })
    const user = await caseworker()
    const cookie = await cookieFor(user.id)
    const form = { name: 'Magazijn Leuven', alert: 'on', query: 'q=magazijnmedewerker&plaats=Leuven&straal=' }
    const response = await call(searchAction as Route, cookie, '/begeleider/zoeken', form)
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/begeleider/zoeken?q=magazijnmedewerker&plaats=Leuven')
    const [search] = await listOwnSavedSearches(db(), user.id)
    expect(search).toMatchObject({ name: 'Magazijn Leuven', query: 'q=magazijnmedewerker&plaats=Leuven', alert: true })
    expect(await seenOf(search!.id)).toContain(there)
    const [row] = await db().select().from(savedSearches).where(eq(savedSearches.id, search!.id))
    expect(row!.organisationId).toBe(user.organisationId)
  })

  it('refuses to save a search with a mistake in it, or while search is down, and says so', async () => {
    const user = await caseworker()
    const cookie = await cookieFor(user.id)
    const wrong = await call(searchAction as Route, cookie, '/begeleider/zoeken', { name: 'Fout', query: 'plaats=1000' })
    expect(wrong.status).toBe(400)
    expect(JSON.stringify(await wrong.json())).toContain('Deze zoekopdracht bevat een fout')
    await withFailingEngine(new SearchUnavailableError('down'), async () => {
      const down = await call(searchAction as Route, cookie, '/begeleider/zoeken', { name: 'Later', query: 'q=kok' })
      expect(down.status).toBe(400)
      expect(JSON.stringify(await down.json())).toContain('Zoeken is tijdelijk niet beschikbaar')
    })
    expect(await listOwnSavedSearches(db(), user.id)).toEqual([])
  })

  it('shows a user only their own saved searches, and another user cannot change or delete them', async () => {
    const owner = await caseworker()
    const other = await caseworker()
    const { id } = await saved(owner, 'q=kok')
    const otherCookie = await cookieFor(other.id)
    const listed = await (await call(savedLoader as Route, otherCookie, '/begeleider/bewaard')).json()
    expect(listed.searches).toEqual([])
    for (const intent of ['alert-off', 'alert-on', 'delete']) {
      expect((await call(savedAction as Route, otherCookie, '/begeleider/bewaard', { intent, savedSearchId: id })).status).toBe(404)
    }
    expect(await listOwnSavedSearches(db(), owner.id)).toEqual([expect.objectContaining({ id, alert: true })])
    // The owner can.
    const ownerCookie = await cookieFor(owner.id)
    const listedForOwner = await (await call(savedLoader as Route, ownerCookie, '/begeleider/bewaard')).json()
    expect(listedForOwner.searches).toEqual([expect.objectContaining({ id, summary: '"kok"' })])
    expect((await call(savedAction as Route, ownerCookie, '/begeleider/bewaard', { intent: 'alert-off', savedSearchId: id })).status).toBe(302)
    expect((await listOwnSavedSearches(db(), owner.id))[0]!.alert).toBe(false)
    expect((await call(savedAction as Route, ownerCookie, '/begeleider/bewaard', { intent: 'delete', savedSearchId: id })).status).toBe(302)
    expect(await listOwnSavedSearches(db(), owner.id)).toEqual([])
    expect((await call(savedAction as Route, ownerCookie, '/begeleider/bewaard', { intent: 'delete', savedSearchId: 'not-an-id' })).status).toBe(400)
  })

  it('is for roles that read published placements: an employer gets 403', async () => {
    const organisation = await createOrganisation(db(), { type: 'employer' })
    const cookie = await cookieFor((await createUser(db(), { organisationId: organisation.id, role: 'employer' })).id)
    expect((await call(searchLoader as Route, cookie, '/begeleider/zoeken?q=kok')).status).toBe(403)
    expect((await call(searchAction as Route, cookie, '/begeleider/zoeken', { name: 'x', query: 'q=kok' })).status).toBe(403)
    expect((await call(savedLoader as Route, cookie, '/begeleider/bewaard')).status).toBe(403)
    const platform = await createOrganisation(db(), { type: 'platform' })
    const admin = await createUser(db(), { organisationId: platform.id, role: 'platform_admin' })
    expect((await call(searchLoader as Route, await cookieFor(admin.id), '/begeleider/zoeken?q=kok')).status).toBe(200)
  })

  it('answers a wrong address with messages on the fields, never an error page', async () => {
    const cookie = await cookieFor((await caseworker()).id)
    const wrong = await searchPage(cookie, 'uren=veel&plaats=1000&straal=5')
    expect(wrong.status).toBe(400)
    expect(wrong.data.errors).toEqual({ uren: ['Typ een getal, bijvoorbeeld 19.'] })
    expect(wrong.data.values).toMatchObject({ uren: 'veel', plaats: '1000', straal: '5' })
    const unknownPlace = await searchPage(cookie, 'plaats=1000&straal=5')
    expect(unknownPlace.data.errors).toEqual({ plaats: ['Postcode 1000 kennen we niet in Vlaanderen. Typ de naam van de gemeente.'] })
    await withFailingEngine(new SearchInputError('radiusKm', 'Geef een getal groter dan 0 en hoogstens 500.'), async () => {
      const refused = await searchPage(cookie, 'plaats=Gent&straal=5')
      expect(refused).toMatchObject({ status: 400, data: { errors: { straal: ['Geef een getal groter dan 0 en hoogstens 500.'] }, outcome: null } })
    })
    await withFailingEngine(new SearchUnavailableError('down'), async () => {
      expect(await searchPage(cookie, 'q=kok')).toMatchObject({ status: 503, data: { errors: {}, outcome: 'unavailable', values: { q: 'kok' } } })
    })
  })

  it('finds with a typo and counts facets', async () => {
    const id = await published({ nis: '71016', title: 'Magazijnmedewerker Genk', instruments: ['IBO'] })
    const cookie = await cookieFor((await caseworker()).id)
    const { data } = await searchPage(cookie, 'q=magazijnmedewerkr&plaats=Genk&maatregel=IBO')
    if (!data.outcome || data.outcome === 'unavailable') throw new Error(`no result: ${JSON.stringify(data)}`)
    expect(data.outcome.understanding?.corrected).toBe('magazijnmedewerker')
    expect(data.outcome.hits.map((h) => h.id)).toEqual([id])
    expect(data.outcome.hits[0]!.reasons[0]).toMatchObject({ kind: 'same_occupation', label: 'magazijnmedewerker' })
    expect(data.outcome.facets.instruments).toMatchObject({ IBO: 1 })
  })
})

describe('alerts for saved searches', () => {
  it('mails exactly once about a newly published matching placement, and nothing about old or other ones', async () => {
    const old = await published({ nis: '31005', title: 'Magazijnmedewerker Brugge' })
    const user = await caseworker()
    const { id } = await saved(user, 'q=magazijnmedewerker&plaats=Brugge')
    expect(await seenOf(id)).toEqual([old])
    await run()
    expect(await mailsTo(user.email)).toEqual([])

    const otherOccupation = await published({
      nis: '31005',
      title: 'Hulp in de grootkeuken',
      occupation: OCCUPATIONS.cook,
      description: 'Soep maken.',
    })
    const elsewhere = await published({ nis: '44021', title: 'Magazijnmedewerker Gent' })
    const fresh = await published({ nis: '31005', title: 'Magazijnmedewerker nachtploeg' })
    await run()
    const mails = await mailsTo(user.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe('1 nieuwe werkervaringsplaats voor je bewaarde zoekopdracht')
    expect(mails[0]!.text).toContain(`${BASE}/plaatsen/${fresh}`)
    expect(mails[0]!.text).toContain('Magazijnmedewerker nachtploeg')
    for (const notNew of [old, otherOccupation, elsewhere]) expect(mails[0]!.html).not.toContain(notNew)
    // The search's name might name a client: it stays out of the mail.
    expect(mails[0]!.html).not.toContain('Ahmed')
    expect(await seenOf(id)).toEqual([old, fresh].sort())

    await run()
    expect(await mailsTo(user.email)).toHaveLength(1)
  })

  it('sends nothing while the alert is off, nor to a user who can no longer log in', async () => {
    const off = await caseworker()
    const disabled = await caseworker()
    await saved(off, 'q=magazijnmedewerker&plaats=Kortrijk', false)
    await saved(disabled, 'q=magazijnmedewerker&plaats=Kortrijk')
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id))
    await published({ nis: '34022', title: 'Magazijnmedewerker Kortrijk' })
    await run()
    expect(await mailsTo(off.email)).toEqual([])
    expect(await mailsTo(disabled.email)).toEqual([])
  })

  it('turning the alert back on counts what is there then as seen', async () => {
    const user = await caseworker()
    const { id } = await saved(user, 'q=magazijnmedewerker&plaats=Aalst', false)
    const meanwhile = await published({ nis: '41002', title: 'Magazijnmedewerker Aalst' })
    const cookie = await cookieFor(user.id)
    expect((await call(savedAction as Route, cookie, '/begeleider/bewaard', { intent: 'alert-on', savedSearchId: id })).status).toBe(302)
    expect(await seenOf(id)).toEqual([meanwhile])
    await run()
    expect(await mailsTo(user.email)).toEqual([])
  })

  it('marks nothing as seen when the mail cannot be queued, and sends it on the next run', async () => {
    const user = await caseworker('geen-adres')
    const { id } = await saved(user, 'q=magazijnmedewerker&plaats=Hasselt')
    const fresh = await published({ nis: '71072', title: 'Magazijnmedewerker Hasselt' })
    await run()
    expect(await seenOf(id)).toEqual([])
    const email = `hersteld-${id}@example.test`
    await db().update(users).set({ email }).where(eq(users.id, user.id))
    await run()
    const mails = await mailsTo(email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.text).toContain(`/plaatsen/${fresh}`)
  })

  it('two runs at the same time mail once', async () => {
    const user = await caseworker()
    await saved(user, 'q=magazijnmedewerker&plaats=Mechelen')
    await published({ nis: '12025', title: 'Magazijnmedewerker Mechelen' })
    await Promise.all([run(), run(), run()])
    expect(await mailsTo(user.email)).toHaveLength(1)
  })

  it('is scheduled every 15 minutes on the job queue', async () => {
    const { jobQueue } = await import('#core/jobs')
    await registerSavedSearchAlertWorker(jobQueue(), engine)
    const rows = await db().execute<{ cron: string }>(sql`select cron from pgboss.schedule where name = ${SAVED_SEARCH_ALERTS_QUEUE}`)
    expect([...rows]).toEqual([{ cron: '*/15 * * * *' }])
  })
})
