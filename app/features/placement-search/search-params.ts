import { z } from 'zod'
import { dutchLevels, employerTypes, instruments, schedules, supportKinds } from '#domain/values'
import type { Place, PlaceLookup } from '#db/queries/saved-searches'
import type { PlacementQuery, SortOrder } from '#search/port'

/**
 * The search page's address ↔ a PlacementQuery (search/port.ts). The page, its saved searches and their e-mail
 * alerts all go through here, so a saved search runs exactly as it was shown. Parameter names are Dutch, like
 * those of /plaatsen; values are the codes of the exchange format. Pure: the place lookup is passed in.
 */
const textFields = ['q', 'plaats', 'straal', 'nederlands', 'uren', 'sorteer'] as const
const listFields = ['regio', 'maatregel', 'werkgever', 'uurrooster', 'steun'] as const
export type SearchField = (typeof textFields)[number] | (typeof listFields)[number]
/** What the form holds, as typed: shown again as it was, also when it has mistakes. */
export type SearchValues = Record<(typeof textFields)[number], string> & Record<(typeof listFields)[number], string[]>
export type SearchErrors = Partial<Record<SearchField, string[]>>

export const PAGE_PARAM = 'pagina'
export const PAGE_SIZE = 20
// The engines serve offsets up to 900 (MAX_OFFSET in search/plan.ts): page 46 starts there.
export const MAX_PAGE = 1 + Math.floor(900 / PAGE_SIZE)

export const sortValues = { relevantie: 'relevance', afstand: 'distance', nieuwste: 'newest' } as const satisfies Record<string, SortOrder>

const isOneOf =
  <T extends string>(list: readonly T[]) =>
  (value: string): value is T =>
    (list as readonly string[]).includes(value)
const shown = (values: string[]) =>
  values
    .slice(0, 3)
    .map((v) => `"${v.slice(0, 30)}"`)
    .join(', ')

/** A list of codes, each one allowed; the message names what is wrong (a hand-edited or outdated address). */
const codes = <T extends string>(allowed: (value: string) => value is T, what: string) =>
  z.array(z.string()).transform((values, ctx) => {
    const wrong = values.filter((v) => !allowed(v))
    if (wrong.length > 0) ctx.addIssue({ code: 'custom', message: `${what} kennen we niet: ${shown(wrong)}. Kies uit de lijst.` })
    return values.filter(allowed)
  })

/** A positive number as people type it ("19", "12,5"); empty means no limit. */
const amount = ({ example, min, max, unit }: { example: string; min: number; max: number; unit: string }) =>
  z.string().transform((raw, ctx) => {
    const text = raw.trim().replace(',', '.')
    if (text === '') return null
    if (!/^\d{1,4}(\.\d{1,2})?$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: `Typ een getal, bijvoorbeeld ${example}.` })
      return z.NEVER
    }
    const value = Number(text)
    if (value < min || value > max) ctx.addIssue({ code: 'custom', message: `Kies een getal van ${min} tot en met ${max} ${unit}.` })
    return value
  })

const choice = <T extends string>(allowed: readonly T[], message: string) =>
  z.string().transform((value, ctx): T | null => {
    if (value === '') return null
    if (isOneOf(allowed)(value)) return value
    ctx.addIssue({ code: 'custom', message })
    return z.NEVER
  })

export const SearchSchema = z
  .object({
    q: z.string().trim().max(200, 'Typ hoogstens 200 tekens.'),
    plaats: z.string().trim().max(60, 'Typ de naam van een gemeente of een postcode van 4 cijfers.'),
    straal: amount({ example: '15', min: 1, max: 200, unit: 'km' }),
    nederlands: choice(dutchLevels, 'Kies een taalniveau uit de lijst.'),
    uren: amount({ example: '19', min: 1, max: 60, unit: 'uur' }),
    sorteer: choice(Object.keys(sortValues) as (keyof typeof sortValues)[], 'Kies hoe je wilt sorteren: relevantie, afstand of nieuwste.'),
    regio: codes((v): v is string => /^REFREG\d{2}$/.test(v), 'Deze regio'),
    maatregel: codes(isOneOf(instruments), 'Deze maatregel'),
    werkgever: codes(isOneOf(employerTypes), 'Dit soort werkgever'),
    uurrooster: codes(isOneOf(schedules), 'Dit uurrooster'),
    steun: codes(isOneOf(supportKinds), 'Deze ondersteuning'),
  })
  .superRefine((v, ctx) => {
    if (v.plaats !== '') return
    if (typeof v.straal === 'number')
      ctx.addIssue({ code: 'custom', path: ['straal'], message: 'Kies ook een gemeente of postcode: de afstand telt vanaf daar.' })
    if (v.sorteer === 'afstand')
      ctx.addIssue({ code: 'custom', path: ['sorteer'], message: 'Sorteren op afstand kan pas als je een gemeente of postcode kiest.' })
  })
export type SearchInput = z.output<typeof SearchSchema>

const isField = isOneOf<SearchField>([...textFields, ...listFields])

