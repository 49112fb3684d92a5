import { sql } from 'drizzle-orm'
import { boolean, check, doublePrecision, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations } from './organisations'
import { dutchLevelEnum, instrumentEnum, placements } from './placements'
import { municipalities } from './reference'
import { users } from './users'
import { declineReasons, proposalStatuses } from '#domain/values'

/**
 * A caseworker's client (issue 4): owned by one OCMW or VDAB team, never readable by another organisation.
 * Only what matching needs (data minimisation): a name or initials, where they live, how to reach them, what
 * they aim for and can do. No national register number, no birth date.
 */
export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    caseworkerUserId: uuid('caseworker_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Name or initials as the caseworker knows the client. */
    displayName: text('display_name').notNull(),
    /** The only name an employer may see, and only when the client agreed to share it. */
    firstName: text('first_name'),
    homeMunicipalityNis: text('home_municipality_nis')
      .notNull()
      .references(() => municipalities.nis),
    postcode: text('postcode'),
    contact: text('contact'),
    /** 1–5 ESCO occupation URIs, in the caseworker's order of preference. */
    jobTargets: text('job_targets').array().notNull(),
    competences: text('competences').array().notNull().default(sql`'{}'`),
    dutchLevel: dutchLevelEnum('dutch_level').notNull(),
    maxDistanceKm: integer('max_distance_km').notNull(),
    hoursAvailable: doublePrecision('hours_available').notNull(),
    instruments: instrumentEnum('instruments').array().notNull().default(sql`'{}'`),
    notes: text('notes'),
    /** Set when the caseworker closes the record; the retention job anonymises it CLIENT_RETENTION_MONTHS later. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('clients_organisation_idx').on(t.organisationId, t.updatedAt),
    // A region's clients by id: the dashboard's trajectory figures (db/queries/dashboard-trajectories.ts) filter on them.
    index('clients_municipality_idx').on(t.homeMunicipalityNis, t.id),
    check('clients_job_targets_count', sql`cardinality(${t.jobTargets}) between 1 and 5`),
    check('clients_max_distance', sql`${t.maxDistanceKm} between 0 and 300`),
    check('clients_hours', sql`${t.hoursAvailable} > 0 and ${t.hoursAvailable} <= 60`),
  ],
)

export const proposalStatus = pgEnum('proposal_status', proposalStatuses)
export const declineReason = pgEnum('decline_reason', declineReasons)

/**
 * A client proposed for a placement. The employer sees only the `shared*` snapshot the client agreed to share
 * when the proposal was made, never the client record itself.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id),
    /** The caseworker's organisation (the client's owner) — the scope of the caseworker's side. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    proposedByUserId: uuid('proposed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    status: proposalStatus('status').notNull().default('open'),
    clientConsented: boolean('client_consented').notNull(),
    sharedFirstName: text('shared_first_name'),
    sharedCompetences: text('shared_competences').array().notNull().default(sql`'{}'`),
    sharedDutchLevel: dutchLevelEnum('shared_dutch_level'),
    sharedAvailability: text('shared_availability'),
    message: text('message'),
    declineReason: declineReason('decline_reason'),
    declineNote: text('decline_note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** When the retention job cleared the snapshot, the message and the note (status, reason and dates stay). */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('proposals_client_idx').on(t.clientId, t.status),
    index('proposals_placement_idx').on(t.placementId, t.status),
    // Proposals sent or decided in a period (dashboard, open figures), counted per region from the index alone.
    index('proposals_created_idx').on(t.createdAt, t.placementId),
    index('proposals_decided_idx').on(t.decidedAt, t.status, t.declineReason, t.placementId),
    // A placement's first accepted proposal (dashboard): finds the acceptances of a period and answers "was there an
    // earlier one?" from the index alone.
    index('proposals_first_acceptance_idx').on(t.placementId, t.decidedAt, t.id).where(sql`status = 'accepted'`),
    // One open proposal per client and placement: a double click proposes once.
    uniqueIndex('proposals_open_once_idx').on(t.clientId, t.placementId).where(sql`status = 'open'`),
  ],
)

/** A caseworker's saved search: the query as the search page's URL parameters, alerted by email on new hits. */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** The search page's query string (without `page`), so a saved search opens exactly as it was saved. */
    query: text('query').notNull(),
    alert: boolean('alert').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('saved_searches_user_idx').on(t.userId)],
)

/** Placements a saved search has already reported (or found when it was saved): each is alerted once. */
export const savedSearchSeen = pgTable(
  'saved_search_seen',
  {
    savedSearchId: uuid('saved_search_id')
      .notNull()
      .references(() => savedSearches.id, { onDelete: 'cascade' }),
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id, { onDelete: 'cascade' }),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.savedSearchId, t.placementId] })],
)
