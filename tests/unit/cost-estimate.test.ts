import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { centsToInput, parseEuroCents } from '#domain/compensation-rules'
import { deviationFromMedian, estimateCost, median, type PayUnit } from '#domain/cost-estimate'

const cents = fc.integer({ min: 0, max: 2_500_000 })
const hours = fc.double({ min: 0, max: 60, noNaN: true })
const unit = fc.constantFrom<PayUnit>('per_hour', 'per_month', 'one_off', 'none')
const rule = fc.record({ employerPaysCents: cents, employerPaysUnit: unit })

describe('estimateCost', () => {
  it('is never negative and always whole cents', () => {
    fc.assert(
      fc.property(rule, hours, (r, h) => {
        const { monthlyCents, oneOffCents } = estimateCost(r, h)
        expect(Number.isSafeInteger(monthlyCents) && monthlyCents >= 0).toBe(true)
        expect(Number.isSafeInteger(oneOffCents) && oneOffCents >= 0).toBe(true)
      }),
    )
  })

  it('per hour: more hours never cost less', () => {
    fc.assert(
      fc.property(cents, hours, hours, (c, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        const rule = { employerPaysCents: c, employerPaysUnit: 'per_hour' } as const
        expect(estimateCost(rule, low).monthlyCents).toBeLessThanOrEqual(estimateCost(rule, high).monthlyCents)
      }),
    )
  })

  it('per hour: linear in hours and in the amount, up to one cent of rounding per term', () => {
    fc.assert(
      fc.property(cents, cents, hours, hours, (c1, c2, h1, h2) => {
        const cost = (c: number, h: number) => estimateCost({ employerPaysCents: c, employerPaysUnit: 'per_hour' }, h).monthlyCents
        expect(Math.abs(cost(c1, h1 + h2) - (cost(c1, h1) + cost(c1, h2)))).toBeLessThanOrEqual(1)
        expect(Math.abs(cost(c1 + c2, h1) - (cost(c1, h1) + cost(c2, h1)))).toBeLessThanOrEqual(1)
      }),
    )
  })

  it('per hour: 12 hours a week is exactly 52 hours a month', () => {
    fc.assert(
      fc.property(cents, (c) => {
        expect(estimateCost({ employerPaysCents: c, employerPaysUnit: 'per_hour' }, 12).monthlyCents).toBe(52 * c)
      }),
    )
  })

  it('per hour: €4.50 at 19 hours a week is €370.50 a month', () => {
    expect(estimateCost({ employerPaysCents: 450, employerPaysUnit: 'per_hour' }, 19)).toEqual({ monthlyCents: 37_050, oneOffCents: 0 })
    // 335 × 19 × 52 / 12 = 27 581.67 → rounded to whole cents.
    expect(estimateCost({ employerPaysCents: 335, employerPaysUnit: 'per_hour' }, 19).monthlyCents).toBe(27_582)
  })

  it('per month and nothing do not depend on the hours', () => {
    fc.assert(
      fc.property(cents, hours, hours, fc.constantFrom<PayUnit>('per_month', 'none'), (c, a, b, u) => {
        const rule = { employerPaysCents: c, employerPaysUnit: u }
        expect(estimateCost(rule, a)).toEqual(estimateCost(rule, b))
        expect(estimateCost(rule, a).monthlyCents).toBe(u === 'per_month' ? c : 0)
      }),
    )
  })

  it('one-off: nothing per month, the whole amount once, whatever the hours', () => {
    fc.assert(
      fc.property(cents, hours, (c, h) => {
        expect(estimateCost({ employerPaysCents: c, employerPaysUnit: 'one_off' }, h)).toEqual({ monthlyCents: 0, oneOffCents: c })
      }),
    )
  })

  it('only one-off amounts show up as one-off', () => {
    fc.assert(
      fc.property(rule, hours, (r, h) => {
        expect(estimateCost(r, h).oneOffCents > 0).toBe(r.employerPaysUnit === 'one_off' && r.employerPaysCents > 0)
      }),
    )
  })

  it('refuses negative or fractional cents and impossible hours', () => {
    expect(() => estimateCost({ employerPaysCents: -1, employerPaysUnit: 'per_month' }, 19)).toThrow(RangeError)
    expect(() => estimateCost({ employerPaysCents: 1.5, employerPaysUnit: 'per_month' }, 19)).toThrow(RangeError)
    expect(() => estimateCost({ employerPaysCents: 100, employerPaysUnit: 'per_hour' }, -1)).toThrow(RangeError)
    expect(() => estimateCost({ employerPaysCents: 100, employerPaysUnit: 'per_hour' }, Number.NaN)).toThrow(RangeError)
  })
})

