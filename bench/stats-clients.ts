import type { declineReasons, dutchLevels } from '#domain/values'
import type { Tx } from '#db/client'
import type { Places } from './stats-places'
import { pickIndex, run, weighted } from './stats-sql'

/**
 * Caseworkers' clients and their proposals for the dashboard benchmark, set-based. Clients live everywhere (cities
 * weigh more) and belong to their municipality's OCMW (two in three) or their region's VDAB team. About half of the
 * placements that were ever published get one to four proposals: a filled placement's first one was accepted at
 * the moment it was filled; the others were declined by the employer (with an enumerated reason), withdrawn, or —
 * for a placement still open — are still open. Each client is proposed at most once per placement.
 */
type Spread<T extends readonly string[]> = readonly (readonly [T[number], number])[]

const DECLINES: Spread<typeof declineReasons> = [
  ['no_capacity', 25], ['profile_mismatch', 25], ['dutch_level', 15], ['availability', 15], ['distance', 10], ['other', 10],
]
const DUTCH: Spread<typeof dutchLevels> = [['none', 10], ['A1', 25], ['A2', 30], ['B1', 20], ['B2', 10], ['C1', 5]]

export async function createClients(tx: Tx, count: number, places: Places) {
  await run(
    tx,
    `create temp table bench_clients on commit drop as
     select s.g as n, s.id, s.r_closed, s.created, p.nis, rt.postcode,
       case when s.r_owner < 0.65 and rt.ocmw_id is not null then rt.ocmw_id else rt.vdab_id end as organisation_id,
       case when s.r_owner < 0.65 and rt.ocmw_id is not null then 'ocmw' else 'vdab' end as owner_type
     from (select g, gen_random_uuid() as id, random() as r_place, random() as r_owner, random() as r_closed,
             now() - interval '1300 days' * random() as created
           from generate_series(1, ${count}) as g) as s
     join bench_places p on p.n = ${pickIndex('s.r_place', places.places)}
     join bench_routing rt on rt.nis = p.nis`,
  )
  await run(tx, 'create index on bench_clients (n)')
  await run(
    tx,
    `insert into clients (id, organisation_id, display_name, home_municipality_nis, postcode, job_targets, dutch_level, max_distance_km,
       hours_available, closed_at, anonymised_at, created_at, updated_at)
     select c.id, c.organisation_id, 'Cliënt ' || c.n, c.nis, c.postcode,
       array[o.uri],
       ${weighted('c.r_closed', DUTCH, 'dutch_level')}, 10 + (c.n % 31), 19 + (c.n % 20),
       case when c.r_closed < 0.25 then least(now(), c.created + interval '400 days') end,
       case when c.r_closed < 0.1 and c.created < now() - interval '800 days' then c.created + interval '780 days' end,
       c.created, c.created
     from bench_clients c
     join bench_occupation_picks o on o.n = 1 + (c.n * 7) % (select count(*) from bench_occupation_picks)`,
  )
}

export async function createProposals(tx: Tx, clients: number) {
  await run(
    tx,
    `create temp table bench_proposals on commit drop as
     select d.*, case when kind = 'open' then null when kind = 'accepted' then filled
                      else least(now(), created + interval '20 days' * r_decide) end as decided
     from (select p.placement_id, c.id as client_id, c.organisation_id, p.j, p.filled, p.r_decide, p.r_reason,
             case when p.j = 1 and p.filled is not null then 'accepted'
                  when p.status in ('published', 'paused') and p.r_kind < 0.5 then 'open'
                  else ${weighted('p.r_kind', [['declined', 60], ['withdrawn', 40]])} end as kind,
             p.published + (coalesce(p.filled, p.closed, now()) - p.published) * (0.9 * p.r_when) as created
           from (select f.id as placement_id, f.g, f.status, f.published, f.filled, f.closed, j,
                   random() as r_kind, random() as r_when, random() as r_decide, random() as r_reason
                 from bench_placement_facts f
                 cross join lateral generate_series(1, 1 + floor(f.r_prop * 1000)::int % 4) as j
                 where f.published is not null and (f.r_prop < 0.5 or f.filled is not null)) as p
           join bench_clients c on c.n = 1 + (p.g * 7 + p.j * 7919) % ${clients}) as d`
  )
  await run(
    tx,
    `insert into proposals (client_id, placement_id, organisation_id, status, client_consented, shared_competences, decline_reason,
       decline_note, decided_at, created_at)
     select client_id, placement_id, organisation_id, kind::proposal_status, true, array['Op tijd komen'],
       case when kind = 'declined' then ${weighted('r_reason', DECLINES, 'decline_reason')} end,
       case when kind = 'declined' and r_reason >= 0.9 then 'Vrije tekst van de werkgever' end, decided, created
     from bench_proposals`,
  )
}
