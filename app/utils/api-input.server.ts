import { z } from 'zod'
import { NIS_PATTERN, OCCUPATION_PATTERN, POSTCODE_PATTERN } from '#domain/placement-record'
import { dutchLevels, instruments } from '#domain/values'
import type { MatchRequest, PlacementQuery } from '#search/port'
import { ApiError, badRequest, type FieldErrors } from './api-errors.server'

/**
 * What the two API endpoints accept (docs/openapi.yaml), turned into the search port's queries. Every rule has
 * one Dutch reason per field; a 400 names the field in the request's own terms: a query parameter, or a path in
 * the JSON body (`home.postcode`, `occupations[1]`).
 */
const LEVELS = `Kies een taalniveau: ${dutchLevels.join(', ')}.`
const INSTRUMENT = `Kies een instrument: ${instruments.join(', ')}.`
const POSTCODE = 'Een postcode heeft 4 cijfers, bv. 9000.'
const NIS = 'Een NIS-code van een gemeente heeft 5 cijfers, bv. 44021 (Gent).'
const TEXT = 'Geef een tekst van hoogstens 200 tekens.'
const between = (max: number, unit: string) => `Geef een getal groter dan 0 en hoogstens ${max} (${unit}).`
const LIMIT = 'Geef een geheel getal van 1 tot en met 100.'
const DEFAULT_LIMIT = 20

/** JSON schema's maxLength counts characters (code points), not UTF-16 units as String.length does. */
const maxChars = (max: number) => (value: string) => [...value].length <= max

// ---- GET /api/v1/placements/search ----

const DECIMAL = /^\d+(\.\d+)?$/
const decimal = (max: number, message: string) =>
  z.string().regex(DECIMAL, message).transform(Number).pipe(z.number().gt(0, message).max(max, message))

/** A query parameter given at most once; an empty value counts as absent, as an empty form field does. */
export const one = <T extends z.ZodTypeAny>(inner: T) =>
  z
    .array(z.string())
    .max(1, 'Geef deze parameter hoogstens één keer.')
    .transform((values) => values[0] || undefined)
    .pipe(inner.optional())
    .optional()

const searchParamsSchema = z
  .object({
    q: one(z.string().refine(maxChars(200), TEXT)),
    postcode: one(z.string().regex(POSTCODE_PATTERN, POSTCODE)),
    municipalityNis: one(z.string().regex(NIS_PATTERN, NIS)),
    radiusKm: one(decimal(200, between(200, 'km'))),
    dutchLevelMax: one(z.enum(dutchLevels, { errorMap: () => ({ message: LEVELS }) })),
    hoursMax: one(decimal(40, between(40, 'uren per week'))),
    // Repeatable (instrument=IBO&instrument=WES): any of them. Repeating a value changes nothing.
    instrument: z
      .array(z.string())
      .transform((values) => [...new Set(values.filter((value) => value !== ''))])
      .pipe(z.array(z.enum(instruments, { errorMap: () => ({ message: INSTRUMENT }) })))
      .optional(),
    limit: one(z.string().regex(/^\d+$/, LIMIT).transform(Number).pipe(z.number().min(1, LIMIT).max(100, LIMIT))),
  })
  .strict()

export const searchParamNames = Object.keys(searchParamsSchema.shape)

/** The query string as a PlacementQuery; an unknown parameter is an error, so a typo (`radius=`) does not go unseen. */
export function parseSearchParams(params: URLSearchParams): PlacementQuery {
  // No prototype: a parameter called __proto__ or constructor is just an unknown name.
  const raw: Record<string, string[]> = Object.create(null)
  for (const [name, value] of params) (raw[name] ??= []).push(value)
  const result = searchParamsSchema.safeParse(raw)
  if (!result.success) {
    throw badRequest(fieldErrors(result.error, 'query', `Onbekende parameter. Mogelijk zijn: ${searchParamNames.join(', ')}.`, true))
  }
  const { q, postcode, municipalityNis, radiusKm, dutchLevelMax, hoursMax, instrument, limit } = result.data
  // As in a match request, the municipality wins when both are given: a postcode may cover several.
  const near = municipalityNis ? { municipalityNis } : postcode ? { postcode } : undefined
  return { q, near, radiusKm, dutchLevelMax, hoursMax, instruments: instrument, limit: limit ?? DEFAULT_LIMIT }
}

// ---- POST /api/v1/match ----

const OCCUPATIONS = 'Geef 1 tot 5 jobdoelwitten als ESCO-beroeps-URI, bv. http://data.europa.eu/esco/occupation/….'
const HOME = 'Geef de woonplaats als { "postcode": "9000" } of { "municipalityNis": "44021" }.'
const number = (message: string) => z.number({ required_error: message, invalid_type_error: message })

