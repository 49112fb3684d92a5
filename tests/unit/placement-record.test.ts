import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { checkKbo } from '#domain/kbo'
import { parsePlacementRecord, placementRecordSchema } from '#domain/placement-record'
import { enterpriseNumberFrom } from '#db/seed/factories'

/** docs/schemas/placement.schema.json is the contract; the Zod schema must say exactly the same. */
type JsonSchema = {
  type?: string
  enum?: string[]
  required?: string[]
  additionalProperties?: boolean
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  pattern?: string
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
  default?: unknown
  anyOf?: { required: string[] }[]
}
const contract = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/schemas/placement.schema.json'), 'utf8')) as JsonSchema

function unwrap(type: z.ZodTypeAny): z.ZodTypeAny {
  if (type instanceof z.ZodOptional || type instanceof z.ZodDefault) return unwrap(type._def.innerType)
  if (type instanceof z.ZodEffects) return unwrap(type._def.schema)
  return type
}

/** Whether a refinement (superRefine) sits on the type itself, under optional/default. */
const refined = (type: z.ZodTypeAny): boolean =>
  type instanceof z.ZodOptional || type instanceof z.ZodDefault ? refined(type._def.innerType) : type instanceof z.ZodEffects

type Check = { kind: string; value?: number; inclusive?: boolean; regex?: RegExp }
const checks = (type: z.ZodTypeAny) => ((type._def as { checks?: Check[] }).checks ?? [])
const check = (type: z.ZodTypeAny, kind: string) => checks(type).find((c) => c.kind === kind)

