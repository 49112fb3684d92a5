import { and, eq, inArray, sql } from 'drizzle-orm'
import { type DeclineReason, type ProposalStatus, sharedSnapshot } from '#domain/proposal-form'
import type { Tx } from '#db/client'
import { changePlacementStatus, fillPlace } from '#db/queries/placement-lifecycle'
import { createPlacement } from '#db/queries/placements'
import { clients, employerSites, occupations, organisations, placements, proposals } from '#db/schema'

/**
 * Demo outcomes in Regio Gent, so the dashboard's placement and proposal figures (issue 14) are not empty on a first
 * start: placements whose places are all taken by accepted proposals (filled) and one that gets declined and
 * withdrawn proposals and is then closed. They are extra placements that no end-to-end journey relies on, and none
 * stays public, so the search and matching demos are unchanged. The bakery's one is where L.V.'s trajectory runs
 * (db/seed/trajectories.ts), so the demo employer has a proposal to read and a work-floor form to fill in.
 * Each proposal shares what the client's record holds, as a client who agrees to everything would.
 */
const OUTCOMES: { employer: string; site: string; occupation: string; title: string; places: number; close: boolean; proposals: [string, ProposalStatus, DeclineReason?][] }[] = [
  {
    employer: 'logistiek-kanaalzone', site: 'Magazijn Zelzate', occupation: 'magazijnmedewerker', title: 'Extra hulp voor de eindejaarspiek', places: 2, close: false,
    proposals: [['A.Y.', 'accepted'], ['R.M.', 'accepted']],
  },
  {
    employer: 'woonzorgcentrum-ter-linde', site: 'Ter Linde', occupation: 'keukenhulp', title: 'Hulp bij de maaltijden (vervanging)', places: 1, close: true,
    proposals: [['M.S.', 'declined', 'availability'], ['F.E.', 'declined', 'dutch_level'], ['R.M.', 'withdrawn']],
  },
  {
    employer: 'bakkerij-van-damme', site: 'Bakkerij Gent centrum', occupation: 'bakkerijmedewerker', title: 'Hulp in het bakhuis (vroege ploeg)', places: 1, close: false,
    proposals: [['L.V.', 'accepted']],
  },
]

const EVERYTHING = ['firstName', 'competences', 'dutchLevel', 'availability'] as const

// A few days back, but never before the running quarter: the demo's figures land in the dashboard's default period.
const daysAgo = (days: number) =>
  sql`greatest(date_trunc('quarter', now() at time zone 'Europe/Brussels') at time zone 'Europe/Brussels', now() - make_interval(days => ${days}::int))`

/** Called by seedDemoIfEmpty after the demo employers, placements and clients exist. */
export async function seedDemoPlacementOutcomes(tx: Tx) {
  for (const outcome of OUTCOMES) {
    const [site] = await tx
      .select({ organisationId: organisations.id, siteId: employerSites.id })
      .from(employerSites)
      .innerJoin(organisations, eq(organisations.id, employerSites.organisationId))
      .where(and(eq(organisations.slug, outcome.employer), eq(employerSites.name, outcome.site)))
    const [occupation] = await tx.select({ uri: occupations.uri }).from(occupations).where(eq(occupations.label, outcome.occupation))
    const names = outcome.proposals.map(([name]) => name)
    const people = await tx.select().from(clients).where(inArray(clients.displayName, names))
    if (!site || !occupation || people.length !== names.length) throw new Error(`demo outcome "${outcome.title}": unknown site, occupation or client`)
    const actor = { organisationId: site.organisationId, actorUserId: null }
    const placementId = await createPlacement(tx, actor, {
      title: outcome.title, description: 'Demo: een tijdelijke plaats die intussen ingevuld of afgesloten is.', tasks: [], competences: [],
      hoursPerWeek: 19, schedule: ['day'], places: outcome.places, dutchLevel: 'A1', support: ['mentor'], instruments: ['TWE_ART60', 'IBO'],
      siteId: site.siteId, occupationUri: occupation.uri, startDate: null, fullUntil: null,
    })
    await changePlacementStatus(tx, { ...actor, placementId, to: 'published', note: 'Demo-gegevens' })
    await tx.update(placements).set({ publishedAt: daysAgo(6) }).where(eq(placements.id, placementId))
    for (const [name, status, declineReason] of outcome.proposals) {
      const client = people.find((person) => person.displayName === name)!
      await tx.insert(proposals).values({
        clientId: client.id, placementId, organisationId: client.organisationId, proposedByUserId: client.caseworkerUserId, clientConsented: true, status,
        ...sharedSnapshot(client, EVERYTHING),
        declineReason: declineReason ?? null, createdAt: daysAgo(4), decidedAt: sql`now()`,
      })
      if (status === 'accepted') await fillPlace(tx, { ...actor, placementId, note: 'Demo: een voorstel aanvaard.' })
    }
    if (outcome.close) await changePlacementStatus(tx, { ...actor, placementId, to: 'closed', note: 'Demo: niemand gevonden.' })
  }
}
