import { boolean, date, index, integer, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { employerType, organisations } from './organisations'
import { instrumentEnum } from './placements'
import { referenceRegions } from './reference'
import { payUnits, wagePolicies, coveredItems } from '#domain/values'

/**
 * What hosting someone costs an employer, per reference region (optionally deviating for one OCMW), per
 * instrument and employer type. Schedules are versioned: a change is a new version from a date; versions and
 * their rules are append-only, enforced by triggers (migration 0003), so history can always be shown.
 * Money is integer cents.
 */
export const payUnit = pgEnum('pay_unit', payUnits)
export const wagePolicy = pgEnum('wage_policy', wagePolicies)

export const compensationSchedules = pgTable(
  'compensation_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => referenceRegions.code),
    // Set when this schedule is one OCMW's deviation from its region's schedule.
    ocmwOrganisationId: uuid('ocmw_organisation_id').references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('compensation_schedules_scope_key').on(t.regionCode, t.ocmwOrganisationId).nullsNotDistinct()],
)

export const compensationVersions = pgTable(
  'compensation_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => compensationSchedules.id),
    validFrom: date('valid_from').notNull(),
    note: text('note'),
    // Seeded plausible values, flagged so every page can say they are demo values.
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('compensation_versions_from_idx').on(t.scheduleId, t.validFrom)],
)

export const compensationRules = pgTable(
  'compensation_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => compensationVersions.id),
    instrument: instrumentEnum('instrument').notNull(),
    employerType: employerType('employer_type').notNull(),
    employerPaysCents: integer('employer_pays_cents').notNull(),
    employerPaysUnit: payUnit('employer_pays_unit').notNull(),
    wagePolicy: wagePolicy('wage_policy').notNull(),
    grossHourlyWageCents: integer('gross_hourly_wage_cents'),
    referenceScale: text('reference_scale'),
    covers: text('covers').array().notNull(),
  },
  (t) => [
    uniqueIndex('compensation_rules_key_idx').on(t.versionId, t.instrument, t.employerType),
    index('compensation_rules_version_idx').on(t.versionId),
  ],
)
