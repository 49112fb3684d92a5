import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compoundParts, splitCompound } from '#search/compounds'
import { editDistance } from '#search/edit-distance'
import { NearestIndex } from '#search/taxonomy-nearest'
import { compactForm, sortedForm, tokenize, typoBudget } from '#search/text'

describe('tokenize', () => {
  it('folds case, accents and soft hyphens and splits on anything but letters and digits', () => {
    expect(tokenize('Financiële  MEDEWERKER/magazijn-hulp (m/v)')).toEqual(['financiele', 'medewerker', 'magazijn', 'hulp', 'm', 'v'])
    expect(tokenize('ope\u00adrator CNC-draaibank')).toEqual(['operator', 'cnc', 'draaibank'])
  })

  it("keeps a word with an apostrophe whole, whichever apostrophe it is", () => {
    expect(tokenize("auto's en foto’s")).toEqual(['autos', 'en', 'fotos'])
  })

  it('gives the same compact and sorted forms for other spellings of one label', () => {
    expect(compactForm(tokenize('magazijn medewerker'))).toBe(compactForm(tokenize('Magazijn-medewerker')))
    expect(sortedForm(tokenize('medewerker magazijn'))).toBe(sortedForm(tokenize('magazijn medewerker')))
  })

  it('allows no typo below 5 letters, one from 5 and two from 9', () => {
    expect([1, 4, 5, 8, 9, 20].map(typoBudget)).toEqual([0, 0, 1, 1, 2, 2])
  })
})

/** The textbook dynamic programme, for comparison. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
    }
  }
  return d[a.length]![b.length]!
}

describe('editDistance', () => {
  it('counts a swap of neighbouring letters as one error', () => {
    expect(editDistance('medweerker', 'medewerker', 2)).toBe(1)
    expect(editDistance('spirngmeester', 'springmeester', 2)).toBe(1)
    expect(editDistance('tsiletheer', 'toiletheer', 2)).toBe(1)
    expect(editDistance('betonareider', 'betonarbeider', 2)).toBe(1)
  })

  it('agrees with the full computation up to the limit, and says "over" beyond it', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 })
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        expect(editDistance(a, b, max)).toBe(Math.min(reference(a, b), max + 1))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('NearestIndex', () => {
  it('finds exactly the entries a comparison with every entry finds: its letter-count test never rules out a near one', () => {
    // Few letters, so strings are often near; "é" and "-" are outside the counted letters and must not mislead.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', '1', 'é', '-'), maxLength: 10 })
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), word, fc.integer({ min: 0, max: 3 }), (texts, query, budget) => {
        const index = new NearestIndex(texts.map((text, i) => [text, i] as const))
        const distances = texts.map((text) => editDistance(query, text, budget))
        const nearest = Math.min(budget + 1, ...distances)
        const expected = nearest <= budget ? texts.flatMap((_, i) => (distances[i] === nearest ? [i] : [])) : []
        const found = index.nearest(query, budget)
        expect([...found.items].sort((a, b) => a - b)).toEqual(expected)
        expect(found.distance).toBe(nearest)
      }),
      { numRuns: 3000 },
    )
  })
})

describe('compound splitting', () => {
  const lexicon = new Set(['magazijn', 'medewerker', 'mede', 'werker', 'verkeer', 'tekens', 'klanten', 'dienst', 'klantendienst', 'onderhoud', 'koper'])
  const isWord = (w: string) => lexicon.has(w)

  it('splits a compound into the fewest known words, with a linking s', () => {
    expect(splitCompound('magazijnmedewerker', isWord)).toEqual(['magazijn', 'medewerker'])
    expect(splitCompound('verkeerstekens', isWord)).toEqual(['verkeer', 'tekens'])
    expect(splitCompound('onderhoudsmedewerker', isWord)).toEqual(['onderhoud', 'medewerker'])
  })

  it('leaves words alone that are not made of known words of at least four letters', () => {
    expect(splitCompound('verkoper', isWord)).toBeNull()
    expect(splitCompound('medewerker', (w) => w === 'werker')).toBeNull()
    expect(splitCompound('kok', isWord)).toBeNull()
  })

  it('lists the parts at every level, without the word itself', () => {
    expect(compoundParts('klantendienstmedewerker', isWord).sort()).toEqual(['dienst', 'klanten', 'klantendienst', 'mede', 'medewerker', 'werker'])
    expect(compoundParts('medewerker', isWord)).toEqual(['mede', 'werker'])
  })
})
