import type { Tx } from '#db/client'
import { CITY_WEIGHTS } from './reference'
import { countRows, run } from './stats-sql'

/**
 * The pick tables every part of the dashboard data shares (temporary, gone at the end of the generating
 * transaction): `bench_places` holds each Flemish municipality as many times as it weighs (centre cities more, as
 * in bench/reference.ts), numbered from 1, so a row picks a place with one join; `bench_routing` gives each
 * municipality its OCMW, its region's VDAB team and a postcode; `bench_towns` numbers every municipality once
 * (for things that must cover all of them, like the employers' first sites).
 */
export type Places = { places: number; towns: number }

export async function createPlaces(tx: Tx): Promise<Places> {
  await run(
    tx,
    `create temp table bench_places on commit drop as
     select row_number() over (order by m.nis, copy)::int as n, m.nis, m.region_code
     from municipalities m, generate_series(1, coalesce(('${JSON.stringify(CITY_WEIGHTS)}'::jsonb ->> m.nis)::int, 1)) as copy`,
  )
  await run(
    tx,
    `create temp table bench_towns on commit drop as
     select row_number() over (order by nis)::int as n, nis from municipalities`,
  )
  await run(
    tx,
    `create temp table bench_routing on commit drop as
     select m.nis, m.region_code, m.lat, m.lon,
       (select om.organisation_id from organisation_municipalities om join organisations o on o.id = om.organisation_id
        where om.municipality_nis = m.nis and o.type = 'ocmw' order by o.slug limit 1) as ocmw_id,
       (select o.id from organisations o where o.slug = 'vdab-' || lower(m.region_code)) as vdab_id,
       coalesce((select min(p.postcode) from postcodes p where p.municipality_nis = m.nis), '1000') as postcode
     from municipalities m`,
  )
  await run(tx, 'create index on bench_routing (nis)')
  return { places: await countRows(tx, 'bench_places'), towns: await countRows(tx, 'bench_towns') }
}
