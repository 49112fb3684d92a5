import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { baseFilter, number, quote, tierQueries } from '#search/meilisearch/filter'
import type { SearchPlan } from '#search/plan'

/** Reads a Meilisearch double-quoted string back the way Meilisearch does: \" and \\ are escapes. */
function unquote(text: string): { value: string; rest: string } {
  expect(text[0]).toBe('"')
  let value = ''
  for (let i = 1; i < text.length; i += 1) {
    const c = text[i]!
    if (c === '\\') value += text[(i += 1)]
    else if (c === '"') return { value, rest: text.slice(i + 1) }
    else value += c
  }
  throw new Error(`unterminated string: ${text}`)
}

const plan = (patch: Partial<SearchPlan> = {}, filters: Partial<SearchPlan['filters']> = {}): SearchPlan => ({
  understanding: null,
  same: [],
  relatedGroups: [],
  terms: [],
  includeAll: true,
  origin: null,
  radiusKm: null,
  filters: { regionCodes: [], municipalities: [], dutchRankMax: null, hoursMax: null, instruments: [], employerTypes: [], schedules: [], supports: [], ...filters },
  sort: 'relevance',
  facets: [],
  limit: 20,
  offset: 0,
  ...patch,
})

describe('Meilisearch filter values', () => {
  it('escapes quotes and backslashes, so a value never ends its string early', () => {
    expect(quote('REFREG01')).toBe('"REFREG01"')
    expect(quote('x" OR id EXISTS OR "y')).toBe('"x\\" OR id EXISTS OR \\"y"')
    expect(quote('back\\slash\\')).toBe('"back\\\\slash\\\\"')
    expect(quote("it's (AND) [x]")).toBe('"it\'s (AND) [x]"')
  })

  it('reads back as exactly the value, with nothing after it, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const { value: read, rest } = unquote(quote(value))
        expect(read).toBe(value.replace(/\u0000/g, ''))
        expect(rest).toBe('')
      }),
      { numRuns: 1000 },
    )
  })

  it('refuses numbers that are not finite', () => {
    expect(number(2.5)).toBe('2.5')
    expect(() => number(Number.NaN)).toThrow(TypeError)
    expect(() => number(Number.POSITIVE_INFINITY)).toThrow(TypeError)
  })
})

describe('Meilisearch filter expressions', () => {
  it('joins every hard filter with AND; each support is needed, the other lists are any-of', () => {
    const filter = baseFilter(
      plan({ origin: { lat: 51.05, lon: 3.72 }, radiusKm: 12.5 }, { regionCodes: ['REFREG13'], dutchRankMax: 2, hoursMax: 30, instruments: ['IBO', 'WES'], supports: ['mentor', 'onboarding'] }),
    )
    expect(filter).toBe(
      '(regionCode IN ["REFREG13"]) AND (dutchRank <= 2) AND (hoursPerWeek <= 30) AND (instruments IN ["IBO", "WES"]) AND (supports = "mentor") AND (supports = "onboarding") AND (_geoRadius(51.05, 3.72, 12500))',
    )
    expect(baseFilter(plan())).toBe('')
    expect(baseFilter(plan({}, { hoursMax: 20 }))).toBe('hoursPerWeek <= 20')
  })

  it('asks per tier without overlap: same occupations by confidence, related groups by confidence, then words elsewhere', () => {
    const same = [
      { uri: 'u1', label: 'a', iscoGroup: '1111', score: 1.01, match: 'exact' as const },
      { uri: 'u2', label: 'b', iscoGroup: '2222', score: 1.0, match: 'exact' as const },
    ]
    const tiers = tierQueries(plan({ same, relatedGroups: ['1111', '2222'], terms: [{ word: 'a', corrections: [], parts: [], known: true }], includeAll: false }, { hoursMax: 20 }))
    expect(tiers).toEqual([
      { tier: 2, filter: '(hoursPerWeek <= 20) AND (occupationUri IN ["u1"])', text: false },
      { tier: 2, filter: '(hoursPerWeek <= 20) AND (occupationUri IN ["u2"])', text: false },
      { tier: 1, filter: '(hoursPerWeek <= 20) AND (iscoGroup IN ["1111"]) AND (NOT occupationUri IN ["u1", "u2"])', text: false },
      { tier: 1, filter: '(hoursPerWeek <= 20) AND (iscoGroup IN ["2222"]) AND (NOT occupationUri IN ["u1", "u2"])', text: false },
      { tier: 0, filter: '(hoursPerWeek <= 20) AND (NOT iscoGroup IN ["1111", "2222"])', text: true },
    ])
  })
})
