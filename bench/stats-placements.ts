import { type dutchLevels, type employerTypes, type instruments, placementStatuses } from '#domain/values'
import type { Tx } from '#db/client'
import { COMMON_JOBS } from './reference'
import type { Places } from './stats-places'
import { countRows, pickIndex, run, weighted } from './stats-sql'

/**
 * Employers and their werkervaringsplaatsen for the dashboard benchmark, set-based: employers of every type, each
 * with one to three sites (the first sites go round all municipalities, the others lean to the cities), and
 * placements at those sites about ESCO occupations of the reference data (two in three about the jobs such
 * placements are most often about, bench/reference.ts), created over three years, in every lifecycle state with
 * the moments of their history (placement_events: published, paused, filled, closed).
 */
type Spread<T extends readonly string[]> = readonly (readonly [T[number], number])[]

const EMPLOYER_TYPES: Spread<typeof employerTypes> = [['private', 40], ['nonprofit', 25], ['social_economy', 20], ['public', 15]]
const INSTRUMENTS: Spread<typeof instruments> = [['TWE_ART60', 30], ['IBO', 18], ['WES', 14], ['BVS', 10], ['BIS', 10], ['OS', 10], ['WIJK_WERKEN', 8]]
const DUTCH: Spread<typeof dutchLevels> = [['none', 8], ['A1', 20], ['A2', 30], ['B1', 25], ['B2', 12], ['C1', 5]]
// Young placements are mostly still open; older ones were filled or closed (draft and submitted at any age).
const RECENT: Spread<typeof placementStatuses> = [['published', 70], ['paused', 10], ['filled', 20]]
const OLDER: Spread<typeof placementStatuses> = [['published', 15], ['paused', 5], ['filled', 40], ['closed', 40]]

/** A moment between `from` and the earlier of now and `from + days`, by `random`. */
const after = (from: string, days: number, random: string) => `${from} + (least(now(), ${from} + interval '${days} days') - ${from}) * ${random}`

export async function createPlacements(tx: Tx, count: number, employers: number, places: Places) {
  await createEmployers(tx, employers, places)
  const sites = await countRows(tx, 'bench_sites')
  const occupations = await createOccupationPicks(tx)
  await run(
    tx,
    `create temp table bench_placement_draws on commit drop as
     select s.*, st.id as site_id, st.organisation_id, st.nis, st.postcode, st.lat, st.lon, o.uri, o.label,
       now() - interval '1095 days' * (1 - sqrt(s.r_time)) as created
     from (select g, gen_random_uuid() as id, random() as r_site, random() as r_occ, random() as r_time, random() as r_st, random() as r_st2,
             random() as r_d1, random() as r_d2, random() as r_d3, random() as r_d4, random() as r_misc, random() as r_prop
           from generate_series(1, ${count}) as g) as s
     join bench_sites st on st.n = ${pickIndex('s.r_site', sites)}
     join bench_occupation_picks o on o.n = ${pickIndex('s.r_occ', occupations)}`,
  )
  await run(
    tx,
    `create temp table bench_placement_states on commit drop as
     select d.*, case when status in ('draft', 'submitted') or (status = 'closed' and r_d3 < 0.1) then null
                      else least(now(), created + interval '10 days' * r_d1) end as published
     from (select *, case when r_st < 0.04 then 'draft' when r_st < 0.07 then 'submitted'
                          when created > now() - interval '90 days' then ${weighted('r_st2', RECENT)} else ${weighted('r_st2', OLDER)} end as status
           from bench_placement_draws) as d`,
  )
  await run(
    tx,
    `create temp table bench_placement_facts on commit drop as
     select f.*, case when status = 'closed' then ${after('coalesce(filled, published, created)', 120, 'r_d4')} end as closed
     from (select s.*,
             case when status = 'paused' then ${after('published', 90, 'r_d2')} end as paused,
             case when status = 'filled' or (status = 'closed' and published is not null and r_d3 < 0.55) then ${after('published', 150, 'r_d2')} end as filled
           from bench_placement_states s) as f`,
  )
  await run(tx, 'create index on bench_placement_facts (g)')
  await run(
    tx,
    `insert into placements (id, organisation_id, site_id, title, occupation_uri, description, tasks, competences, municipality_nis, postcode, lat, lon,
       hours_per_week, schedule, start_date, places, full_until, dutch_level, support, instruments, status, published_at, created_at, updated_at)
     select id, organisation_id, site_id, 'Werkervaring als ' || label, uri, 'Je leert het werk van ' || label || ' op de werkvloer.',
       array['Taken uitvoeren'], array['Op tijd komen'], nis, postcode, lat, lon, 19 + floor(r_misc * 20), array['day'],
       (published at time zone 'Europe/Brussels')::date + 14, 1 + floor(r_d1 * 4)::int,
       case when status = 'filled' then (filled at time zone 'Europe/Brussels')::date + 90 end,
       ${weighted('r_d3', DUTCH, 'dutch_level')}, array['mentor'], array[${weighted('r_misc', INSTRUMENTS, 'instrument')}],
       status::placement_status, published, created, greatest(created, published, paused, filled, closed)
     from bench_placement_facts`,
  )
  await run(
    tx,
    `insert into placement_events (placement_id, at, from_status, to_status)
     select id, created, null::placement_status, 'draft'::placement_status from bench_placement_facts
     union all select id, created + interval '1 hour', 'draft'::placement_status, 'submitted'::placement_status from bench_placement_facts where status = 'submitted'
     union all select id, published, 'draft'::placement_status, 'published'::placement_status from bench_placement_facts where published is not null
     union all select id, paused, 'published'::placement_status, 'paused'::placement_status from bench_placement_facts where paused is not null
     union all select id, filled, 'published'::placement_status, 'filled'::placement_status from bench_placement_facts where filled is not null
     union all select id, closed, (case when filled is not null then 'filled' when published is not null then 'published' else 'draft' end)::placement_status,
       'closed'::placement_status from bench_placement_facts where closed is not null`,
  )
}

