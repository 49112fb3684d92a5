import { z } from 'zod'

/**
 * One record of a bulk import (placements, organisations) checked against its Zod schema, with every problem as
 * a field and a reason in plain Dutch for the `record K: FIELD: REASON` report.
 */
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


/** Zod's own (English) message for an issue: what a schema that says nothing itself would report. */
const zodDefault = (issue: z.ZodIssueOptionalMessage, data: unknown) => z.defaultErrorMap(issue, { data, defaultError: '' }).message

// A message the schema gives itself (an enum's "employer" explanation, a required_error) stays; Zod's English goes.
const dutchUnlessGiven: z.ZodErrorMap = (issue, ctx) => (ctx.defaultError === zodDefault(issue, ctx.data) ? dutchErrorMap(issue, ctx) : { message: ctx.defaultError })

export type RecordResult<T> = { ok: true; record: T } | { ok: false; issues: FieldIssue[] }

export function checkRecord<T extends z.ZodTypeAny>(schema: T, value: unknown): RecordResult<z.output<T>> {
  const result = schema.safeParse(value, { errorMap: dutchUnlessGiven })
  return result.success ? { ok: true, record: result.data } : { ok: false, issues: result.error.issues.flatMap(toFieldIssues) }
}
