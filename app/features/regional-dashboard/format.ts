import type { StatUnit } from './stat-table'

const whole = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 0 })
const oneDecimal = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 })
const euro = new Intl.NumberFormat('nl-BE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })

/** A dashboard figure as people read it in Flanders: "1.234", "3,5 dagen", "12,5 %", "€ 1.234"; "–" for none. */
export function formatStat(value: number | null, unit: StatUnit): string {
  if (value === null) return '–'
  if (unit === 'aantal') return whole.format(value)
  if (unit === 'dagen') return `${oneDecimal.format(value)} ${value === 1 ? 'dag' : 'dagen'}`
  if (unit === 'procent') return `${oneDecimal.format(value)} %`
  return euro.format(value)
}
