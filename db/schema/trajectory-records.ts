import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { type EvaluationScore, evaluationKinds, shareBases, trainingOutcomes, trainingRefusalReasons } from '#domain/trajectory-values'
import { organisations } from './organisations'
import { trajectories, trajectoryPhases } from './trajectories'
import { users } from './users'

/**
 * What happens during a TWE trajectory (issue 13): evaluations, the employer's work-floor input, training requests,
 * notes, begeleider changes and who else may read it. Every text here is anonymised with the client's record
 * (db/queries/client-retention.ts).
 */
export const evaluationKind = pgEnum('trajectory_evaluation_kind', evaluationKinds)
export const trainingOutcome = pgEnum('trajectory_training_outcome', trainingOutcomes)
export const trainingRefusalReason = pgEnum('trajectory_training_refusal_reason', trainingRefusalReasons)
export const shareBasis = pgEnum('trajectory_share_basis', shareBases)

export type GoalScore = { goal: string; score: EvaluationScore; comment?: string }

/** An evaluation moment recorded by the begeleider; it appends a POP version (`popVersion`) when the plan changed. */
export const trajectoryEvaluations = pgTable(
  'trajectory_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trajectoryId: uuid('trajectory_id')
      .notNull()
      .references(() => trajectories.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id').references(() => trajectoryPhases.id, { onDelete: 'set null' }),
    kind: evaluationKind('kind').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    goals: jsonb('goals').$type<GoalScore[]>().notNull(),
    summary: text('summary').notNull(),
    popVersion: integer('pop_version'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('trajectory_evaluations_trajectory_idx').on(t.trajectoryId, t.heldOn)],
)

/**
 * The employer's work-floor form for one phase at a placement: the begeleider asks, the employer's users answer per
 * competence goal (snapshotted at the request) from their portal page. Answered once, then read-only.
 */
export const workFloorEvaluations = pgTable(
  'trajectory_work_floor_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trajectoryId: uuid('trajectory_id')
      .notNull()
      .references(() => trajectories.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => trajectoryPhases.id, { onDelete: 'cascade' }),
    employerOrganisationId: uuid('employer_organisation_id')
      .notNull()
      .references(() => organisations.id),
    goals: text('goals').array().notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    answers: jsonb('answers').$type<GoalScore[]>(),
    comment: text('comment'),
    answeredByUserId: uuid('answered_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('trajectory_work_floor_employer_idx').on(t.employerOrganisationId, t.answeredAt),
    check('trajectory_work_floor_answered', sql`(${t.answers} is null) = (${t.answeredAt} is null)`),
  ],
)

/** A training request within the trajectory, its outcome and, when refused, the reason from the learning network's list. */
export const trajectoryTrainings = pgTable(
  'trajectory_trainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trajectoryId: uuid('trajectory_id')
      .notNull()
      .references(() => trajectories.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    course: text('course').notNull(),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    startOn: date('start_on', { mode: 'string' }),
    endOn: date('end_on', { mode: 'string' }),
    outcome: trainingOutcome('outcome').notNull().default('requested'),
    refusalReason: trainingRefusalReason('refusal_reason'),
    note: text('note'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('trajectory_trainings_trajectory_idx').on(t.trajectoryId),
    check('trajectory_trainings_refusal', sql`(${t.outcome} = 'refused') = (${t.refusalReason} is not null)`),
    check('trajectory_trainings_dates', sql`${t.endOn} is null or ${t.startOn} is null or ${t.endOn} >= ${t.startOn}`),
  ],
)

/** The begeleider's notes; confidential ones stay in the OCMW: never shared, never exported (the confidential zone). */
export const trajectoryNotes = pgTable(
  'trajectory_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trajectoryId: uuid('trajectory_id')
      .notNull()
      .references(() => trajectories.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    confidential: boolean('confidential').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('trajectory_notes_trajectory_idx').on(t.trajectoryId, t.createdAt)],
)

/** A change of trajectbegeleider with the warm-hand-over note for the new one. */
export const begeleiderChanges = pgTable('trajectory_begeleider_changes', {
  id: uuid('id').primaryKey().defaultRandom(),
  trajectoryId: uuid('trajectory_id')
    .notNull()
    .references(() => trajectories.id, { onDelete: 'cascade' }),
  fromUserId: uuid('from_user_id').references(() => users.id, { onDelete: 'set null' }),
  toUserId: uuid('to_user_id').references(() => users.id, { onDelete: 'set null' }),
  note: text('note').notNull(),
  changedByUserId: uuid('changed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/** Another organisation (a VDAB team) that may read the trajectory, never its confidential notes; revoked, not deleted. */
export const trajectoryShares = pgTable(
  'trajectory_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trajectoryId: uuid('trajectory_id')
      .notNull()
      .references(() => trajectories.id, { onDelete: 'cascade' }),
    // Demo removal deletes demo organisations; real ones are deactivated, never deleted.
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    basis: shareBasis('basis').notNull(),
    /** For consent: the day the client agreed (the begeleider records it, the paper stays in the file). */
    consentOn: date('consent_on', { mode: 'string' }),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('trajectory_shares_active_idx').on(t.trajectoryId, t.organisationId).where(sql`${t.revokedAt} is null`),
    index('trajectory_shares_organisation_idx').on(t.organisationId),
    check('trajectory_shares_consent', sql`${t.basis} <> 'consent' or ${t.consentOn} is not null`),
  ],
)

/** Reminder mails already sent, so the daily job sends each (evaluation due date, kind) once. */
export const trajectoryReminders = pgTable(
  'trajectory_reminders',
  {
    trajectoryId: uuid('trajectory_id')
      .notNull()
      .references(() => trajectories.id, { onDelete: 'cascade' }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.trajectoryId, t.dueOn, t.kind] })],
)

/**
 * A phase plan saved as a function profile (occupation, competences and tasks per phase); published ones are
 * readable by every OCMW to start a POP from.
 */
export const functionProfiles = pgTable(
  'function_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Demo removal deletes demo organisations; real ones are deactivated, never deleted.
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    occupationUri: text('occupation_uri').notNull(),
    title: text('title').notNull(),
    phases: jsonb('phases').$type<{ title: string; competences: string[]; tasks: string[] }[]>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('function_profiles_occupation_idx').on(t.occupationUri)],
)
