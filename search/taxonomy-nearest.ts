import { editDistance } from './edit-distance'

/**
 * Finds the strings within a few typing errors of a query string, as the taxonomy does for every query (against
 * 25,000 labels and 10,000 label words). Strings are grouped by length, and before the edit distance a cheap test
 * rules most of them out: the letters (a–z, 0–9) two strings differ in. An insertion or a deletion changes that
 * count by one, a substitution by at most two, a swap of neighbours not at all, so strings whose counts differ by
 * more than 2 × max are more than max edits apart. The counts of a length's strings sit in one flat array.
 */
const SLOTS = 36

function countLetters(text: string, into: Uint8Array, at: number) {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i)
    const slot = code >= 97 && code <= 122 ? code - 97 : code >= 48 && code <= 57 ? code - 22 : -1
    if (slot >= 0 && into[at + slot]! < 255) into[at + slot]! += 1
  }
}

type Group<T> = { texts: string[]; items: T[]; letters: Uint8Array }

export class NearestIndex<T> {
  private readonly byLength = new Map<number, Group<T>>()

  constructor(entries: Iterable<readonly [string, T]>) {
    const lists = new Map<number, { texts: string[]; items: T[] }>()
    for (const [text, item] of entries) {
      const list = lists.get(text.length) ?? { texts: [], items: [] }
      list.texts.push(text)
      list.items.push(item)
      lists.set(text.length, list)
    }
    for (const [length, { texts, items }] of lists) {
      const letters = new Uint8Array(texts.length * SLOTS)
      texts.forEach((text, i) => countLetters(text, letters, i * SLOTS))
      this.byLength.set(length, { texts, items, letters })
    }
  }

  /** The items whose text is the fewest edits (at most `budget`) away from `text`, and that number; none: []. */
  nearest(text: string, budget: number): { items: T[]; distance: number } {
    const query = new Uint8Array(SLOTS)
    countLetters(text, query, 0)
    let nearest = budget + 1
    let found: T[] = []
    for (let length = text.length - budget; length <= text.length + budget; length += 1) {
      const group = this.byLength.get(length)
      if (!group) continue
      for (let i = 0; i < group.texts.length; i += 1) {
        const max = Math.min(budget, nearest)
        if (!withinLetters(query, group.letters, i * SLOTS, max)) continue
        const distance = editDistance(text, group.texts[i]!, max)
        if (distance < nearest) [nearest, found] = [distance, [group.items[i]!]]
        else if (distance === nearest && distance <= budget) found.push(group.items[i]!)
      }
    }
    return { items: found, distance: nearest }
  }
}

function withinLetters(query: Uint8Array, letters: Uint8Array, at: number, max: number): boolean {
  let difference = 0
  for (let slot = 0; slot < SLOTS; slot += 1) {
    difference += Math.abs(query[slot]! - letters[at + slot]!)
    if (difference > 2 * max) return false
  }
  return true
}
