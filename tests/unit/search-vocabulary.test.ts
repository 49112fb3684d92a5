import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readOtherLabels } from '#db/reference/other-labels'
import { Taxonomy } from '#search/taxonomy'
import { loadVocabulary, parseVocabulary, VOCABULARY_FILE, vocabularyKinds, vocabularySynonyms } from '#search/vocabulary'

/** The real vocabulary against the real ESCO file, and the loader's errors on a broken copy of it. */
type Occupation = { uri: string; label: string; altLabels: string[]; iscoGroup: string; description: string }
const occupations = JSON.parse(fs.readFileSync(new URL('../../db/reference/esco-occupations-nl.json', import.meta.url), 'utf8')) as Occupation[]
const labels = new Map(occupations.map((o) => [o.uri, o.label]))
const preferred = (uri: string) => labels.get(uri)
const text = fs.readFileSync(VOCABULARY_FILE, 'utf8')

const KEUKENHULP = occupations.find((o) => o.label === 'keukenhulp')!.uri
const OBER = occupations.find((o) => o.label === 'ober/serveerster')!.uri
const HEADER = 'term;kind;sector;esco_labels;esco_uris;source;note'

describe('search/vocabulary/zoekwoorden.csv', () => {
  const entries = loadVocabulary(preferred)

  it('validates: every URI exists with its label written out, no term names an occupation twice', () => {
    expect(parseVocabulary(text, preferred).errors).toEqual([])
    expect(entries.length).toBeGreaterThanOrEqual(500)
  })

  it('covers every kind and the fields of entry-level work', () => {
    for (const kind of vocabularyKinds) expect(entries.filter((e) => e.kind === kind).length, kind).toBeGreaterThanOrEqual(20)
    const sectors = new Set(entries.map((e) => e.sector))
    for (const field of ['schoonmaak', 'horeca', 'retail', 'logistiek', 'transport', 'bouw', 'techniek', 'groen en landbouw', 'zorg en welzijn', 'kinderopvang en onderwijs', 'voeding en productie', 'administratie en onthaal', 'veiligheid']) {
      expect(sectors, field).toContain(field)
    }
  })

  it('names the sector words\' occupations most central first', () => {
    const horeca = entries.find((e) => e.term === 'horeca')!
    expect(horeca.kind).toBe('sector')
    expect(horeca.occupations.slice(0, 2)).toEqual([OBER, KEUKENHULP])
  })
})

describe('vocabularySynonyms', () => {
  it('gives Meilisearch every term, folded, with its occupations\' labels (one-way), rows of one term merged', () => {
    const entries = loadVocabulary(preferred)
    const synonyms = vocabularySynonyms(entries)
    expect(Object.keys(synonyms)).toHaveLength(new Set(entries.map((e) => e.words.join(' '))).size)
    expect(synonyms['technicien de surface']).toEqual(['schoonmaker gebouwen', 'interieurverzorger'])
    const twice = parseVocabulary(
      `${HEADER}\nAfwasser;colloquial;horeca;keukenhulp;${KEUKENHULP};Van Dale;\nafwasser;colloquial;horeca;ober/serveerster;${OBER};Van Dale;\n`,
      preferred,
    )
    expect(vocabularySynonyms(twice.entries)).toEqual({ afwasser: ['keukenhulp', 'ober/serveerster'] })
  })
})

describe('parseVocabulary', () => {
  const row = (cells: string) => `${HEADER}\n${cells}\n`

  it('reads a valid row, with the term in the search\'s own folding', () => {
    const { entries, errors } = parseVocabulary(row(`Afwassér;colloquial;horeca;keukenhulp;${KEUKENHULP};Van Dale;`), preferred)
    expect(errors).toEqual([])
    expect(entries[0]).toMatchObject({ line: 2, term: 'Afwassér', words: ['afwasser'], occupations: [KEUKENHULP] })
  })

  it('names the line and the field of every error, and returns no entries then', () => {
    const broken = [
      HEADER,
      `afwasser;colloquial;horeca;keukenhulp;${KEUKENHULP};Van Dale;`,
      `plongeur;frans;horeca;keukenhulp;${KEUKENHULP};Actiris;`,
      `kelner;colloquial;horeca;kok;${OBER};Van Dale;`,
      `dienster;colloquial;horeca;ober/serveerster;http://data.europa.eu/esco/occupation/nope;Van Dale;`,
      `afwasser;colloquial;horeca;keukenhulp;${KEUKENHULP};Van Dale;`,
      `tapper;colloquial;horeca;barman/barvrouw | kok;${OBER};;`,
      `;colloquial;horeca;keukenhulp;${KEUKENHULP};Van Dale;`,
    ].join('\n')
    const { entries, errors } = parseVocabulary(broken, preferred)
    expect(entries).toEqual([])
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'kind'],
      [4, 'esco_labels'],
      [5, 'esco_uris'],
      [6, 'esco_uris'],
      [7, 'source'],
      [7, 'esco_labels'],
      [7, 'esco_labels'],
      [8, 'term'],
    ])
    expect(errors[1]!.message).toContain('"ober/serveerster"')
    expect(errors[3]!.message).toContain('line 2')
  })

  it('refuses a file with other columns', () => {
    expect(parseVocabulary('term;uri\nx;y\n', preferred).errors).toEqual([{ line: 1, field: 'header', message: expect.stringContaining('term;kind') }])
  })
})