describe('median', () => {
  it('is undefined for no values, the middle value for an odd count, the mean of the middle two for an even count', () => {
    expect(median([])).toBeUndefined()
    expect(median([30, 10, 20])).toBe(20)
    expect(median([40, 10, 20, 30])).toBe(25)
  })

  it('does not depend on the order and lies between the smallest and the largest value', () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 20 }), (values) => {
        const m = median(values)!
        expect(median([...values].reverse())).toBe(m)
        expect(m).toBeGreaterThanOrEqual(Math.min(...values))
        expect(m).toBeLessThanOrEqual(Math.max(...values))
        // At least half of the values lie on each side of the median.
        expect(values.filter((v) => v <= m).length * 2).toBeGreaterThanOrEqual(values.length)
        expect(values.filter((v) => v >= m).length * 2).toBeGreaterThanOrEqual(values.length)
      }),
    )
  })
})

describe('deviationFromMedian', () => {
  it('gives the rounded percentage and a band', () => {
    expect(deviationFromMedian(112, 100)).toEqual({ percent: 12, band: 'higher' })
    expect(deviationFromMedian(100, 100)).toEqual({ percent: 0, band: 'near' })
    expect(deviationFromMedian(105, 100)).toEqual({ percent: 5, band: 'near' })
    expect(deviationFromMedian(94, 100)).toEqual({ percent: -6, band: 'lower' })
    expect(deviationFromMedian(75, 100)).toEqual({ percent: -25, band: 'much_lower' })
    expect(deviationFromMedian(125, 100)).toEqual({ percent: 25, band: 'much_higher' })
    expect(deviationFromMedian(0, 100)).toEqual({ percent: -100, band: 'much_lower' })
    // A tiny difference rounds to 0, never to -0 (which would print as "-0 %").
    expect(Object.is(deviationFromMedian(999, 1000).percent, 0)).toBe(true)
  })

  it('has no percentage against a median of nothing', () => {
    expect(deviationFromMedian(0, 0)).toEqual({ percent: null, band: 'near' })
    expect(deviationFromMedian(500, 0)).toEqual({ percent: null, band: 'higher' })
  })

  it('keeps the sign of the difference and gets no lower band for a higher value', () => {
    const order = ['much_lower', 'lower', 'near', 'higher', 'much_higher']
    fc.assert(
      fc.property(cents, cents, fc.integer({ min: 1, max: 2_500_000 }), (a, b, m) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        const dl = deviationFromMedian(low, m)
        const dh = deviationFromMedian(high, m)
        if (low > m) expect(dl.percent).toBeGreaterThanOrEqual(0)
        if (low < m) expect(dl.percent).toBeLessThanOrEqual(0)
        expect(order.indexOf(dl.band)).toBeLessThanOrEqual(order.indexOf(dh.band))
      }),
    )
  })
})

describe('parseEuroCents (amounts typed in euro in the admin form)', () => {
  it('reads a comma or a dot as the decimal separator, with an optional euro sign', () => {
    expect(parseEuroCents('4,50')).toEqual({ ok: true, cents: 450 })
    expect(parseEuroCents('4.5')).toEqual({ ok: true, cents: 450 })
    expect(parseEuroCents(' € 12 ')).toEqual({ ok: true, cents: 1200 })
    expect(parseEuroCents('0')).toEqual({ ok: true, cents: 0 })
  })

  it('refuses negative amounts, thousands separators, more than two decimals and text', () => {
    expect(parseEuroCents('-3')).toEqual({ ok: false, message: 'Een bedrag kan niet negatief zijn.' })
    for (const text of ['1.500,00', '1.500', '4,505', 'vier euro', '4,', '']) expect(parseEuroCents(text).ok, text).toBe(false)
  })

  it('gives back exactly the cents the form showed', () => {
    fc.assert(
      fc.property(cents, (c) => {
        expect(parseEuroCents(centsToInput(c))).toEqual({ ok: true, cents: c })
      }),
    )
  })
})
