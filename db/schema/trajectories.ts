import { sql } from 'drizzle-orm'
import { check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { IcfCode, IcfQualifier } from '#domain/icf'
import { endOutcomes, type EvaluationScore, stopReasons, trajectoryKinds, trajectoryStatuses } from '#domain/trajectory-values'
import { clients, proposals } from './clients'
import { organisations } from './organisations'
import { placements } from './placements'
import { users } from './users'

export const trajectoryKind = pgEnum('trajectory_kind', trajectoryKinds)
export const trajectoryStatus = pgEnum('trajectory_status', trajectoryStatuses)
export const trajectoryStopReason = pgEnum('trajectory_stop_reason', stopReasons)
export const trajectoryOutcome = pgEnum('trajectory_outcome', endOutcomes)

/**
 * A client's TWE trajectory (issue 13), owned by the client's organisation; one open (active or suspended) at a
 * time per client. The date rules (domain/trajectory-dates.ts) are checked by the feature before a write; the
 * checks here only keep impossible rows out.
 */
export const trajectories = pgTable(
  'trajectories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: trajectoryKind('kind').notNull(),
    status: trajectoryStatus('status').notNull().default('active'),
    /** Why the person enters TWE (step 1 of the framework): required, free text of the begeleider. */
    entryReason: text('entry_reason').notNull(),
    begeleiderUserId: uuid('begeleider_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** TWE-art60: the day the intake criteria were assessed; the trajectory cannot start before it. */
    criteriaAssessedOn: date('criteria_assessed_on', { mode: 'string' }),
    /** TWE-wz: the referral, which is also the start. */
    referralOn: date('referral_on', { mode: 'string' }),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    /** TWE-art60: the employment contract (AO) under Artikel 60§7; at most 2 months after the start. */
    contractStartOn: date('contract_start_on', { mode: 'string' }),
    /** Set when the trajectory is stopped or ended (status), with the reason of a stop. */
    endedOn: date('ended_on', { mode: 'string' }),
    stopReason: trajectoryStopReason('stop_reason'),
    /** Three months after the end the begeleider records where the person went (the TWE evaluation's outflow measure). */
    outflowStatus: trajectoryOutcome('outflow_status'),
    outflowRecordedOn: date('outflow_recorded_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('trajectories_closed', sql`(${t.status} in ('stopped', 'ended')) = (${t.endedOn} is not null) and (${t.stopReason} is null or ${t.status} = 'stopped')`),
    uniqueIndex('trajectories_one_open_idx').on(t.clientId).where(sql`${t.status} in ('active', 'suspended')`),
    index('trajectories_organisation_idx').on(t.organisationId, t.status),
    check('trajectories_art60_dates', sql`${t.kind} <> 'twe_art60' or (${t.criteriaAssessedOn} is not null and ${t.startOn} >= ${t.criteriaAssessedOn})`),
    check('trajectories_wz_dates', sql`${t.kind} <> 'twe_wz' or (${t.referralOn} is not null and ${t.startOn} = ${t.referralOn})`),
    // Empty only once anonymised (db/queries/client-retention.ts); the form asks for it.
    check('trajectories_entry_reason', sql`length(${t.entryReason}) <= 2000`),
  ],
)

/** A phase at one workplace: a placement of the portal (an accepted proposal starts phase 1) or an external one. */
export const trajectoryPhases = pgTable(
  'trajectory_phases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trajectoryId: uuid('trajectory_id')
      .notNull()
      .references(() => trajectories.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    // No cascade and no set null: a phase keeps its workplace (placements are closed, not deleted; demo:remove
    // deletes the phases at demo placements first).
    placementId: uuid('placement_id').references(() => placements.id),
    proposalId: uuid('proposal_id').references(() => proposals.id, { onDelete: 'set null' }),
    /** A workplace outside the portal: the employer's name and the job, as the begeleider writes them. */
    externalWorkplace: text('external_workplace'),
    /** The POP competences this phase works on; empty means all of the POP's. */
    goals: text('goals').array().notNull().default(sql`'{}'`),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    plannedEndOn: date('planned_end_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('trajectory_phases_position_idx').on(t.trajectoryId, t.position),
    check('trajectory_phases_workplace', sql`${t.placementId} is not null or ${t.externalWorkplace} is not null`),
    check('trajectory_phases_dates', sql`${t.plannedEndOn} is null or ${t.plannedEndOn} >= ${t.startOn}`),
  ],
)

/**
 * The personal development plan (POP), versioned: every evaluation appends a version, none is ever changed, so
 * the history shows what changed and why (`changeNote`).
 */
export const popVersions = pgTable(
  'pop_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trajectoryId: uuid('trajectory_id')
      .notNull()
      .references(() => trajectories.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** ESCO occupation URIs, from the client's jobdoelwitten. */
    jobTargets: text('job_targets').array().notNull(),
    /** Short labels of the competences to develop. */
    competences: text('competences').array().notNull(),
    actions: text('actions').notNull(),
    agreements: text('agreements').notNull(),
    changeNote: text('change_note'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pop_versions_version_idx').on(t.trajectoryId, t.version),
    // Empty only once anonymised; the form asks for 1 to 20.
    check('pop_versions_competences', sql`cardinality(${t.competences}) <= 20`),
  ],
)

/** A suspension: for TWE-art60 it pauses the funded months, for TWE-wz it counts within the 24 months. */
export const trajectorySuspensions = pgTable(
  'trajectory_suspensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trajectoryId: uuid('trajectory_id')
      .notNull()
      .references(() => trajectories.id, { onDelete: 'cascade' }),
    fromOn: date('from_on', { mode: 'string' }).notNull(),
    toOn: date('to_on', { mode: 'string' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('trajectory_suspensions_dates', sql`${t.toOn} is null or ${t.toOn} >= ${t.fromOn}`)],
)

/** The motivated final report written when the trajectory stops or ends: one per trajectory, never changed. */
export const trajectoryFinalReports = pgTable('trajectory_final_reports', {
  trajectoryId: uuid('trajectory_id')
    .primaryKey()
    .references(() => trajectories.id, { onDelete: 'cascade' }),
  /** Per goal of the POP (a competence), its result and a comment. */
  goals: jsonb('goals').$type<{ goal: string; result: EvaluationScore; comment?: string }[]>().notNull(),
  /** The work-related ICF activities the begeleider assessed, each with ICF's generic qualifier. */
  icf: jsonb('icf').$type<{ code: IcfCode; qualifier: IcfQualifier }[]>().notNull(),
  outcome: trajectoryOutcome('outcome').notNull(),
  recommendation: text('recommendation').notNull(),
  writtenByUserId: uuid('written_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})
