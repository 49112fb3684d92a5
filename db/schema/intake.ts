import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations } from './organisations'
import { municipalities, referenceRegions } from './reference'
import { users } from './users'
import {
  contactMethods,
  contactMoments,
  dutchSelfAssessments,
  intakeBarriers,
  intakeCloseReasons,
  intakeLanguages,
  intakeSituations,
  intakeStatuses,
  referralStatuses,
  triageDestinations,
  workWishes,
} from '#domain/values'

export const intakeLanguage = pgEnum('intake_language', intakeLanguages)
export const contactMethod = pgEnum('contact_method', contactMethods)
export const intakeSituation = pgEnum('intake_situation', intakeSituations)
export const workWish = pgEnum('work_wish', workWishes)
export const dutchSelfAssessment = pgEnum('dutch_self_assessment', dutchSelfAssessments)
export const intakeStatus = pgEnum('intake_status', intakeStatuses)
export const intakeCloseReason = pgEnum('intake_close_reason', intakeCloseReasons)
export const triageDestination = pgEnum('triage_destination', triageDestinations)
export const referralStatus = pgEnum('referral_status', referralStatuses)

/** An outreach partner's link `/aanmelden/k/<code>` and its poster: the channel is recorded on each intake. */
export const intakeChannels = pgTable('intake_channels', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  language: intakeLanguage('language').notNull().default('nl'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * A resident's registration (NBAzu). Data minimisation: no national register number, a birth year not a date.
 * Personal fields are nulled by anonymisation (retention) and erasure; the row keeps only what statistics need.
 * The resident's status link is a long random token of which only the SHA-256 digest is stored.
 */
export const intakes = pgTable(
  'intakes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Shown to the resident ("STP-4K7Q-9MZD"): short enough to read over the phone. */
    reference: text('reference').notNull().unique(),
    statusTokenHash: text('status_token_hash').notNull().unique(),
    /** From a hidden field of the form: a double click or a resubmitted page creates one record. */
    submissionKey: text('submission_key').notNull().unique(),
    channelId: uuid('channel_id').references(() => intakeChannels.id),
    assistedByUserId: uuid('assisted_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    language: intakeLanguage('language').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    contactMethod: contactMethod('contact_method').notNull(),
    phone: text('phone'),
    email: text('email'),
    postcode: text('postcode'),
    municipalityNis: text('municipality_nis')
      .notNull()
      .references(() => municipalities.nis),
    birthYear: integer('birth_year'),
    situation: intakeSituation('situation').notNull(),
    wantsWork: workWish('wants_work').notNull(),
    wantsTraining: boolean('wants_training'),
    /** Asked since 2026-11 for the youth rule (domain/triage-rules.ts); null on older intakes. */
    inEducation: boolean('in_education'),
    barriers: text('barriers').array().notNull().default(sql`'{}'`),
    barrierOther: text('barrier_other'),
    dutchSelfAssessment: dutchSelfAssessment('dutch_self_assessment').notNull(),
    contactLanguage: text('contact_language'),
    contactMoments: text('contact_moments').array().notNull().default(sql`'{}'`),
    consentProcessing: boolean('consent_processing').notNull(),
    consentSharing: boolean('consent_sharing').notNull(),
    consentWithdrawnAt: timestamp('consent_withdrawn_at', { withTimezone: true }),
    status: intakeStatus('status').notNull().default('new'),
    closeReason: intakeCloseReason('close_reason'),
    suggestedDestination: triageDestination('suggested_destination').notNull(),
    /** The rules that fired, as shown to the triage worker: [{ rule, destination }]. */
    suggestionReasons: jsonb('suggestion_reasons').$type<{ rule: string; destination: string }[]>().notNull(),
    /** The OCMW of the municipality and the regional VDAB team: both see the intake in their queue. */
    ocmwOrganisationId: uuid('ocmw_organisation_id').references(() => organisations.id),
    vdabOrganisationId: uuid('vdab_organisation_id').references(() => organisations.id),
    /** Who handles the file now; null while it is in both queues. */
    handlingOrganisationId: uuid('handling_organisation_id').references(() => organisations.id),
    claimedByUserId: uuid('claimed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    firstContactDueOn: date('first_contact_due_on').notNull(),
    firstContactAt: timestamp('first_contact_at', { withTimezone: true }),
    duplicateOfId: uuid('duplicate_of_id'),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    /** Made by the demo seed (invented people): `npm run demo:remove` deletes it. */
    demo: boolean('demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The Belgian calendar days of the intake and of its first contact, kept by PostgreSQL itself: the dashboard
     * counts working days between them over a year of Flanders, and converting each timestamp to Brussels time on
     * the fly cost two thirds of that query.
     */
    createdOn: date('created_on').generatedAlwaysAs(sql`(created_at at time zone 'Europe/Brussels')::date`),
    firstContactOn: date('first_contact_on').generatedAlwaysAs(sql`(first_contact_at at time zone 'Europe/Brussels')::date`),
  },
  (t) => [
    index('intakes_ocmw_idx').on(t.ocmwOrganisationId, t.status),
    index('intakes_vdab_idx').on(t.vdabOrganisationId, t.status),
    index('intakes_phone_idx').on(t.phone),
    index('intakes_email_idx').on(t.email),
    // The dashboard's intake figures (db/queries/dashboard-outreach.ts, -first-contact.ts, -triage-outcomes.ts) read
    // a year of Flanders from this index alone, a fifth of the table's size, instead of every row's personal data:
    // the day sent, the municipality, and each column those counts look at.
    index('intakes_dashboard_idx').on(
      t.createdAt,
      t.municipalityNis,
      t.status,
      t.closeReason,
      t.consentWithdrawnAt,
      t.firstContactAt,
      t.firstContactDueOn,
      t.createdOn,
      t.firstContactOn,
      t.channelId,
      t.assistedByUserId,
      t.suggestedDestination,
      t.handlingOrganisationId,
    ),
    // A region's intakes by id, for the figures that start from another table (hand-overs) and name the intake.
    index('intakes_municipality_idx').on(t.municipalityNis, t.id),
    // The open intakes with what decides who can see them (db/queries/intake-unreceived.ts): "zonder ontvanger" on
    // the dashboard reads a year of Flanders from this small index instead of every row.
    index('intakes_open_idx')
      .on(
        t.createdAt,
        t.municipalityNis,
        t.status,
        t.consentSharing,
        t.consentWithdrawnAt,
        // In the predicate too, but the access rules name it again: without it no index-only scan.
        t.anonymisedAt,
        t.firstContactAt,
        t.firstContactDueOn,
        t.ocmwOrganisationId,
        t.vdabOrganisationId,
        t.handlingOrganisationId,
        t.id,
      )
      .where(sql`anonymised_at is null and status <> 'closed'`),
    index('intakes_channel_idx').on(t.channelId, t.createdAt),
    index('intakes_handling_idx').on(t.handlingOrganisationId, t.status),
    check('intakes_consent', sql`${t.consentProcessing}`),
    check('intakes_birth_year', sql`${t.birthYear} is null or ${t.birthYear} between 1900 and 2100`),
  ],
)

/** Triage notes. A confidential note is visible to its author's organisation only (filtered in db/queries). */
export const intakeNotes = pgTable(
  'intake_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    confidential: boolean('confidential').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('intake_notes_intake_idx').on(t.intakeId, t.createdAt)],
)

/** Status history of an intake: who moved it, when, and why (also what the resident's status page shows). */
export const intakeEvents = pgTable(
  'intake_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    organisationId: uuid('organisation_id'),
    fromStatus: intakeStatus('from_status'),
    toStatus: intakeStatus('to_status').notNull(),
    note: text('note'),
  },
  (t) => [index('intake_events_intake_idx').on(t.intakeId, t.at)],
)

/** A warm hand-over: the dossier goes to another organisation, which accepts or declines with a reason. */
export const intakeReferrals = pgTable(
  'intake_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id, { onDelete: 'cascade' }),
    fromOrganisationId: uuid('from_organisation_id')
      .notNull()
      .references(() => organisations.id),
    toOrganisationId: uuid('to_organisation_id')
      .notNull()
      .references(() => organisations.id),
    referredByUserId: uuid('referred_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    status: referralStatus('status').notNull().default('pending'),
    message: text('message'),
    declineReason: text('decline_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('intake_referrals_to_idx').on(t.toOrganisationId, t.status),
    // Every access check looks up an intake's referrals, and a sender's follow-up list by its organisation.
    index('intake_referrals_intake_idx').on(t.intakeId, t.status),
    index('intake_referrals_from_idx').on(t.fromOrganisationId),
    uniqueIndex('intake_referrals_pending_once_idx').on(t.intakeId).where(sql`status = 'pending'`),
  ],
)

/** Triage settings per reference region: the suggestion rules' parameters and the first-contact timer. */
export const triageSettings = pgTable('triage_settings', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => referenceRegions.code),
  firstContactWorkingDays: integer('first_contact_working_days').notNull().default(5),
  youthAgeLimit: integer('youth_age_limit').notNull().default(25),
  welfareBarriers: text('welfare_barriers').array().notNull().default(sql`'{debts,housing,health}'`),
  /** This many barriers from different life domains or more → joint. */
  jointDomainThreshold: integer('joint_domain_threshold').notNull().default(3),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedByUserId: uuid('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
})

/** What is left after an erasure request: proof that it was carried out, without any personal data. */
export const erasureProofs = pgTable('erasure_proofs', {
  id: uuid('id').primaryKey().defaultRandom(),
  intakeReference: text('intake_reference').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
  erasedAt: timestamp('erased_at', { withTimezone: true }).notNull().defaultNow(),
  via: text('via').notNull(),
})
