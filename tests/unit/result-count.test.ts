import { describe, expect, it } from 'vitest'
import { countText } from '#domain/result-count'
import { MAX_TOTAL } from '#domain/result-count'

describe('countText', () => {
  it('names one place in the singular and other counts in the plural, with Dutch thousands', () => {
    expect(countText(0, 'plaats', 'plaatsen')).toBe('0 plaatsen')
    expect(countText(1, 'plaats', 'plaatsen')).toBe('1 plaats')
    expect(countText(999, 'passende plaats', 'passende plaatsen')).toBe('999 passende plaatsen')
  })

  it('says "of meer" at the cap, where the engines stop counting', () => {
    expect(MAX_TOTAL).toBe(1000)
    expect(countText(MAX_TOTAL, 'plaats', 'plaatsen')).toBe('1.000 of meer plaatsen')
  })
})
