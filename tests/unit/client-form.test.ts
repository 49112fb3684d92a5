import { parseWithZod } from '@conform-to/zod'
import { describe, expect, it } from 'vitest'
import { clientFormDefaults, clientFormSchema, toClientInput } from '#domain/client-form'

const WAREHOUSE = 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f'
const KITCHEN = 'http://data.europa.eu/esco/occupation/e1cf6897-158d-4b48-a39e-2a3a8cac216c'
const uri = (n: number) => `http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-00000000000${n}`

/** A complete, valid submission as the browser sends it; each test changes what it is about. */
const valid: [string, string][] = [
  ['displayName', ' K.B. '],
  ['firstName', 'Kevin'],
  ['home', '9000 Gent'],
  ['contact', ''],
  ['jobTargets[0].query', 'magazijn'],
  ['jobTargets[0].uri', WAREHOUSE],
  ['jobTargets[1].query', 'keukenhulp'],
  ['jobTargets[1].uri', KITCHEN],
  ['competences', 'Op tijd komen'],
  ['otherCompetences', 'Rijbewijs B\n\n  Heftruck  \n'],
  ['dutchLevel', 'A1'],
  ['maxDistanceKm', '25'],
  ['hoursAvailable', '19,5'],
  ['instruments', 'TWE_ART60'],
  ['notes', ''],
  ['intent', 'save'],
]

function submit(changes: Record<string, string | string[] | null> = {}) {
  const form = new FormData()
  const replaced = (name: string) => Object.keys(changes).some((key) => name === key || name.startsWith(`${key}[`))
  for (const [name, value] of valid) if (!replaced(name)) form.append(name, value)
  for (const [name, value] of Object.entries(changes)) for (const v of value === null ? [] : [value].flat()) form.append(name, v)
  return parseWithZod(form, { schema: clientFormSchema })
}

const errorsOf = (changes: Record<string, string | string[] | null>) => {
  const submission = submit(changes)
  if (submission.status !== 'error') throw new Error(`expected errors, got ${submission.status}`)
  return submission.error ?? {}
}

const targets = (uris: string[]) => Object.fromEntries(uris.map((u, i) => [`jobTargets[${i}].uri`, u]))

