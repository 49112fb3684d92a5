import { z } from 'zod'
import { employerTypes } from '../../db/schema/values'
import { dutchLevels, instruments, schedules, supportKinds } from '../../db/schema/values'
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

export type FieldIssue = { field: string; reason: string }

/** The field the report names when the record as a whole is wrong (not an object, not JSON). */
export const WHOLE_RECORD = '(hele record)'

const typeNames: Record<string, string> = {
  string: 'een tekst',
  number: 'een getal',
  integer: 'een geheel getal',
  float: 'een kommagetal',
  boolean: 'ja of nee (true/false)',
  object: 'een object ({ … })',
  array: 'een lijst ([ … ])',
  null: 'leeg (null)',
  nan: 'geen getal',
}
const typeName = (type: string) => typeNames[type] ?? type

const items = (n: number | bigint, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** Plain Dutch for every rule the schema checks; the field path goes in the report's own column. */
const dutchErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return { message: 'Dit veld is verplicht en ontbreekt.' }
      if (issue.expected === 'integer') return { message: 'Moet een geheel getal zijn.' }
      return { message: `Moet ${typeName(issue.expected)} zijn, niet ${typeName(issue.received)}.` }
    case 'invalid_enum_value':
      return { message: `"${issue.received}" is geen geldige waarde. Kies uit: ${issue.options.join(', ')}.` }
    case 'too_small':
      if (issue.type === 'string') return { message: `Moet minstens ${items(issue.minimum, 'teken', 'tekens')} lang zijn.` }
      if (issue.type === 'array') return { message: `Moet minstens ${items(issue.minimum, 'waarde', 'waarden')} bevatten.` }
      return { message: issue.inclusive ? `Moet minstens ${issue.minimum} zijn.` : `Moet groter dan ${issue.minimum} zijn.` }
    case 'too_big':
      if (issue.type === 'string') return { message: `Mag hoogstens ${items(issue.maximum, 'teken', 'tekens')} lang zijn.` }
      if (issue.type === 'array') return { message: `Mag hoogstens ${items(issue.maximum, 'waarde', 'waarden')} bevatten.` }
      return { message: issue.inclusive ? `Mag hoogstens ${issue.maximum} zijn.` : `Moet kleiner dan ${issue.maximum} zijn.` }
    default:
      return { message: ctx.defaultError }
  }
}

/** 'employer.enterpriseNumber'; list positions go into the reason ("Waarde 2: …"), 1-based like a person counts. */
function toFieldIssues(issue: z.ZodIssue): FieldIssue[] {
  const names = issue.path.filter((part): part is string => typeof part === 'string')
  const position = issue.path.find((part): part is number => typeof part === 'number')
  const prefix = position === undefined ? '' : `Waarde ${position + 1}: `
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ field: [...names, key].join('.'), reason: 'Onbekend veld: dit veld bestaat niet in het formaat.' }))
  }
  return [{ field: names.join('.') || WHOLE_RECORD, reason: prefix + issue.message }]
}

export type RecordCheck = { ok: true; record: PlacementRecord } | { ok: false; issues: FieldIssue[] }

export function parsePlacementRecord(value: unknown): RecordCheck {
  const result = placementRecordSchema.safeParse(value, { errorMap: dutchErrorMap })
  return result.success ? { ok: true, record: result.data } : { ok: false, issues: result.error.issues.flatMap(toFieldIssues) }
}
