import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { loader as csvLoader } from '#app/routes/cijfers[.csv]'
import { loader as jsonLoader } from '#app/routes/cijfers[.json]'
import { loader as pageLoader } from '#app/routes/cijfers'
import { publishedQuarters } from '#app/features/open-statistics/quarter-figures.server'
import { db } from '#db/client'
import * as counts from '#db/queries/open-statistics'
import { createClient, createEmployer, createIntake, createOrganisation, createUser } from '#db/seed/factories'
import { intakeChannels, intakeReferrals, municipalities, placements, proposals, trajectories } from '#db/schema'

/**
 * /cijfers publishes six tables per closed quarter. The counting queries are checked with exact numbers (in and
 * out of the quarter and the region, outcomes at the quarter's end); the published form is checked for what the
 * suppression promises (tested on its own in tests/unit/suppression*.test.ts) and for page = CSV = JSON.
 */
const [quarter, previous] = publishedQuarters()
const GHENT = '44021'
const ANTWERP = '11002'
const inQuarter = new Date(`${quarter!.from}T10:00:00Z`)
const afterQuarter = new Date(`${quarter!.until}T10:00:00Z`)
const context = { requestId: 'test', clientIp: '127.0.0.1' }
const get = (url: string) => ({ request: new Request(`http://localhost:3000${url}`), params: {}, context })
const regionOf = async (nis: string) => (await db().select({ code: municipalities.regionCode }).from(municipalities).where(eq(municipalities.nis, nis)))[0]!.code
const byRegion = (rows: counts.RegionCount[], regionCode: string) => Object.fromEntries(rows.filter((r) => r.regionCode === regionCode).map((r) => [r.key, r.count]))

type PageTable = { id: string; status: string; header: string[]; rows: (string | number)[][] }
type JsonCell = { kind: string; value?: number }
type JsonTable = { id: string; status: string; columns: { key: string; label: string }[]; rows: { key: string; label: string; cells: JsonCell[]; total: JsonCell }[]; columnTotals: JsonCell[]; total: JsonCell }
const text = (cell: JsonCell) => (cell.kind === 'count' ? cell.value! : cell.kind === 'small' ? '< 5' : 'x')