describe('clientFormSchema', () => {
  it('accepts a complete client: trimmed texts, a decimal comma, jobdoelwitten in order, competences merged', () => {
    const submission = submit()
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(toClientInput(submission.value, { homeMunicipalityNis: '44021', postcode: '9000' })).toEqual({
      displayName: 'K.B.',
      firstName: 'Kevin',
      contact: null,
      homeMunicipalityNis: '44021',
      postcode: '9000',
      jobTargets: [WAREHOUSE, KITCHEN],
      competences: ['Op tijd komen', 'Rijbewijs B', 'Heftruck'],
      dutchLevel: 'A1',
      maxDistanceKm: 25,
      hoursAvailable: 19.5,
      instruments: ['TWE_ART60'],
      notes: null,
    })
  })

  it('asks for every required field in plain Dutch', () => {
    const errors = errorsOf({ displayName: '  ', home: null, jobTargets: null, dutchLevel: null, maxDistanceKm: null, hoursAvailable: null })
    expect(errors).toMatchObject({
      displayName: ['Vul een naam of initialen in, zodat jij en je collega’s de cliënt herkennen.'],
      home: ['Vul de postcode of de gemeente in waar de cliënt woont.'],
      jobTargets: ['Kies minstens één jobdoelwit.'],
      dutchLevel: ['Kies hoe goed de cliënt Nederlands spreekt.'],
      maxDistanceKm: ['Vul in hoe ver de cliënt wil reizen, in km.'],
      hoursAvailable: ['Vul in hoeveel uur per week de cliënt kan werken.'],
    })
  })

  it('needs no first name, contact, competences, instruments or notes', () => {
    const submission = submit({ firstName: null, contact: null, competences: null, otherCompetences: null, instruments: null, notes: null })
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(toClientInput(submission.value, { homeMunicipalityNis: '44021', postcode: null })).toMatchObject({ firstName: null, competences: [], instruments: [] })
  })

  it.each([
    ['9000', true],
    ['9000 Gent', true],
    ['Sint-Niklaas', true],
    ['900', false],
    ['12345', false],
    ['0900', false],
  ])('takes "%s" as a home postcode or municipality: %s', (home, ok) => {
    const submission = submit({ home })
    if (ok) expect(submission.status).toBe('success')
    else expect(errorsOf({ home }).home).toEqual(['Vul een postcode van 4 cijfers in (bijvoorbeeld 9000) of de naam van de gemeente.'])
  })

  it.each([
    ['301', 'Hoogstens 300 km.'],
    ['-1', 'De afstand kan niet negatief zijn.'],
    ['2.5', 'Vul een heel aantal km in, zonder komma.'],
    ['ver', 'Vul een getal in, bijvoorbeeld 20.'],
  ])('refuses a maximum distance of %s', (km, message) => {
    expect(errorsOf({ maxDistanceKm: km }).maxDistanceKm).toEqual([message])
  })

  it('allows 0 and 300 km', () => {
    expect(submit({ maxDistanceKm: '0' }).status).toBe('success')
    expect(submit({ maxDistanceKm: '300' }).status).toBe('success')
  })

  it.each([
    ['0,5', 'Vul minstens 1 uur per week in.'],
    ['61', 'Hoogstens 60 uur per week.'],
    ['veel', 'Vul een getal in, bijvoorbeeld 19 of 19,5.'],
  ])('refuses %s hours a week', (hours, message) => {
    expect(errorsOf({ hoursAvailable: hours }).hoursAvailable).toEqual([message])
  })

  it('takes one to five jobdoelwitten, each once, each from the list', () => {
    expect(errorsOf({ jobTargets: null, ...targets([1, 2, 3, 4, 5, 6].map(uri)) }).jobTargets).toEqual(['Kies hoogstens 5 jobdoelwitten.'])
    expect(submit({ jobTargets: null, ...targets([1, 2, 3, 4, 5].map(uri)) }).status).toBe('success')
    expect(errorsOf({ jobTargets: null, ...targets([WAREHOUSE, KITCHEN, WAREHOUSE]) })).toEqual({
      'jobTargets[2].uri': ['Dit beroep is al jobdoelwit 1. Kies een ander beroep of verwijder dit.'],
    })
    const picked = 'Kies een beroep als jobdoelwit: zoek het en kies het uit de lijst.'
    expect(errorsOf({ jobTargets: null, ...targets([WAREHOUSE, 'magazijn']) })).toEqual({ 'jobTargets[1].uri': [picked] })
    expect(errorsOf({ jobTargets: null, 'jobTargets[0].uri': WAREHOUSE, 'jobTargets[1].query': 'kok' })).toEqual({ 'jobTargets[1].uri': [picked] })
  })

  it('refuses values that are not in the lists and texts that are too long', () => {
    const errors = errorsOf({ dutchLevel: 'D9', instruments: 'PWA', competences: 'Alles kunnen', notes: 'x'.repeat(2001), displayName: 'x'.repeat(81) })
    expect(errors).toMatchObject({
      dutchLevel: ['Kies hoe goed de cliënt Nederlands spreekt.'],
      'instruments[0]': ['Kies de maatregelen uit de lijst.'],
      'competences[0]': ['Kies competenties uit de lijst.'],
      notes: ['De notitie is te lang: hoogstens 2000 tekens.'],
      displayName: ['De naam is te lang: hoogstens 80 tekens. Initialen volstaan.'],
    })
  })
})

describe('clientFormDefaults', () => {
  it('fills the form with a saved client so that saving it unchanged gives the same client', () => {
    const saved = {
      displayName: 'F.E.',
      firstName: null,
      contact: '0470 12 34 56',
      homeMunicipalityNis: '44021',
      municipality: 'Gent',
      postcode: '9050',
      jobTargets: [{ uri: KITCHEN, label: 'keukenhulp' }, { uri: WAREHOUSE, label: 'magazijnmedewerker' }],
      competences: ['Veilig werken', 'Planten verzorgen'],
      dutchLevel: 'A2' as const,
      maxDistanceKm: 15,
      hoursAvailable: 19.5,
      instruments: ['WES' as const],
      notes: null,
    }
    const defaults = clientFormDefaults(saved)
    expect(defaults).toMatchObject({ home: '9050', hoursAvailable: '19,5', otherCompetences: 'Planten verzorgen', competences: ['Veilig werken'] })
    const form = new FormData()
    for (const [name, value] of Object.entries(defaults)) {
      if (name === 'jobTargets') defaults.jobTargets.forEach((t, i) => (form.append(`jobTargets[${i}].uri`, t.uri), form.append(`jobTargets[${i}].query`, t.query)))
      else for (const v of [value].flat()) form.append(name, String(v))
    }
    const submission = parseWithZod(form, { schema: clientFormSchema })
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    const { municipality: _municipality, jobTargets, ...rest } = saved
    expect(toClientInput(submission.value, { homeMunicipalityNis: '44021', postcode: '9050' })).toEqual({ ...rest, jobTargets: jobTargets.map((t) => t.uri) })
  })
})
