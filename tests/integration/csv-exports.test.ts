import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { parse } from 'csv-parse/sync'
import { eq } from 'drizzle-orm'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '#app/auth/session.server'
import type { RuleValues } from '#domain/compensation-rules'
import { FORMULA_START } from '#app/utils/csv.server'
import { db } from '#db/client'
import { placementCsv } from '#app/features/placement-import/csv'
import { recordSearchTermMiss } from '#db/queries/search-term-misses'
import { audit } from '#db/queries/audit'
import { insertVersion } from '#db/queries/compensation'
import { intakeChannels, intakeNotes, municipalities, occupations, placements, referenceRegions } from '#db/schema'
import { createEmployer, createIntake, createOrganisation, createUser } from '#db/seed/factories'
import { publishedQuarters } from '#app/features/open-statistics/quarter-figures.server'

/**
 * Finding 5 of issue 11: a resident named `=HYPERLINK("http://x.example/";"x")` reached the caseworker's
 * spreadsheet from the triage export. Every CSV route (found from the route files, so a new one cannot be
 * forgotten) is downloaded by someone who may, over data with a formula in every text field the export holds;
 * no cell of the answer may start with = + - @ tab or carriage return, and the formulas are there, defused.
 */
const ROUTES = path.resolve(import.meta.dirname, '../../app/routes')
const GENT = '44021'

const routeFiles = (fs.readdirSync(ROUTES, { recursive: true }) as string[])
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => file.split(path.sep).join('/'))
  .sort()
const source = (file: string) => fs.readFileSync(path.join(ROUTES, file), 'utf8')
/** A route is a CSV route by its name, or because it builds a CSV answer (the writer or the content type). */
const csvRoutes = routeFiles.filter((file) => /\.csv\b/.test(file) || /csvDownload|text\/csv/.test(source(file)))

// One formula per character a spreadsheet starts a formula with; each carries a tag so a test finds its own rows.
const starts = [
  (tag: string) => `=HYPERLINK("http://x.example/${tag}";"klik")`,
  (tag: string) => `+HYPERLINK("http://x.example/${tag}";"klik")`,
  (tag: string) => `-2+3+cmd|' /C calc'!A0 ${tag}`,
  (tag: string) => `@SUM(1+1)*cmd|' /C calc'!A0 ${tag}`,
  (tag: string) => `\t=1+1 ${tag}`,
  (tag: string) => `\r=1+1 ${tag}`,
]

/** Hands out formulas in turn, so the text fields of one export together use every start character. */
function formulas() {
  const tag = randomBytes(4).toString('hex')
  let next = 0
  return { tag, next: () => starts[next++ % starts.length]!(tag) }
}

async function cookieOf(input: Parameters<typeof createUser>[1]) {
  const user = await createUser(db(), input)
  const response = await signIn(new Request('http://localhost/inloggen'), user.id, 'password', '/')
  return response.headers.get('Set-Cookie')!.split(';')[0]!
}

const get = (pathAndQuery: string, cookie?: string) =>
  new Request(`http://localhost${pathAndQuery}`, { headers: cookie ? { Cookie: cookie } : {} })

async function employerWithFormulas(f: ReturnType<typeof formulas>) {
  const { organisation, sites } = await createEmployer(db(), { name: f.next(), sites: [{ municipalityNis: GENT, postcode: '9000', name: f.next() }] })
  return { organisation, site: sites[0]!, cookie: await cookieOf({ organisationId: organisation.id, role: 'employer', name: f.next() }) }
}

const rule = (referenceScale: string): RuleValues => ({
  instrument: 'TWE_ART60',
  employerType: 'private',
  employerPaysCents: 450,
  employerPaysUnit: 'per_hour',
  wagePolicy: 'reference_scale',
  grossHourlyWageCents: null,
  referenceScale,
  covers: [],
})

/**
 * Reference data with formulas too (this file has its own copy of the database): Gent's name and its region's,
 * the region's schedule and an OCMW's deviation. Every export that names a place reads them.
 */
const reference = { municipality: '', region: '' }
beforeAll(async () => {
  const f = formulas()
  const [gent] = await db().select().from(municipalities).where(eq(municipalities.nis, GENT))
  reference.municipality = f.next()
  reference.region = f.next()
  await db().update(municipalities).set({ name: reference.municipality }).where(eq(municipalities.nis, GENT))
  await db().update(referenceRegions).set({ name: reference.region }).where(eq(referenceRegions.code, gent!.regionCode))
  const ocmw = await createOrganisation(db(), { type: 'ocmw', name: f.next(), municipalities: [GENT] })
  await insertVersion(db(), { regionCode: gent!.regionCode, validFrom: '2020-01-01', rules: [rule(f.next())], note: f.next() })
  await insertVersion(db(), { regionCode: gent!.regionCode, ocmwOrganisationId: ocmw.id, validFrom: '2020-01-01', rules: [rule(f.next())] })
})

