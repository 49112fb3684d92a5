import { sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { brusselsDate } from '#domain/intake-working-days'
import { placementStatuses } from '#domain/values'
import { db } from '#db/client'
import { generateStatsData, volumes } from '../../bench/stats-data'

/** The dashboard benchmark's generator (bench/stats-data.ts) at a small size, on the test database. */
test('the generator makes the asked volumes, every lifecycle state, and keeps the schema’s rules', async () => {
  const size = { intakes: 200, placements: 200 }
  const before = await db().execute<{ organisations: number; channels: number }>(
    sql`select (select count(*)::int from organisations) as organisations, (select count(*)::int from intake_channels) as channels`,
  )
  const counts = await generateStatsData(db(), size, brusselsDate())
  const wanted = volumes(size)
  expect(wanted).toEqual({ intakes: 200, placements: 200, employers: 10, clients: 60, trajectories: 40 })
  expect(counts.intakes).toBe(200)
  expect(counts.placements).toBe(200)
  expect(counts.clients).toBe(60)
  expect(counts.trajectories).toBe(40)
  // 15 regions × 4 outreach partners, and 10 employers; channels: partners 1 and 3 of a region have 2, partner 2 has 3, partner 4 has 1.
  expect(counts.organisations - before[0]!.organisations).toBe(60 + 10)
  expect(counts.intake_channels - before[0]!.channels).toBe(15 * (2 + 3 + 1 + 2))
  // Every intake and placement has its first event; every trajectory its first phase.
  expect(counts.intake_events).toBeGreaterThanOrEqual(200)
  expect(counts.placement_events).toBeGreaterThanOrEqual(200)
  expect(counts.trajectory_phases).toBe(40)
  const spread = await db().execute<{ statuses: string[]; employer_sites_towns: number; years: number; referrals: string[]; proposals: string[] }>(sql`
    select (select array_agg(distinct status::text order by status::text) from placements) as statuses,
           (select count(distinct municipality_nis)::int from employer_sites) as employer_sites_towns,
           (select count(distinct extract(year from created_at))::int from intakes) as years,
           (select array_agg(distinct status::text order by status::text) from intake_referrals) as referrals,
           (select array_agg(distinct status::text order by status::text) from proposals) as proposals`)
  expect(spread[0]!.statuses).toEqual([...placementStatuses].sort())
  // The first site of employer n is in the n-th municipality: 10 employers, 10 different municipalities at least.
  expect(spread[0]!.employer_sites_towns).toBeGreaterThanOrEqual(10)
  expect(spread[0]!.years).toBeGreaterThanOrEqual(3)
  expect(spread[0]!.referrals).toEqual(['accepted', 'declined', 'pending'])
  expect(spread[0]!.proposals).toEqual(['accepted', 'declined', 'open', 'withdrawn'])
})
