import { parse } from 'csv-parse/sync'
import { and, eq, ne } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '#app/auth/session.server'
import { loader as csvLoader } from '#app/routes/admin+/audit[.csv]'
import { loader as pageLoader } from '#app/routes/admin+/audit'
import { db } from '#db/client'
import { listAuditEntries } from '#db/queries/audit'
import { loadSessionUser } from '#db/queries/users'
import { type SessionUser } from '#domain/session-user'
import { auditLog, municipalities } from '#db/schema'
import { createEmployer, createOrganisation, createUser } from '#db/seed/factories'

const BASE = 'http://localhost'
const context = { requestId: 'audit-viewer-test', clientIp: '127.0.0.1' }
const GENT = '44021'

type Person = { user: SessionUser; cookie: string }

async function person(input: Parameters<typeof createUser>[1]): Promise<Person> {
  const row = await createUser(db(), input)
  const user = (await loadSessionUser(db(), row.id))!
  const response = await signIn(new Request(`${BASE}/inloggen`), row.id, 'password', '/')
  return { user, cookie: response.headers.get('Set-Cookie')!.split(';')[0]! }
}

const get = (who: Person, path: string) => new Request(`${BASE}${path}`, { headers: { Cookie: who.cookie } })

async function respond(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run()
    return result instanceof Response ? result : Response.json(result)
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

const at = (iso: string) => new Date(iso)

/**
 * Five organisations around two reference regions: an OCMW serving Gent and a VDAB team covering Gent's region
 * (both in region A), an OCMW in region B, an organisation serving nothing, and entries without organisation.
 */
let regionA: string
let regionB: string
let actors: Record<'ocmwA' | 'vdabA' | 'ocmwB' | 'nowhere', Person>
let admins: Record<'regionA' | 'regionB' | 'noRegion' | 'platform', Person>
let outreach: Person

beforeAll(async () => {
  const [gent] = await db().select().from(municipalities).where(eq(municipalities.nis, GENT))
  regionA = gent!.regionCode
  const [elsewhere] = await db().select().from(municipalities).where(ne(municipalities.regionCode, regionA)).limit(1)
  regionB = elsewhere!.regionCode
  const ocmwA = await createOrganisation(db(), { type: 'ocmw', name: 'OCMW A', municipalities: [GENT] })
  const vdabA = await createOrganisation(db(), { type: 'vdab', name: 'VDAB A', regions: [regionA] })
  const ocmwB = await createOrganisation(db(), { type: 'ocmw', name: 'OCMW B', municipalities: [elsewhere!.nis] })
  const nowhere = await createOrganisation(db(), { type: 'ocmw', name: 'Nergens' })
  const platform = await createOrganisation(db(), { type: 'platform', name: 'Platformteam' })
  const partner = await createOrganisation(db(), { type: 'outreach_partner' })
  actors = {
    ocmwA: await person({ organisationId: ocmwA.id, role: 'triage_worker', name: 'Ann A' }),
    vdabA: await person({ organisationId: vdabA.id, role: 'triage_worker', name: 'Vic A' }),
    ocmwB: await person({ organisationId: ocmwB.id, role: 'triage_worker', name: 'Bo B' }),
    nowhere: await person({ organisationId: nowhere.id, role: 'caseworker', name: 'Nina N' }),
  }
  admins = {
    regionA: await person({ organisationId: platform.id, role: 'regional_admin', regions: [regionA] }),
    regionB: await person({ organisationId: platform.id, role: 'regional_admin', regions: [regionB] }),
    noRegion: await person({ organisationId: platform.id, role: 'regional_admin' }),
    platform: await person({ organisationId: platform.id, role: 'platform_admin' }),
  }
  outreach = await person({ organisationId: partner.id, role: 'outreach_worker' })
})

/** One entry per organisation (and one without), all with the same action, so a filter isolates them. */
async function entriesPerOrganisation(action: string) {
  await db()
    .insert(auditLog)
    .values([
      ...Object.entries(actors).map(([key, who], i) => ({
        at: at(`2026-01-1${i}T10:00:00Z`),
        actorUserId: who.user.id,
        organisationId: who.user.organisation.id,
        action,
        subjectType: 'intake',
        subjectId: key,
      })),
      { at: at('2026-01-15T10:00:00Z'), actorUserId: null, organisationId: null, action, subjectType: 'intake', subjectId: 'system' },
    ])
}

const subjects = async (who: Person, action: string) => (await listAuditEntries(db(), who.user, { action })).entries.map((e) => e.subjectId)

describe('listAuditEntries', () => {
  it('shows a regional admin the entries of organisations serving or covering their regions only', async () => {
    await entriesPerOrganisation('intake.read')
    expect(await subjects(admins.regionA, 'intake.read')).toEqual(['vdabA', 'ocmwA'])
    expect(await subjects(admins.regionB, 'intake.read')).toEqual(['ocmwB'])
    expect(await subjects(admins.noRegion, 'intake.read')).toEqual([])
    expect(await subjects(admins.platform, 'intake.read')).toEqual(['system', 'nowhere', 'ocmwB', 'vdabA', 'ocmwA'])
    await expect(listAuditEntries(db(), outreach.user, {})).rejects.toThrow(/may not read the audit log/)
  })

  it("shows a regional admin the entries of employers with a site in their regions and about their regions", async () => {
    const employer = await createEmployer(db(), { sites: [{ municipalityNis: GENT, postcode: '9000' }] })
    const action = 'employer.verified'
    await db()
      .insert(auditLog)
      .values([
        { actorUserId: admins.platform.user.id, organisationId: employer.organisation.id, action, subjectType: 'organisation', subjectId: 'employer' },
        { actorUserId: admins.platform.user.id, action, subjectType: 'compensation_version', subjectId: 'region A', details: { regionCode: regionA } },
        { actorUserId: admins.platform.user.id, action, subjectType: 'compensation_version', subjectId: 'region B', details: { regionCode: regionB } },
      ])
    expect((await subjects(admins.regionA, action)).sort()).toEqual(['employer', 'region A'])
    expect(await subjects(admins.regionB, action)).toEqual(['region B'])
    expect(await subjects(admins.noRegion, action)).toEqual([])
  })

  it('filters by subject, action and Belgian calendar days, newest first, page by page, with who did it', async () => {
    const who = actors.ocmwA.user
    const entry = (iso: string, action: string, subjectId: string) => ({
      at: at(iso),
      actorUserId: who.id,
      organisationId: who.organisation.id,
      action,
      subjectType: 'client',
      subjectId,
      details: { purpose: 'view' },
    })
    await db()
      .insert(auditLog)
      .values([
        entry('2026-03-01T22:30:00Z', 'client.read', 'c-1'), // 1 March, 23:30 in Brussels
        entry('2026-03-01T23:30:00Z', 'client.read', 'c-1'), // 2 March, 00:30 in Brussels
        entry('2026-03-02T12:00:00Z', 'client.update', 'c-1'),
        entry('2026-03-03T12:00:00Z', 'client.read', 'c-2'),
      ])
    const list = (filters: Parameters<typeof listAuditEntries>[2], page?: { limit: number; offset: number }) =>
      listAuditEntries(db(), admins.regionA.user, { subjectType: 'client', ...filters }, page)
    const times = async (...args: Parameters<typeof list>) => (await list(...args)).entries.map((e) => e.at.toISOString())

    expect(await times({ from: '2026-03-02', to: '2026-03-02' })).toEqual(['2026-03-02T12:00:00.000Z', '2026-03-01T23:30:00.000Z'])
    expect(await times({ to: '2026-03-01' })).toEqual(['2026-03-01T22:30:00.000Z'])
    expect(await times({ action: 'client.read', subjectId: 'c-1' })).toEqual(['2026-03-01T23:30:00.000Z', '2026-03-01T22:30:00.000Z'])
    expect(await times({ subjectId: 'c-2' })).toEqual(['2026-03-03T12:00:00.000Z'])

    const first = await list({}, { limit: 3, offset: 0 })
    const second = await list({}, { limit: 3, offset: 3 })
    expect(first.total).toBe(4)
    expect(first.entries.map((e) => e.subjectId)).toEqual(['c-2', 'c-1', 'c-1'])
    expect(second.entries.map((e) => e.at.toISOString())).toEqual(['2026-03-01T22:30:00.000Z'])
    expect(first.entries[0]).toMatchObject({ actorName: 'Ann A', actorOrganisation: 'OCMW A', organisation: 'OCMW A', details: { purpose: 'view' } })
    // Another region's admin sees none of it.
    expect((await listAuditEntries(db(), admins.regionB.user, { subjectType: 'client' })).total).toBe(0)
  })
})

describe('/admin/audit', () => {
  it('shows readable rows and names wrong filters per field instead of failing', async () => {
    await db().insert(auditLog).values({
      at: at('2026-04-10T08:15:00Z'),
      actorUserId: actors.vdabA.user.id,
      organisationId: actors.vdabA.user.organisation.id,
      action: 'intake.status',
      subjectType: 'intake',
      subjectId: 'row-check',
      details: { from: 'new', to: 'in_contact', fields: ['status'] },
    })
    const page = await (await respond(() => pageLoader({ request: get(admins.regionA, '/admin/audit?onderwerp=row-check'), params: {}, context }))).json()
    expect(page.total).toBe(1)
    expect(page.rows[0]).toMatchObject({
      when: '10 apr 2026, 10:15:00',
      who: 'Vic A',
      whoOrganisation: 'VDAB A',
      actionLabel: 'Status van een aanmelding gewijzigd',
      subjectLabel: 'Aanmelding van een inwoner',
      summary: 'van: new; naar: in_contact; velden: status',
    })

    const wrong = await respond(() => pageLoader({ request: get(admins.regionA, '/admin/audit?van=2026-02-30&tot=2026-01-01&actie=DROP TABLE'), params: {}, context }))
    expect(wrong.status).toBe(400)
    const body = await wrong.json()
    expect(body.errors).toEqual({ van: ['Deze datum bestaat niet.'], actie: ['Kies een handeling uit de lijst.'] })
    expect(body.rows).toEqual([])
    const backwards = await (await respond(() => pageLoader({ request: get(admins.regionA, '/admin/audit?van=2026-02-02&tot=2026-02-01'), params: {}, context }))).json()
    expect(backwards.errors).toEqual({ tot: ['De einddatum ligt voor de begindatum.'] })

    for (const loader of [pageLoader, csvLoader]) {
      expect((await respond(() => loader({ request: get(outreach, '/admin/audit'), params: {}, context }))).status).toBe(403)
    }
  })
})

describe('/admin/audit.csv', () => {
  const csvOf = async (who: Person, query: string) => {
    const response = await respond(() => csvLoader({ request: get(who, `/admin/audit.csv?${query}`), params: {}, context }))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    return parse(await response.text(), { delimiter: ';', bom: true }) as string[][]
  }

  it('defuses spreadsheet formulas and keeps the regional scope', async () => {
    const prankster = await person({ organisationId: actors.ocmwA.user.organisation.id, role: 'triage_worker', name: '-Prankster' })
    const subjectIds = ['=1+2', '+32 470 00 00 00', '-2', '@SUM(A1)', '\tTAB', 'gewoon']
    await db()
      .insert(auditLog)
      .values(
        subjectIds.map((subjectId, i) => ({
          at: at(`2026-05-0${i + 1}T10:00:00Z`),
          actorUserId: subjectId === 'gewoon' ? prankster.user.id : actors.ocmwA.user.id,
          organisationId: actors.ocmwA.user.organisation.id,
          action: 'proposal.decline',
          subjectType: 'proposal',
          subjectId,
          details: { reason: '=HYPERLINK("http://example.test","klik")' },
        })),
      )
    await entriesPerOrganisation('proposal.decline')

    const rows = await csvOf(admins.regionA, 'actie=proposal.decline&type=proposal')
    const header = rows[0]!
    expect(header).toEqual(['Wanneer', 'Tijdstip (UTC)', 'Wie', 'Organisatie', 'Handeling', 'Code handeling', 'Onderwerp', 'Id onderwerp', 'Details', 'Details (JSON)'])
    const column = (name: string) => rows.slice(1).map((row) => row[header.indexOf(name)])
    // Newest first; every cell that a spreadsheet would run as a formula starts with an apostrophe.
    expect(column('Id onderwerp')).toEqual(['gewoon', "'\tTAB", "'@SUM(A1)", "'-2", "'+32 470 00 00 00", "'=1+2"])
    expect(column('Wie')).toEqual(["'-Prankster", 'Ann A', 'Ann A', 'Ann A', 'Ann A', 'Ann A'])
    expect(new Set(column('Details'))).toEqual(new Set(['reden: =HYPERLINK("http://example.test","klik")']))
    expect(column('Details (JSON)')[0]).toBe('{"reason":"=HYPERLINK(\\"http://example.test\\",\\"klik\\")"}')
    expect(column('Tijdstip (UTC)')[0]).toBe('2026-05-06T10:00:00.000Z')

    // Region A's admin gets the entries of region A's organisations; region B's admin only its own OCMW's.
    const wider = await csvOf(admins.regionA, 'actie=proposal.decline')
    expect(wider.slice(1).map((row) => row[7])).toEqual(expect.arrayContaining(['ocmwA', 'vdabA']))
    expect(wider.slice(1).map((row) => row[7])).not.toEqual(expect.arrayContaining(['ocmwB']))
    expect((await csvOf(admins.regionB, 'actie=proposal.decline')).slice(1).map((row) => row[7])).toEqual(['ocmwB'])
  })

  it('is itself logged, and refuses filters that do not parse', async () => {
    await csvOf(admins.platform, 'onderwerp=export-check')
    const [logged] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'audit.export'), eq(auditLog.actorUserId, admins.platform.user.id)))
    expect(logged).toMatchObject({ subjectType: 'audit-log', details: { filters: { subjectId: 'export-check' }, rows: 0 } })
    const bad = await respond(() => csvLoader({ request: get(admins.platform, '/admin/audit.csv?van=gisteren'), params: {}, context }))
    expect(bad.status).toBe(400)
  })
})
