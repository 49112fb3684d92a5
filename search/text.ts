import { foldSearchText } from '#db/queries/reference'

/**
 * How search text is cut into words, the same way for documents, the occupation vocabulary and queries:
 * folded (case, accents, soft hyphens) and split on anything that is not a letter or digit. Apostrophes are
 * dropped first, so "auto's" stays one word ("autos") instead of leaving a stray "s".
 */
export function tokenize(text: string): string[] {
  return foldSearchText(text)
    .replace(/'/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
}

/** The words glued together: "magazijn medewerker", "magazijn-medewerker" and "magazijnmedewerker" are equal. */
export const compactForm = (words: string[]) => words.join('')

/** Word order does not matter for a label: "medewerker magazijn" is "magazijn medewerker". */
export const sortedForm = (words: string[]) => [...words].sort().join(' ')

/**
 * PostgreSQL's Dutch stop words (tsearch_data/dutch.stop, the Snowball list). A query word on this list never
 * narrows a text search on its own ("van", "de"); it still counts when a query is compared with whole labels.
 */
export const dutchStopWords: ReadonlySet<string> = new Set(
  `de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of wat mijn
  men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog zal me
  zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens
  hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere`
    .split(/\s+/)
    .filter(Boolean),
)

/**
 * How many typing errors a word of this length may carry: none below 5 letters, one from 5, two from 9.
 * These are Meilisearch's defaults (typoTolerance.minWordSizeForTypos), so both engines forgive the same.
 */
export function typoBudget(length: number): number {
  if (length >= 9) return 2
  if (length >= 5) return 1
  return 0
}
