import { describe, expect, test } from 'vitest'
import { loader as csvLoader } from '#app/routes/admin+/cijfers.$sectie[.csv]'
import { employer, placement, proposal, regionalAdmin, sectionTables } from './dashboard-support'
import { answer, context, page } from './staff-support'

/**
 * The "Voorstellen" section of the regional dashboard (issue 14). Columns: REFREG13 in September 2025, in August
 * 2025, and Flanders in September. A proposal counts in the region of its placement, not of the client.
 */
describe('/admin/cijfers/voorstellen', () => {
  test('sent, accepted, declined and withdrawn; declined per listed reason, never the employer’s note', async () => {
    const host = (await employer('private')).id
    const gent = await placement({ organisationId: host, publishedAt: '2025-08-01T10:00:00Z', places: 5 })
    const zelzate = await placement({ organisationId: host, municipalityNis: '43018', publishedAt: '2025-08-01T10:00:00Z', places: 5 })
    const antwerpen = await placement({ organisationId: host, municipalityNis: '11002', publishedAt: '2025-08-01T10:00:00Z' })
    await proposal({ placementId: gent, status: 'open', createdAt: '2025-09-02T10:00:00Z' })
    await proposal({ placementId: gent, status: 'accepted', createdAt: '2025-09-03T10:00:00Z', decidedAt: '2025-09-05T10:00:00Z' })
    // Sent in August, declined in September; a client from Antwerpen still counts for the placement's region.
    await proposal({ placementId: zelzate, status: 'declined', declineReason: 'dutch_level', createdAt: '2025-08-25T10:00:00Z', decidedAt: '2025-09-04T10:00:00Z', homeMunicipalityNis: '11002' })
    await proposal({ placementId: zelzate, status: 'declined', declineReason: 'dutch_level', createdAt: '2025-09-06T10:00:00Z', decidedAt: '2025-09-07T10:00:00Z' })
    await proposal({ placementId: gent, status: 'declined', declineReason: 'other', declineNote: 'Persoonlijke reden over de cliënt', createdAt: '2025-09-08T10:00:00Z', decidedAt: '2025-09-09T10:00:00Z' })
    await proposal({ placementId: gent, status: 'withdrawn', createdAt: '2025-09-10T10:00:00Z', decidedAt: '2025-09-11T10:00:00Z' })
    // A Gent client proposed in Antwerpen: Flanders only.
    await proposal({ placementId: antwerpen, status: 'declined', declineReason: 'distance', createdAt: '2025-09-03T10:00:00Z', decidedAt: '2025-09-04T10:00:00Z' })
    await proposal({ placementId: gent, status: 'declined', declineReason: 'profile_mismatch', createdAt: '2025-08-10T10:00:00Z', decidedAt: '2025-08-12T10:00:00Z' })
    // 00:30 on 1 October in Brussels: October, not September.
    await proposal({ placementId: gent, status: 'open', createdAt: '2025-09-30T22:30:00Z' })

    const cookie = await regionalAdmin('REFREG13')
    const tables = await sectionTables(cookie, 'voorstellen', 'periode=2025-09')
    expect(tables['voorstellen-verloop']!.columns).toEqual(['september 2025', 'augustus 2025', 'Vlaanderen, september 2025'])
    expect(tables['voorstellen-verloop']!.values).toEqual({ verstuurd: [5, 2, 6], aanvaard: [1, 0, 1], afgewezen: [3, 1, 4], ingetrokken: [1, 0, 1] })
    const reasons = tables['voorstellen-afgewezen-per-reden']!
    expect(reasons.values).toEqual({ dutch_level: [2, 0, 2], other: [1, 0, 1], profile_mismatch: [0, 1, 0], distance: [0, 0, 1] })
    expect(reasons.rows.find((row) => row.key === 'other')!.label).toBe('Een andere reden')
    expect(JSON.stringify(tables)).not.toContain('Persoonlijke reden')

    const csv = await answer(csvLoader({ request: page(cookie, '/admin/cijfers/voorstellen.csv?periode=2025-09&tabel=voorstellen-afgewezen-per-reden'), params: { sectie: 'voorstellen' }, context }))
    expect(csv.status).toBe(200)
    const text = await csv.text()
    expect(text).toContain('Het Nederlands is nog te beperkt voor deze plaats')
    expect(text).not.toContain('Persoonlijke reden')
  })
})