/** docs/schemas/match-request.schema.json rule for rule, defaults included (tests/integration/api-contract.test.ts). */
export const matchRequestSchema = z
  .object(
    {
      occupations: z
        .array(z.string({ invalid_type_error: OCCUPATIONS }).regex(OCCUPATION_PATTERN, OCCUPATIONS), { required_error: OCCUPATIONS, invalid_type_error: OCCUPATIONS })
        .min(1, OCCUPATIONS)
        .max(5, OCCUPATIONS),
      query: z.string({ invalid_type_error: TEXT }).refine(maxChars(200), TEXT).optional(),
      home: z
        .object(
          {
            postcode: z.string({ invalid_type_error: POSTCODE }).regex(POSTCODE_PATTERN, POSTCODE).optional(),
            municipalityNis: z.string({ invalid_type_error: NIS }).regex(NIS_PATTERN, NIS).optional(),
          },
          { required_error: HOME, invalid_type_error: HOME },
        )
        .strict()
        .refine((home) => home.postcode !== undefined || home.municipalityNis !== undefined, HOME),
      maxDistanceKm: number(between(200, 'km')).gt(0, between(200, 'km')).max(200, between(200, 'km')).default(25),
      dutchLevel: z.enum(dutchLevels, { errorMap: () => ({ message: LEVELS }) }).default('C1'),
      hoursPerWeekMax: number(between(40, 'uren per week')).gt(0, between(40, 'uren per week')).max(40, between(40, 'uren per week')).default(40),
      instruments: z
        .array(z.enum(instruments, { errorMap: () => ({ message: INSTRUMENT }) }), { invalid_type_error: INSTRUMENT })
        .refine((list) => new Set(list).size === list.length, 'Noem elk instrument hoogstens één keer.')
        .optional(),
      limit: number(LIMIT).int(LIMIT).min(1, LIMIT).max(100, LIMIT).default(DEFAULT_LIMIT),
    },
    { invalid_type_error: 'De body moet een JSON-object zijn, zoals in match-request.schema.json.' },
  )
  .strict()

/** The engine names a home it cannot place by its own field; in the body that field sits under `home`. */
export const matchEngineFields = { postcode: 'home.postcode', municipalityNis: 'home.municipalityNis' }

const MAX_BODY_BYTES = 64 * 1024

/** The body of a match request: JSON, UTF-8, at most 64 KiB, valid against the schema. */
export async function readMatchRequest(request: Request): Promise<MatchRequest> {
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get('Content-Type') ?? '')) {
    throw badRequest({ 'Content-Type': 'Stuur de body als JSON, met de header "Content-Type: application/json".' })
  }
  let body: unknown
  try {
    body = JSON.parse(await readText(request))
  } catch (error) {
    if (error instanceof ApiError) throw error
    throw badRequest({ body: 'De body is geen geldige JSON.' })
  }
  const result = matchRequestSchema.safeParse(body)
  if (!result.success) throw badRequest(fieldErrors(result.error, 'body', 'Onbekend veld: het staat niet in match-request.schema.json.', false))
  return result.data
}

async function readText(request: Request): Promise<string> {
  const tooLarge = () => new ApiError(413, 'De body is te groot: hoogstens 64 KiB.', { body: 'Hoogstens 64 KiB.' })
  if (Number(request.headers.get('Content-Length')) > MAX_BODY_BYTES) throw tooLarge()
  const chunks: Uint8Array[] = []
  let size = 0
  // Read as it streams, so a body without Content-Length cannot fill the memory either.
  const reader = request.body?.getReader()
  while (reader) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
  } catch {
    throw badRequest({ body: 'De body is geen geldige UTF-8-tekst.' })
  }
}

// ---- field names ----

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** `home.postcode`, `occupations[1]`; an odd key is quoted (`["a b"]`) so the name stays unambiguous. */
function fieldName(path: (string | number)[], flat: boolean): string {
  if (flat) return String(path[0])
  return path.reduce<string>((name, part) => {
    if (typeof part === 'number') return `${name}[${part}]`
    if (IDENTIFIER.test(part)) return name ? `${name}.${part}` : part
    return `${name}[${JSON.stringify(part)}]`
  }, '')
}

/** The first reason per field. Query parameters are flat (`instrument`, not `instrument[1]`). */
export function fieldErrors(error: z.ZodError, whole: string, unknown: string, flat: boolean): FieldErrors {
  // No prototype: a field called __proto__ is stored like any other name.
  const fields: FieldErrors = Object.create(null)
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[fieldName([...issue.path, key], flat)] ??= unknown
    } else {
      fields[issue.path.length === 0 ? whole : fieldName(issue.path, flat)] ??= issue.message
    }
  }
  return fields
}
