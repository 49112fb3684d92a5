import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { municipalities } from './reference'
import { organisationTypes, employerTypes } from '#domain/values'
export { organisationTypes, employerTypes } from '#domain/values'

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
    /** Made by the demo seed: `npm run demo:remove` deletes it with everything it owns; a public portal refuses it. */
    demo: boolean('demo').notNull().default(false),
    /** Where a triage team is reached (a shared mailbox); the daily summary and hand-overs can use it. */
    contactEmail: text('contact_email'),
    /** The organisation's data protection officer, shown to residents whose file it handles. */
    dpoEmail: text('dpo_email'),
    /** Working days to a first contact for this organisation's intakes; null: its region's setting. */
    firstContactDays: integer('first_contact_days'),
    /** A deactivated organisation receives no intakes and its people cannot sign in; nothing is deleted. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_type_idx').on(t.type),
    check('organisations_first_contact_days', sql`${t.firstContactDays} is null or ${t.firstContactDays} between 1 and 30`),
  ],
)

/**
 * The municipalities an organisation serves: one for most OCMWs, several for an OCMW cluster, a VDAB team or an
 * outreach partner. Intakes are routed by it, and regional admins' scope follows it.
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
