import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { intakeLanguages } from '#domain/values'

/**
 * The outreach poster's texts (public/locales/<lng>/poster.json): one file per intake language, the same keys
 * and the same {{placeholders}} in each, and every text really translated (not the Dutch one left standing).
 */
type Texts = { [key: string]: string | Texts }

const read = (language: string) =>
  JSON.parse(fs.readFileSync(new URL(`../../public/locales/${language}/poster.json`, import.meta.url), 'utf8')) as Texts

/** "lines.help" → text, for every leaf. */
function flatten(texts: Texts, prefix = ''): Map<string, string> {
  const entries = Object.entries(texts).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[prefix + key, value]] : [...flatten(value, `${prefix}${key}.`)],
  )
  return new Map(entries)
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

const dutch = flatten(read('nl'))
const others = intakeLanguages.filter((language) => language !== 'nl')


describe('poster.json', () => {
  it('has the texts the poster shows, in Dutch', () => {
    expect([...dutch.keys()].sort()).toEqual(['lines.contact', 'lines.help', 'lines.situation', 'qrLabel', 'scan', 'title'])
    expect(placeholders(dutch.get('lines.help')!)).toEqual(['organisation'])
    expect(placeholders(dutch.get('qrLabel')!)).toEqual(['url'])
  })

  describe.each(others)('%s', (language) => {
    const texts = flatten(read(language))

    it('has exactly the keys of the Dutch file', () => {
      expect([...texts.keys()].sort()).toEqual([...dutch.keys()].sort())
    })

    it('keeps every placeholder and translates every text', () => {
      for (const [key, text] of texts) {
        expect(text.trim(), key).not.toBe('')
        expect(placeholders(text), key).toEqual(placeholders(dutch.get(key)!))
        expect(text, key).not.toBe(dutch.get(key))
      }
    })
  })

  // A text pasted into the wrong file shows up here.
  it.each([
    ['ar', /\p{Script=Arabic}/u],
    ['uk', /\p{Script=Cyrillic}/u],
  ])('%s is written in its own script', (language, script) => {
    for (const [key, text] of flatten(read(language))) expect(text, key).toMatch(script)
  })
})
