import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { StatChart } from '#app/features/regional-dashboard/stat-chart'
import type { StatTable } from '#app/features/regional-dashboard/stat-table'

const table = (unit: StatTable['unit'], rows: StatTable['rows']): StatTable => ({
  id: 't',
  title: 'T',
  description: '',
  unit,
  chart: true,
  columns: ['nu', 'vorige', 'Vlaanderen'],
  rows,
})

const widths = (html: string) => [...html.matchAll(/<rect[^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]))

describe('the dashboard bar chart (server-rendered SVG)', () => {
  test('draws a bar per row and series, proportional to the value, without style attributes (CSP) or scripts', () => {
    const html = renderToStaticMarkup(
      <StatChart table={table('aantal', [
        { key: 'a', label: 'Rechtstreeks', unit: 'aantal', values: [100, 50, 9000] },
        { key: 'b', label: 'Kanaal', unit: 'aantal', values: [25, 0, 400] },
      ])} />,
    )
    expect(html).toContain('<svg')
    expect(html).not.toMatch(/style=|<script/)
    // Counts: only the region's two periods (Flanders is on another scale).
    const [a, aBefore, b, bBefore] = widths(html)
    expect(widths(html)).toHaveLength(4)
    expect(aBefore! / a!).toBeCloseTo(0.5)
    expect(b! / a!).toBeCloseTo(0.25)
    expect(bBefore).toBe(0)
    expect(html).toContain('Rechtstreeks')
    expect(html).not.toContain('9.000')
  })

  test('shares and durations also show Flanders; a missing figure is a dash, not a bar', () => {
    const html = renderToStaticMarkup(<StatChart table={table('procent', [{ key: 'a', label: 'Binnen termijn', unit: 'procent', values: [80, null, 40] }])} />)
    const [now, before, flanders] = widths(html)
    expect(widths(html)).toHaveLength(3)
    expect(before).toBe(0)
    expect(flanders! / now!).toBeCloseTo(0.5)
    expect(html).toContain('80 %')
    expect(html).toContain('–')
  })
})
