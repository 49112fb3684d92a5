import type { MissReason } from '#db/queries/search-term-misses'
import { tokenize } from '#search/text'

/**
 * Learning from use (issue 15, docs/zoektermen.md): a search whose text found nothing is counted, and so is a
 * search the user replaced at once. "At once" is defined without storing anything about the user: the new
 * search was made from the results page of the previous one (its Referer is the same search page with another
 * text), and the new text is not the old one typed further or shortened (live search sends "kuis", "kuisvr",
 * "kuisvrouw" while one word is typed: that is one query being written, not a refinement).
 *
 * Only the folded text is stored, as the search folds it, with the day. Pure (no database), so a unit test can check it; `.server` because search/text.ts is server-only.
 */
const MIN_LENGTH = 2
const MAX_LENGTH = 100

/** The text as the search reads it (search/text.ts): folded words, one space between; null when too short to learn from. */
export function searchTermOf(text: string | null | undefined): string | null {
  const term = tokenize(text ?? '').join(' ').slice(0, MAX_LENGTH).trim()
  return term.length >= MIN_LENGTH ? term : null
}

/** The previous search text of the same page, from the Referer; null when the user came from elsewhere. */
function previousTerm(request: Request, param: string): string | null {
  const referer = request.headers.get('referer')
  if (!referer) return null
  try {
    const from = new URL(referer)
    const to = new URL(request.url)
    return from.origin === to.origin && from.pathname === to.pathname ? searchTermOf(from.searchParams.get(param)) : null
  } catch {
    return null
  }
}

const typedFurther = (a: string, b: string) => a.startsWith(b) || b.startsWith(a)

/**
 * What to count for this search: `add` — this text found nothing, the previous one was replaced (at most two);
 * `retract` — the previous text this one types further ("kuisv" → "kuisvrouw"): the live search sent it at a
 * pause in typing, so its "found nothing" is taken back rather than listed as a word people search.
 */
export type TermCounts = { add: [string, MissReason][]; retract: string | null }

export function searchTermMisses(request: Request, param: string, total: number): TermCounts {
  const term = searchTermOf(new URL(request.url).searchParams.get(param))
  const previous = previousTerm(request, param)
  const add: [string, MissReason][] = []
  if (!term) return { add, retract: null }
  // The same text again from its own page (another page of results, another filter) was counted the first time.
  if (total === 0 && previous !== term) add.push([term, 'noResults'])
  if (!previous || previous === term) return { add, retract: null }
  if (!typedFurther(term, previous)) add.push([previous, 'refined'])
  return { add, retract: term.startsWith(previous) ? previous : null }
}
