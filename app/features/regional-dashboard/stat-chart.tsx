import { Group } from '@visx/group'
import { scaleLinear } from '@visx/scale'
import { Bar } from '@visx/shape'
import { formatStat } from './format'
import type { StatTable } from './stat-table'

const WIDTH = 560
const LABEL = 18
const BAR = 12
const GAP = 14
const VALUE_SPACE = 90
const fills = ['fill-sky-800', 'fill-slate-400', 'fill-amber-600']
const swatches = ['bg-sky-800', 'bg-slate-400', 'bg-amber-600']

/**
 * A horizontal bar chart drawn on the server as SVG (visx: scales and shapes, no script, no style attributes, so it
 * needs no JavaScript and passes the CSP). Each row gets its label on a line of its own and a bar per column, so
 * long labels fit a phone. Counts compare only the region's two periods (Flanders is on another scale); other units
 * also show Flanders. The numbers are in the table beside it, which is what screen readers get.
 */
export function StatChart({ table }: { table: StatTable }) {
  const series = table.unit === 'aantal' ? table.columns.slice(0, 2) : table.columns
  const max = Math.max(1, ...table.rows.flatMap((row) => row.values.slice(0, series.length).map((value) => value ?? 0)))
  const x = scaleLinear<number>({ domain: [0, max], range: [0, WIDTH - VALUE_SPACE], nice: true })
  const rowHeight = LABEL + series.length * BAR + GAP
  const height = table.rows.length * rowHeight
  return (
    <figure className="mt-3" aria-hidden="true">
      <ul className="flex flex-wrap gap-x-4 text-sm">
        {series.map((name, index) => (
          <li key={name} className="flex items-center gap-1">
            <span className={`inline-block h-3 w-3 ${swatches[index]}`} />
            {name}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${Math.max(height, 1)}`} className="mt-2 h-auto w-full max-w-2xl" focusable="false">
        {table.rows.map((row, rowIndex) => (
          <Group key={row.key} top={rowIndex * rowHeight}>
            <text y={LABEL - 5} className="fill-slate-900 text-[13px]">
              {row.label}
            </text>
            {series.map((name, index) => {
              const value = row.values[index] ?? null
              const width = value === null ? 0 : x(value)
              const y = LABEL + index * BAR
              return (
                <Group key={name}>
                  <Bar x={0} y={y} width={width} height={BAR - 2} className={fills[index]} />
                  <text x={width + 4} y={y + BAR - 3} className="fill-slate-800 text-[11px]">
                    {formatStat(value, row.unit)}
                  </text>
                </Group>
              )
            })}
          </Group>
        ))}
      </svg>
    </figure>
  )
}
