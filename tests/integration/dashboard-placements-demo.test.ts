import { describe, expect, test } from 'vitest'
import { db } from '#db/client'
import { seedDemoIfEmpty } from '#db/seed/demo'
import { regionalAdmin, sectionTables } from './dashboard-support'

/**
 * The demo data gives every table of the placement and proposal sections a figure for Regio Gent in the running
 * quarter (the dashboard's default period), which the end-to-end check of issue 14 relies on.
 */
describe('the demo data on /admin/cijfers/plaatsen and /voorstellen', () => {
  test('every table has a figure for REFREG13 in the running quarter', async () => {
    await db().transaction((tx) => seedDemoIfEmpty(tx))
    const cookie = await regionalAdmin('REFREG13')
    const placements = await sectionTables(cookie, 'plaatsen', '')
    const proposals = await sectionTables(cookie, 'voorstellen', '')
    const now = (table: { values: Record<string, (number | null)[]> }) => Object.fromEntries(Object.entries(table.values).map(([key, values]) => [key, values[0]]))

    expect(now(placements['plaatsen-verloop']!)).toEqual({ gepubliceerd: 10, volzet: 2, afgesloten: 1 })
    // Seven demo placements in Regio Gent and the three of db/seed/placement-outcomes.ts. Hulp in de bakkerij and the
    // bakery's extra one are ISCO 8160, the park worker 6113; warehouse, order picker, gardener, linen, kitchen and the
    // two other extra ones are 9…; 5 and 7 only elsewhere in Flanders (the bakery shop in Antwerpen, the bicycle
    // repairer in Leuven).
    expect(now(placements['plaatsen-per-beroepsgroep']!)).toEqual({ 'isco-5': 0, 'isco-6': 1, 'isco-7': 0, 'isco-8': 2, 'isco-9': 7 })
    expect(now(placements['plaatsen-per-werkgeverstype']!)).toEqual({ private: 5, public: 2, nonprofit: 3, social_economy: 0 })
    expect(now(placements['plaatsen-aandeel-prive']!)).toEqual({ prive: (5 / 10) * 100, basislijn: 8 })
    expect(now(placements['plaatsen-tijd-tot-aanvaarding']!).plaatsen).toBe(2)
    expect(now(placements['plaatsen-tijd-tot-aanvaarding']!).mediaan).toBeGreaterThanOrEqual(0)
    // The extra ones are filled and closed: 2 + 3 + 4 + 2 + 1 + 1 + 2 places on the seven others.
    expect(now(placements['plaatsen-vrij-nu']!)).toEqual({ werkervaringsplaatsen: 7, 'vrije-plaatsen': 15 })
    expect(now(placements['plaatsen-vergoeding-per-instrument']!).TWE_ART60).toBeGreaterThan(0)
    expect(now(proposals['voorstellen-verloop']!)).toEqual({ verstuurd: 6, aanvaard: 3, afgewezen: 2, ingetrokken: 1 })
    expect(now(proposals['voorstellen-afgewezen-per-reden']!)).toEqual({ availability: 1, dutch_level: 1 })
  })
})
