import { describe, expect, it } from 'vitest'
import { Taxonomy, type OccupationRecord } from '#search/taxonomy'

/** A small vocabulary in the shape of the ESCO occupations, so every rule of the resolution can be seen working. */
const occupation = (uri: string, iscoGroup: string, label: string, altLabels: string[], description = ''): OccupationRecord => ({
  uri: `http://data.europa.eu/esco/occupation/${uri}`,
  iscoGroup,
  label,
  altLabels,
  description,
})
const OCCUPATIONS = [
  occupation('magazijn', '9333', 'magazijnmedewerker', ['magazijnier', 'medewerker magazijn', 'magazijnmedewerkster'], 'Werkt in het magazijn en de opslag.'),
  occupation('pakhuis', '9333', 'pakhuismedewerker', ['magazijnmedewerker', 'loodsmedewerker']),
  occupation('kok', '5120', 'kok', ['chef-kok', 'keukenchef']),
  occupation('keramist', '2651', 'keramist', ['keramiste', 'pottenbakker']),
  occupation('vormpers', '8181', 'bediener vormpers', ['keramiste', 'perser aardewerk', 'operator vormpers']),
  occupation('agent', '5412', 'politieagent', ['agent']),
  occupation('vastgoed', '3334', 'vastgoedmakelaar', ['makelaar vastgoed']),
]
const taxonomy = new Taxonomy(OCCUPATIONS, ['Gent', 'Sint-Niklaas', 'Antwerpen'])
const resolve = (q: string) => taxonomy.understand(q).occupations.map((o) => [o.label, o.match])

describe('Taxonomy.understand', () => {
  it('resolves a preferred or alternative label, in any spelling of the compound', () => {
    expect(resolve('Kok')).toEqual([['kok', 'exact']])
    expect(resolve('keukenchef')).toEqual([['kok', 'exact']])
    expect(resolve('magazijn-medewerker')[0]).toEqual(['magazijnmedewerker', 'exact'])
  })

  it('puts the occupation whose preferred label it is first when several share a label', () => {
    const understood = taxonomy.understand('magazijnmedewerker')
    expect(understood.occupations.map((o) => o.label)).toEqual(['magazijnmedewerker', 'pakhuismedewerker'])
    expect(understood.relatedGroups).toEqual(['9333'])
  })

  it('puts the occupation whose other labels also use the query words first, among alternative labels', () => {
    expect(resolve('perser aardewerk')).toEqual([['bediener vormpers', 'exact']])
    expect(taxonomy.understand('keramiste').occupations.map((o) => o.label)).toEqual(['keramist', 'bediener vormpers'])
  })

  it('resolves the words of a label in another order', () => {
    expect(resolve('vormpers operator')).toEqual([['bediener vormpers', 'reordered']])
    // Spaces do not count: this is the label itself.
    expect(resolve('vastgoed makelaar')).toEqual([['vastgoedmakelaar', 'exact']])
  })

  it('corrects a typing error against the whole label and word by word, and says what it searched for', () => {
    const whole = taxonomy.understand('magazjnmedewerker')
    expect(whole.occupations[0]).toMatchObject({ label: 'magazijnmedewerker', match: 'typo' })
    expect(whole.corrected).toBe('magazijnmedewerker')
    const reordered = taxonomy.understand('makelaar vastgeod')
    expect(reordered.occupations[0]).toMatchObject({ label: 'vastgoedmakelaar', match: 'typo' })
    expect(reordered.terms.find((t) => t.word === 'vastgeod')?.corrections).toEqual(['vastgoed'])
  })

  it('scores exact above reordered above typos', () => {
    const score = (q: string) => taxonomy.understand(q).occupations[0]!.score
    expect(score('operator vormpers')).toBeGreaterThan(score('vormpers operator'))
    expect(score('vormpers operator')).toBeGreaterThan(score('operator vormpres'))
  })

  it('finds a label inside a longer query only when the other words are no occupation words', () => {
    expect(resolve('kok in Gent')).toEqual([['kok', 'contained']])
    expect(resolve('agent vastgoed')).toEqual([])
  })

  it('never corrects a place name or a short word into an occupation word', () => {
    const understood = taxonomy.understand('magazijnier sint-niklaas')
    expect(understood.terms.flatMap((t) => t.corrections)).toEqual([])
    expect(taxonomy.corrections('kik')).toEqual([])
  })

  it('cuts the query into search terms: stop words out, compound parts and corrections in', () => {
    const { terms } = taxonomy.understand('medewerker van het magazjin')
    expect(terms.map((t) => t.word)).toEqual(['medewerker', 'magazjin'])
    expect(terms[1]).toMatchObject({ corrections: ['magazijn'], known: true })
    expect(taxonomy.understand('magazijnmedewerker').terms[0]!.parts).toEqual(['magazijn', 'medewerker'])
    expect(taxonomy.understand('xyzzyplugh').terms[0]).toMatchObject({ corrections: [], known: false })
  })

  it('understands nothing in an empty query', () => {
    expect(taxonomy.understand('  ,; ')).toMatchObject({ words: [], terms: [], occupations: [], corrected: null })
  })
})
