import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { brusselsDate } from '#domain/intake-working-days'
import { periodContaining, previousPeriod } from '#domain/statistics-period'
import { db } from '#db/client'
import { createIntake, createOrganisation } from '#db/seed/factories'
import { loader as csvLoader } from '#app/routes/admin+/cijfers.$sectie[.csv]'
import { loader } from '#app/routes/admin+/cijfers.$sectie'
import { loader as indexLoader } from '#app/routes/admin+/cijfers._index'
import { answer, body, context, cookieFor, organisation, page, person } from './staff-support'

/** The regional dashboard's frame (issue 14): scope per admin, the period, the three columns, CSV. */
async function admin(role: 'regional_admin' | 'platform_admin', regions: string[] = []) {
  const platform = await organisation('stapsteen')
  return cookieFor((await person(platform.id, role, { regions })).id)
}

const open = (cookie: string, path: string, sectie = 'aanmeldingen') => loader({ request: page(cookie, path), params: { sectie }, context })

const quarter = periodContaining('kwartaal', brusselsDate())
const daysIntoQuarter = (days: number) => new Date(`${quarter.from}T12:00:00Z`).getTime() + days * 86_400_000

describe('/admin/cijfers', () => {
  test('a regional admin sees their region now, the previous quarter and Flanders; channels counted per partner', async () => {
    const partner = await createOrganisation(db(), { type: 'outreach_partner', municipalities: ['44021'] })
    const channel = await db().execute<{ id: string }>(
      `insert into intake_channels (code, organisation_id, name) values ('dash-${partner.id.slice(0, 8)}', '${partner.id}', 'Affiche') returning id` as never,
    )
    const now = new Date(Math.min(Date.now(), daysIntoQuarter(1)))
    for (let i = 0; i < 3; i++) await createIntake(db(), { createdAt: now })
    await createIntake(db(), { createdAt: now, channelId: channel[0]!.id })
    await createIntake(db(), { createdAt: now, municipalityNis: '11002', postcode: '2000' })
    await createIntake(db(), { createdAt: new Date(`${previousPeriod(quarter).from}T12:00:00Z`) })
    const cookie = await admin('regional_admin', ['REFREG13'])
    const data = await body(open(cookie, '/admin/cijfers/aanmeldingen'))
    expect(data.region).toEqual({ code: 'REFREG13', name: expect.any(String) })
    expect(data.regions.map((r: { code: string }) => r.code)).toEqual(['REFREG13'])
    expect(data.period.key).toBe(quarter.key)
    const table = data.tables.find((t: { id: string }) => t.id === 'aanmeldingen-per-kanaal')
    expect(table.columns).toEqual([quarter.label, previousPeriod(quarter).label, `Vlaanderen, ${quarter.label}`])
    const direct = table.rows.find((r: { key: string }) => r.key === 'direct')
    expect(direct.values[0]).toBeGreaterThanOrEqual(3)
    expect(direct.values[2]).toBeGreaterThanOrEqual(direct.values[0] + 1)
    expect(direct.values[1]).toBeGreaterThanOrEqual(1)
    expect(table.rows.find((r: { key: string }) => r.key === `partner-${partner.id}`).values).toEqual([1, 0, 1])
  })

  test('another region, an unknown section or a made-up period get a clear answer, not a 500', async () => {
    const cookie = await admin('regional_admin', ['REFREG13'])
    expect((await answer(open(cookie, '/admin/cijfers/aanmeldingen?regio=REFREG01'))).status).toBe(404)
    expect((await answer(open(cookie, '/admin/cijfers/aanmeldingen?regio=vlaanderen'))).status).toBe(404)
    expect((await answer(open(cookie, '/admin/cijfers/bestaat-niet', 'bestaat-niet'))).status).toBe(404)
    const wrong = await body(open(cookie, '/admin/cijfers/aanmeldingen?periode=2026-13'), 400)
    expect(wrong.error).toMatch(/^periode: /)
    const future = await body(open(cookie, '/admin/cijfers/aanmeldingen?periode=2999'), 400)
    expect(future.error).toMatch(/^periode: /)
  })

  test('a platform admin sees Flanders by default (two columns) and may pick any region', async () => {
    const cookie = await admin('platform_admin')
    const flanders = await body(open(cookie, '/admin/cijfers/aanmeldingen?periode=2026'))
    expect(flanders.region.code).toBe('vlaanderen')
    expect(flanders.regions).toHaveLength(16)
    expect(flanders.tables[0].columns).toEqual(['2026', '2025'])
    const region = await body(open(cookie, '/admin/cijfers/aanmeldingen?regio=REFREG01&periode=2026-11'))
    expect(region.tables[0].columns).toEqual(['november 2026', 'oktober 2026', 'Vlaanderen, november 2026'])
  })

  test('/admin/cijfers opens the first section with the same query', async () => {
    const cookie = await admin('regional_admin', ['REFREG13'])
    const response = await answer(indexLoader({ request: page(cookie, '/admin/cijfers?periode=2026'), params: {}, context }))
    expect(response.headers.get('Location')).toBe('/admin/cijfers/aanmeldingen?periode=2026')
  })

  test('each table downloads as CSV with the same numbers; an unknown table is named in a 400', async () => {
    await createIntake(db(), { createdAt: new Date(Math.min(Date.now(), daysIntoQuarter(2))) })
    const cookie = await admin('regional_admin', ['REFREG13'])
    const data = await body(open(cookie, '/admin/cijfers/aanmeldingen'))
    const csv = await answer(csvLoader({ request: page(cookie, '/admin/cijfers/aanmeldingen.csv?tabel=aanmeldingen-per-kanaal'), params: { sectie: 'aanmeldingen' }, context }))
    expect(csv.headers.get('Content-Type')).toMatch(/text\/csv/)
    const records: string[][] = parse(await csv.text(), { delimiter: ';', bom: true })
    expect(records[0]).toEqual(['Aanmeldingen per kanaal', 'Eenheid', ...data.tables[0].columns])
    const direct = data.tables[0].rows.find((r: { key: string }) => r.key === 'direct')
    expect(records).toContainEqual([direct.label, 'aantal', ...direct.values.map(String)])
    const wrong = await answer(csvLoader({ request: page(cookie, '/admin/cijfers/aanmeldingen.csv?tabel=nee'), params: { sectie: 'aanmeldingen' }, context }))
    expect(wrong.status).toBe(400)
    expect(await wrong.text()).toMatch(/^tabel: kies een van aanmeldingen-per-kanaal/)
  })
})
