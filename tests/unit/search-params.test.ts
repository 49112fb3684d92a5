import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reasonText } from '#app/features/placement-search/search-results'
import { describeSearch } from '#app/features/placement-search/search-summary'
import { combineFacets, countsUpToLevel, countUpToHours, facetQueries } from '#app/features/placement-search/facet-counts'
import { buildSearch, fieldOfEngineError, MAX_PAGE, parseSearch, readPage, resolvePlace, type SearchField, searchQueryString } from '#app/features/placement-search/search-params'
import { type PlaceLookup } from '#db/queries/saved-searches'
import { dutchLevels, employerTypes, instruments, schedules, supportKinds } from '#domain/values'

const GENT = { nis: '44021', name: 'Gent' }
const lookup: PlaceLookup = {
  municipalities: [
    GENT,
    { nis: '46021', name: 'Sint-Niklaas' },
    { nis: '23088', name: 'Vilvoorde' },
    { nis: '23096', name: 'Zemst' },
    { nis: '13040', name: 'Tielt-Winge' },
  ],
  byPostcode: async (postcode) =>
    ({
      '9000': [GENT],
      '9050': [GENT],
      '1804': [
        { nis: '23088', name: 'Vilvoorde' },
        { nis: '23096', name: 'Zemst' },
      ],
    })[postcode] ?? [],
}
const params = (query: string) => new URLSearchParams(query)
const fields: SearchField[] = ['q', 'plaats', 'straal', 'nederlands', 'uren', 'sorteer', 'regio', 'maatregel', 'werkgever', 'uurrooster', 'steun']

describe('search address → PlacementQuery', () => {
  it('reads every filter and builds the engine query', async () => {
    const built = await buildSearch(
      params(
        'q=magazijn&plaats=gent&straal=12,5&nederlands=A2&uren=30&maatregel=IBO&maatregel=WES&werkgever=private&uurrooster=day&steun=mentor&regio=REFREG13&sorteer=afstand',
      ),
      lookup,
      { limit: 20, offset: 40 },
    )
    expect(built.errors).toEqual({})
    expect(built.place).toEqual(GENT)
    expect(built.query).toEqual({
      q: 'magazijn',
      regionCodes: ['REFREG13'],
      near: { municipalityNis: '44021' },
      radiusKm: 12.5,
      dutchLevelMax: 'A2',
      hoursMax: 30,
      instruments: ['IBO', 'WES'],
      employerTypes: ['private'],
      schedules: ['day'],
      supports: ['mentor'],
      sort: 'distance',
      limit: 20,
      offset: 40,
    })
  })

  it('without a radius, a place means "in that municipality", still measuring distances from it', async () => {
    const { query } = await buildSearch(params('plaats=9000'), lookup)
    expect(query).toEqual({ municipalities: ['44021'], near: { municipalityNis: '44021' }, sort: 'relevance' })
  })

  it('an empty address lists everything, by relevance', async () => {
    expect((await buildSearch(params(''), lookup)).query).toEqual({ sort: 'relevance' })
  })

  it.each([
    ['uren=veel', 'uren', 'Typ een getal, bijvoorbeeld 19.'],
    ['uren=0', 'uren', 'Kies een getal van 1 tot en met 60 uur.'],
    ['plaats=Gent&straal=500', 'straal', 'Kies een getal van 1 tot en met 200 km.'],
    ['straal=10', 'straal', 'Kies ook een gemeente of postcode: de afstand telt vanaf daar.'],
    ['sorteer=afstand', 'sorteer', 'Sorteren op afstand kan pas als je een gemeente of postcode kiest.'],
    ['sorteer=prijs', 'sorteer', 'Kies hoe je wilt sorteren: relevantie, afstand of nieuwste.'],
    ['nederlands=D3', 'nederlands', 'Kies een taalniveau uit de lijst.'],
    ['maatregel=IBO&maatregel=XYZ', 'maatregel', 'Deze maatregel kennen we niet: "XYZ". Kies uit de lijst.'],
    ['regio=Gent', 'regio', 'Deze regio kennen we niet: "Gent". Kies uit de lijst.'],
    [`q=${'a'.repeat(201)}`, 'q', 'Typ hoogstens 200 tekens.'],
  ])('%s: a Dutch message on the field %s', (query, field, message) => {
    const { input, errors } = parseSearch(params(query))
    expect(input).toBeNull()
    expect(errors[field as SearchField]).toEqual([message])
    expect(Object.keys(errors)).toEqual([field])
  })

  it('keeps what was typed, mistakes included, to show it again', () => {
    const { values } = parseSearch(params('q=kok&uren=veel&maatregel=IBO&maatregel=IBO&maatregel='))
    expect(values).toMatchObject({ q: 'kok', uren: 'veel', maatregel: ['IBO'], plaats: '' })
  })

  it('resolves a place by name (case, accents, hyphens ignored), by postcode, or both', async () => {
    expect(await resolvePlace('sint niklaas', lookup)).toEqual({ place: { nis: '46021', name: 'Sint-Niklaas' } })
    expect(await resolvePlace(' GENT ', lookup)).toEqual({ place: GENT })
    expect(await resolvePlace('9050', lookup)).toEqual({ place: GENT })
    expect(await resolvePlace('1804 Zemst', lookup)).toEqual({ place: { nis: '23096', name: 'Zemst' } })
  })

  it('says what is wrong with a place', async () => {
    expect(await resolvePlace('1804', lookup)).toEqual({ error: 'Postcode 1804 hoort bij Vilvoorde en Zemst. Typ de naam van de gemeente.' })
    expect(await resolvePlace('1000', lookup)).toEqual({ error: 'Postcode 1000 kennen we niet in Vlaanderen. Typ de naam van de gemeente.' })
    expect(await resolvePlace('Gnt', lookup)).toEqual({
      error: 'We vinden geen Vlaamse gemeente "Gnt". Kies een gemeente uit de lijst of typ een postcode.',
    })
    const built = await buildSearch(params('plaats=1000&straal=5'), lookup)
    expect(built.query).toBeNull()
    expect(built.errors).toEqual({ plaats: ['Postcode 1000 kennen we niet in Vlaanderen. Typ de naam van de gemeente.'] })
  })

  it('maps the engine’s field names onto the form', () => {
    expect(fieldOfEngineError('radiusKm')).toBe('straal')
    expect(fieldOfEngineError('postcode')).toBe('plaats')
    expect(fieldOfEngineError('hoursMax')).toBe('uren')
    expect(fieldOfEngineError('something new')).toBe('q')
  })

  it('reads the page, within what the engines serve', () => {
    expect(readPage(params('pagina=3'))).toBe(3)
    expect(readPage(params('pagina=abc'))).toBe(1)
    expect(readPage(params('pagina=-2'))).toBe(1)
    expect(readPage(params('pagina=9999'))).toBe(MAX_PAGE)
  })
})

