import { describe, expect, it } from 'vitest'
import { wordVariants } from '#search/morphology'

describe('wordVariants', () => {
  it.each([
    ['kapsters', 'kapper'],
    ['kapster', 'kapper'],
    ['verkoopster', 'verkoper'],
    ['schoonmaakster', 'schoonmaker'],
    ['kassierster', 'kassier'],
    ['poetsvrouw', 'poetsman'],
    ['poetsman', 'poetsvrouw'],
    ['koks', 'kok'],
    ['verpleegkundigen', 'verpleegkundige'],
    ['kuisvrouwen', 'kuisvrouw'],
    ['chauffeuse', 'chauffeur'],
    ['technicienne', 'technicien'],
    ['caissiere', 'caissier'],
    ['onderwijzeres', 'onderwijzer'],
    ['hulpje', 'hulp'],
    ['kuisvrouwtje', 'kuisvrouw'],
  ])('%s has the base form %s', (word, base) => {
    expect(wordVariants(word)).toContain(base)
  })

  it('never offers the word itself or a stem shorter than three letters', () => {
    expect(wordVariants('kok')).not.toContain('kok')
    expect(wordVariants('ses').every((v) => v.length >= 3)).toBe(true)
  })
})
