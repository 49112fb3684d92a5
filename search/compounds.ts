/**
 * Dutch compounds: "magazijnmedewerker" is "magazijn" + "medewerker", "verkeerstekens" is "verkeer" + s +
 * "tekens". A word is split into known words (the lexicon: every word of the ESCO labels and descriptions) of at
 * least MIN_PART letters, optionally joined by a linking "s", "e" or "en". Documents index the parts next to
 * the whole word and queries search for them too, so "medewerker" or "magazijn" finds "magazijnmedewerker"
 * in both engines (neither matches inside a word on its own; prefixes only cover the first part).
 */
const MIN_PART = 4
const LINKS = ['s', 'e', 'en'] as const

/** The fewest known words that make up `word` (the longest last part among equals), or null. */
export function splitCompound(word: string, isWord: (part: string) => boolean): string[] | null {
  const n = word.length
  if (n < 2 * MIN_PART) return null
  // best[i]: the shortest split of word[0, i) into known parts, each possibly followed by a linking letter(s).
  const best: (string[] | null)[] = new Array(n + 1).fill(null)
  best[0] = []
  for (let end = MIN_PART; end <= n; end += 1) {
    for (let start = 0; start <= end - MIN_PART; start += 1) {
      const before = reachable(best, word, start)
      if (!before) continue
      const part = word.slice(start, end)
      if (start === 0 && end === n) continue // the word itself is not a split
      if (!isWord(part)) continue
      const candidate = [...before, part]
      const current = best[end]
      if (!current || candidate.length < current.length || (candidate.length === current.length && part.length > current.at(-1)!.length)) {
        best[end] = candidate
      }
    }
  }
  const split = best[n]
  return split && split.length >= 2 ? split : null
}

/** The split that ends at `start`, directly or followed by a linking "s", "e" or "en". */
function reachable(best: (string[] | null)[], word: string, start: number): string[] | null {
  let found = best[start] ?? null
  if (start === 0) return found
  for (const link of LINKS) {
    const at = start - link.length
    const candidate = at > 0 && word.slice(at, start) === link ? best[at] : null
    if (candidate && candidate.length > 0 && (!found || candidate.length < found.length)) found = candidate
  }
  return found && found.length > 0 ? found : null
}

/** Every part at every level ("klantendienstmedewerker" → klantendienst, medewerker, klanten, dienst), not the word. */
export function compoundParts(word: string, isWord: (part: string) => boolean, depth = 2): string[] {
  const split = splitCompound(word, isWord)
  if (!split) return []
  const parts = new Set(split)
  if (depth > 1) for (const part of split) for (const sub of compoundParts(part, isWord, depth - 1)) parts.add(sub)
  parts.delete(word)
  return [...parts]
}
