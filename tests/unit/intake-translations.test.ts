import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { i18nConfig } from '#app/i18n'

/**
 * Every language has every text of the Dutch original, none empty, with the same {{placeholders}}. Plural
 * texts (key_one, key_other …) carry exactly the plural forms their language has (Intl.PluralRules).
 */
const localesDir = path.resolve('public/locales')
const namespaces = fs.readdirSync(path.join(localesDir, 'nl')).filter((file) => file.endsWith('.json'))
const languages = i18nConfig.supportedLngs.filter((language) => language !== 'nl')
const PLURAL = /_(zero|one|two|few|many|other)$/

type Flat = Map<string, unknown>
function flatten(value: unknown, prefix = '', into: Flat = new Map()): Flat {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into)
  } else {
    into.set(prefix, value)
  }
  return into
}
const read = (language: string, file: string) => flatten(JSON.parse(fs.readFileSync(path.join(localesDir, language, file), 'utf8')))
const placeholders = (text: unknown) => [...String(text).matchAll(/{{\s*([\w.]+)\s*}}/g)].map((match) => match[1]).sort()

/** Plural keys grouped by their base ("next.within"), with the forms present. */
function texts(flat: Flat) {
  const bases = new Map<string, string[]>()
  for (const key of flat.keys()) {
    const base = key.replace(PLURAL, '')
    bases.set(base, [...(bases.get(base) ?? []), key === base ? '' : key.slice(base.length + 1)])
  }
  return bases
}

describe.each(namespaces)('translations of %s', (file) => {
  const dutch = read('nl', file)
  const dutchTexts = texts(dutch)
  // The Dutch `_other` form (or the plain text) fixes the placeholders of every form in every language.
  const reference = (base: string) => dutch.get(dutchTexts.get(base)!.includes('') ? base : `${base}_other`)

  it('has Dutch texts, none empty, with Dutch plural forms complete', () => {
    expect(dutch.size).toBeGreaterThan(0)
    for (const [key, value] of dutch) expect(typeof value === 'string' && value.trim() !== '', `nl ${key}`).toBe(true)
    const dutchForms = new Intl.PluralRules('nl').resolvedOptions().pluralCategories
    for (const [base, forms] of dutchTexts) if (!forms.includes('')) expect(forms.sort(), `nl ${base}`).toEqual([...dutchForms].sort())
  })

  it.each(languages)('in %s: exactly the Dutch keys, filled in, with the same placeholders', (language) => {
    expect(fs.existsSync(path.join(localesDir, language, file)), `${language}/${file} exists`).toBe(true)
    const translated = read(language, file)
    const translatedTexts = texts(translated)
    expect([...translatedTexts.keys()].sort()).toEqual([...dutchTexts.keys()].sort())
    const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories
    for (const [base, present] of translatedTexts) {
      const plural = !dutchTexts.get(base)!.includes('')
      expect(present.sort(), `${language} ${base}: plural forms`).toEqual(plural ? [...forms].sort() : [''])
      for (const form of present) {
        const key = form ? `${base}_${form}` : base
        const value = translated.get(key)
        expect(typeof value === 'string' && value.trim() !== '', `${language} ${key} is filled in`).toBe(true)
        expect(placeholders(value), `${language} ${key}: placeholders`).toEqual(placeholders(reference(base)))
      }
    }
  })

  it.each(languages)('in %s: not a copy of the Dutch text', (language) => {
    const translated = read(language, file)
    const same = [...dutch].filter(([key, value]) => translated.get(key) === value && /[a-z]{4,}\s+[a-z]{4,}/i.test(String(value)))
    // Proper names and brand words may stay; whole Dutch sentences may not.
    expect(same.map(([key]) => key)).toEqual([])
  })
})
