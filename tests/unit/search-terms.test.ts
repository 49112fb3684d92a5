import { describe, expect, it } from 'vitest'
import { searchTermMisses, searchTermOf } from '#app/features/search-terms/search-term-text.server'
import { acceptedEntries } from '#search/vocabulary'

const BAKER = 'http://data.europa.eu/esco/occupation/baker'
const COOK = 'http://data.europa.eu/esco/occupation/cook'
const labels = new Map([
  [BAKER, 'bakker'],
  [COOK, 'kok'],
])

const search = (q: string, referer?: string) =>
  new Request(`https://stapsteen.test/begeleider/zoeken?q=${encodeURIComponent(q)}`, referer ? { headers: { Referer: referer } } : {})
const from = (q: string, path = '/begeleider/zoeken') => `https://stapsteen.test${path}?q=${encodeURIComponent(q)}`

describe('what a search teaches', () => {
  it('folds the text as the search does and ignores what is too short to learn from', () => {
    expect(searchTermOf('  Kassa-Médewerker ')).toBe('kassa medewerker')
    expect(searchTermOf('x')).toBeNull()
    expect(searchTermOf(null)).toBeNull()
    expect(searchTermOf('a'.repeat(300))).toHaveLength(100)
  })

  it('counts a text without results, and not one with results', () => {
    expect(searchTermMisses(search('Kuisvrouw'), 'q', 0)).toEqual({ add: [['kuisvrouw', 'noResults']], retract: null })
    expect(searchTermMisses(search('kuisvrouw'), 'q', 3)).toEqual({ add: [], retract: null })
    expect(searchTermMisses(search(''), 'q', 0)).toEqual({ add: [], retract: null })
  })

  it('counts the same text again from its own page (another page, another filter) only once', () => {
    expect(searchTermMisses(search('kuisvrouw', from('kuisvrouw')), 'q', 0)).toEqual({ add: [], retract: null })
  })

  it('counts the previous text as refined when another one was searched from its results page', () => {
    expect(searchTermMisses(search('schoonmaker', from('kuisvrouw')), 'q', 5)).toEqual({ add: [['kuisvrouw', 'refined']], retract: null })
    expect(searchTermMisses(search('schoonmaker', from('kuisvrouw')), 'q', 0)).toEqual({
      add: [
        ['schoonmaker', 'noResults'],
        ['kuisvrouw', 'refined'],
      ],
      retract: null,
    })
  })

  it('takes back the "found nothing" of a text typed further, and counts erasing as neither', () => {
    expect(searchTermMisses(search('kuisvrouw', from('kuisv')), 'q', 5)).toEqual({ add: [], retract: 'kuisv' })
    expect(searchTermMisses(search('kuisvrouwke', from('kuisvrouw')), 'q', 0)).toEqual({ add: [['kuisvrouwke', 'noResults']], retract: 'kuisvrouw' })
    expect(searchTermMisses(search('kuis', from('kuisvrouw')), 'q', 5)).toEqual({ add: [], retract: null })
  })

  it('does not count another page or another site as the previous search', () => {
    const nothing = { add: [], retract: null }
    expect(searchTermMisses(search('bakker', from('kuisvrouw', '/plaatsen')), 'q', 5)).toEqual(nothing)
    expect(searchTermMisses(search('bakker', 'https://elders.test/begeleider/zoeken?q=kuisvrouw'), 'q', 5)).toEqual(nothing)
    expect(searchTermMisses(search('bakker', 'not a url'), 'q', 5)).toEqual(nothing)
  })
})

describe('accepted mappings in the vocabulary', () => {
  it('groups a term’s occupations in the order they were accepted and drops an occupation ESCO no longer has', () => {
    const entries = acceptedEntries(
      [
        { term: 'Broodmaker', kind: 'colloquial', occupationUri: BAKER, note: 'a' },
        { term: 'broodmaker', kind: 'colloquial', occupationUri: COOK, note: 'b' },
        { term: 'broodmaker', kind: 'colloquial', occupationUri: BAKER, note: 'c' },
        { term: 'weg', kind: 'colloquial', occupationUri: 'http://data.europa.eu/esco/occupation/gone', note: 'd' },
      ],
      (uri) => labels.get(uri),
    )
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ words: ['broodmaker'], occupations: [BAKER, COOK], labels: ['bakker', 'kok'], kind: 'colloquial' })
  })
})
