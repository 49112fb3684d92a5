import { and, eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '#app/auth/session.server'
import { loader as searchLoader } from '#app/routes/begeleider+/zoeken'
import { loader as publicLoader } from '#app/routes/plaatsen._index'
import { action as termsAction, loader as termsLoader } from '#app/routes/admin+/zoektermen'
import { loader as csvLoader } from '#app/routes/admin+/zoektermen[.csv]'
import { db } from '#db/client'
import { recordSearchTermMiss } from '#db/queries/search-term-misses'
import { registerPrivacyWorkers } from '#app/features/privacy/privacy-worker.server'
import { jobQueue, startJobQueue } from '#core/jobs'
import { testDatabaseUrl } from '#tests/support/database'
import { auditLog, organisations, searchTermMappings, searchTermMisses } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'
import { PostgresSearchEngine } from '#search/postgres/engine'
import { applyIndexUpdate } from '#search/sync'
import { eventually } from '#tests/support/eventually'
import { insertPlacement, OCCUPATIONS } from '#tests/support/search-conformance'

const BASE = 'http://localhost:3000'
const engine = new PostgresSearchEngine(db)
type Route = (args: { request: Request; params: {}; context: { requestId: string; clientIp: string } }) => Promise<Response>
const context = { requestId: 'search-terms-test', clientIp: '127.0.0.1' }

async function cookieFor(userId: string) {
  const response = await signIn(new Request(`${BASE}/inloggen`), userId, 'password', '/')
  return response.headers.get('Set-Cookie')!.split(';')[0]!
}
/** A loader or action as the signed-in user (or signed out without a cookie); thrown responses are returned. */
const call = (route: unknown, path: string, options: { cookie?: string; form?: Record<string, string>; referer?: string } = {}) => {
  const headers: Record<string, string> = {}
  if (options.cookie) headers.Cookie = options.cookie
  if (options.referer) headers.Referer = options.referer
  const init = options.form ? { method: 'POST', headers, body: new URLSearchParams(options.form) } : { headers }
  return (route as Route)({ request: new Request(`${BASE}${path}`, init), params: {}, context }).catch((thrown: unknown) => thrown as Response)
}
const countsOf = async (term: string) => {
  const [row] = await db()
    .select({ noResults: sql<number>`sum(${searchTermMisses.noResults})::int`, refined: sql<number>`sum(${searchTermMisses.refined})::int` })
    .from(searchTermMisses)
    .where(eq(searchTermMisses.term, term))
  return { noResults: row?.noResults ?? 0, refined: row?.refined ?? 0 }
}
const searchTotal = async (cookie: string, q: string) => {
  const response = await call(searchLoader, `/begeleider/zoeken?q=${encodeURIComponent(q)}`, { cookie })
  return ((await response.json()) as { outcome: { total: number } }).outcome.total
}

let cookies: { caseworker: string; regional: string; platform: string; employer: string }
let ids: { regional: string; platform: string }

beforeAll(async () => {
  const [platformOrg] = await db().select().from(organisations).where(eq(organisations.slug, 'stapsteen'))
  const ocmw = await createOrganisation(db(), { type: 'ocmw' })
  const employerOrg = await createOrganisation(db(), { type: 'employer' })
  const caseworker = await createUser(db(), { organisationId: ocmw.id, role: 'caseworker' })
  const regional = await createUser(db(), { organisationId: platformOrg!.id, role: 'regional_admin', regions: ['REFREG01'] })
  const platform = await createUser(db(), { organisationId: platformOrg!.id, role: 'platform_admin' })
  const employer = await createUser(db(), { organisationId: employerOrg.id, role: 'employer' })
  ids = { regional: regional.id, platform: platform.id }
  cookies = {
    caseworker: await cookieFor(caseworker.id),
    regional: await cookieFor(regional.id),
    platform: await cookieFor(platform.id),
    employer: await cookieFor(employer.id),
  }
  const { id } = await insertPlacement({ title: 'Bakker in opleiding', occupation: OCCUPATIONS.baker, description: 'Brood en banket.' })
  await applyIndexUpdate([id], engine)
})

describe('counting search terms', () => {
  it('counts a caseworker search that found nothing, as the search folds it, and nothing about who searched', async () => {
    expect(await searchTotal(cookies.caseworker, 'Zwoebeláar  XQ')).toBe(0)
    await eventually(async () => (await countsOf('zwoebelaar xq')).noResults === 1)
    const columns = await db().execute<{ column_name: string }>(sql`select column_name from information_schema.columns where table_name = 'search_term_misses' order by 1`)
    expect(columns.map((c) => c.column_name)).toEqual(['day', 'no_results', 'refined', 'term'])
  })

  it('does not count a search that found something', async () => {
    expect(await searchTotal(cookies.caseworker, 'bakker')).toBeGreaterThan(0)
    await searchTotal(cookies.caseworker, 'qqzwlx') // a zero result after it, so the first one had its chance to be written
    await eventually(async () => (await countsOf('qqzwlx')).noResults === 1)
    expect(await countsOf('bakker')).toEqual({ noResults: 0, refined: 0 })
  })

  it('counts a text replaced from its own results page as refined, but not the same word typed further', async () => {
    const from = (q: string) => `${BASE}/begeleider/zoeken?q=${encodeURIComponent(q)}`
    await call(searchLoader, '/begeleider/zoeken?q=bakker', { cookie: cookies.caseworker, referer: from('broodmaker') })
    await eventually(async () => (await countsOf('broodmaker')).refined === 1)
    await call(searchLoader, '/begeleider/zoeken?q=bakkerij', { cookie: cookies.caseworker, referer: from('bakke') })
    // A step of typing that found nothing ("qzwa" on the way to "qzwapper") is taken back and left off the page.
    await call(searchLoader, '/begeleider/zoeken?q=qzwa', { cookie: cookies.caseworker })
    await eventually(async () => (await countsOf('qzwa')).noResults === 1)
    await call(searchLoader, '/begeleider/zoeken?q=qzwapper', { cookie: cookies.caseworker, referer: from('qzwa') })
    await eventually(async () => (await countsOf('qzwapper')).noResults === 1 && (await countsOf('qzwa')).noResults === 0)
    await call(searchLoader, '/begeleider/zoeken?q=bakker', { cookie: cookies.caseworker, referer: `${BASE}/plaatsen?beroep=banketbakker` })
    await call(searchLoader, '/begeleider/zoeken?q=kqzxw', { cookie: cookies.caseworker })
    await eventually(async () => (await countsOf('kqzxw')).noResults === 1)
    expect((await countsOf('bakke')).refined).toBe(0)
    expect((await countsOf('banketbakker')).refined).toBe(0)
  })

  it('counts the public search by occupation that found nothing', async () => {
    const response = await call(publicLoader, '/plaatsen?beroep=Plofzwammer')
    expect(((await response.json()) as { total: number }).total).toBe(0)
    await eventually(async () => (await countsOf('plofzwammer')).noResults === 1)
  })

  it('the nightly retention run deletes terms older than 90 days and keeps the others', async () => {
    await registerPrivacyWorkers(await startJobQueue(testDatabaseUrl, { worker: true }))
    await recordSearchTermMiss(db(), 'oud-woord', 'noResults')
    await recordSearchTermMiss(db(), 'jong-woord', 'noResults')
    const daysAgo = (n: number) => sql`(now() at time zone 'Europe/Brussels')::date - ${n}::int`
    await db().update(searchTermMisses).set({ day: daysAgo(91) }).where(eq(searchTermMisses.term, 'oud-woord'))
    await db().update(searchTermMisses).set({ day: daysAgo(90) }).where(eq(searchTermMisses.term, 'jong-woord'))
    await jobQueue().send('intake-retention', {})
    await eventually(async () => (await countsOf('oud-woord')).noResults === 0)
    expect((await countsOf('jong-woord')).noResults).toBe(1)
  })
})

describe('/admin/zoektermen', () => {
  it('is for regional and platform admins only', async () => {
    for (const cookie of [cookies.caseworker, cookies.employer]) {
      expect((await call(termsLoader, '/admin/zoektermen', { cookie })).status).toBe(403)
      expect((await call(csvLoader, '/admin/zoektermen.csv', { cookie })).status).toBe(403)
    }
    const page = await call(termsLoader, '/admin/zoektermen', { cookie: cookies.regional })
    expect(page.status).toBe(200)
    const data = (await page.json()) as { terms: { term: string }[]; canPropose: boolean; canReview: boolean }
    expect(data.terms.map((t) => t.term)).toContain('zwoebelaar xq')
    expect(data.terms.map((t) => t.term)).not.toContain('qzwa')
    expect([data.canPropose, data.canReview]).toEqual([true, false])
    const csv = await (await call(csvLoader, '/admin/zoektermen.csv', { cookie: cookies.platform })).text()
    expect(csv).toContain('zwoebelaar xq')
  })

  it('only a regional admin proposes and only a platform admin decides', async () => {
    const proposal = { intent: 'propose', term: 'knoefelaar', kind: 'colloquial', uri: OCCUPATIONS.baker, note: 'Gehoord in Gent' }
    expect((await call(termsAction, '/admin/zoektermen', { cookie: cookies.platform, form: proposal })).status).toBe(403)
    const review = { intent: 'review', mappingId: crypto.randomUUID(), decision: 'accept' }
    expect((await call(termsAction, '/admin/zoektermen', { cookie: cookies.regional, form: review })).status).toBe(403)
  })

  it('says per field what a proposal lacks', async () => {
    const response = await call(termsAction, '/admin/zoektermen', { cookie: cookies.regional, form: { intent: 'propose', term: '', kind: '', uri: '', note: '' } })
    expect(response.status).toBe(400)
    const { result } = (await response.json()) as { result: { error: Record<string, string[]> } }
    expect(Object.keys(result.error).sort()).toEqual(['kind', 'note', 'term', 'uri'])
  })

  it('finds occupations for the picker without JavaScript, keeping what was typed and proposing nothing', async () => {
    const form = { intent: 'search-occupation', term: 'bakkertje', kind: 'colloquial', occupationQuery: 'bakker', note: '' }
    const response = await call(termsAction, '/admin/zoektermen', { cookie: cookies.regional, form })
    expect(response.status).toBe(200)
    const data = (await response.json()) as { hits: { uri: string }[]; result: { initialValue: Record<string, string> } }
    expect(data.hits.map((h) => h.uri)).toContain(OCCUPATIONS.baker)
    expect(data.result.initialValue.term).toBe('bakkertje')
    expect(await db().select().from(searchTermMappings).where(eq(searchTermMappings.term, 'bakkertje'))).toEqual([])
  })

  async function propose(term: string) {
    const form = { intent: 'propose', term, kind: 'colloquial', uri: OCCUPATIONS.baker, note: 'Gehoord in Gent' }
    expect((await call(termsAction, '/admin/zoektermen', { cookie: cookies.regional, form })).status).toBe(302)
    const [mapping] = await db().select().from(searchTermMappings).where(eq(searchTermMappings.term, term))
    return mapping!.id
  }
  const decide = (mappingId: string, decision: 'accept' | 'reject', reason?: string) =>
    call(termsAction, '/admin/zoektermen', { cookie: cookies.platform, form: { intent: 'review', mappingId, decision, ...(reason ? { reason } : {}) } })

  it('an accepted mapping makes the term find the occupation, with its history and audit rows', async () => {
    expect(await searchTotal(cookies.caseworker, 'knoefelaar')).toBe(0)
    const id = await propose('knoefelaar')
    expect((await decide(id, 'accept')).status).toBe(302)
    expect(await searchTotal(cookies.caseworker, 'knoefelaar')).toBe(1)
    const [row] = await db().select().from(searchTermMappings).where(eq(searchTermMappings.id, id))
    expect(row).toMatchObject({ status: 'accepted', proposedByUserId: ids.regional, decidedByUserId: ids.platform })
    expect(row!.decidedAt).toBeInstanceOf(Date)
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.subjectType, 'search_term_mapping'), eq(auditLog.subjectId, id)))
    expect(audits.map((a) => [a.action, a.actorUserId]).sort()).toEqual([
      ['search_term_mapping.accepted', ids.platform],
      ['search_term_mapping.proposed', ids.regional],
    ])
    // Ids only: the term itself may be something a person typed.
    expect(JSON.stringify(audits.map((a) => a.details))).not.toContain('knoefelaar')
    // A decided proposal stays decided.
    expect((await decide(id, 'reject', 'Toch niet')).status).toBe(400)
  })

  it('a rejected mapping needs a reason and changes nothing in the search', async () => {
    const id = await propose('broezelaar')
    const noReason = await decide(id, 'reject')
    expect(noReason.status).toBe(400)
    expect(((await noReason.json()) as { result: { error: Record<string, string[]> } }).result.error.reason).toEqual(['Zeg waarom je het voorstel afwijst.'])
    expect((await decide(id, 'reject', 'Geen bron')).status).toBe(302)
    expect(await searchTotal(cookies.caseworker, 'broezelaar')).toBe(0)
    const [row] = await db().select().from(searchTermMappings).where(eq(searchTermMappings.id, id))
    expect(row).toMatchObject({ status: 'rejected', decisionReason: 'Geen bron', decidedByUserId: ids.platform })
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.subjectType, 'search_term_mapping'), eq(auditLog.subjectId, id)))
    expect(audits.map((a) => a.action).sort()).toEqual(['search_term_mapping.proposed', 'search_term_mapping.rejected'])
  })

  it('another process picks an accepted mapping up at its next check (at most a minute later)', async () => {
    expect(await searchTotal(cookies.caseworker, 'deeghelden')).toBe(0)
    // As another web process would see it: accepted in the database, this process's vocabulary not told.
    await db().insert(searchTermMappings).values({ term: 'deeghelden', kind: 'colloquial', occupationUri: OCCUPATIONS.baker, note: 'x', status: 'accepted', decidedAt: new Date() })
    expect(await searchTotal(cookies.caseworker, 'deeghelden')).toBe(0)
    const check = (globalThis as { __stapsteenVocabularyCheck?: { at: number } }).__stapsteenVocabularyCheck!
    check.at -= 61_000
    expect(await searchTotal(cookies.caseworker, 'deeghelden')).toBe(1)
  })
})
