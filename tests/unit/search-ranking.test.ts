import { describe, expect, it } from 'vitest'
import type { SearchPlan } from '#search/plan'
import { neighbourGroups } from '#search/isco'
import { hitScore, matchedTerms, occupationConfidence, reasonsFor, understandingOf } from '#search/ranking'
import { Taxonomy } from '#search/taxonomy'

const taxonomy = new Taxonomy([
  { uri: 'kok', label: 'kok', altLabels: [], iscoGroup: '5120', description: '' },
  { uri: 'dieetkok', label: 'dieetkok', altLabels: [], iscoGroup: '5120', description: '' },
  { uri: 'bakker', label: 'bakker', altLabels: [], iscoGroup: '7512', description: '' },
])
const plan = (patch: Partial<SearchPlan> = {}): SearchPlan => ({
  understanding: { words: ['kok'], terms: [], occupations: [], relatedGroups: ['5120'], corrected: 'kok' },
  same: [{ uri: 'kok', label: 'kok', iscoGroup: '5120', score: 1.01, match: 'exact' }],
  relatedGroups: ['5120'],
  terms: [{ word: 'kok', corrections: [], parts: [], known: true }],
  includeAll: false,
  origin: null,
  radiusKm: null,
  filters: { regionCodes: [], municipalities: [], dutchRankMax: null, hoursMax: null, instruments: [], employerTypes: [], schedules: [], supports: [] },
  sort: 'relevance',
  facets: [],
  limit: 20,
  offset: 0,
  ...patch,
})

describe('ranking', () => {
  it('gives a related occupation the confidence of the named occupation in its group', () => {
    expect(occupationConfidence(plan(), 'kok', '5120')).toBe(1.01)
    expect(occupationConfidence(plan(), 'dieetkok', '5120')).toBe(1.01)
    expect(occupationConfidence(plan(), 'bakker', '7512')).toBe(0)
  })

  it('offers the other unit groups of the minor group as neighbours, at half the confidence, and no other group', () => {
    expect(neighbourGroups(['5131'], ['5131', '5132', '5120', '5141', '5139'])).toEqual(['5132', '5139'])
    expect(neighbourGroups(['5131', '5132'], ['5131', '5132'])).toEqual([])
    const serveerster = plan({ same: [{ uri: 'ober', label: 'ober', iscoGroup: '5131', score: 1 }].map((o) => ({ ...o, match: 'exact' as const })), relatedGroups: ['5131', '5132'] })
    expect(occupationConfidence(serveerster, 'barman', '5132')).toBe(0.5)
    expect(occupationConfidence(serveerster, 'kok', '5120')).toBe(0)
    expect(reasonsFor(serveerster, { occupationUri: 'kok', iscoGroup: '5132', distanceKm: null, words: [] }, taxonomy)).toEqual([
      { kind: 'related_occupation', occupationUri: 'kok', label: 'kok', iscoGroup: '5132', relatedTo: { uri: 'ober', label: 'ober' } },
    ])
    // A group the plan does not offer (a match keeps to its own groups) is no neighbour, whatever its minor group.
    expect(reasonsFor({ ...serveerster, relatedGroups: ['5131'] }, { occupationUri: 'kok', iscoGroup: '5132', distanceKm: null, words: [] }, taxonomy)).toEqual([])
  })

  it('scores by tier first: 2.x, 1.x, 0.x', () => {
    const scores = [hitScore(plan(), 2, { uri: 'kok', iscoGroup: '5120' }, 0), hitScore(plan(), 1, { uri: 'dieetkok', iscoGroup: '5120' }, 0), hitScore(plan(), 0, { uri: 'bakker', iscoGroup: '7512' }, 0.9)]
    expect(scores.map(Math.floor)).toEqual([2, 1, 0])
    expect(scores[2]).toBeCloseTo(0.891, 3)
  })

  it('explains same, related and word matches, then the distance', () => {
    expect(reasonsFor(plan(), { occupationUri: 'kok', iscoGroup: '5120', distanceKm: 3.2, words: [] }, taxonomy)).toEqual([
      { kind: 'same_occupation', occupationUri: 'kok', label: 'kok', match: 'exact' },
      { kind: 'distance', km: 3.2 },
    ])
    expect(reasonsFor(plan(), { occupationUri: 'dieetkok', iscoGroup: '5120', distanceKm: null, words: ['kok'] }, taxonomy)).toEqual([
      { kind: 'related_occupation', occupationUri: 'dieetkok', label: 'dieetkok', iscoGroup: '5120', relatedTo: { uri: 'kok', label: 'kok' } },
      { kind: 'words', words: ['kok'] },
    ])
    expect(reasonsFor(plan(), { occupationUri: 'bakker', iscoGroup: '7512', distanceKm: null, words: ['kok'] }, taxonomy)).toEqual([{ kind: 'words', words: ['kok'] }])
  })

  it('says which occupations a sector word was read as, most central first', () => {
    const occupation = (uri: string, score: number) => ({ uri, label: uri, matchedLabel: 'keuken', match: 'sector' as const, iscoGroup: '5120', score })
    const sector = plan({
      understanding: { words: ['keuken'], terms: [], occupations: [occupation('kok', 1.02), occupation('dieetkok', 1.01)], relatedGroups: ['5120'], corrected: null },
      same: [
        { uri: 'kok', label: 'kok', iscoGroup: '5120', score: 1.02, match: 'sector' },
        { uri: 'dieetkok', label: 'dieetkok', iscoGroup: '5120', score: 1.01, match: 'sector' },
      ],
    })
    expect(reasonsFor(sector, { occupationUri: 'dieetkok', iscoGroup: '5120', distanceKm: null, words: [] }, taxonomy)).toEqual([
      { kind: 'same_occupation', occupationUri: 'dieetkok', label: 'dieetkok', match: 'sector', sector: { term: 'keuken', occupations: ['kok', 'dieetkok'] } },
    ])
  })

  it('finds which query words a document has: the word, a correction, all parts, or the start of a word for the last one', () => {
    const terms = [
      { word: 'medewerkr', corrections: ['medewerker'], parts: [], known: true },
      { word: 'magazijnhulp', corrections: [], parts: ['magazijn', 'hulp'], known: true },
      { word: 'heft', corrections: [], parts: [], known: true },
    ]
    expect(matchedTerms(terms, new Set(['medewerker', 'magazijn', 'hulp', 'heftruck']))).toEqual(['medewerkr', 'magazijnhulp', 'heft'])
    expect(matchedTerms(terms, new Set(['magazijn', 'heftruck', 'heft2']))).toEqual(['heft'])
    expect(matchedTerms(terms.slice(0, 2), new Set(['medewerkers']))).toEqual([])
  })

  it("reports the occupations a search named, but not a match's job targets", () => {
    expect(understandingOf(plan())).toEqual({ occupations: [{ uri: 'kok', label: 'kok', match: 'exact' }], corrected: 'kok' })
    expect(understandingOf(plan({ same: [{ uri: 'kok', label: 'kok', iscoGroup: '5120', score: 1, match: 'job_target' }] }))).toEqual({ occupations: [], corrected: 'kok' })
    expect(understandingOf(plan({ understanding: null }))).toBeNull()
  })
})
