import fs from 'node:fs'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  contactSchema,
  erasureSchema,
  firstMissingStep,
  type IntakeAnswers,
  nextStep,
  parseAnswers,
  previousStep,
  stepSchemas,
} from '#app/features/intake/intake-steps'

const dutch = JSON.parse(fs.readFileSync('public/locales/nl/intake.json', 'utf8')) as Record<string, unknown>
/** The Dutch text of a translation key, or undefined when the key does not exist. */
const dutchText = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], dutch)

function form(entries: Record<string, string | string[]>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) for (const item of [value].flat()) data.append(name, item)
  return data
}
const parse = (step: keyof typeof stepSchemas, entries: Record<string, string | string[]>) => parseWithZod(form(entries), { schema: stepSchemas[step] })
const errorsOf = (submission: ReturnType<typeof parse>) => (submission.status === 'error' ? submission.error : undefined)

describe('the steps of the intake form', () => {
  it('accept what a person fills in, tidied up', () => {
    expect(parse('naam', { firstName: '  Amina ', lastName: '   ' })).toMatchObject({ status: 'success', value: { firstName: 'Amina', lastName: undefined } })
    expect(parse('contact', { contactMethod: 'phone', phone: '0470/12.34.56' })).toMatchObject({ value: { phone: '0470123456' } })
    expect(parse('contact', { contactMethod: 'phone', phone: '0038 050 123 45 67' })).toMatchObject({ value: { phone: '+380501234567' } })
    expect(parse('geboortejaar', { birthYear: '1990' })).toMatchObject({ value: { birthYear: 1990 } })
    expect(parse('werk', { wantsWork: 'maybe', wantsTraining: 'unknown' })).toMatchObject({ status: 'success' })
    expect(parse('toestemming', { consentProcessing: 'on' })).toMatchObject({ value: { consentProcessing: true, consentSharing: false } })
    expect(parse('voorkeur', { contactLanguage: 'ar', contactMoments: ['evening', 'evening'] })).toMatchObject({ value: { contactMoments: ['evening'] } })
  })

  it('require the field that belongs to the chosen way of contact', () => {
    expect(errorsOf(parse('contact', { contactMethod: 'phone' }))).toEqual({ phone: ['errors.phoneRequired'] })
    expect(errorsOf(parse('contact', { contactMethod: 'email', phone: '0470123456' }))).toEqual({ email: ['errors.emailRequired'] })
    expect(parse('contact', { contactMethod: 'organisation' })).toMatchObject({ status: 'success' })
    expect(errorsOf(parse('contact', { contactMethod: 'email', email: 'not an address' }))).toEqual({ email: ['errors.emailInvalid'] })
  })

  it('take text under "something else" as something else, and ask for it when only the box is ticked', () => {
    expect(parse('drempels', { barrierOther: 'mantelzorg' })).toMatchObject({ value: { barriers: ['other'], barrierOther: 'mantelzorg' } })
    expect(errorsOf(parse('drempels', { barriers: ['debts', 'other'] }))).toEqual({ barrierOther: ['errors.barrierOtherRequired'] })
    expect(parse('drempels', {})).toMatchObject({ status: 'success', value: { barriers: [] } })
  })

  it('refuse implausible birth years and a missing consent to processing', () => {
    const year = new Date().getFullYear()
    expect(errorsOf(parse('geboortejaar', { birthYear: String(year - 10) }))).toEqual({ birthYear: ['errors.birthYearRange'] })
    expect(errorsOf(parse('geboortejaar', { birthYear: '19x0' }))).toEqual({ birthYear: ['errors.birthYearInvalid'] })
    expect(errorsOf(parse('situatie', { situation: 'leefloon', inEducation: 'maybe' }))).toEqual({ inEducation: ['errors.inEducationRequired'] })
    expect(errorsOf(parse('toestemming', { consentSharing: 'on' }))).toEqual({ consentProcessing: ['errors.consentProcessingRequired'] })
  })

  it('go in order, and keep only valid stored answers', () => {
    expect(nextStep('naam')).toBe('contact')
    expect(nextStep('toestemming')).toBe('controle')
    expect(previousStep('naam')).toBeUndefined()
    const answers = parseAnswers({ naam: { firstName: 'Amina' }, contact: { contactMethod: 'fax' }, situatie: { situation: 'leefloon', inEducation: 'no' } })
    expect(answers).toEqual({ naam: { firstName: 'Amina' }, situatie: { situation: 'leefloon', inEducation: 'no' } } satisfies IntakeAnswers)
    // A step saved before the form asked more (a draft from before the education question): asked again.
    expect(parseAnswers({ naam: { firstName: 'Amina' }, situatie: { situation: 'leefloon' } })).toEqual({ naam: { firstName: 'Amina' } })
    expect(firstMissingStep(answers)).toBe('contact')
    expect(parseAnswers('garbage')).toEqual({})
  })
})

// Values a person or a bot could send: real field names and options, empty strings, odd Unicode, long text.
const schemas = { ...stepSchemas, statusContact: contactSchema, erasure: erasureSchema }
const optionValues = ['', ' ', 'on', 'off', 'true', '1990', '0', '-1', 'NaN', '1e3', '9000', '1804', '24062', 'yes', 'no', 'other', 'phone', 'email', 'organisation', 'ar', '[]', '{}']

describe.each(Object.entries(schemas))('fuzzing step %s', (name, schema) => {
  const fields = Object.keys(getZodConstraint(schema))
  const entry = fc.tuple(
    fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 12 })),
    fc.oneof(fc.constantFrom(...optionValues), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 400 })),
  )

  it('never throws, and every rejection names a field of the step with a translated message', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        const data = new FormData()
        for (const [field, value] of entries) data.append(field, value)
        const submission = parseWithZod(data, { schema })
        if (submission.status !== 'error') return
        const rejected = Object.entries(submission.error ?? {}).filter(([, messages]) => messages?.length)
        expect(rejected.length, `${name}: a rejection without a field`).toBeGreaterThan(0)
        for (const [path, messages] of rejected) {
          expect(fields, `${name}: "${path}" is not a field`).toContain(path.replace(/\[\d+\]$/, ''))
          for (const message of messages!) expect(typeof dutchText(message), `${name}.${path}: "${message}" is no translation key`).toBe('string')
        }
      }),
      { numRuns: 500 },
    )
  })
})
