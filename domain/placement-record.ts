import { z } from 'zod'
import { employerTypes } from './values'
import { dutchLevels, instruments, schedules, supportKinds } from './values'
import { checkRecord, type RecordResult } from './import-record'
import { checkKbo } from './kbo'

/**
 * One placement of the exchange format, docs/schemas/placement.schema.json, as a Zod schema. It mirrors the JSON
 * schema rule for rule (tests/unit/placement-record.test.ts compares both), plus the KBO check digits, which a
 * JSON schema cannot express. Bulk import and the API use it; reasons are plain Dutch for the import report.
 */
export const KBO_PATTERN = /^[01][0-9]{3}\.?[0-9]{3}\.?[0-9]{3}$/
export const OCCUPATION_PATTERN = /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/
export const POSTCODE_PATTERN = /^[1-9][0-9]{3}$/
export const NIS_PATTERN = /^[0-9]{5}$/
export const recordStatuses = ['draft', 'published'] as const

/** JSON schema `uniqueItems`: each value at most once. */
const uniqueItems = <T extends z.ZodTypeAny>(list: z.ZodArray<T>) =>
  list.superRefine((values, ctx) => {
    const seen = new Set<unknown>()
    for (const [index, value] of values.entries()) {
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index], message: `"${String(value)}" staat meer dan één keer in de lijst.` })
      seen.add(value)
    }
  })

const enterpriseNumber = z
  .string()
  .regex(KBO_PATTERN, 'Een ondernemingsnummer heeft 10 cijfers en begint met 0 of 1, bv. 0123.456.749 of 0123456749.')
  .superRefine((value, ctx) => {
    const check = KBO_PATTERN.test(value) ? checkKbo(value) : undefined
    if (check && !check.ok) ctx.addIssue({ code: 'custom', message: check.reason })
  })

const location = z
  .object({
    postcode: z.string().regex(POSTCODE_PATTERN, 'Een postcode heeft 4 cijfers, bv. 9000.').optional(),
    municipalityNis: z.string().regex(NIS_PATTERN, 'Een NIS-code van een gemeente heeft 5 cijfers, bv. 44021 (Gent).').optional(),
    street: z.string().max(200).optional(),
    lat: z.number().min(49.4).max(51.6).optional(),
    lon: z.number().min(2.5).max(6.5).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.postcode === undefined && value.municipalityNis === undefined) {
      ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'Geef een postcode of een NIS-code van de gemeente (location.municipalityNis).' })
    }
  })

export const placementRecordSchema = z
  .object({
    externalId: z.string().min(1).max(120),
    employer: z.object({ name: z.string().min(1).max(200), enterpriseNumber, type: z.enum(employerTypes) }).strict(),
    title: z.string().min(2).max(160),
    occupation: z.string().regex(OCCUPATION_PATTERN, 'Geef de URI van een ESCO-beroep, bv. http://data.europa.eu/esco/occupation/… (36 tekens na de laatste /).'),
    description: z.string().min(10).max(8000),
    tasks: z.array(z.string().max(300)).max(30).optional(),
    competences: z.array(z.string().max(200)).max(30).optional(),
    location,
    hoursPerWeek: z.number().gt(0).max(40),
    schedule: uniqueItems(z.array(z.enum(schedules))).optional(),
    dutchLevel: z.enum(dutchLevels),
    instruments: uniqueItems(z.array(z.enum(instruments)).min(1)),
    places: z.number().int().min(1).max(500),
    startDate: z.string().date('Een datum schrijft u als JJJJ-MM-DD, bv. 2026-03-01.').optional(),
    support: uniqueItems(z.array(z.enum(supportKinds))).optional(),
    status: z.enum(recordStatuses).default('published'),
  })
  .strict()

export type PlacementRecord = z.output<typeof placementRecordSchema>

export type RecordCheck = RecordResult<PlacementRecord>

export const parsePlacementRecord = (value: unknown): RecordCheck => checkRecord(placementRecordSchema, value)