describe('PlacementQuery → address', () => {
  it('leaves out empty fields, the default sort and page 1', () => {
    const { values } = parseSearch(params('q=+kok+&plaats=&straal=&sorteer=relevantie&regio=REFREG01&pagina=2'))
    expect(searchQueryString(values)).toBe('q=kok&regio=REFREG01')
    expect(searchQueryString(values, 3)).toBe('q=kok&regio=REFREG01&pagina=3')
  })

  it('round-trips: a saved address reads back as the same search', () => {
    const some = <T extends string>(list: readonly T[]) => fc.uniqueArray(fc.constantFrom(...list), { maxLength: list.length })
    const valid = fc.record({
      q: fc.string({ maxLength: 40 }),
      plaats: fc.constantFrom('', 'Gent', '9000'),
      straal: fc.constantFrom('', '5', '12,5'),
      nederlands: fc.constantFrom('', ...dutchLevels),
      uren: fc.constantFrom('', '19', '38'),
      sorteer: fc.constantFrom('', 'relevantie', 'nieuwste'),
      regio: some(['REFREG01', 'REFREG13']),
      maatregel: some(instruments),
      werkgever: some(employerTypes),
      uurrooster: some(schedules),
      steun: some(supportKinds),
    })
    fc.assert(
      fc.property(valid, (values) => {
        const original = parseSearch(params(searchQueryString({ ...values, straal: values.plaats ? values.straal : '' })))
        expect(original.errors).toEqual({})
        expect(parseSearch(params(searchQueryString(original.values))).input).toEqual(original.input)
      }),
    )
  })
})