describe('the counts behind the open figures', () => {
  it('count intakes by destination and way in, in the quarter and the region only', async () => {
    const partner = await createOrganisation(db(), { type: 'outreach_partner', municipalities: [GHENT] })
    const [channel] = await db().insert(intakeChannels).values({ code: 'open-counts', organisationId: partner.id, name: 'Onthaal' }).returning()
    const worker = await createUser(db(), { organisationId: partner.id, role: 'outreach_worker' })
    for (let i = 0; i < 3; i++) await createIntake(db(), { municipalityNis: GHENT, suggestedDestination: 'ocmw', createdAt: inQuarter })
    for (let i = 0; i < 2; i++) await createIntake(db(), { municipalityNis: GHENT, suggestedDestination: 'vdab', channelId: channel!.id, createdAt: inQuarter })
    await createIntake(db(), { municipalityNis: GHENT, suggestedDestination: 'joint', assistedByUserId: worker.id, createdAt: inQuarter })
    await createIntake(db(), { municipalityNis: GHENT, suggestedDestination: 'ocmw', createdAt: afterQuarter })
    await createIntake(db(), { municipalityNis: ANTWERP, suggestedDestination: 'ocmw', createdAt: inQuarter })
    const [ghent, antwerp] = [await regionOf(GHENT), await regionOf(ANTWERP)]
    expect(byRegion(await counts.intakesByRegionAndDestination(db(), quarter!), ghent)).toEqual({ ocmw: 3, vdab: 2, joint: 1 })
    expect(byRegion(await counts.intakesByRegionAndWayIn(db(), quarter!), ghent)).toEqual({ direct: 3, channel: 2, assisted: 1 })
    expect(byRegion(await counts.intakesByRegionAndDestination(db(), quarter!), antwerp)).toEqual({ ocmw: 1 })
    expect(byRegion(await counts.intakesByRegionAndDestination(db(), previous!), ghent)).toEqual({})
  })

  it('count hand-overs and proposals by their outcome at the end of the quarter, placements by employer type, trajectories by kind', async () => {
    const ocmw = await createOrganisation(db(), { type: 'ocmw', municipalities: [GHENT] })
    const intake = await createIntake(db(), { municipalityNis: GHENT, createdAt: new Date(`${previous!.from}T10:00:00Z`) })
    const referral = (status: 'pending' | 'accepted' | 'declined', createdAt: Date, decidedAt: Date | null) =>
      db().insert(intakeReferrals).values({ intakeId: intake.id, fromOrganisationId: ocmw.id, toOrganisationId: ocmw.id, status, createdAt, decidedAt })
    await referral('accepted', new Date(`${previous!.from}T10:00:00Z`), new Date(`${previous!.from}T12:00:00Z`))
    // Declined after the quarter ended: still open at its end, and the published quarter never changes.
    await referral('declined', new Date(`${previous!.from}T10:00:00Z`), new Date(`${previous!.until}T10:00:00Z`))
    await referral('declined', new Date(`${previous!.until}T10:00:00Z`), new Date(`${previous!.until}T11:00:00Z`))

    const { organisation: privateEmployer } = await createEmployer(db(), { employerType: 'private' })
    const { organisation: publicEmployer } = await createEmployer(db(), { employerType: 'public' })
    const client = await createClient(db(), { organisationId: ocmw.id })
    const placement = async (organisationId: string, publishedAt: Date | null) =>
      (
        await db()
          .insert(placements)
          .values({ organisationId, title: 'Werkplek', occupationUri: client.jobTargets[0]!, description: 'Werk', municipalityNis: GHENT, lat: 51, lon: 3.7, hoursPerWeek: 19, places: 1, dutchLevel: 'A2', instruments: ['TWE_ART60'], status: publishedAt ? 'published' : 'draft', publishedAt })
          .returning()
      )[0]!
    const inPrevious = new Date(`${previous!.from}T10:00:00Z`)
    const [first, second] = [await placement(privateEmployer.id, inPrevious), await placement(privateEmployer.id, inPrevious)]
    await placement(publicEmployer.id, inPrevious)
    await placement(publicEmployer.id, new Date(`${previous!.until}T10:00:00Z`))
    await placement(publicEmployer.id, null)
    const proposal = (placementId: string, status: 'open' | 'accepted' | 'withdrawn', createdAt: Date, decidedAt: Date | null) =>
      db().insert(proposals).values({ clientId: client.id, placementId, organisationId: ocmw.id, status, clientConsented: true, createdAt, decidedAt })
    await proposal(first.id, 'accepted', inPrevious, new Date(`${previous!.from}T12:00:00Z`))
    await proposal(second.id, 'withdrawn', inPrevious, new Date(`${previous!.until}T10:00:00Z`))
    await proposal(second.id, 'open', new Date(`${previous!.until}T10:00:00Z`), null)

    const trajectory = async (kind: 'twe_art60' | 'twe_wz', startOn: string) => {
      const { id } = await createClient(db(), { organisationId: ocmw.id, homeMunicipalityNis: GHENT })
      const dates = kind === 'twe_wz' ? { referralOn: startOn } : { criteriaAssessedOn: startOn }
      await db().insert(trajectories).values({ clientId: id, organisationId: ocmw.id, kind, entryReason: 'Reden', startOn, ...dates })
    }
    await trajectory('twe_art60', previous!.from)
    await trajectory('twe_wz', previous!.from)
    await trajectory('twe_wz', previous!.until)

    const ghent = await regionOf(GHENT)
    expect(byRegion(await counts.handOversByRegionAndOutcome(db(), previous!), ghent)).toEqual({ accepted: 1, pending: 1 })
    expect(byRegion(await counts.placementsByRegionAndEmployerType(db(), previous!), ghent)).toEqual({ private: 2, public: 1 })
    expect(byRegion(await counts.proposalsByRegionAndOutcome(db(), previous!), ghent)).toEqual({ accepted: 1, open: 1 })
    expect(byRegion(await counts.trajectoriesByRegionAndKind(db(), previous!), ghent)).toEqual({ twe_art60: 1, twe_wz: 1 })
    // The records dated on the first day after `previous` belong to `quarter`.
    expect(byRegion(await counts.handOversByRegionAndOutcome(db(), quarter!), ghent)).toEqual({ declined: 1 })
    expect(byRegion(await counts.trajectoriesByRegionAndKind(db(), quarter!), ghent)).toEqual({ twe_wz: 1 })
  })
})

