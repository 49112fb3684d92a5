import { sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { createClients, createProposals } from './stats-clients'
import { createIntakes } from './stats-intakes'
import { createPlaces } from './stats-places'
import { createPlacements } from './stats-placements'
import { countRows, run } from './stats-sql'
import { createTrajectories } from './stats-trajectories'

/**
 * Fills a database with what the regional dashboard counts (issue 14), at the volumes of a few years of a real
 * portal, in one transaction of set-based statements (100,000 intakes and placements in about a minute instead of
 * hours of single inserts). Seeded (`setseed`): two runs of the same size make the same spread (the ids differ).
 */
export type Size = { intakes: number; placements: number }

/** What follows from the two sizes: an employer has about 20 placements; clients and trajectories scale with them. */
export function volumes({ intakes, placements }: Size) {
  const clients = Math.max(10, Math.round(placements * 0.3))
  return {
    intakes,
    placements,
    employers: Math.max(10, Math.ceil(placements / 20)),
    clients,
    trajectories: Math.min(clients, Math.max(5, Math.round(placements * 0.2))),
  }
}

/** The tables the generator fills, for the report and the test: name → rows. */
export const FILLED_TABLES = [
  'intakes', 'intake_events', 'intake_referrals', 'intake_channels', 'organisations', 'employer_sites', 'placements', 'placement_events',
  'clients', 'proposals', 'trajectories', 'trajectory_phases', 'trajectory_evaluations', 'trajectory_suspensions', 'trajectory_trainings',
  'trajectory_final_reports', 'trajectory_work_floor_evaluations',
] as const

export async function generateStatsData(database: Database, size: Size, today: string): Promise<Record<(typeof FILLED_TABLES)[number], number>> {
  const wanted = volumes(size)
  await database.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.2026)`)
    const places = await createPlaces(tx)
    await createIntakes(tx, wanted.intakes, places)
    await createPlacements(tx, wanted.placements, wanted.employers, places)
    await createClients(tx, wanted.clients, places)
    await createProposals(tx, wanted.clients)
    await createTrajectories(tx, wanted.trajectories, today)
  })
  // A running portal's autovacuum would have analysed tables this size; queries are planned on fresh statistics.
  await run(database, 'vacuum analyze')
  const counts = {} as Record<(typeof FILLED_TABLES)[number], number>
  for (const table of FILLED_TABLES) counts[table] = await countRows(database, table)
  return counts
}