export function readValues(params: URLSearchParams): SearchValues {
  const text = Object.fromEntries(textFields.map((f) => [f, params.get(f) ?? '']))
  const lists = Object.fromEntries(listFields.map((f) => [f, [...new Set(params.getAll(f).filter((v) => v !== ''))]]))
  return { ...text, ...lists } as SearchValues
}

/** Never throws: every problem becomes a Dutch message on the field it is about. */
export function parseSearch(params: URLSearchParams): { values: SearchValues; input: SearchInput | null; errors: SearchErrors } {
  const values = readValues(params)
  const result = SearchSchema.safeParse(values)
  if (result.success) return { values, input: result.data, errors: {} }
  const errors: SearchErrors = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '')
    const messages = (errors[isField(field) ? field : 'q'] ??= [])
    if (!messages.includes(issue.message)) messages.push(issue.message)
  }
  return { values, input: null, errors }
}

export const readPage = (params: URLSearchParams) => {
  const page = Number(params.get(PAGE_PARAM))
  return Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1
}

/** The address of a search (without `pagina` on page 1): empty fields and the default sort left out. */
export function searchQueryString(values: SearchValues, page = 1): string {
  const params = new URLSearchParams()
  for (const field of ['q', ...listFields, 'plaats', 'straal', 'nederlands', 'uren', 'sorteer'] as const) {
    const value = values[field]
    for (const v of Array.isArray(value) ? value : [value.trim()])
      if (v !== '' && !(field === 'sorteer' && v === 'relevantie')) params.append(field, v)
  }
  if (page > 1) params.set(PAGE_PARAM, String(page))
  return params.toString()
}

// -------------------------------------------------------------------------------------------------- place


const foldName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s'’-]+/g, ' ')
    .trim()

/** "Gent", "sint niklaas", "9000" or "9000 Gent": one Flemish municipality, or a message for the place field. */
export async function resolvePlace(text: string, lookup: PlaceLookup): Promise<{ place: Place } | { error: string }> {
  const [, postcode, name = ''] = /^(\d{4})(?:\s+(.+))?$/.exec(text.trim()) ?? [undefined, undefined, text]
  const byName = (candidates: readonly Place[]) => candidates.filter((m) => foldName(m.name) === foldName(name))
  if (postcode === undefined) {
    const [place] = byName(lookup.municipalities)
    return place ? { place } : { error: `We vinden geen Vlaamse gemeente "${text.trim()}". Kies een gemeente uit de lijst of typ een postcode.` }
  }
  const candidates = await lookup.byPostcode(postcode)
  const chosen = name === '' ? candidates : byName(candidates)
  if (chosen.length === 1) return { place: chosen[0]! }
  if (candidates.length === 0) return { error: `Postcode ${postcode} kennen we niet in Vlaanderen. Typ de naam van de gemeente.` }
  return { error: `Postcode ${postcode} hoort bij ${candidates.map((m) => m.name).join(' en ')}. Typ de naam van de gemeente.` }
}

// -------------------------------------------------------------------------------------------------- query

/** The query for the engine: without a radius a place is a filter (in that municipality), with one its centre. */
export function toPlacementQuery(
  input: SearchInput,
  place: Place | null,
  extra: Pick<PlacementQuery, 'facets' | 'limit' | 'offset'> = {},
): PlacementQuery {
  const list = <T>(values: T[]) => (values.length > 0 ? values : undefined)
  const query: PlacementQuery = {
    q: input.q || undefined,
    regionCodes: list(input.regio),
    near: place ? { municipalityNis: place.nis } : undefined,
    radiusKm: place && input.straal !== null ? input.straal : undefined,
    municipalities: place && input.straal === null ? [place.nis] : undefined,
    dutchLevelMax: input.nederlands ?? undefined,
    hoursMax: input.uren ?? undefined,
    instruments: list(input.maatregel),
    employerTypes: list(input.werkgever),
    schedules: list(input.uurrooster),
    supports: list(input.steun),
    sort: sortValues[input.sorteer ?? 'relevantie'],
    ...extra,
  }
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as PlacementQuery
}

export type BuiltSearch = { values: SearchValues; input: SearchInput | null; errors: SearchErrors; place: Place | null; query: PlacementQuery | null }

/** An address all the way to a query; `query` is null exactly when there are errors to show. */
export async function buildSearch(
  params: URLSearchParams,
  lookup: PlaceLookup,
  extra?: Parameters<typeof toPlacementQuery>[2],
): Promise<BuiltSearch> {
  const { values, input, errors } = parseSearch(params)
  if (!input) return { values, input, errors, place: null, query: null }
  const resolved = input.plaats === '' ? null : await resolvePlace(input.plaats, lookup)
  if (resolved && 'error' in resolved) return { values, input, errors: { plaats: [resolved.error] }, place: null, query: null }
  const place = resolved?.place ?? null
  return { values, input, errors, place, query: toPlacementQuery(input, place, extra) }
}

const engineFields: Record<string, SearchField> = {
  q: 'q',
  near: 'plaats',
  municipalityNis: 'plaats',
  postcode: 'plaats',
  radiusKm: 'straal',
  dutchLevelMax: 'nederlands',
  hoursMax: 'uren',
}
/** The form field a SearchInputError of the engine is about. */
export const fieldOfEngineError = (field: string): SearchField => engineFields[field] ?? 'q'