describe('parsing any address (fuzz)', () => {
  const key = fc.oneof(fc.constantFrom(...fields, 'pagina'), fc.string({ maxLength: 8 }))
  const value = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.constantFrom('A2', 'IBO', '12,5', '-1', '1e3', 'NaN', 'REFREG01'),
  )
  const address = fc.array(fc.tuple(key, value), { maxLength: 25 }).map((pairs) => new URLSearchParams(pairs))

  it('never throws, and every error is a Dutch message on a field of the form', async () => {
    await fc.assert(
      fc.asyncProperty(address, async (search) => {
        const { input, errors } = parseSearch(search)
        for (const [field, messages] of Object.entries(errors)) {
          expect(fields).toContain(field)
          expect(messages!.length).toBeGreaterThan(0)
          for (const message of messages!) expect(message).toMatch(/^[A-Z][\s\S]*\.$/)
        }
        expect(input === null).toBe(Object.keys(errors).length > 0)
        const built = await buildSearch(search, lookup)
        expect(built.query === null).toBe(Object.keys(built.errors).length > 0)
        for (const field of Object.keys(built.errors)) expect(fields).toContain(field)
        expect(readPage(search)).toBeGreaterThanOrEqual(1)
      }),
      { numRuns: 300 },
    )
  })
})

describe('facet counts', () => {
  it('counts an "any of" facet or a limit without its own filter, so each option says what it gives', () => {
    const query = {
      q: 'kok',
      instruments: ['IBO' as const],
      hoursMax: 20,
      supports: ['mentor' as const],
      facets: ['instruments' as const],
      limit: 20,
    }
    expect(facetQueries(query)).toEqual([
      { facet: 'instruments', query: { q: 'kok', hoursMax: 20, supports: ['mentor'], facets: ['instruments'], limit: 1, offset: 0 } },
      { facet: 'hoursPerWeek', query: { q: 'kok', instruments: ['IBO'], supports: ['mentor'], facets: ['hoursPerWeek'], limit: 1, offset: 0 } },
    ])
    expect(facetQueries({ q: 'kok', supports: ['mentor'] })).toEqual([])
    expect(
      combineFacets({ instruments: { IBO: 2 }, supports: { mentor: 2 } }, [{ facet: 'instruments', facets: { instruments: { IBO: 2, WES: 5 } } }]),
    ).toEqual({
      instruments: { IBO: 2, WES: 5 },
      supports: { mentor: 2 },
    })
  })

  it('adds up levels and hours to "at most"', () => {
    expect(countsUpToLevel({ none: 1, A2: 3, B2: 2 })).toEqual({ none: 1, A1: 1, A2: 4, B1: 4, B2: 6, C1: 6 })
    expect(countUpToHours({ '19': 2, '19.5': 1, '38': 4 }, 19)).toBe(2)
    expect(countUpToHours({ '19': 2, '19.5': 1, '38': 4 }, 24)).toBe(3)
    expect(countUpToHours(undefined, 24)).toBe(0)
  })
})

describe('a search in words', () => {
  it('lists the criteria, never anything else', () => {
    const { input } = parseSearch(
      params('q=kok&plaats=Gent&straal=12,5&nederlands=A2&uren=19&regio=REFREG13&maatregel=IBO&steun=mentor&steun=public_transport'),
    )
    expect(describeSearch(input!, { REFREG13: 'Regio Gent' })).toEqual([
      '"kok"',
      'binnen 12,5 km van Gent',
      'Regio Gent',
      'Nederlands hoogstens: A2 – eenvoudige gesprekken',
      'hoogstens 19 uur per week',
      'IBO',
      'met een vaste mentor op de werkvloer en openbaar vervoer in de buurt',
    ])
    expect(describeSearch(parseSearch(params('')).input!, {})).toEqual(['alle plaatsen'])
  })
})

describe('reasons in plain Dutch', () => {
  it('says why a placement is in the result', () => {
    expect(reasonText({ kind: 'same_occupation', occupationUri: 'x', label: 'magazijnmedewerker', match: 'typo' })).toBe(
      'zelfde beroep (magazijnmedewerker)',
    )
    expect(
      reasonText({
        kind: 'related_occupation',
        occupationUri: 'y',
        label: 'orderpicker',
        iscoGroup: '9333',
        relatedTo: { uri: 'x', label: 'magazijnmedewerker' },
      }),
    ).toBe('verwant beroep (orderpicker, verwant aan magazijnmedewerker)')
    const sector = { term: 'horeca', occupations: ['ober/serveerster', 'keukenhulp'] }
    expect(reasonText({ kind: 'same_occupation', occupationUri: 'x', label: 'keukenhulp', match: 'sector', sector })).toBe(
      'horeca: ober/serveerster, keukenhulp, … (zelfde beroep: keukenhulp)',
    )
    expect(reasonText({ kind: 'words', words: ['magazijn', 'gent'] })).toBe('woorden: magazijn, gent')
    expect(reasonText({ kind: 'distance', km: 12.34 })).toBe('op 12,3 km')
  })
})
