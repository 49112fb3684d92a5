import { describe, expect, it } from 'vitest'
import { formatIntakeDate, intakePath } from '#domain/intake-languages'
import { generateReference, REFERENCE_ALPHABET, REFERENCE_PATTERN } from '#domain/intake-reference'
import { addWorkingDays, brusselsDate, workingDaysBetween } from '#domain/intake-working-days'

describe('working days', () => {
  it('skip weekends', () => {
    expect(addWorkingDays('2026-11-23', 5)).toBe('2026-11-30') // Monday → next Monday
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30') // Friday → Monday
    expect(addWorkingDays('2026-11-28', 5)).toBe('2026-12-04') // Saturday → Friday
    expect(addWorkingDays('2026-12-30', 3)).toBe('2027-01-04') // over the new year
  })

  it('count back what was added', () => {
    for (const [from, days] of [['2026-11-23', 5], ['2026-11-28', 5], ['2026-11-27', 1], ['2026-11-25', 0]] as const) {
      expect(workingDaysBetween(from, addWorkingDays(from, days))).toBe(days)
    }
  })

  it('take the date in Brussels', () => {
    expect(brusselsDate(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24')
    expect(brusselsDate(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30')
  })
})

describe('reference codes', () => {
  it('read well over the phone: STP-XXXX-XXXX without 0, O, 1, I or L', () => {
    for (let i = 0; i < 200; i++) expect(generateReference()).toMatch(REFERENCE_PATTERN)
    expect(REFERENCE_ALPHABET).not.toMatch(/[01ILO]/)
  })

  it('draw every character with equal chance (bytes above 247 are drawn again)', () => {
    let next = 0
    // 248 and 255 are skipped; 0 and 31 are both the first letter.
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => [248, 0, 31, 255, 30][next++ % 5]!)
    expect(generateReference(bytes)).toBe('STP-22Z2-2Z22')
  })
})

describe('intake addresses and dates', () => {
  it('always carry the language', () => {
    expect(intakePath('', 'ar')).toBe('/aanmelden?lng=ar')
    expect(intakePath('naam', 'nl', { terug: 'controle' })).toBe('/aanmelden/naam?lng=nl&terug=controle')
  })

  it('are written in the person’s language, Arabic with Western digits', () => {
    expect(formatIntakeDate('2026-11-30', 'nl')).toBe('maandag 30 november 2026')
    expect(formatIntakeDate('2026-11-30', 'ar')).toContain('2026')
  })
})