describe('the published open figures', () => {
  it('shows every table with no figure under 5, the same shared totals in both intake tables, and the same in page, CSV and JSON', async () => {
    const page = (await (await pageLoader(get(`/cijfers?kwartaal=${quarter!.quarter}`))).json()) as { quarter: string; quarters: string[]; tables: PageTable[] }
    expect(page.quarters).toEqual(publishedQuarters().map((q) => q.quarter))
    expect(page.tables.map((t) => [t.id, t.status])).toEqual([
      ['aanmeldingen-bestemming', 'published'],
      ['aanmeldingen-instroom', 'published'],
      ['warme-overdrachten', 'published'],
      ['werkplekken-werkgeverstype', 'published'],
      ['voorstellen-uitkomst', 'published'],
      ['trajecten-soort', 'published'],
    ])
    const [destination, wayIn] = page.tables
    expect(destination!.header).toEqual(['Referentieregio', 'OCMW', 'VDAB', 'OCMW en VDAB samen', 'Totaal'])
    expect(destination!.rows.map((row) => row.at(-1))).toEqual(wayIn!.rows.map((row) => row.at(-1)))
    const json = (await (await jsonLoader(get(`/cijfers.json?kwartaal=${quarter!.quarter}`))).json()) as { quarter: string; tables: JsonTable[] }
    expect(json.quarter).toBe(quarter!.quarter)
    for (const table of page.tables) {
      for (const row of table.rows) for (const cell of row.slice(1)) expect(typeof cell === 'number' ? cell >= 5 : ['< 5', 'x'].includes(cell)).toBe(true)
      const csv = await (await csvLoader(get(`/cijfers.csv?kwartaal=${quarter!.quarter}&tabel=${table.id}`))).text()
      expect(csv).toBe(`${[table.header, ...table.rows].map((row) => row.map((cell) => `"${cell}"`).join(';')).join('\r\n')}\r\n`)
      const published = json.tables.find((t) => t.id === table.id)!
      expect([...published.rows.map((row) => [row.label, ...row.cells.map(text), text(row.total)]), ['Totaal', ...published.columnTotals.map(text), text(published.total)]]).toEqual(table.rows)
    }
    // Without `tabel` the first table, as before there were several.
    const first = await (await csvLoader(get(`/cijfers.csv?kwartaal=${quarter!.quarter}`))).text()
    expect(first.split('\r\n')[0]).toBe('"Referentieregio";"OCMW";"VDAB";"OCMW en VDAB samen";"Totaal"')
  })

  it('answers a quarter it does not publish, or an unknown table, with 400 and the reason; the page with 404', async () => {
    for (const route of [csvLoader, jsonLoader])
      for (const asked of ['', '2026-Q5', '1999-Q1', 'abc']) {
        const response = await route(get(`/x?kwartaal=${asked}`)).catch((thrown: unknown) => thrown as Response)
        expect(response.status, asked).toBe(400)
        expect(await response.text()).toMatch(/^kwartaal: kies een afgesloten kwartaal/)
      }
    const table = await csvLoader(get(`/cijfers.csv?kwartaal=${quarter!.quarter}&tabel=namen`)).catch((thrown: unknown) => thrown as Response)
    expect(table.status).toBe(400)
    expect(await table.text()).toMatch(/^tabel: kies een van aanmeldingen-bestemming, /)
    const page = await pageLoader(get('/cijfers?kwartaal=1999-Q1')).catch((thrown: unknown) => thrown as Response)
    expect(page.status).toBe(404)
  })
})