type Case = () => Promise<{ request: Request; atCellStart: string[]; params?: Record<string, string> }>

/** Per CSV route: the data, someone who may download it, and the formulas that land at the start of a cell. */
const cases: Record<string, Case> = {
  // The open figures name the regions (Gent's among them), even a region with no figure at all.
  'cijfers[.csv].tsx': async () => ({ request: get(`/cijfers.csv?kwartaal=${publishedQuarters()[0]!.quarter}`), atCellStart: [reference.region] }),

  'vergoedingen[.csv].tsx': async () => ({ request: get('/vergoedingen.csv?instrument=TWE_ART60&werkgever=private'), atCellStart: [reference.region] }),

  'werkgever+/kosten[.csv].tsx': async () => {
    const employer = await employerWithFormulas(formulas())
    return { request: get('/werkgever/kosten.csv', employer.cookie), atCellStart: [employer.site.name, reference.municipality, reference.region] }
  },

  'werkgever+/plaatsen[.csv].tsx': async () => {
    const f = formulas()
    const employer = await employerWithFormulas(f)
    const occupation = { uri: `http://example.test/occupation/${f.tag}`, code: `test-${f.tag}`, iscoGroup: '9334', label: f.next(), altLabels: [], description: f.next() }
    await db().insert(occupations).values(occupation)
    const title = f.next()
    await db().insert(placements).values({
      organisationId: employer.organisation.id,
      siteId: employer.site.id,
      title,
      occupationUri: occupation.uri,
      description: f.next(),
      municipalityNis: GENT,
      lat: 51,
      lon: 3.7,
      hoursPerWeek: 19,
      places: 1,
      dutchLevel: 'A2',
      instruments: ['TWE_ART60'],
    })
    return { request: get('/werkgever/plaatsen.csv', employer.cookie), atCellStart: [title, occupation.label, employer.site.name, reference.municipality] }
  },

  'triage+/aanmeldingen[.csv].tsx': async () => {
    const f = formulas()
    const ocmw = await createOrganisation(db(), { type: 'ocmw', name: f.next(), municipalities: [GENT] })
    const partner = await createOrganisation(db(), { type: 'outreach_partner', name: f.next() })
    const helper = await createUser(db(), { organisationId: partner.id, role: 'outreach_worker', name: f.next() })
    const claimer = await createUser(db(), { organisationId: ocmw.id, role: 'triage_worker', name: f.next() })
    const [channel] = await db().insert(intakeChannels).values({ code: `k-${f.tag}`, organisationId: partner.id, name: f.next() }).returning()
    const intake = await createIntake(db(), {
      ocmwOrganisationId: ocmw.id,
      firstName: f.next(),
      lastName: f.next(),
      channelId: channel!.id,
      assistedByUserId: helper.id,
      claimedByUserId: claimer.id,
      handlingOrganisationId: ocmw.id,
    })
    await db().insert(intakeNotes).values({ intakeId: intake.id, organisationId: ocmw.id, authorUserId: claimer.id, body: f.next() })
    const cookie = await cookieOf({ organisationId: ocmw.id, role: 'triage_worker' })
    return {
      request: get('/triage/aanmeldingen.csv?status=all', cookie),
      atCellStart: [intake.firstName!, intake.lastName!, reference.municipality, channel!.name, helper.name, ocmw.name, claimer.name],
    }
  },

  'importeren.sjabloon[.csv].ts': async () => ({ request: get('/importeren/sjabloon.csv'), atCellStart: [] }),

  'admin+/audit[.csv].tsx': async () => {
    const f = formulas()
    const organisation = await createOrganisation(db(), { type: 'ocmw', name: f.next() })
    const actor = await createUser(db(), { organisationId: organisation.id, role: 'caseworker', name: f.next() })
    await audit(db(), { actorUserId: actor.id, organisationId: organisation.id, action: f.next(), subjectType: f.next(), subjectId: f.tag, details: { note: f.next() } })
    const platform = await createOrganisation(db(), { type: 'platform' })
    const cookie = await cookieOf({ organisationId: platform.id, role: 'platform_admin' })
    return { request: get(`/admin/audit.csv?onderwerp=${f.tag}`, cookie), atCellStart: [actor.name, organisation.name] }
  },

  // The dashboard's labels are the portal's own words; a partner's name comes after "Kanaal van".
  'admin+/cijfers.$sectie[.csv].tsx': async () => {
    const f = formulas()
    const partner = await createOrganisation(db(), { type: 'outreach_partner', name: f.next(), municipalities: [GENT] })
    const [channel] = await db().insert(intakeChannels).values({ code: `d-${f.tag}`, organisationId: partner.id, name: f.next() }).returning()
    await createIntake(db(), { channelId: channel!.id })
    const platform = await createOrganisation(db(), { type: 'platform' })
    const cookie = await cookieOf({ organisationId: platform.id, role: 'platform_admin' })
    return { request: get('/admin/cijfers/aanmeldingen.csv?tabel=aanmeldingen-per-kanaal', cookie), atCellStart: [], params: { sectie: 'aanmeldingen' } }
  },

  // Search terms are what people typed: a term is recorded as typed (folded), so a formula reaches a cell's start.
  'admin+/zoektermen[.csv].tsx': async () => {
    const f = formulas()
    const term = f.next()
    await recordSearchTermMiss(db(), term, 'noResults')
    const platform = await createOrganisation(db(), { type: 'platform' })
    const cookie = await cookieOf({ organisationId: platform.id, role: 'platform_admin' })
    return { request: get('/admin/zoektermen.csv', cookie), atCellStart: [term] }
  },

  'admin+/organisaties[.csv].tsx': async () => {
    const f = formulas()
    const organisation = await createOrganisation(db(), { type: 'ocmw', name: f.next(), slug: `-${f.tag}`, municipalities: [GENT] })
    const platform = await createOrganisation(db(), { type: 'platform' })
    const cookie = await cookieOf({ organisationId: platform.id, role: 'platform_admin' })
    return { request: get(`/admin/organisaties.csv?zoek=${f.tag}`, cookie), atCellStart: [organisation.name, organisation.slug, reference.municipality] }
  },
}