async function createEmployers(tx: Tx, count: number, places: Places) {
  await run(
    tx,
    `create temp table bench_employers on commit drop as
     select g as n, gen_random_uuid() as id, random() as r_type, random() as r_sites, random() as r_verified,
       now() - interval '1300 days' * random() as created
     from generate_series(1, ${count}) as g`,
  )
  await run(
    tx,
    `insert into organisations (id, slug, name, type, employer_type, created_at)
     select id, 'bench-werkgever-' || n, 'Werkgever ' || n, 'employer', ${weighted('r_type', EMPLOYER_TYPES, 'employer_type')}, created from bench_employers`,
  )
  await run(
    tx,
    `insert into employer_profiles (organisation_id, sector, contact_name, contact_email, verification_status, verified_at)
     select id, 'Sector', 'Contactpersoon ' || n, 'werkgever' || n || '@example.test',
       ${weighted('r_verified', [['verified', 90], ['pending', 7], ['rejected', 3]], 'employer_verification_status')},
       case when r_verified < 0.9 then created + interval '3 days' end
     from bench_employers`,
  )
  // The first site of employer n is in municipality n (round all of them), the others where the places are.
  await run(
    tx,
    `create temp table bench_sites on commit drop as
     select row_number() over (order by e.n, e.k)::int as n, gen_random_uuid() as id, e.id as organisation_id, rt.nis, rt.postcode,
       rt.lat + (e.r_lat - 0.5) * 0.04 as lat, rt.lon + (e.r_lon - 0.5) * 0.06 as lon, e.created
     from (select e.*, k, random() as r_place, random() as r_lat, random() as r_lon
           from bench_employers e cross join lateral generate_series(1, 1 + floor(e.r_sites * 3)::int) as k) as e
     join bench_towns t on t.n = 1 + (e.n - 1) % ${places.towns}
     join bench_places p on p.n = ${pickIndex('e.r_place', places.places)}
     join bench_routing rt on rt.nis = case when e.k = 1 then t.nis else p.nis end`,
  )
  await run(
    tx,
    `insert into employer_sites (id, organisation_id, name, postcode, municipality_nis, lat, lon, created_at)
     select id, organisation_id, 'Vestiging ' || n, postcode, nis, lat, lon, created from bench_sites`,
  )
}

/** ESCO occupations to pick from: every one once, the common jobs many times (the first most). */
async function createOccupationPicks(tx: Tx): Promise<number> {
  const common = COMMON_JOBS.map((label, i) => `('${label.replaceAll("'", "''")}', ${Math.round(2000 / (i + 3))})`).join(', ')
  await run(
    tx,
    `create temp table bench_occupation_picks on commit drop as
     select row_number() over (order by o.uri, copy)::int as n, o.uri, o.label
     from occupations o
     left join (values ${common}) as c(label, weight) on c.label = o.label
     cross join lateral generate_series(1, coalesce(c.weight, 1)) as copy`,
  )
  return countRows(tx, 'bench_occupation_picks')
}