/** Walks the JSON schema and the Zod schema side by side; every keyword the contract uses is compared. */
function expectSame(json: JsonSchema, zod: z.ZodTypeAny, at: string) {
  const type = unwrap(zod)
  if (json.enum) {
    expect(type, at).toBeInstanceOf(z.ZodEnum)
    expect((type as z.ZodEnum<[string]>).options, at).toEqual(json.enum)
    return
  }
  if (json.type === 'object') {
    expect(type, at).toBeInstanceOf(z.ZodObject)
    const shape = (type as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>
    expect(Object.keys(shape), at).toEqual(Object.keys(json.properties ?? {}))
    expect((type as z.AnyZodObject)._def.unknownKeys, at).toBe(json.additionalProperties === false ? 'strict' : 'strip')
    const required = Object.keys(shape).filter((key) => !shape[key]!.isOptional())
    expect(required.sort(), `${at} required`).toEqual([...(json.required ?? [])].sort())
    for (const [key, property] of Object.entries(json.properties ?? {})) expectSame(property, shape[key]!, `${at}.${key}`)
  } else if (json.type === 'array') {
    expect(type, at).toBeInstanceOf(z.ZodArray)
    const def = (type as z.ZodArray<z.ZodTypeAny>)._def
    expect(def.minLength?.value, `${at} minItems`).toBe(json.minItems)
    expect(def.maxLength?.value, `${at} maxItems`).toBe(json.maxItems)
    // uniqueItems is a refinement: present exactly when the contract asks for it (its behaviour is tested below).
    expect(refined(zod), `${at} uniqueItems`).toBe(json.uniqueItems === true)
    expectSame(json.items!, def.type, `${at}[]`)
  } else if (json.type === 'string') {
    expect(type, at).toBeInstanceOf(z.ZodString)
    expect(check(type, 'min')?.value, `${at} minLength`).toBe(json.minLength)
    expect(check(type, 'max')?.value, `${at} maxLength`).toBe(json.maxLength)
    expect(check(type, 'regex')?.regex?.source, `${at} pattern`).toBe(json.pattern === undefined ? undefined : new RegExp(json.pattern).source)
    expect(check(type, 'date') !== undefined, `${at} format`).toBe(json.format === 'date')
  } else if (json.type === 'number' || json.type === 'integer') {
    expect(type, at).toBeInstanceOf(z.ZodNumber)
    const min = check(type, 'min')
    expect(min?.value, `${at} minimum`).toBe(json.minimum ?? json.exclusiveMinimum)
    if (min) expect(min.inclusive, `${at} exclusiveMinimum`).toBe(json.exclusiveMinimum === undefined)
    expect(check(type, 'max'), `${at} maximum`).toEqual(json.maximum === undefined ? undefined : expect.objectContaining({ value: json.maximum, inclusive: true }))
    expect(check(type, 'int') !== undefined, `${at} integer`).toBe(json.type === 'integer')
  } else {
    throw new Error(`${at}: the test does not know JSON schema type ${json.type}`)
  }
  if (json.default !== undefined) expect((zod as z.ZodDefault<z.ZodTypeAny>)._def.defaultValue(), `${at} default`).toBe(json.default)
}

const valid = {
  externalId: 'ocmw-gent-17',
  employer: { name: 'Bakkerij Van Damme bv', enterpriseNumber: '0412.345.614', type: 'private' },
  title: 'Hulp in de bakkerij',
  occupation: 'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34',
  description: 'Brood en gebak mee helpen maken en verkopen.',
  location: { postcode: '9000' },
  hoursPerWeek: 19.5,
  dutchLevel: 'A2',
  instruments: ['TWE_ART60', 'WES'],
  places: 2,
}
const reasonsFor = (value: unknown) => {
  const result = parsePlacementRecord(value)
  return result.ok ? [] : result.issues
}
const withField = (patch: Record<string, unknown>) => ({ ...valid, ...patch })

describe('the placement record schema', () => {
  it('mirrors docs/schemas/placement.schema.json keyword for keyword', () => {
    expectSame(contract, placementRecordSchema, 'record')
    // location's anyOf is a refinement; the contract's alternatives are the ones the message names.
    expect(contract.properties!.location!.anyOf).toEqual([{ required: ['postcode'] }, { required: ['municipalityNis'] }])
  })

  it('accepts a valid record and fills in the default status', () => {
    const result = parsePlacementRecord(valid)
    expect(result).toEqual({ ok: true, record: { ...valid, status: 'published' } })
  })

  it('names the field path and says in Dutch what is wrong', () => {
    expect(reasonsFor(withField({ title: undefined }))).toEqual([{ field: 'title', reason: 'Dit veld is verplicht en ontbreekt.' }])
    expect(reasonsFor(withField({ employer: { ...valid.employer, website: 'x' } }))).toEqual([
      { field: 'employer.website', reason: 'Onbekend veld: dit veld bestaat niet in het formaat.' },
    ])
    expect(reasonsFor(withField({ hoursPerWeek: 0 }))).toEqual([{ field: 'hoursPerWeek', reason: 'Moet groter dan 0 zijn.' }])
    expect(reasonsFor(withField({ hoursPerWeek: 41 }))).toEqual([{ field: 'hoursPerWeek', reason: 'Mag hoogstens 40 zijn.' }])
    expect(reasonsFor(withField({ places: 1.5 }))).toEqual([{ field: 'places', reason: 'Moet een geheel getal zijn.' }])
    expect(reasonsFor(withField({ places: '2' }))).toEqual([{ field: 'places', reason: 'Moet een getal zijn, niet een tekst.' }])
    expect(reasonsFor(withField({ dutchLevel: 'B3' }))).toEqual([
      { field: 'dutchLevel', reason: '"B3" is geen geldige waarde. Kies uit: none, A1, A2, B1, B2, C1.' },
    ])
    expect(reasonsFor(withField({ instruments: [] }))).toEqual([{ field: 'instruments', reason: 'Moet minstens 1 waarde bevatten.' }])
    expect(reasonsFor(withField({ tasks: ['x'.repeat(301)] }))).toEqual([{ field: 'tasks', reason: 'Waarde 1: Mag hoogstens 300 tekens lang zijn.' }])
    expect(reasonsFor(withField({ startDate: '2026-02-30' }))).toEqual([
      { field: 'startDate', reason: 'Een datum schrijft u als JJJJ-MM-DD, bv. 2026-03-01.' },
    ])
    expect(reasonsFor(42)).toEqual([{ field: '(hele record)', reason: 'Moet een object ({ … }) zijn, niet een getal.' }])
  })

  it('refuses a value twice in a list that is a set (uniqueItems)', () => {
    expect(reasonsFor(withField({ instruments: ['WES', 'IBO', 'WES'] }))).toEqual([
      { field: 'instruments', reason: 'Waarde 3: "WES" staat meer dan één keer in de lijst.' },
    ])
    expect(reasonsFor(withField({ schedule: ['day', 'day'] }))[0]?.field).toBe('schedule')
    expect(reasonsFor(withField({ support: ['mentor', 'mentor'] }))[0]?.field).toBe('support')
    // Tasks are a plain list: the same task twice is allowed.
    expect(parsePlacementRecord(withField({ tasks: ['Afwassen', 'Afwassen'] })).ok).toBe(true)
  })

  it('needs a postcode or a municipality (anyOf)', () => {
    expect(reasonsFor(withField({ location: {} }))).toEqual([
      { field: 'location.postcode', reason: 'Geef een postcode of een NIS-code van de gemeente (location.municipalityNis).' },
    ])
    expect(parsePlacementRecord(withField({ location: { municipalityNis: '44021' } })).ok).toBe(true)
  })

  it('checks the KBO check digits on top of the pattern', () => {
    expect(reasonsFor(withField({ employer: { ...valid.employer, enterpriseNumber: '0412.345.615' } }))).toEqual([
      { field: 'employer.enterpriseNumber', reason: 'Dit ondernemingsnummer klopt niet (de controlecijfers passen niet). Kijk het na in de KBO.' },
    ])
    // The pattern alone (as in the JSON schema) speaks first, and only once.
    expect(reasonsFor(withField({ employer: { ...valid.employer, enterpriseNumber: 'BE 0412.345.614' } }))).toEqual([
      { field: 'employer.enterpriseNumber', reason: 'Een ondernemingsnummer heeft 10 cijfers en begint met 0 of 1, bv. 0123.456.749 of 0123456749.' },
    ])
  })
})

describe('KBO check digits', () => {
  const first8 = fc.integer({ min: 0, max: 19_999_999 })

  it('accepts every number whose last two digits are 97 − (first eight mod 97), with or without dots', () => {
    fc.assert(
      fc.property(first8, (n) => {
        const formatted = enterpriseNumberFrom(n)
        expect(checkKbo(formatted)).toEqual({ ok: true, value: formatted })
        expect(checkKbo(formatted.replace(/\./g, ''))).toEqual({ ok: true, value: formatted })
        expect(parsePlacementRecord(withField({ employer: { ...valid.employer, enterpriseNumber: formatted } })).ok).toBe(true)
      }),
    )
  })

  it('refuses any other pair of check digits', () => {
    fc.assert(
      fc.property(first8, fc.integer({ min: 1, max: 96 }), (n, shift) => {
        const digits = enterpriseNumberFrom(n).replace(/\./g, '')
        const wrong = digits.slice(0, 8) + String((Number(digits.slice(8)) + shift) % 100).padStart(2, '0')
        expect(checkKbo(wrong).ok).toBe(false)
      }),
    )
  })
})
