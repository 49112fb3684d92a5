/**
 * Shapes of a query that names a job without being a label, undone before a typing error is assumed:
 * - a generic job word next to a field: "medewerker productie", "job horeca", "bediende onthaal" (the field is
 *   the job; the generic word says nothing more);
 * - several jobs at once: "winkel- en kassamedewerker", "poetsen en strijken", "magazijnier-heftruckchauffeur";
 *   in "winkel- en kassamedewerker" the first part borrows the head of the last ("winkelmedewerker").
 */
export const genericJobWords: ReadonlySet<string> = new Set(
  `medewerker medewerkster bediende arbeider arbeidster werker werkster hulp kracht personeel job jobs vacature
  vacatures werk functie worker assistant employe employee ouvrier ouvriere staff`.split(/\s+/).filter(Boolean),
)

const CONJUNCTIONS: ReadonlySet<string> = new Set(['en', 'of', 'and', 'or', 'et', 'ou', 'plus'])

/** The query cut at "en", "of" … ; one part when there is none. */
export function conjuncts(words: string[]): string[][] {
  const parts: string[][] = [[]]
  for (const word of words) {
    if (CONJUNCTIONS.has(word)) parts.push([])
    else parts.at(-1)!.push(word)
  }
  return parts.filter((part) => part.length > 0)
}

/** Lists merged by turns (the first of each, then the second of each …), each item once. */
export function interleave<T>(lists: T[][], key: (item: T) => string): T[] {
  const merged: T[] = []
  const seen = new Set<string>()
  for (let i = 0; lists.some((list) => i < list.length); i += 1) {
    for (const list of lists) {
      const item = list[i]
      if (item !== undefined && !seen.has(key(item))) {
        seen.add(key(item))
        merged.push(item)
      }
    }
  }
  return merged
}
