import { type IsoDate, plusMonths } from './calendar-dates'

/**
 * The periods of the regional dashboard (issue 14): a month ("2026-11"), a quarter ("2026-Q4") or a year ("2026"),
 * each from its first day up to (not including) the first day after it, in Belgian calendar days. The running
 * period is allowed (a dashboard follows the work as it happens) and says "tot vandaag".
 */
export type PeriodKind = 'maand' | 'kwartaal' | 'jaar'
export type StatPeriod = { key: string; kind: PeriodKind; label: string; from: IsoDate; until: IsoDate }

const monthNames = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']
const pad = (n: number) => String(n).padStart(2, '0')

function make(kind: PeriodKind, year: number, index: number): StatPeriod {
  if (kind === 'jaar') return { key: `${year}`, kind, label: `${year}`, from: `${year}-01-01`, until: `${year + 1}-01-01` }
  if (kind === 'kwartaal') {
    const from = `${year}-${pad((index - 1) * 3 + 1)}-01`
    return { key: `${year}-Q${index}`, kind, label: `${index}e kwartaal ${year}`, from, until: plusMonths(from, 3) }
  }
  const from = `${year}-${pad(index)}-01`
  return { key: `${year}-${pad(index)}`, kind, label: `${monthNames[index - 1]} ${year}`, from, until: plusMonths(from, 1) }
}

const patterns: [PeriodKind, RegExp][] = [
  ['jaar', /^(\d{4})$/],
  ['kwartaal', /^(\d{4})-Q([1-4])$/],
  ['maand', /^(\d{4})-(0[1-9]|1[0-2])$/],
]

/** The period a key names, or null for anything else (the route answers that with a message). */
export function parsePeriod(key: string): StatPeriod | null {
  for (const [kind, pattern] of patterns) {
    const match = pattern.exec(key)
    if (match) return make(kind, Number(match[1]), Number(match[2] ?? 1))
  }
  return null
}

/** The period of the same kind just before `period` (the dashboard's "vorige periode"). */
export function previousPeriod(period: StatPeriod): StatPeriod {
  const year = Number(period.from.slice(0, 4))
  const month = Number(period.from.slice(5, 7))
  if (period.kind === 'jaar') return make('jaar', year - 1, 1)
  if (period.kind === 'kwartaal') return month === 1 ? make('kwartaal', year - 1, 4) : make('kwartaal', year, (month - 1) / 3)
  return month === 1 ? make('maand', year - 1, 12) : make('maand', year, month - 1)
}

/** The period of `kind` that contains `today`. */
export function periodContaining(kind: PeriodKind, today: IsoDate): StatPeriod {
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  return make(kind, year, kind === 'kwartaal' ? Math.floor((month - 1) / 3) + 1 : month)
}

/** What the period picker offers: the running and the 12 previous months, 8 quarters and 3 years, newest first. */
export function selectablePeriods(today: IsoDate): Record<PeriodKind, StatPeriod[]> {
  const back = (kind: PeriodKind, count: number) => {
    const list = [periodContaining(kind, today)]
    while (list.length < count) list.push(previousPeriod(list.at(-1)!))
    return list
  }
  return { maand: back('maand', 13), kwartaal: back('kwartaal', 8), jaar: back('jaar', 3) }
}

/** Whether `today` falls inside the period (its figures still move). */
export const isRunning = (period: StatPeriod, today: IsoDate) => period.from <= today && today < period.until

/** What one column of a dashboard table counts: a date range [from, until) and reference regions (null = Flanders). */
export type StatSlice = { from: IsoDate; until: IsoDate; regionCodes: string[] | null }
