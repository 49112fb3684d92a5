import { sql } from 'drizzle-orm'
import {
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { employerSites } from './employers'
import { organisations } from './organisations'
import { municipalities, occupations } from './reference'
import { instruments, dutchLevels, schedules, supportKinds, placementStatuses } from '#domain/values'


export const instrumentEnum = pgEnum('instrument', instruments)
export const dutchLevelEnum = pgEnum('dutch_level', dutchLevels)
export const placementStatus = pgEnum('placement_status', placementStatuses)

/**
 * A werkervaringsplaats. Its location is stored on the row (copied from the chosen site, or given by an
 * import), so a later change of a site never moves a published placement silently.
 * Working hours, the schemes it accepts and the occupation are separate fields on purpose (issue 3).
 */
export const placements = pgTable(
  'placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    externalId: text('external_id'),
    siteId: uuid('site_id').references(() => employerSites.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    occupationUri: text('occupation_uri')
      .notNull()
      .references(() => occupations.uri),
    description: text('description').notNull(),
    tasks: text('tasks').array().notNull().default(sql`'{}'`),
    competences: text('competences').array().notNull().default(sql`'{}'`),
    municipalityNis: text('municipality_nis')
      .notNull()
      .references(() => municipalities.nis),
    postcode: text('postcode'),
    street: text('street'),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    hoursPerWeek: doublePrecision('hours_per_week').notNull(),
    schedule: text('schedule').array().notNull().default(sql`'{}'`),
    startDate: date('start_date'),
    places: integer('places').notNull(),
    fullUntil: date('full_until'),
    dutchLevel: dutchLevelEnum('dutch_level').notNull(),
    support: text('support').array().notNull().default(sql`'{}'`),
    instruments: instrumentEnum('instruments').array().notNull(),
    status: placementStatus('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('placements_org_external_idx').on(t.organisationId, t.externalId),
    index('placements_status_idx').on(t.status),
    index('placements_occupation_idx').on(t.occupationUri),
    // The region's placements first published in a period (dashboard); the id makes the region's placement ids an
    // index-only scan for proposals and events (db/queries/dashboard-slice.ts). Leads with the municipality, so it
    // also serves what the former (municipality_nis) index did.
    index('placements_municipality_published_idx').on(t.municipalityNis, t.publishedAt, t.id),
    // Placements first published in a period (dashboard, open figures), per region, occupation and employer from
    // the index alone: the rows themselves are wide (descriptions).
    index('placements_published_idx').on(t.publishedAt, t.municipalityNis, t.organisationId, t.occupationUri),
  ],
)

/** Who moved a placement from which status to which, and why: the placement's history. */
export const placementEvents = pgTable(
  'placement_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    fromStatus: placementStatus('from_status'),
    toStatus: placementStatus('to_status').notNull(),
    note: text('note'),
  },
  (t) => [
    index('placement_events_placement_idx').on(t.placementId, t.at),
    // Placements filled or closed in a period (dashboard): only those events, with the placement for an index-only scan.
    index('placement_events_ended_idx').on(t.at, t.placementId).where(sql`to_status in ('filled', 'closed')`),
  ],
)
