import { type IsoDate, plusMonths } from './calendar-dates'

/**
 * Calendar quarters as the open statistics publish them ("2026-Q3"): only closed quarters (the data of a running
 * quarter still moves), each with its first day and the first day after it.
 */
export type Quarter = { quarter: string; from: IsoDate; until: IsoDate }

const QUARTER = /^(\d{4})-Q([1-4])$/

export function quarterOf(label: string): Quarter | null {
  const match = QUARTER.exec(label)
  if (!match) return null
  const from = `${match[1]}-${String((Number(match[2]) - 1) * 3 + 1).padStart(2, '0')}-01`
  return { quarter: label, from, until: plusMonths(from, 3) }
}

/** The `count` most recent quarters that ended before `today`, newest first. */
export function closedQuarters(today: IsoDate, count: number): Quarter[] {
  const year = Number(today.slice(0, 4))
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3)
  return Array.from({ length: count }, (_, back) => {
    const index = year * 4 + current - 1 - back
    return quarterOf(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`)!
  })
}
