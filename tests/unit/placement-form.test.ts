import { parseWithZod } from '@conform-to/zod'
import { describe, expect, it } from 'vitest'
import { placementFormDefaults, placementFormSchema, toPlacementInput } from '#domain/placement-form'

const SITE = '7d1f0f6e-2b1c-4a57-9a39-0f4b1c7d8e01'
const OTHER_SITE = 'a0a0a0a0-2b1c-4a57-9a39-0f4b1c7d8e02'
const TODAY = '2026-11-23'
const BAKER = 'http://data.europa.eu/esco/occupation/1aadb308-432a-4d01-b54b-b4f7f76dd419'

/** A complete, valid submission as the browser sends it; each test changes what it is about. */
const valid: [string, string][] = [
  ['title', 'Hulp in de bakkerij'],
  ['occupationQuery', 'bakker'],
  ['occupationUri', BAKER],
  ['description', 'Deeg afwegen, broodjes vormen en de ovens laden.'],
  ['tasks', 'Deeg afwegen\r\n\r\n  Ovens laden  \n'],
  ['competences', 'Op tijd komen'],
  ['competences', 'Veilig werken'],
  ['otherCompetences', 'Hygiënisch werken'],
  ['siteId', SITE],
  ['hoursPerWeek', '19,5'],
  ['schedule', 'day'],
  ['schedule', 'weekend'],
  ['startDate', ''],
  ['places', '2'],
  ['fullUntil', ''],
  ['dutchLevel', 'A2'],
  ['support', 'mentor'],
  ['instruments', 'TWE_ART60'],
  ['instruments', 'IBO'],
  ['intent', 'save'],
]

function submit(changes: Record<string, string | string[] | null> = {}) {
  const form = new FormData()
  for (const [name, value] of valid) if (!(name in changes)) form.append(name, value)
  for (const [name, value] of Object.entries(changes)) for (const v of value === null ? [] : [value].flat()) form.append(name, v)
  return parseWithZod(form, { schema: placementFormSchema({ siteIds: [SITE], today: TODAY }) })
}

const errorsOf = (changes: Record<string, string | string[] | null>) => {
  const submission = submit(changes)
  if (submission.status !== 'error') throw new Error(`expected errors, got ${submission.status}`)
  return submission.error ?? {}
}

