import { describe, expect, test } from 'vitest'
import { report } from '../../bench/stats-report'
import { pickIndex, weighted } from '../../bench/stats-sql'

/** The pure parts of the dashboard benchmark (bench/stats-*.ts): the SQL it builds for choices, and its verdict. */
describe('weighted', () => {
  test('a CASE with cumulative bounds over the random column, the last value as the rest, cast when asked', () => {
    expect(weighted('r', [['a', 3], ['b', 1]], 'x')).toBe("(case when r < 0.750000 then 'a' else 'b' end)::x")
    expect(weighted('r', [['a', 1], ['b', 1], ['c', 2]])).toBe("(case when r < 0.250000 then 'a' when r < 0.500000 then 'b' else 'c' end)")
    expect(weighted('r', [['only', 5]])).toBe("('only')")
  })

  test('quotes a value with an apostrophe and refuses nothing to choose from', () => {
    expect(weighted('r', [["l'eau", 1], ['b', 1]])).toBe("(case when r < 0.500000 then 'l''eau' else 'b' end)")
    expect(() => weighted('r', [])).toThrow(/at least one option/)
    expect(() => weighted('r', [['a', 0]])).toThrow(/positive weight/)
  })

  test('pickIndex numbers from 1 to the count, and never divides by an empty table', () => {
    expect(pickIndex('s.r', 360)).toBe('(1 + floor(s.r * 360))::int')
    expect(pickIndex('s.r', 0)).toBe('(1 + floor(s.r * 1))::int')
  })
})

describe('report', () => {
  const run = { date: '2026-12-06', postgres: 'PostgreSQL 18', counts: { intakes: 100_000 }, generateSeconds: 61, measureSeconds: 30, warmUp: 3, iterations: 20, region: 'REFREG01' }
  const page = (path: string, samples: number[]) => ({ path, viewer: 'regiobeheerder', period: 'jaar' as const, samples })

  test('says MET when every page has its p95 at 300 ms or less', () => {
    const text = report([page('/a', [100, 200, 300])], [], run, 'test machine')
    expect(text).toContain('| /a | regiobeheerder | 200.0 | 300.0 | 300.0 | met |')
    expect(text).toContain('Target p95 ≤ 300 ms: MET on all 1 pages.')
    expect(text).toContain('Data: intakes 100,000')
  })

  test('says MISSED and names the pages whose p95 is above 300 ms', () => {
    const samples = [...Array.from({ length: 19 }, () => 50), 301]
    const text = report([page('/fast', [10]), page('/slow', [...samples, 400])], [], run, 'test machine')
    expect(text).toContain('| /slow | regiobeheerder | 50.0 | 301.0 | 400.0 | **MISSED** |')
    expect(text).toContain('MISSED on 1 of 2 pages: /slow (regiobeheerder).')
  })

  test('lists the tables slowest first', () => {
    const tables = [
      { id: 'snel', section: 'a', samples: [5, 6] },
      { id: 'traag', section: 'b', samples: [90, 120] },
    ]
    const text = report([page('/a', [10])], tables, run, 'test machine')
    expect(text.indexOf('| traag | b | 90.0 | 120.0 | 120.0 |')).toBeGreaterThan(-1)
    expect(text.indexOf('| traag |')).toBeLessThan(text.indexOf('| snel | a | 5.0 | 6.0 | 6.0 |'))
  })
})
