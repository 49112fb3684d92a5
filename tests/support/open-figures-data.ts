import { sql } from 'drizzle-orm'
import { db } from '#db/client'
import { intakeChannels } from '#db/schema'
import { createClient, createEmployer, createOrganisation, createUser } from '#db/seed/factories'
import type { Quarter } from '#domain/quarters'

/**
 * A large, lopsided data set for the open figures, inserted with one SQL statement per table (generate_series):
 * `intakes` intakes spread over every municipality of Flanders with a random destination and way in, and the
 * hand-overs, placements, proposals and trajectories the other tables count, all in `quarter`. Random with a
 * fixed seed, so a failure can be replayed; most regions get many records, a few cells stay small.
 */
export async function generateOpenData(quarter: Quarter, intakes: number) {
  const ocmw = await createOrganisation(db(), {
    type: 'ocmw',
    municipalities: ['44021'],
  })
  const partner = await createOrganisation(db(), {
    type: 'outreach_partner',
    municipalities: ['44021'],
  })
  const worker = await createUser(db(), {
    organisationId: partner.id,
    role: 'outreach_worker',
  })
  const [channel] = await db()
    .insert(intakeChannels)
    .values({
      code: `open-${quarter.quarter}`,
      organisationId: partner.id,
      name: 'Onthaal',
    })
    .returning()
  const employers = []
  for (const employerType of ['private', 'public', 'nonprofit', 'social_economy'] as const)
    employers.push((await createEmployer(db(), { employerType })).organisation.id)
  const client = await createClient(db(), { organisationId: ocmw.id })
  const moment = sql`(${quarter.from}::date::timestamp at time zone 'Europe/Brussels') + random() * ((${quarter.until}::date - ${quarter.from}::date) * interval '1 day' - interval '1 second')`
  // A high power of the random number crowds the records in the first municipalities: big and small regions.
  const municipality = sql`(select array_agg(nis order by nis) from municipalities)[1 + floor(power(random(), 5) * (select count(*) from municipalities))::int]`
  const employerIds = `{${employers.join(',')}}`

  await db().transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.14)`)
    await tx.execute(sql`
    insert into intakes (reference, status_token_hash, submission_key, language, contact_method, municipality_nis, situation, wants_work,
      dutch_self_assessment, consent_processing, consent_sharing, suggested_destination, suggestion_reasons, first_contact_due_on,
      channel_id, assisted_by_user_id, created_at)
    select 'OPEN-' || ${quarter.quarter} || '-' || n, 'open-token-' || ${quarter.quarter} || n, 'open-key-' || ${quarter.quarter} || n, 'nl', 'phone',
      ${municipality}, 'no_income', 'yes', 'everyday', true, true,
      (array['ocmw', 'vdab', 'joint'])[1 + floor(random() * 3)::int]::triage_destination, '[]'::jsonb, ${quarter.until}::date,
      case when random() < 0.2 then ${channel!.id}::uuid end, case when random() < 0.1 then ${worker.id}::uuid end, ${moment}
    from generate_series(1, ${intakes}) as n`)
    await tx.execute(sql`
    insert into intake_referrals (intake_id, from_organisation_id, to_organisation_id, status, decided_at, created_at)
    select id, ${ocmw.id}, ${ocmw.id}, status::referral_status, case when status <> 'pending' then created_at + interval '1 day' end, created_at
    from (select id, created_at, (array['pending', 'accepted', 'declined'])[1 + floor(random() * 3)::int] as status
          from intakes where reference like ${`OPEN-${quarter.quarter}-%`} and random() < 0.3) as picked`)
    await tx.execute(sql`
    insert into placements (organisation_id, title, occupation_uri, description, municipality_nis, lat, lon, hours_per_week, places, dutch_level,
      instruments, status, published_at)
    select (${employerIds}::uuid[])[1 + floor(random() * 4)::int], 'Werkplek', occupation_uri, 'Omschrijving',
      ${municipality}, 51, 4, 38, 1, 'A2', array['TWE_ART60']::instrument[],
      'published', ${moment}
    from generate_series(1, ${Math.round(intakes / 5)}), (select ${client.jobTargets[0]!}::text as occupation_uri) as o`)
    await tx.execute(sql`
    insert into proposals (client_id, placement_id, organisation_id, status, client_consented, decided_at, created_at)
    select ${client.id}, id, ${ocmw.id}, status::proposal_status, true, case when status <> 'open' then published_at + interval '1 hour' end, published_at
    from (select id, published_at, (array['open', 'accepted', 'declined', 'withdrawn'])[1 + floor(random() * 4)::int] as status
          from placements where organisation_id = any(${employerIds}::uuid[])) as picked`)
    await tx.execute(sql`
    with made as (
      insert into clients (organisation_id, display_name, home_municipality_nis, job_targets, dutch_level, max_distance_km, hours_available)
      select ${ocmw.id}, 'Cliënt ' || n, ${municipality},
        array[${client.jobTargets[0]!}::text], 'A2', 25, 38
      from generate_series(1, ${Math.round(intakes / 10)}) as n returning id)
    insert into trajectories (client_id, organisation_id, kind, entry_reason, criteria_assessed_on, referral_on, start_on)
    select id, ${ocmw.id}, kind::trajectory_kind, 'Reden', start_on, case when kind = 'twe_wz' then start_on end, start_on
    from (select id, (array['twe_art60', 'twe_wz'])[1 + floor(random() * 2)::int] as kind,
            ${quarter.from}::date + floor(random() * (${quarter.until}::date - ${quarter.from}::date))::int as start_on from made) as picked`)
  })
}
