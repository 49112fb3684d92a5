import type { EndOutcome, StopReason, SuspensionReason, TrainingOutcome, TrainingRefusalReason } from '#domain/trajectory-values'
import type { Tx } from '#db/client'
import { run, weighted } from './stats-sql'

/**
 * TWE trajectories for the dashboard benchmark, set-based: one for each of the first `count` clients (TWE-art60 at
 * an OCMW, TWE-wz at a VDAB team), started over the last three years and lasting 3 to 24 months: those whose end
 * lies before today ended or were stopped (with a reason), the others are active or suspended. A first phase at
 * the placement of the client's accepted proposal, another placement or an external workplace; evaluations every
 * four months; suspensions; training requests with their outcomes; final reports; the outflow three months after
 * the end; the employer's work-floor evaluations.
 */
type Spread<T extends string> = readonly (readonly [T, number])[]

const STOPS: Spread<StopReason> = [
  ['job_found', 25], ['training', 10], ['other_measure', 10], ['illness', 15], ['moved', 5], ['no_cooperation', 15],
  ['no_longer_entitled', 5], ['personal_reasons', 10], ['other', 5],
]
const OUTFLOW: Spread<EndOutcome> = [['regular_job', 35], ['training', 15], ['other_measure', 20], ['none', 30]]
const SUSPENSIONS: Spread<SuspensionReason> = [
  ['illness', 40], ['pregnancy_or_birth', 10], ['family_care', 15], ['temporary_job', 15], ['personal_circumstances', 15], ['other', 5],
]
const TRAININGS: Spread<TrainingOutcome> = [['requested', 15], ['approved', 20], ['refused', 15], ['completed', 35], ['dropped_out', 15]]
const REFUSALS: Spread<TrainingRefusalReason> = [
  ['motivation', 15], ['financing_unclear', 20], ['technical_or_registration', 10], ['dutch_level_too_low', 25],
  ['dutch_level_too_high', 5], ['admission_requirements', 20], ['other', 5],
]

export async function createTrajectories(tx: Tx, count: number, today: string) {
  const day = `'${today}'::date`
  await run(
    tx,
    `create temp table bench_trajectories on commit drop as
     select t.*, case when closes then (${weighted('r_status', [['ended', 60], ['stopped', 40]])}) else (${weighted('r_status', [['active', 90], ['suspended', 10]])}) end as status
     from (select c.id as client_id, c.organisation_id, c.owner_type, gen_random_uuid() as id, s.*, s.start_on + s.length as end_on, s.start_on + s.length < ${day} as closes
           from (select g, ${day} - floor(1095 * (1 - sqrt(random())))::int as start_on, 90 + floor(random() * 640)::int as length,
                   random() as r_status, random() as r_stop, random() as r_outflow, random() as r_phase, random() as r_susp, random() as r_train,
                   random() as r_t2, random() as r_t3
                 from generate_series(1, ${count}) as g) as s
           join bench_clients c on c.n = s.g) as t`,
  )
  await run(
    tx,
    `insert into trajectories (id, client_id, organisation_id, kind, status, entry_reason, criteria_assessed_on, referral_on, start_on, contract_start_on,
       ended_on, stop_reason, outflow_status, outflow_recorded_on, created_at, updated_at)
     select id, client_id, organisation_id, (case when owner_type = 'ocmw' then 'twe_art60' else 'twe_wz' end)::trajectory_kind, status::trajectory_status,
       'Werkervaring opdoen', case when owner_type = 'ocmw' then start_on - 10 end, case when owner_type = 'vdab' then start_on end, start_on,
       case when owner_type = 'ocmw' then start_on + 14 end, case when closes then end_on end,
       case when status = 'stopped' then ${weighted('r_stop', STOPS, 'trajectory_stop_reason')} end,
       case when closes and end_on < ${day} - 90 and r_outflow < 0.85 then ${weighted('r_outflow / 0.85', OUTFLOW, 'trajectory_outcome')} end,
       case when closes and end_on < ${day} - 90 and r_outflow < 0.85 then least(${day}, end_on + 90 + floor(r_stop * 30)::int) end,
       start_on::timestamp at time zone 'Europe/Brussels', least(${day}, coalesce(case when closes then end_on end, ${day}))::timestamp at time zone 'Europe/Brussels'
     from bench_trajectories`,
  )
  await createRecords(tx, day)
}

