import { describe, expect, it } from 'vitest'
import { icfCodes, icfTitle, isIcfCode } from '#domain/icf'

describe('the curated ICF list', () => {
  it('holds each code once, written d + 3 digits (activities and participation, second level)', () => {
    expect(new Set(icfCodes).size).toBe(icfCodes.length)
    for (const code of icfCodes) expect(code).toMatch(/^d\d{3}$/)
  })

  it('gives every code a non-empty Dutch title without stray spaces', () => {
    for (const code of icfCodes) {
      expect(icfTitle(code).length).toBeGreaterThan(0)
      expect(icfTitle(code)).toBe(icfTitle(code).trim())
    }
  })

  it('holds the work-related categories the final report needs', () => {
    const needed = ['d155', 'd175', 'd210', 'd220', 'd230', 'd240', 'd310', 'd350', 'd710', 'd720', 'd740', 'd845', 'd850', 'd855']
    expect(icfCodes).toEqual(expect.arrayContaining(needed))
    expect(icfTitle('d850')).toBe('Betaald werk')
  })

  it('recognises its codes and nothing else', () => {
    expect(isIcfCode('d845')).toBe(true)
    expect(isIcfCode('d999')).toBe(false)
    expect(isIcfCode('D845')).toBe(false)
    expect(isIcfCode('b130')).toBe(false)
  })
})
