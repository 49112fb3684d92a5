/**
 * Dutch (and Belgian French) word forms a job name takes in a query, undone by rule: plurals (koks, kappers,
 * verpleegkundigen), feminine forms (verkoopster → verkoper, kapster → kapper, kassierster → kassier,
 * onderwijzeres, chauffeuse → chauffeur, technicienne, caissière), -vrouw/-man (poetsvrouw ↔ poetsman) and
 * diminutives (hulpje, manneke). The rules over-generate on purpose: a candidate only counts when it is a
 * known term (the taxonomy looks each one up), so "kassa" → "kass" does no harm. Input is a folded word
 * (search/text.ts), so accents are already gone ("caissiere").
 */
const MIN_STEM = 3

/** Candidate base forms of one word, nearest rule first, without the word itself. */
export function wordVariants(word: string): string[] {
  const found = new Set<string>()
  for (const first of oneStep(word)) {
    found.add(first)
    for (const second of oneStep(first)) found.add(second)
  }
  found.delete(word)
  return [...found]
}

function oneStep(w: string): string[] {
  const out: string[] = []
  const strip = (suffix: string, ...replacements: string[]) => {
    if (!w.endsWith(suffix) || w.length - suffix.length < MIN_STEM) return
    const stem = w.slice(0, -suffix.length)
    for (const replacement of replacements) out.push(stem + replacement)
  }
  // Feminine -ster: verkoop|ster → verkoper (long vowel shortened), kap|ster → kapper, kassier|ster → kassier.
  if (w.endsWith('ster') && w.length >= 4 + MIN_STEM) {
    const stem = w.slice(0, -4)
    out.push(stem, `${stem}er`, `${stem}${stem.at(-1)}er`, `${shortened(stem)}er`)
  }
  strip('vrouw', 'man')
  strip('man', 'vrouw')
  strip('euse', 'eur')
  strip('trice', 'teur')
  strip('ienne', 'ien')
  strip('es', '')
  strip('in', '')
  strip('e', '')
  // Plurals: koks, kappers, verpleegkundigen (→ verpleegkundige), lassers; "-en" after a doubled consonant (bakkers is -s).
  strip('s', '')
  strip('en', '', 'e')
  if (/([bdfgklmnprt])\1en$/.test(w)) out.push(w.slice(0, -3))
  // Diminutives: hulpje, kuisvrouwtje, manneke; "-etje"/"-eke" after a doubled consonant (mannetje → man).
  strip('tje', '')
  strip('pje', 'p')
  strip('je', '')
  strip('ke', '')
  if (/([bdfgklmnprt])\1(etje|eke)$/.test(w)) out.push(w.replace(/([bdfgklmnprt])\1(etje|eke)$/, '$1'))
  return out.filter((variant) => variant.length >= MIN_STEM)
}

/** "verkoop" → "verkop", "maak" → "mak": a doubled vowel before the last consonant(s) is single before -er. */
function shortened(stem: string): string {
  return stem.replace(/(aa|ee|oo|uu)([^aeiou]+)$/, (_, vowel: string, rest: string) => vowel[0]! + rest)
}
