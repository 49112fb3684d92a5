// Reference data copied from public sources (see db/reference/SOURCES.md). Loaded at start, never edited by users.
import { doublePrecision, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'

export const referenceRegions = pgTable('reference_regions', {
  code: text('code').primaryKey(), // REFREG01..REFREG15 (Provincies in Cijfers codes)
  name: text('name').notNull(),
  provinces: text('provinces').array().notNull(),
})

export const municipalities = pgTable(
  'municipalities',
  {
    nis: text('nis').primaryKey(),
    name: text('name').notNull(),
    province: text('province').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => referenceRegions.code),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
  },
  (t) => [index('municipalities_region_idx').on(t.regionCode)],
)

// A postcode can lie in two municipalities (1804 Cargovil), so the pair is the key.
export const postcodes = pgTable(
  'postcodes',
  {
    postcode: text('postcode').notNull(),
    municipalityNis: text('municipality_nis')
      .notNull()
      .references(() => municipalities.nis),
  },
  (t) => [primaryKey({ columns: [t.postcode, t.municipalityNis] })],
)

export const occupations = pgTable(
  'occupations',
  {
    uri: text('uri').primaryKey(),
    code: text('code').notNull().unique(),
    iscoGroup: text('isco_group').notNull(),
    label: text('label').notNull(),
    altLabels: text('alt_labels').array().notNull(),
    description: text('description').notNull(),
  },
  (t) => [index('occupations_isco_idx').on(t.iscoGroup)],
)
