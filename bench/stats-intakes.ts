import type { Tx } from '#db/client'
import { closeReasons, INTAKE_FIELDS, intakeStatusChoice } from './stats-intake-values'
import type { Places } from './stats-places'
import { pickIndex, run, weighted } from './stats-sql'

/**
 * Intakes for the dashboard benchmark, set-based: `count` residents over the last three years (more lately: the
 * portal grows), in every Flemish municipality (centre cities weigh more), a quarter through an outreach partner's
 * channel and a tenth assisted by an outreach worker; triage states with first contacts, suggested destinations,
 * referrals (accepted, declined, pending), closes with their reasons, some consent withdrawals and anonymisations,
 * and the status history (intake_events) the way the triage writes it.
 */
const PARTNERS_PER_REGION = 4

export async function createIntakes(tx: Tx, count: number, places: Places) {
  await createPartners(tx)
  // Stage 1: the random draws of each intake, its place and moment.
  await run(
    tx,
    `create temp table bench_intake_draws on commit drop as
     select s.*, p.nis, p.region_code, rt.ocmw_id, rt.vdab_id, rt.postcode,
       now() - interval '1095 days' * (1 - sqrt(s.r_time)) as created
     from (select g, gen_random_uuid() as id, random() as r_place, random() as r_time, random() as r_status, random() as r_status2,
             random() as r_dest, random() as r_way, random() as r_pick, random() as r_fc, random() as r_later, random() as r_ref,
             random() as r_close, random() as r_misc, random() as r_lang, random() as r_contact, random() as r_situation,
             random() as r_wish, random() as r_dutch, floor(random() * 512)::int & floor(random() * 512)::int as barrier_bits
           from generate_series(1, ${count}) as g) as s
     join bench_places p on p.n = ${pickIndex('s.r_place', places.places)}
     join bench_routing rt on rt.nis = p.nis`,
  )
  // Stage 2: what the triage made of it.
  await run(
    tx,
    `create temp table bench_intake_facts on commit drop as
     select d.*,
       case when status = 'new' then null when destination = 'vdab' then vdab_id else ocmw_id end as primary_org,
       case when destination = 'vdab' then ocmw_id else vdab_id end as other_org,
       case when status = 'referred' then 'pending' when status = 'accepted' and r_ref < 0.4 then 'accepted'
            when status in ('in_contact', 'closed') and r_ref < 0.1 then 'declined' end as referral,
       case when status = 'new' then null else created + interval '1 hour' + interval '12 days' * r_fc * r_fc end as first_contact_at
     from (select *, ${intakeStatusChoice} as status, ${weighted('r_dest', [['ocmw', 45], ['vdab', 40], ['joint', 15]])} as destination
           from bench_intake_draws) as d`,
  )
  await run(
    tx,
    `create temp table bench_intake_rows on commit drop as
     select f.*, least(now(), coalesce(first_contact_at, created) + interval '40 days' * r_later) as updated,
       case when status = 'closed' then ${weighted('r_close', closeReasons)} end as close_reason
     from bench_intake_facts f`,
  )
  await run(
    tx,
    `insert into intakes (id, reference, status_token_hash, submission_key, channel_id, assisted_by_user_id, language, first_name, last_name,
       contact_method, phone, email, postcode, municipality_nis, birth_year, situation, wants_work, wants_training, in_education, barriers,
       dutch_self_assessment, contact_moments, consent_processing, consent_sharing, consent_withdrawn_at, status, close_reason,
       suggested_destination, suggestion_reasons, ocmw_organisation_id, vdab_organisation_id, handling_organisation_id, first_contact_due_on,
       first_contact_at, anonymised_at, created_at, updated_at)
     select i.id, 'BENCH-' || i.g, md5('bench-status-' || i.g), 'bench-' || i.g, ch.id, wk.id, ${INTAKE_FIELDS.language},
       case when gone then null else 'Voornaam' || i.g end, case when gone then null else 'Achternaam' end,
       ${INTAKE_FIELDS.contactMethod}, case when gone then null else '0470' || lpad(i.g::text, 6, '0') end,
       case when gone then null else 'bewoner' || i.g || '@example.test' end, i.postcode, i.nis,
       case when gone then null else 1960 + (i.g % 47) end, ${INTAKE_FIELDS.situation}, ${INTAKE_FIELDS.wish}, i.r_misc < 0.4,
       case when i.created > now() - interval '40 days' then i.r_misc < 0.1 end,
       array(select b from unnest(${INTAKE_FIELDS.barriers}) with ordinality as u(b, k) where (i.barrier_bits >> (k::int - 1)) & 1 = 1),
       ${INTAKE_FIELDS.dutch}, array['morning'], true, i.r_misc < 0.8,
       case when i.close_reason = 'no_longer_interested' and i.r_misc < 0.2 then i.updated end,
       i.status::intake_status, i.close_reason::intake_close_reason, i.destination::triage_destination,
       jsonb_build_array(jsonb_build_object('rule', 'bench', 'destination', i.destination)), i.ocmw_id, i.vdab_id,
       case when i.referral = 'accepted' then i.other_org else i.primary_org end,
       (i.created at time zone 'Europe/Brussels')::date + 7, i.first_contact_at,
       case when gone then least(now(), i.updated + interval '180 days') end, i.created, i.updated
     from (select *, status = 'closed' and created < now() - interval '400 days' and r_misc < 0.8 as gone from bench_intake_rows) as i
     left join bench_channels ch on i.r_way < 0.25 and ch.region_code = i.region_code and ch.k = (1 + floor(i.r_pick * ch.total))::int
     left join bench_workers wk on i.r_way >= 0.25 and i.r_way < 0.35 and wk.region_code = i.region_code and wk.k = ${pickIndex('i.r_pick', PARTNERS_PER_REGION)}`,
  )
  await run(
    tx,
    `insert into intake_referrals (intake_id, from_organisation_id, to_organisation_id, status, message, decline_reason, decided_at, created_at)
     select id, primary_org, other_org, referral::referral_status, 'Graag verder opvolgen.',
       case when referral = 'declined' then 'Past niet in ons aanbod' end, case when referral <> 'pending' then updated end, first_contact_at
     from bench_intake_rows where referral is not null and primary_org is not null and other_org is not null`,
  )
  await run(
    tx,
    `insert into intake_events (intake_id, at, organisation_id, from_status, to_status)
     select id, created, null::uuid, null::intake_status, 'new'::intake_status from bench_intake_rows
     union all select id, first_contact_at, primary_org, 'new'::intake_status, 'in_contact'::intake_status from bench_intake_rows where first_contact_at is not null
     union all select id, updated, primary_org, 'in_contact'::intake_status, status::intake_status from bench_intake_rows where status in ('referred', 'accepted', 'closed')`,
  )
}

