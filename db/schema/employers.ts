import { doublePrecision, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organisations } from './organisations'
import { municipalities } from './reference'

/**
 * What an employer organisation adds to the common organisation: its sector, its one contact person (the
 * TWE evaluation: employers want one contact, not a list) and whether a regional admin has verified it.
 * Placements become public only for verified employers: vulnerable people must not be sent to fake employers.
 */
export const verificationStatus = pgEnum('employer_verification_status', ['pending', 'verified', 'rejected'])

export const employerProfiles = pgTable('employer_profiles', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  sector: text('sector').notNull(),
  contactName: text('contact_name').notNull(),
  contactEmail: text('contact_email').notNull(),
  contactPhone: text('contact_phone'),
  verificationStatus: verificationStatus('verification_status').notNull().default('pending'),
  verificationReason: text('verification_reason'),
  verifiedAt: timestamp('verified_at', { withTimezone: true }),
  verifiedBy: uuid('verified_by'),
})

/** Where an employer hosts people: an address in a Flemish municipality. */
export const employerSites = pgTable(
  'employer_sites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    street: text('street'),
    postcode: text('postcode').notNull(),
    municipalityNis: text('municipality_nis')
      .notNull()
      .references(() => municipalities.nis),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('employer_sites_org_idx').on(t.organisationId)],
)
