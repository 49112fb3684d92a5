import { describe, expect, test } from 'vitest'
import { isRunning, parsePeriod, periodContaining, previousPeriod, selectablePeriods } from '#domain/statistics-period'

describe('dashboard periods', () => {
  test.each([
    ['2026', { kind: 'jaar', from: '2026-01-01', until: '2027-01-01', label: '2026' }],
    ['2026-Q1', { kind: 'kwartaal', from: '2026-01-01', until: '2026-04-01', label: '1e kwartaal 2026' }],
    ['2026-Q4', { kind: 'kwartaal', from: '2026-10-01', until: '2027-01-01', label: '4e kwartaal 2026' }],
    ['2026-02', { kind: 'maand', from: '2026-02-01', until: '2026-03-01', label: 'februari 2026' }],
    ['2026-12', { kind: 'maand', from: '2026-12-01', until: '2027-01-01', label: 'december 2026' }],
  ])('%s', (key, expected) => {
    expect(parsePeriod(key)).toEqual({ key, ...expected })
  })

  test.each(['', '2026-13', '2026-Q5', '2026-Q0', '26', '2026-1', '2026-00', 'x2026', '2026 '])('refuses %j', (key) => {
    expect(parsePeriod(key)).toBeNull()
  })

  test.each([
    ['2026', '2025'],
    ['2026-Q1', '2025-Q4'],
    ['2026-Q3', '2026-Q2'],
    ['2026-01', '2025-12'],
    ['2026-11', '2026-10'],
  ])('before %s comes %s', (key, before) => {
    expect(previousPeriod(parsePeriod(key)!).key).toBe(before)
  })

  test('every period follows its previous one without a gap, for ten years of each kind', () => {
    for (const kind of ['maand', 'kwartaal', 'jaar'] as const) {
      let period = periodContaining(kind, '2026-12-06')
      for (let i = 0; i < 40; i++) {
        const previous = previousPeriod(period)
        expect(previous.until).toBe(period.from)
        expect(parsePeriod(previous.key)).toEqual(previous)
        period = previous
      }
    }
  })

  test('the picker offers the running period first, then earlier ones', () => {
    const periods = selectablePeriods('2026-12-06')
    expect(periods.maand.map((p) => p.key).slice(0, 3)).toEqual(['2026-12', '2026-11', '2026-10'])
    expect(periods.maand).toHaveLength(13)
    expect(periods.kwartaal.map((p) => p.key)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1'])
    expect(periods.jaar.map((p) => p.key)).toEqual(['2026', '2025', '2024'])
    expect(isRunning(periods.kwartaal[0]!, '2026-12-06')).toBe(true)
    expect(isRunning(periods.kwartaal[1]!, '2026-12-06')).toBe(false)
  })
})
