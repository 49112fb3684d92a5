import { describe, expect, it } from 'vitest'
import { closedQuarters, quarterOf } from '#domain/quarters'

describe('quarters of the open figures', () => {
  it('knows a quarter’s first day and the first day after it', () => {
    expect(quarterOf('2026-Q4')).toEqual({ quarter: '2026-Q4', from: '2026-10-01', until: '2027-01-01' })
    expect(quarterOf('2027-Q1')).toEqual({ quarter: '2027-Q1', from: '2027-01-01', until: '2027-04-01' })
    for (const wrong of ['2026-Q5', '2026-Q0', '26-Q1', '2026Q1', '']) expect(quarterOf(wrong), wrong).toBeNull()
  })

  it('lists only quarters that ended before today, newest first, across a year', () => {
    expect(closedQuarters('2026-12-06', 4).map((q) => q.quarter)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4'])
    expect(closedQuarters('2027-01-01', 2).map((q) => q.quarter)).toEqual(['2026-Q4', '2026-Q3'])
    expect(closedQuarters('2026-03-31', 1).map((q) => q.quarter)).toEqual(['2025-Q4'])
  })
})
