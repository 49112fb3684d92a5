import { describe, expect, it } from 'vitest'
import { dcg, ndcgAt, percentile, recallAt, violations } from '#bench/metrics'

describe('benchmark metrics', () => {
  const grades = { a: 2, b: 2, c: 1 }

  it('discounts gains by log2 of the rank + 1', () => {
    expect(dcg([2, 1, 0])).toBeCloseTo(2 / 1 + 1 / Math.log2(3), 12)
  })

  it('gives nDCG 1 to the ideal order, less when a relevant placement comes late', () => {
    expect(ndcgAt(['a', 'b', 'c', 'x'], grades)).toBe(1)
    expect(ndcgAt(['b', 'a', 'c'], grades)).toBe(1)
    const late = ndcgAt(['x', 'a', 'b', 'c'], grades)
    expect(late).toBeCloseTo((2 / Math.log2(3) + 2 / 2 + 1 / Math.log2(5)) / (2 + 2 / Math.log2(3) + 1 / 2), 12)
    expect(ndcgAt(['c', 'a', 'b'], grades, 10, 'exponential')).toBeCloseTo((1 + 3 / Math.log2(3) + 3 / 2) / (3 + 3 / Math.log2(3) + 1 / 2), 12)
  })

  it('cuts at k: relevant placements after rank k count for nothing', () => {
    const ranked = [...Array.from({ length: 10 }, (_, i) => `x${i}`), 'a', 'b', 'c']
    expect(ndcgAt(ranked, grades, 10)).toBe(0)
    expect(recallAt(ranked, grades, 20)).toBe(1)
    expect(recallAt(ranked, grades, 11)).toBe(0.5)
  })

  it('has no recall for a query without grade-2 placements', () => {
    expect(recallAt(['a'], { a: 1 })).toBeNull()
  })

  it('lists returned placements outside the allowed set', () => {
    expect(violations(['a', 'x', 'b', 'y'], ['a', 'b'])).toEqual(['x', 'y'])
  })

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i)
    expect(percentile(values, 50)).toBe(10)
    expect(percentile(values, 95)).toBe(19)
    expect(percentile([7], 95)).toBe(7)
  })
})