async function download(file: string, request: Request, params: Record<string, string> = {}) {
  const { loader } = (await import(path.join(ROUTES, file))) as { loader: (args: LoaderFunctionArgs) => Promise<Response> | Response }
  try {
    return await loader({ request, params, context: { clientIp: '127.0.0.1', requestId: 'csv-exports-test' } })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

describe('every CSV export', () => {
  it('is found from the route files, each with a case here', () => {
    expect(csvRoutes).toEqual(Object.keys(cases).sort())
  })

  it.each(csvRoutes)('%s answers through the shared writer', (file) => {
    expect(source(file)).toMatch(/import \{[^}]*\bcsvDownload\b[^}]*\} from '#app\/utils\/csv\.server'/)
  })

  it.each(csvRoutes)('%s defuses a formula in every text field', async (file) => {
    const setUp = cases[file]
    expect(setUp, `${file} needs a case in this test`).toBeDefined()
    const { request, atCellStart, params } = await setUp!()
    const response = await download(file, request, params)
    expect(response.status, await response.clone().text()).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="[\w.-]+\.csv"$/)
    // Response.text() drops a byte-order mark; the bytes show that Excel gets one.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
    expect(text.startsWith('\uFEFF"')).toBe(true)
    const cells = (parse(text, { bom: true, delimiter: ';' }) as string[][]).flat()
    expect(cells.filter((cell) => FORMULA_START.test(cell))).toEqual([])
    for (const formula of atCellStart) expect(cells.filter((cell) => cell.startsWith(`'${formula}`)), formula).not.toEqual([])
  })
})

describe('the import template', () => {
  it('reads back through the importer as a file with every column and no record', async () => {
    const response = await download('importeren.sjabloon[.csv].ts', get('/importeren/sjabloon.csv'))
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=3600')
    const text = await response.text()
    expect(placementCsv.parse(text)).toEqual({ ok: true, format: 'csv', records: [] })
    expect(parse(text, { bom: true, delimiter: ';' })).toEqual([placementCsv.columns])
  })
})

describe('no other way to answer CSV', () => {
  it('sets the CSV content type only in the shared writer', () => {
    const roots = ['app', 'server'].map((dir) => path.resolve(import.meta.dirname, '../..', dir))
    const files = roots.flatMap((root) => (fs.readdirSync(root, { recursive: true }) as string[]).map((file) => path.join(root, file)))
    const writers = files.filter((file) => /\.tsx?$/.test(file) && /['"`]text\/csv/.test(fs.readFileSync(file, 'utf8')))
    expect(writers.map((file) => path.relative(path.resolve(import.meta.dirname, '../..'), file))).toEqual(['app/utils/csv.server.ts'])
  })
})