describe('placementFormSchema', () => {
  it('accepts a complete placement, with a decimal comma in the hours and one task per line', () => {
    const submission = submit()
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    const input = toPlacementInput(submission.value)
    expect(input).toMatchObject({
      title: 'Hulp in de bakkerij',
      hoursPerWeek: 19.5,
      places: 2,
      tasks: ['Deeg afwegen', 'Ovens laden'],
      competences: ['Op tijd komen', 'Veilig werken', 'Hygiënisch werken'],
      schedule: ['day', 'weekend'],
      startDate: null,
      fullUntil: null,
      instruments: ['TWE_ART60', 'IBO'],
    })
    expect(input).not.toHaveProperty('occupationQuery')
  })

  it.each([
    ['50', 'Een plaats telt hoogstens 40 uur per week.'],
    ['40,5', 'Een plaats telt hoogstens 40 uur per week.'],
    ['0', 'Vul meer dan 0 uur per week in.'],
    ['negentien', 'Vul een getal in, bijvoorbeeld 19 of 19,5.'],
    ['', 'Vul het aantal uren per week in.'],
  ])('refuses %j hours per week with a Dutch message on that field', (hours, message) => {
    expect(errorsOf({ hoursPerWeek: hours }).hoursPerWeek).toEqual([message])
  })

  it('accepts 40 hours and a decimal point', () => {
    expect(submit({ hoursPerWeek: '40' }).status).toBe('success')
    expect(submit({ hoursPerWeek: '19.5' }).status).toBe('success')
  })

  it.each([
    ['title', 'x', 'De titel is te kort: minstens 2 tekens.'],
    ['title', 'x'.repeat(161), 'De titel is te lang: hoogstens 160 tekens.'],
    ['description', 'Te kort', 'De beschrijving is te kort: minstens 10 tekens.'],
    ['description', 'x'.repeat(8001), 'De beschrijving is te lang: hoogstens 8000 tekens.'],
    ['places', '0', 'Er is minstens 1 plaats.'],
    ['places', '501', 'Hoogstens 500 plaatsen.'],
    ['places', '1.5', 'Vul een heel aantal plaatsen in, zonder komma.'],
    ['occupationUri', '', 'Kies een beroep als jobdoelwit: zoek het en kies het uit de lijst.'],
    ['occupationUri', 'http://example.test/bakker', 'Kies een beroep als jobdoelwit: zoek het en kies het uit de lijst.'],
    ['dutchLevel', 'C2', 'Kies hoeveel Nederlands nodig is.'],
    ['startDate', '2026-02-30', 'Vul een geldige startdatum in, bijvoorbeeld 2026-03-01.'],
    ['fullUntil', '2026-11-22', 'Deze datum is al voorbij. Laat het veld leeg als er nu een plaats vrij is.'],
  ])('refuses %s = %j', (field, value, message) => {
    expect(errorsOf({ [field]: value })[field]).toEqual([message])
  })

  it('accepts a full-until date of today or later, and keeps the dates', () => {
    const submission = submit({ fullUntil: TODAY, startDate: '2027-01-04' })
    expect(submission.status).toBe('success')
    if (submission.status === 'success') expect(toPlacementInput(submission.value)).toMatchObject({ fullUntil: TODAY, startDate: '2027-01-04' })
  })

  it('asks for at least one instrument and one moment of the week', () => {
    const errors = errorsOf({ instruments: null, schedule: null })
    expect(errors.instruments).toEqual(['Kies minstens één maatregel waarmee iemand bij u kan starten.'])
    expect(errors.schedule).toEqual(['Kies minstens één moment waarop er gewerkt wordt.'])
  })

  it("accepts only the employer's own sites", () => {
    expect(errorsOf({ siteId: OTHER_SITE }).siteId).toEqual(['Kies een van de vestigingen van uw organisatie.'])
    expect(errorsOf({ siteId: null }).siteId).toEqual(['Kies de vestiging waar de persoon zal werken.'])
  })

  it('limits tasks to 30 lines of 300 characters and names the line that is too long', () => {
    expect(errorsOf({ tasks: Array.from({ length: 31 }, (_, i) => `Taak ${i}`).join('\n') }).tasks).toEqual([
      'Geef hoogstens 30 taken, één per regel. Nu zijn het er 31.',
    ])
    expect(errorsOf({ tasks: `Kort\n${'x'.repeat(301)}` }).tasks).toEqual(['Regel 2 is 301 tekens lang; maak ze korter dan 301 tekens.'])
    expect(submit({ tasks: Array.from({ length: 30 }, () => 'x'.repeat(300)).join('\n') }).status).toBe('success')
  })

  it('limits own competences so that all competences together stay within 30 of 200 characters', () => {
    expect(errorsOf({ otherCompetences: Array.from({ length: 26 }, (_, i) => `C${i}`).join('\n') }).otherCompetences).toEqual([
      'Geef hoogstens 25 eigen competenties, één per regel. Nu zijn het er 26.',
    ])
    expect(errorsOf({ otherCompetences: 'x'.repeat(201) }).otherCompetences).toEqual(['Regel 1 is 201 tekens lang; maak ze korter dan 201 tekens.'])
  })

  it('refuses values outside the lists', () => {
    const errors = errorsOf({ instruments: ['TWE_ART60', 'ART61'], support: 'jacuzzi', competences: 'Alles kunnen' })
    expect(errors['instruments[1]']).toEqual(['Kies de maatregelen uit de lijst.'])
    expect(errors['support[0]']).toEqual(['Kies de ondersteuning uit de lijst.'])
    expect(errors['competences[0]']).toEqual(['Kies competenties uit de lijst.'])
  })
})

describe('placementFormDefaults', () => {
  it('is the inverse of toPlacementInput: a saved placement comes back as the same form', () => {
    const submission = submit({ startDate: '2027-01-04' })
    if (submission.status !== 'success') throw new Error('expected a valid submission')
    const defaults = placementFormDefaults(toPlacementInput(submission.value))
    expect(defaults).toMatchObject({
      hoursPerWeek: '19,5',
      places: '2',
      tasks: 'Deeg afwegen\nOvens laden',
      competences: ['Op tijd komen', 'Veilig werken'],
      otherCompetences: 'Hygiënisch werken',
      startDate: '2027-01-04',
      fullUntil: null,
    })
    const again = new FormData()
    for (const [name, value] of Object.entries(defaults)) for (const v of [value ?? ''].flat()) again.append(name, String(v))
    const reparsed = parseWithZod(again, { schema: placementFormSchema({ siteIds: [SITE], today: TODAY }) })
    expect(reparsed.status).toBe('success')
    if (reparsed.status === 'success') expect(toPlacementInput(reparsed.value)).toEqual(toPlacementInput(submission.value))
  })
})