/** Outreach partners in every region, each with one to three channels (links, posters) and an outreach worker. */
async function createPartners(tx: Tx) {
  await run(
    tx,
    `create temp table bench_partners on commit drop as
     select gen_random_uuid() as id, r.code as region_code, r.name as region_name, k
     from reference_regions r, generate_series(1, ${PARTNERS_PER_REGION}) as k`,
  )
  await run(
    tx,
    `insert into organisations (id, slug, name, type, created_at)
     select id, 'bench-partner-' || lower(region_code) || '-' || k, 'Outreachpartner ' || region_name || ' ' || k, 'outreach_partner', now() - interval '4 years'
     from bench_partners`,
  )
  await run(
    tx,
    `insert into organisation_municipalities (organisation_id, municipality_nis)
     select p.id, m.nis from bench_partners p join municipalities m on m.region_code = p.region_code`,
  )
  await run(
    tx,
    `create temp table bench_channels on commit drop as
     select c.*, row_number() over (partition by region_code order by partner_k, c)::int as k, count(*) over (partition by region_code)::int as total
     from (select gen_random_uuid() as id, p.id as partner_id, p.region_code, p.k as partner_k, c
           from bench_partners p, generate_series(1, 1 + p.k % 3) as c) as c`,
  )
  await run(
    tx,
    `insert into intake_channels (id, code, organisation_id, name, created_at)
     select id, 'bench-' || lower(region_code) || '-' || partner_k || '-' || c, partner_id, 'Affiche ' || c, now() - interval '4 years' from bench_channels`,
  )
  await run(
    tx,
    `create temp table bench_workers on commit drop as
     select gen_random_uuid() as id, p.id as partner_id, p.region_code, p.k from bench_partners p`,
  )
  await run(
    tx,
    `insert into users (id, email, name, role, organisation_id)
     select id, 'bench-outreach-' || lower(region_code) || '-' || k || '@example.test', 'Outreachwerker ' || k, 'outreach_worker', partner_id
     from bench_workers`,
  )
}