describe('Taxonomy with the vocabulary and ESCO\'s other labels', () => {
  const taxonomy = new Taxonomy(occupations, ['Gent'], { vocabulary: loadVocabulary(preferred), otherLabels: readOtherLabels() })
  const first = (q: string) => taxonomy.understand(q).occupations[0]
  const labelsOf = (q: string, n = 3) => taxonomy.understand(q).occupations.slice(0, n).map((o) => o.label)

  it('reads a colloquial word by the vocabulary, never as a typing error of an unrelated occupation', () => {
    expect(first('kuisvrouw')).toMatchObject({ label: 'schoonmaker gebouwen', match: 'vocabulary' })
    expect(taxonomy.understand('kuisvrouw').corrected).toBeNull()
    expect(taxonomy.understand('kuisvrouw').terms[0]!.corrections).toEqual([])
  })

  it('reads a sector word as its entry-level occupations, in the vocabulary\'s order', () => {
    expect(labelsOf('horeca')).toEqual(['ober/serveerster', 'keukenhulp', 'medewerker keuken'])
    expect(first('horeca')!.match).toBe('sector')
    expect(first('horeca in Gent')).toMatchObject({ label: 'ober/serveerster', match: 'sector' })
  })

  it('resolves ESCO\'s English, French and hidden labels, still showing the Dutch label', () => {
    expect(first('head chef')).toMatchObject({ label: 'chefkok', matchedLabel: 'head chef' })
    expect(first('géomètre minier')).toMatchObject({ label: 'mijnmeter', matchedLabel: 'géomètre minier' })
    expect(first('QA medewerker voedingsmiddelen')).toMatchObject({ label: 'specialist voedselveiligheid' })
    // Occupations sharing an English label: the one whose English preferred label it is comes first.
    expect(labelsOf('kitchen assistant', 2)).toEqual(['keukenhulp', 'medewerker maaltijden'])
    // English words are known words: never corrected into a Dutch label word.
    expect(taxonomy.understand('kitchen').terms[0]!.corrections).toEqual([])
  })

  it('undoes plurals, feminine forms and diminutives, split and glued compounds, and accents', () => {
    expect(first('kuisvrouwen')).toMatchObject({ label: 'schoonmaker gebouwen', match: 'variant' })
    expect(first('lassers')).toMatchObject({ label: 'lasser', match: 'variant' })
    expect(first('medewerker magazijn')).toMatchObject({ label: 'magazijnmedewerker', match: 'reordered' })
    expect(first('kassa-medewerker')).toMatchObject({ label: 'kassamedewerker', match: 'exact' })
    expect(first('caissière')!.label).toBe(first('caissiere')!.label)
  })

  it('reads several jobs at once, a generic job word beside a field, a licence class beside a job', () => {
    expect(labelsOf('winkel- en kassamedewerker', 2)).toEqual(['winkelmedewerker', 'kassamedewerker'])
    expect(labelsOf('magazijnier-heftruckchauffeur', 2)).toEqual(['magazijnmedewerker', 'heftruckchauffeur'])
    expect(first('medewerker groendienst')!.label).toBe('medewerker groenvoorziening/medewerkster groenvoorziening')
    expect(first('verkoopster kleding')!.label).toBe('verkoopspecialist kleding')
    expect(first('heftruckchauffeur ADR')!.label).toBe('heftruckchauffeur')
    expect(first('nachtmagazijnmedewerker')).toMatchObject({ label: 'magazijnmedewerker', match: 'contained' })
  })

  it('reads a field glued to a generic job word as the field, before any typing error', () => {
    expect(first('kringwinkelmedewerker')).toMatchObject({ label: 'verkoopspecialist tweedehandsartikelen', match: 'sector' })
    expect(first('textielarbeider')).toMatchObject({ label: 'naaister', match: 'sector' })
    expect(taxonomy.understand('horecamedewerker').corrected).toBeNull()
    // A typing error in the field is still a typing error of the whole label.
    expect(first('productiemedewerkr')).toMatchObject({ label: 'productiemedewerker', match: 'typo' })
  })

  it('held out: regular forms of the vocabulary\'s terms that no row holds still mean the term\'s occupations', () => {
    // What a hidden set of other words tests: plurals of job names, -man → -vrouw, a sector word glued to "medewerker".
    const vocabulary = loadVocabulary(preferred)
    const terms = new Set(vocabulary.map((e) => e.term))
    const forms = vocabulary.flatMap((entry) => {
      if (!/^[a-z]+$/.test(entry.term)) return []
      const made = entry.kind === 'sector' ? [`${entry.term}medewerker`] : /(er|eur)$/.test(entry.term) ? [`${entry.term}s`] : []
      if (entry.term.endsWith('man')) made.push(`${entry.term.slice(0, -3)}vrouw`)
      return made.filter((form) => !terms.has(form)).map((form) => ({ form, entry }))
    })
    const missed = forms.filter(({ form, entry }) => !entry.occupations.includes(first(form)?.uri ?? '')).map(({ form }) => form)
    expect(forms.length).toBeGreaterThan(300)
    // A few forms are ESCO labels of their own (wasserijmedewerker) and rightly mean that occupation.
    expect(missed.length / forms.length).toBeLessThan(0.02)
  })

  it('still corrects a real typing error, in a vocabulary term too', () => {
    expect(first('kuisvrouww')).toMatchObject({ label: 'schoonmaker gebouwen', match: 'typo' })
    expect(first('magazjnmedewerker')).toMatchObject({ label: 'magazijnmedewerker', match: 'typo' })
  })

  it('keeps ESCO\'s own reading of a word the vocabulary also names, after the vocabulary\'s', () => {
    const understood = taxonomy.understand('schilder').occupations
    expect(understood[0]!.label).toBe('schilder bouw')
    expect(understood.length).toBeGreaterThan(2)
  })
})
