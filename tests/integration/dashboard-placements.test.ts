import { describe, expect, test } from 'vitest'
import type { RuleValues } from '#domain/compensation-rules'
import { db } from '#db/client'
import { insertVersion } from '#db/queries/compensation'
import { employer, event, OCCUPATION, placement, proposal, regionalAdmin, sectionTables } from './dashboard-support'
import { organisation } from './staff-support'

/**
 * The "Werkervaringsplaatsen" section of the regional dashboard (issue 14). Every test uses its own months (or,
 * for the snapshot, its own region), so the counts are exact although the tests share one database. Columns:
 * REFREG13 in the chosen month, REFREG13 in the month before, Flanders in the chosen month.
 */
const open = async (query: string, region = 'REFREG13') => sectionTables(await regionalAdmin(region), 'plaatsen', query)

describe('/admin/cijfers/plaatsen', () => {
  test('published, filled and closed; by ISCO major group and employer type; the private share beside the 8 % baseline', async () => {
    const [privateOne, publicOne, nonprofit] = [await employer('private'), await employer('public'), await employer('nonprofit')]
    const a = await placement({ organisationId: privateOne.id, publishedAt: '2025-03-05T10:00:00Z' })
    const b = await placement({ organisationId: publicOne.id, municipalityNis: '43018', publishedAt: '2025-03-10T10:00:00Z' })
    // 23:30 in Brussels on the last day of March, and 00:30 on the first: both March.
    const c = await placement({ organisationId: nonprofit.id, occupationUri: OCCUPATION.baker, publishedAt: '2025-03-31T21:30:00Z' })
    await placement({ organisationId: publicOne.id, publishedAt: '2025-02-28T23:30:00Z' })
    const d = await placement({ organisationId: privateOne.id, municipalityNis: '11002', occupationUri: OCCUPATION.baker, publishedAt: '2025-03-15T10:00:00Z' })
    const f = await placement({ organisationId: privateOne.id, occupationUri: OCCUPATION.breadSeller, publishedAt: '2025-02-10T10:00:00Z' })
    await placement({ organisationId: privateOne.id }) // a draft: never counted
    // A is filled, published again and filled again in March: one placement filled.
    await event(a, '2025-03-20T10:00:00Z', 'published', 'filled')
    await event(a, '2025-03-21T10:00:00Z', 'filled', 'published')
    await event(a, '2025-03-25T10:00:00Z', 'published', 'filled')
    await event(b, '2025-03-28T10:00:00Z', 'published', 'closed')
    await event(c, '2025-03-29T10:00:00Z', 'published', 'published') // one place taken, others still free
    await event(d, '2025-03-22T10:00:00Z', 'published', 'filled')
    await event(f, '2025-02-20T10:00:00Z', 'published', 'filled')
    await event(f, '2025-04-02T10:00:00Z', 'filled', 'closed')

    const tables = await open('periode=2025-03')
    expect(tables['plaatsen-verloop']!.values).toEqual({ gepubliceerd: [4, 1, 5], volzet: [1, 1, 2], afgesloten: [1, 0, 1] })
    expect(tables['plaatsen-per-beroepsgroep']!.values).toEqual({ 'isco-9': [3, 0, 3], 'isco-7': [1, 0, 2], 'isco-5': [0, 1, 0] })
    expect(tables['plaatsen-per-beroepsgroep']!.rows.map((row) => row.label)).toEqual(['Ambachtslieden', 'Elementaire beroepen', 'Dienstverlenend personeel en verkopers'])
    expect(tables['plaatsen-per-werkgeverstype']!.values).toEqual({ private: [1, 1, 2], public: [2, 0, 2], nonprofit: [1, 0, 1] })
    expect(tables['plaatsen-aandeel-prive']!.values).toEqual({ prive: [25, 100, 40], basislijn: [8, 8, 8] })
    expect(tables['plaatsen-aandeel-prive']!.rows[1]!.label).toBe('Basislijn TWE-evaluatie: 8 %')
  })

  test('median days from publication to the first accepted proposal, counted in the month of that acceptance', async () => {
    const host = (await employer('private')).id
    const p1 = await placement({ organisationId: host, publishedAt: '2025-05-01T10:00:00Z' })
    await proposal({ placementId: p1, status: 'accepted', createdAt: '2025-05-02T10:00:00Z', decidedAt: '2025-05-04T10:00:00Z' }) // 3 days
    await proposal({ placementId: p1, status: 'accepted', createdAt: '2025-05-02T10:00:00Z', decidedAt: '2025-05-10T10:00:00Z' }) // not the first
    const p2 = await placement({ organisationId: host, publishedAt: '2025-04-20T10:00:00Z' })
    await proposal({ placementId: p2, status: 'accepted', createdAt: '2025-05-01T10:00:00Z', decidedAt: '2025-05-05T10:00:00Z' }) // 15 days
    const p3 = await placement({ organisationId: host, municipalityNis: '43018', publishedAt: '2025-05-02T10:00:00Z' })
    await proposal({ placementId: p3, status: 'declined', declineReason: 'distance', createdAt: '2025-05-02T12:00:00Z', decidedAt: '2025-05-03T10:00:00Z' })
    await proposal({ placementId: p3, status: 'accepted', createdAt: '2025-05-03T10:00:00Z', decidedAt: '2025-05-12T10:00:00Z' }) // 10 days
    const p4 = await placement({ organisationId: host, publishedAt: '2025-04-01T10:00:00Z' })
    await proposal({ placementId: p4, status: 'accepted', createdAt: '2025-04-02T10:00:00Z', decidedAt: '2025-04-08T10:00:00Z' }) // 7 days, April
    await proposal({ placementId: p4, status: 'accepted', createdAt: '2025-05-02T10:00:00Z', decidedAt: '2025-05-20T10:00:00Z' }) // not the first
    const p5 = await placement({ organisationId: host, municipalityNis: '11002', publishedAt: '2025-05-01T10:00:00Z' })
    await proposal({ placementId: p5, status: 'accepted', createdAt: '2025-05-01T12:00:00Z', decidedAt: '2025-05-02T10:00:00Z' }) // 1 day, Antwerpen

    const table = (await open('periode=2025-05'))['plaatsen-tijd-tot-aanvaarding']!
    expect(table.values).toEqual({ mediaan: [10, 7, 6.5], plaatsen: [3, 1, 4] })
    const empty = (await open('periode=2024-05'))['plaatsen-tijd-tot-aanvaarding']!
    expect(empty.values).toEqual({ mediaan: [null, null, null], plaatsen: [0, 0, 0] })
  })

  test('free places are today’s: published placements only, the same figure for any period', async () => {
    const host = (await employer('public')).id
    const before = (await open('periode=2025-01', 'REFREG05'))['plaatsen-vrij-nu']!.values
    await placement({ organisationId: host, municipalityNis: '24062', publishedAt: '2024-01-10T10:00:00Z', places: 3 })
    await placement({ organisationId: host, municipalityNis: '24062', publishedAt: '2026-01-10T10:00:00Z', places: 2 })
    await placement({ organisationId: host, municipalityNis: '24062', publishedAt: '2026-01-10T10:00:00Z', status: 'paused', places: 2 })
    await placement({ organisationId: host, municipalityNis: '24062', publishedAt: '2026-01-10T10:00:00Z', status: 'filled', places: 0 })
    await placement({ organisationId: host, municipalityNis: '24062', publishedAt: '2026-01-10T10:00:00Z', status: 'closed', places: 4 })
    await placement({ organisationId: host, municipalityNis: '44021', publishedAt: '2026-01-10T10:00:00Z', places: 6 })
    const after = (await open('periode=2025-01', 'REFREG05'))['plaatsen-vrij-nu']!.values
    expect(after.werkervaringsplaatsen!.slice(0, 2)).toEqual([2, 2])
    expect(after['vrije-plaatsen']!.slice(0, 2)).toEqual([5, 5])
    expect(after.werkervaringsplaatsen![2]).toBe(before.werkervaringsplaatsen![2]! + 3)
    expect(after['vrije-plaatsen']![2]).toBe(before['vrije-plaatsen']![2]! + 11)
  })

  test('compensation per instrument: the region’s own rule in force on the last day, Flanders the median of the regions', async () => {
    const rule = (instrument: RuleValues['instrument'], cents: number, unit: RuleValues['employerPaysUnit']): RuleValues => ({
      instrument, employerType: 'private', employerPaysCents: cents, employerPaysUnit: unit, wagePolicy: 'reference_scale', grossHourlyWageCents: null, referenceScale: 'Barema', covers: [],
    })
    const publicRule = { ...rule('IBO', 1_000, 'per_month'), employerType: 'public' as const }
    await insertVersion(db(), { regionCode: 'REFREG13', validFrom: '2025-01-01', rules: [rule('TWE_ART60', 450, 'per_hour'), rule('IBO', 65_000, 'per_month'), rule('BVS', 15_000, 'one_off'), publicRule] })
    await insertVersion(db(), { regionCode: 'REFREG13', validFrom: '2025-07-01', rules: [rule('TWE_ART60', 450, 'per_hour'), rule('IBO', 66_000, 'per_month'), rule('BVS', 15_000, 'one_off')] })
    await insertVersion(db(), { regionCode: 'REFREG13', validFrom: '2025-08-01', rules: [rule('IBO', 99_000, 'per_month')] }) // after July
    const ocmw = await organisation('ocmw-44021')
    await insertVersion(db(), { regionCode: 'REFREG13', ocmwOrganisationId: ocmw.id, validFrom: '2025-01-01', rules: [rule('IBO', 100, 'per_month')] })
    await insertVersion(db(), { regionCode: 'REFREG01', validFrom: '2025-01-01', rules: [rule('TWE_ART60', 500, 'per_hour'), rule('IBO', 70_000, 'per_month')] })
    await insertVersion(db(), { regionCode: 'REFREG05', validFrom: '2025-01-01', rules: [rule('IBO', 60_000, 'per_month')] })

    const table = (await open('periode=2025-07'))['plaatsen-vergoeding-per-instrument']!
    // 4,50 an hour × 19 hours × 52/12 weeks = € 370,50 a month; 5,00 an hour: € 411,67; their median € 391,085.
    expect(table.values.TWE_ART60).toEqual([370.5, 370.5, 391.085])
    expect(table.values.IBO).toEqual([660, 650, 660])
    expect(table.values.BVS).toEqual([0, 0, 0])
    expect(table.values['BVS-eenmalig']).toEqual([150, 150, 150])
    expect(table.values.WES).toEqual([null, null, null])
    expect(table.rows.map((row) => row.key)).toEqual(['TWE_ART60', 'IBO', 'BVS', 'BVS-eenmalig', 'WES', 'BIS', 'OS', 'WIJK_WERKEN'])
  })
})
