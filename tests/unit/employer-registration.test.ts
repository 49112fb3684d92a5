import { describe, expect, it } from 'vitest'
import { MAX_SITES, phoneSchema, registrationSchema, rejectReasonSchema, siteSchema } from '#domain/employer-registration'
import { enterpriseNumberFrom } from '#db/seed/factories'

const site = { name: 'Winkel Gent', street: 'Veldstraat 12', postcode: '9000' }
const valid = {
  organisationName: 'Bakkerij Peeters bv',
  enterpriseNumber: enterpriseNumberFrom(4_123_789),
  employerType: 'private',
  sector: 'Voeding',
  contactName: 'An Peeters',
  contactEmail: 'an@bakkerij-peeters.be',
  password: 'een lange zin als wachtwoord',
  passwordConfirm: 'een lange zin als wachtwoord',
  sites: [site],
}

/** The messages per field path, as Conform shows them next to the fields. */
function errorsOf(input: unknown) {
  const result = registrationSchema.safeParse(input)
  if (result.success) return {}
  const errors: Record<string, string[]> = {}
  for (const issue of result.error.issues) (errors[issue.path.join('.')] ??= []).push(issue.message)
  return errors
}

describe('registration schema', () => {
  it('accepts a complete registration and stores the KBO number in its printed form', () => {
    const printed = enterpriseNumberFrom(4_123_789)
    // As people type it: "BE", spaces instead of dots.
    const typed = `BE ${printed.replace(/\./g, ' ')}`
    const value = registrationSchema.parse({ ...valid, enterpriseNumber: typed, contactEmail: ' An@Bakkerij-Peeters.be ' })
    expect(value.enterpriseNumber).toBe(printed)
    expect(value.enterpriseNumber).toMatch(/^0412\.378\.9\d\d$/)
    expect(value.contactEmail).toBe('an@bakkerij-peeters.be')
  })

  it.each([
    ['0412.345.67', 'Een ondernemingsnummer heeft 10 cijfers; dit heeft er 9.'],
    ['0412.ABC.678', 'Een ondernemingsnummer bestaat alleen uit cijfers'],
    ['2412.345.678', 'Een ondernemingsnummer begint met 0 of 1.'],
    ['0412.345.679', 'de controlecijfers passen niet'],
  ])('refuses the KBO number %s with a clear message', (enterpriseNumber, message) => {
    expect(errorsOf({ ...valid, enterpriseNumber }).enterpriseNumber?.join(' ')).toContain(message)
  })

  it('asks for a KBO number, a type and the contact when they are missing', () => {
    const errors = errorsOf({ ...valid, enterpriseNumber: undefined, employerType: undefined, contactName: undefined })
    expect(errors.enterpriseNumber).toEqual(['Vul het ondernemingsnummer in, bv. 0123.456.749.'])
    expect(errors.employerType).toEqual(['Kies het soort organisatie.'])
    expect(errors.contactName).toEqual(['Vul de naam van de contactpersoon in.'])
    expect(errorsOf({ ...valid, employerType: 'multinational' }).employerType).toEqual(['Kies het soort organisatie.'])
  })

  it('applies the password policy and wants the confirmation to match', () => {
    expect(errorsOf({ ...valid, password: 'te kort', passwordConfirm: 'te kort' }).password).toEqual([
      'Het wachtwoord moet minstens 12 tekens lang zijn.',
    ])
    expect(errorsOf({ ...valid, passwordConfirm: 'een andere lange zin' }).passwordConfirm).toEqual(['De twee wachtwoorden zijn niet gelijk.'])
    expect(errorsOf({ ...valid, password: 'x'.repeat(129), passwordConfirm: 'x'.repeat(129) }).password).toEqual([
      'Het wachtwoord mag hoogstens 128 tekens lang zijn.',
    ])
  })

  it('wants between 1 and 10 sites, each with a name, a street and a 4-digit postcode', () => {
    expect(errorsOf({ ...valid, sites: [] }).sites).toEqual(['Voeg minstens één vestiging toe.'])
    expect(errorsOf({ ...valid, sites: undefined }).sites).toEqual(['Voeg minstens één vestiging toe.'])
    expect(errorsOf({ ...valid, sites: Array(MAX_SITES).fill(site) })).toEqual({})
    expect(errorsOf({ ...valid, sites: Array(MAX_SITES + 1).fill(site) }).sites?.[0]).toContain('hoogstens 10 vestigingen')
    const errors = errorsOf({ ...valid, sites: [site, { name: ' ', street: undefined, postcode: '900' }] })
    expect(Object.keys(errors).sort()).toEqual(['sites.1.name', 'sites.1.postcode', 'sites.1.street'])
    expect(errors['sites.1.postcode']).toEqual(['Een postcode heeft 4 cijfers, bv. 9000.'])
  })

  it('keeps the municipality choice of a site only as given', () => {
    expect(siteSchema.parse({ ...site, postcode: ' 1804 ', municipalityNis: '23094' })).toEqual({ ...site, postcode: '1804', municipalityNis: '23094' })
    expect(siteSchema.parse(site)).toEqual(site)
  })
})

describe('phone numbers', () => {
  it.each(['09 123 45 67', '09/123.45.67', '0470 12 34 56', '+32 470 12 34 56', '0032 9 123 45 67', '(09) 123-45-67'])('accepts %s', (phone) => {
    expect(phoneSchema.safeParse(phone).success).toBe(true)
  })

  it.each(['123', '0470 12 34 56 78 90', '+31 20 123 4567', 'bel me maar', '00 123 45 67'])('refuses %s', (phone) => {
    const result = phoneSchema.safeParse(phone)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toContain('Dit is geen Belgisch telefoonnummer.')
  })

  it('is optional in the registration', () => {
    expect(errorsOf({ ...valid, contactPhone: undefined })).toEqual({})
    expect(errorsOf({ ...valid, contactPhone: '12' }).contactPhone).toHaveLength(1)
  })
})

describe('reason for a rejection', () => {
  it('needs at least 10 characters, not counting surrounding spaces', () => {
    expect(rejectReasonSchema.safeParse('   te kort   ').success).toBe(false)
    expect(rejectReasonSchema.parse('  Ondernemingsnummer hoort bij een andere firma.  ')).toBe('Ondernemingsnummer hoort bij een andere firma.')
  })
})