/** Everything recorded during a trajectory, up to its end (or today for an open one). */
async function createRecords(tx: Tx, day: string) {
  const until = `case when t.closes then t.end_on else ${day} end`
  await run(
    tx,
    `insert into trajectory_phases (trajectory_id, position, placement_id, proposal_id, external_workplace, start_on, planned_end_on, ended_on)
     select t.id, 1, coalesce(accepted.placement_id, case when t.r_phase < 0.6 then other.id end), accepted.id,
       case when accepted.id is null and t.r_phase >= 0.6 then 'Externe werkplek' end, t.start_on, t.start_on + 180, case when t.closes then t.end_on end
     from bench_trajectories t
     left join lateral (select id, placement_id from proposals where client_id = t.client_id and status = 'accepted' limit 1) as accepted on true
     left join bench_placement_facts other on other.g = 1 + (t.g * 13) % (select count(*) from bench_placement_facts)`,
  )
  await run(
    tx,
    `insert into trajectory_evaluations (trajectory_id, kind, held_on, goals, summary)
     select t.id, (case when k % 3 = 0 then 'work_floor' when t.closes and k * 120 > t.length - 120 then 'phase_end' else 'periodic' end)::trajectory_evaluation_kind,
       t.start_on + k * 120, jsonb_build_array(jsonb_build_object('goal', 'Op tijd komen', 'score', (array['not_yet', 'growing', 'reached'])[1 + k % 3])), 'Evaluatie'
     from bench_trajectories t cross join lateral generate_series(1, least(4, (${until} - t.start_on) / 120)) as k`,
  )
  await run(
    tx,
    `insert into trajectory_suspensions (trajectory_id, from_on, to_on, reason)
     select t.id, s.from_on, case when t.status = 'suspended' then null else least(s.from_on + 14 + floor(t.r_t2 * 76)::int, ${until}) end,
       ${weighted('t.r_t3', SUSPENSIONS)}
     from bench_trajectories t
     cross join lateral (select case when t.status = 'suspended' then greatest(t.start_on, ${day} - 1 - floor(t.r_t2 * 60)::int)
                                     else t.start_on + floor(t.r_susp / 0.12 * (${until} - t.start_on))::int end as from_on) as s
     where t.status = 'suspended' or t.r_susp < 0.12`,
  )
  await run(
    tx,
    `insert into trajectory_trainings (trajectory_id, provider, course, requested_on, start_on, end_on, outcome, refusal_reason)
     select id, 'VDAB', 'Opleiding', requested_on, case when outcome in ('approved', 'completed', 'dropped_out') then requested_on + 14 end,
       case when outcome in ('completed', 'dropped_out') then requested_on + 14 + 30 + floor(r_t3 * 90)::int end, outcome::trajectory_training_outcome,
       case when outcome = 'refused' then ${weighted('r_t3', REFUSALS, 'trajectory_training_refusal_reason')} end
     from (select t.*, t.start_on + floor(t.r_train / 0.25 * (${until} - t.start_on))::int as requested_on, ${weighted('t.r_t2', TRAININGS)} as outcome
           from bench_trajectories t where t.r_train < 0.25) as t`,
  )
  await run(
    tx,
    `insert into trajectory_final_reports (trajectory_id, goals, icf, outcome, recommendation, created_at)
     select t.id, '[{"goal": "Op tijd komen", "result": "reached"}]', '[]', coalesce(tr.outflow_status, 'none'), 'Aanbeveling',
       t.end_on::timestamp at time zone 'Europe/Brussels'
     from bench_trajectories t join trajectories tr on tr.id = t.id where t.closes`,
  )
  await run(
    tx,
    `insert into trajectory_work_floor_evaluations (trajectory_id, phase_id, employer_organisation_id, goals, due_on, requested_at, answers, answered_at)
     select ph.trajectory_id, ph.id, p.organisation_id, array['Op tijd komen'], ph.start_on + 60, requested,
       case when answered then '[{"goal": "Op tijd komen", "score": "growing"}]'::jsonb end, case when answered then requested + interval '7 days' end
     from (select ph.*, ph.start_on + 52 <= ${day} and r_answer < 0.7 as answered
           from (select ph.*, (ph.start_on + 45)::timestamp at time zone 'Europe/Brussels' as requested, random() as r_ask, random() as r_answer
                 from trajectory_phases ph where ph.placement_id is not null and ph.start_on + 45 <= ${day}) as ph
           where r_ask < 0.4) as ph
     join placements p on p.id = ph.placement_id`
  )
}
