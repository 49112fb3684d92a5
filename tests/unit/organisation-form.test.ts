import { describe, expect, it } from 'vitest'
import { checkRecord } from '#domain/import-record'
import { newOrganisationFormSchema, organisationMessages, organisationRecordSchema } from '#app/features/organisations/organisation-form-schema'
import { organisationFile } from '#app/features/organisations/organisation-import.server'
import { parseImportFile } from '#app/features/placement-import/parse'

const ocmw = { slug: 'ocmw-cluster-leie', name: 'OCMW-cluster Leie', type: 'ocmw', municipalities: ['44021'] }
const errorsOf = (value: unknown) => {
  const result = newOrganisationFormSchema.safeParse(value)
  return result.success ? {} : result.error.flatten().fieldErrors
}

describe('the organisation schema', () => {
  it('accepts an OCMW, trimming the text and lowering the addresses', () => {
    const result = newOrganisationFormSchema.parse({ ...ocmw, name: '  OCMW-cluster Leie ', contactEmail: ' Triage@Leie.BE ', firstContactDays: 4 })
    expect(result).toEqual({ ...ocmw, contactEmail: 'triage@leie.be', firstContactDays: 4, wholeRegions: [] })
  })

  it('refuses employers with the place where they are managed, and unknown types', () => {
    expect(errorsOf({ ...ocmw, type: 'employer' }).type).toEqual([organisationMessages.employer])
    expect(errorsOf({ ...ocmw, type: 'school' }).type).toEqual([organisationMessages.type])
    expect(errorsOf({ ...ocmw, type: undefined }).type).toEqual([organisationMessages.type])
  })

  it.each([
    ['ab', 'minstens 3'],
    ['a'.repeat(61), 'hoogstens 60'],
    ['OCMW-Gent', 'kleine letters'],
    ['-ocmw', 'kleine letters'],
    ['ocmw_gent', 'kleine letters'],
  ])('refuses the slug %s', (slug, reason) => {
    expect(errorsOf({ ...ocmw, slug }).slug?.join(' ')).toContain(reason)
  })

  it('needs municipalities for every type but the platform team, which serves none', () => {
    expect(errorsOf({ ...ocmw, municipalities: [] }).municipalities).toEqual([organisationMessages.municipalitiesRequired])
    expect(errorsOf({ ...ocmw, municipalities: [], wholeRegions: ['REFREG13'] })).toEqual({})
    expect(errorsOf({ ...ocmw, type: 'platform' }).municipalities).toEqual([organisationMessages.platformServesNone])
    expect(errorsOf({ ...ocmw, type: 'platform', municipalities: [] })).toEqual({})
    expect(errorsOf({ ...ocmw, municipalities: ['4402'] }).municipalities).toEqual(['Een NIS-code heeft 5 cijfers, zoals 44021 (Gent).'])
  })

  it.each([0, 31, 2.5])('refuses %s working days to a first contact', (days) => {
    expect(errorsOf({ ...ocmw, firstContactDays: days }).firstContactDays).toHaveLength(1)
  })
})

describe('an import record', () => {
  it('reports unknown fields and wrong kinds of value in Dutch, keeping the schema’s own reasons', () => {
    const result = checkRecord(organisationRecordSchema, { ...ocmw, name: 42, type: 'employer', website: 'x' })
    expect(result).toEqual({
      ok: false,
      issues: [
        { field: 'name', reason: 'Moet een tekst zijn.' },
        { field: 'type', reason: organisationMessages.employer },
        { field: 'website', reason: 'Onbekend veld: dit veld bestaat niet in het formaat.' },
      ],
    })
    expect(checkRecord(organisationRecordSchema, 'OCMW Gent')).toEqual({ ok: false, issues: [{ field: '(hele record)', reason: 'Moet een object ({ … }) zijn, niet een tekst.' }] })
    expect(checkRecord(organisationRecordSchema, { ...ocmw, contactEmail: null })).toEqual({ ok: true, record: { ...ocmw, contactEmail: null } })
  })

  it('reads a CSV with |-separated municipalities and numbers, an empty cell being absent', () => {
    expect(organisationFile.csv.columns).toEqual(['slug', 'name', 'type', 'municipalities', 'contactEmail', 'dpoEmail', 'firstContactDays'])
    const text = 'slug;type;name;municipalities;contactEmail;dpoEmail;firstContactDays\nvdab-x;vdab;VDAB X;44021 | 42010;;dpo@x.be;3\n'
    expect(parseImportFile(text, 'x.csv', organisationFile)).toEqual({
      ok: true,
      format: 'csv',
      records: [{ record: 2, value: { slug: 'vdab-x', type: 'vdab', name: 'VDAB X', municipalities: ['44021', '42010'], dpoEmail: 'dpo@x.be', firstContactDays: 3 } }],
    })
    expect(parseImportFile('{"slug": 1}', 'x.json', organisationFile)).toMatchObject({ ok: true, format: 'ndjson' })
    expect(parseImportFile('"x"', 'x.json', organisationFile)).toEqual({ ok: false, line: 1, reason: expect.stringContaining('een organisatie per regel') })
  })
})
