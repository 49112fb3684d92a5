/**
 * Totals are exact up to this many matches and say "at least this many" at it: counting further would read every
 * match (Meilisearch's maxTotalHits works the same way). Pages say "1.000 of meer".
 */
export const MAX_TOTAL = 1000

const number = new Intl.NumberFormat('nl-BE')

/**
 * "1 plaats", "25 plaatsen", "1.000 of meer plaatsen": a search stops counting at MAX_TOTAL, so a total at the cap
 * is a lower bound and must not read as an exact count.
 */
export function countText(total: number, one: string, many: string): string {
  if (total === 1) return `1 ${one}`
  return `${number.format(total)}${total >= MAX_TOTAL ? ' of meer' : ''} ${many}`
}
