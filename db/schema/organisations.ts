import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { municipalities, referenceRegions } from './reference'
import { organisationTypes, employerTypes } from './values'
export { organisationTypes, employerTypes } from './values'

export const organisationType = pgEnum('organisation_type', organisationTypes)

export const employerType = pgEnum('employer_type', employerTypes)

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    type: organisationType('type').notNull(),
    employerType: employerType('employer_type'),
    enterpriseNumber: text('enterprise_number').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisations_type_idx').on(t.type)],
)

/**
 * The municipalities an OCMW (or a cluster of small OCMWs) serves, and the reference regions a VDAB team
 * covers. Triage and matching use this to decide which organisation sees what.
 */
export const organisationMunicipalities = pgTable(
  'organisation_municipalities',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    municipalityNis: text('municipality_nis')
      .notNull()
      .references(() => municipalities.nis),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.municipalityNis] })],
)

export const organisationRegions = pgTable(
  'organisation_regions',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => referenceRegions.code),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.regionCode] })],
)

