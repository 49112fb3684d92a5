import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { daysFrom, plusDays, plusMonths } from '#domain/calendar-dates'
import { evaluationReminders, needsDecision, nextEvaluationDue } from '#domain/trajectory-deadlines'
import { art60DateIssues, fundedGuidance, guidanceLimitOn, preContractPhase, wzEndOn } from '#domain/trajectory-dates'

// An oracle for the calendar that does not use the code under test: UTC dates, built by hand.
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`)
const iso = (date: Date) => date.toISOString().slice(0, 10)
const shift = (day: string, days: number) => iso(new Date(utc(day).getTime() + days * 86_400_000))
const daysInMonth = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate()

const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map(iso)
const offset = (max: number) => fc.integer({ min: 0, max })

/** Suspensions around a start: closed ones (from, to) and, optionally, running ones (no `to`). */
const suspensionsAfter = (startOn: string, open: boolean) =>
  fc.array(
    fc.record({ from: offset(1200).map((d) => shift(startOn, d - 100)), length: offset(400), running: open ? fc.boolean() : fc.constant(false) }),
    { maxLength: 5 },
  ).map((list) => list.map(({ from, length, running }) => (running ? { from } : { from, to: shift(from, length) })))

const trajectory = (open: boolean) =>
  day.chain((startOn) => fc.record({ startOn: fc.constant(startOn), suspensions: suspensionsAfter(startOn, open) }))

describe('calendar months (property)', () => {
  it('move the month by n and keep the day, clamped to the last day of the target month', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -48, max: 48 }), (start, months) => {
        const from = utc(start)
        const index = from.getUTCFullYear() * 12 + from.getUTCMonth() + months
        const [year, month] = [Math.floor(index / 12), index % 12]
        const expected = iso(new Date(Date.UTC(year, month, Math.min(from.getUTCDate(), daysInMonth(year, month)))))
        expect(plusMonths(start, months)).toBe(expected)
      }),
    )
  })

  it('take the 31st to the last day of the target month', () => {
    const thirtyOneDayMonths = [0, 2, 4, 6, 7, 9, 11]
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2090 }), fc.constantFrom(...thirtyOneDayMonths), fc.integer({ min: -48, max: 48 }), (year, month, months) => {
        const target = new Date(Date.UTC(year, month + months, 1))
        const lastDay = iso(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)))
        expect(plusMonths(iso(new Date(Date.UTC(year, month, 31))), months)).toBe(lastDay)
      }),
    )
  })

  it('days agree with the oracle', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -3000, max: 3000 }), (start, days) => {
        expect(plusDays(start, days)).toBe(shift(start, days))
        expect(daysFrom(start, shift(start, days))).toBe(days)
      }),
    )
  })
})

describe('funded guidance (property)', () => {
  it('never counts more days than the calendar has between start and stop or today, nor fewer than none', () => {
    fc.assert(
      fc.property(trajectory(true), offset(1500), fc.option(offset(1500), { nil: undefined }), ({ startOn, suspensions }, t, s) => {
        const today = shift(startOn, t - 30)
        const stoppedOn = s === undefined ? undefined : shift(startOn, s)
        const { daysUsed } = fundedGuidance({ startOn, suspensions, stoppedOn, today })
        const until = stoppedOn !== undefined && stoppedOn < today ? stoppedOn : today
        expect(daysUsed).toBeGreaterThanOrEqual(0)
        expect(daysUsed).toBeLessThanOrEqual(Math.max(0, daysFrom(startOn, until)))
      }),
    )
  })

  it('never goes down as today moves on', () => {
    fc.assert(
      fc.property(trajectory(true), offset(1500), offset(400), ({ startOn, suspensions }, t, later) => {
        const today = shift(startOn, t)
        const before = fundedGuidance({ startOn, suspensions, today })
        const after = fundedGuidance({ startOn, suspensions, today: shift(today, later) })
        expect(after.daysUsed).toBeGreaterThanOrEqual(before.daysUsed)
        expect(after.monthsUsed).toBeGreaterThanOrEqual(before.monthsUsed)
      }),
    )
  })

  it('is frozen by a stop: any day after it gives the same answer', () => {
    fc.assert(
      fc.property(trajectory(true), offset(1000), offset(800), offset(800), ({ startOn, suspensions }, s, a, b) => {
        const stoppedOn = shift(startOn, s)
        const on = (today: string) => fundedGuidance({ startOn, suspensions, stoppedOn, today })
        expect(on(shift(stoppedOn, a))).toEqual(on(shift(stoppedOn, b)))
      }),
    )
  })

  it('without suspensions counts every calendar day and ends at 24 calendar months', () => {
    fc.assert(
      fc.property(day, offset(1000), (startOn, t) => {
        const result = fundedGuidance({ startOn, suspensions: [], today: shift(startOn, t) })
        expect(result.daysUsed).toBe(t)
        expect(result.limitReachedOn).toBe(plusMonths(startOn, 24))
      }),
    )
  })

  it('reaches 24.0 months exactly on the limit day, pushed back by at most the suspended days', () => {
    fc.assert(
      fc.property(trajectory(false), ({ startOn, suspensions }) => {
        const { limitReachedOn } = fundedGuidance({ startOn, suspensions, today: startOn })
        expect(limitReachedOn).toBeDefined()
        const limitOn = limitReachedOn!
        const pushedBack = daysFrom(plusMonths(startOn, 24), limitOn)
        const suspended = suspensions.reduce((sum, s) => sum + daysFrom(s.from, s.to!), 0)
        expect(pushedBack).toBeGreaterThanOrEqual(0)
        expect(pushedBack).toBeLessThanOrEqual(suspended)
        expect(fundedGuidance({ startOn, suspensions, today: limitOn })).toMatchObject({ monthsUsed: 24, daysUsed: daysFrom(startOn, plusMonths(startOn, 24)) })
        expect(fundedGuidance({ startOn, suspensions, today: shift(limitOn, -1) }).monthsUsed).toBeLessThan(24)
      }),
    )
  })
})

describe('TWE-wz (property)', () => {
  it('ends 24 calendar months after the referral, whatever the suspensions, the stop or today', () => {
    fc.assert(
      fc.property(trajectory(true), fc.option(offset(900), { nil: undefined }), offset(1500), ({ startOn, suspensions }, s, t) => {
        const stoppedOn = s === undefined ? undefined : shift(startOn, s)
        expect(guidanceLimitOn({ kind: 'twe_wz', startOn, suspensions, stoppedOn, today: shift(startOn, t) })).toBe(wzEndOn(startOn))
        expect(wzEndOn(startOn)).toBe(plusMonths(startOn, 24))
      }),
    )
  })
})

describe('the phase before the AO (property)', () => {
  it('refuses exactly the AO dates that make the phase over', () => {
    fc.assert(
      fc.property(day, offset(120), (startOn, c) => {
        const contractStartOn = shift(startOn, c)
        const over = preContractPhase({ startOn, contractStartOn, today: startOn }).state === 'over'
        const refused = art60DateIssues({ startOn, criteriaAssessedOn: startOn, contractStartOn }).some((i) => i.field === 'contractStartOn')
        expect(refused).toBe(over)
        expect(over).toBe(daysFrom(plusMonths(startOn, 2), contractStartOn) > 0)
      }),
    )
  })

  it('without an AO only gets worse as days pass: ok, then warning, then over', () => {
    const rank = { ok: 0, warning: 1, over: 2 } as const
    fc.assert(
      fc.property(day, offset(120), offset(60), (startOn, t, later) => {
        const state = (today: string) => rank[preContractPhase({ startOn, today }).state]
        expect(state(shift(startOn, t + later))).toBeGreaterThanOrEqual(state(shift(startOn, t)))
      }),
    )
  })
})

describe('evaluations and inactivity (property)', () => {
  const history = day.chain((startOn) =>
    fc.record({
      startOn: fc.constant(startOn),
      evaluations: fc.array(offset(1000).map((d) => ({ on: shift(startOn, d) })), { maxLength: 6 }),
      phases: fc.array(fc.option(offset(1000), { nil: undefined }).map((d) => ({ endOn: d === undefined ? undefined : shift(startOn, d) })), { maxLength: 4 }),
    }),
  )

  it('are never due later than 6 months after the latest evaluation (or the start)', () => {
    fc.assert(
      fc.property(history, offset(1500), ({ startOn, evaluations, phases }, t) => {
        const { dueOn } = nextEvaluationDue({ startOn, evaluations, phases, today: shift(startOn, t) })
        const lastOn = evaluations.map((e) => e.on).sort().at(-1) ?? startOn
        expect(dueOn <= plusMonths(lastOn, 6)).toBe(true)
      }),
    )
  })

  it('are overdue from the day after the due date, not on it', () => {
    fc.assert(
      fc.property(history, ({ startOn, evaluations, phases }) => {
        const { dueOn } = nextEvaluationDue({ startOn, evaluations, phases, today: startOn })
        expect(nextEvaluationDue({ startOn, evaluations, phases, today: dueOn }).overdue).toBe(false)
        expect(nextEvaluationDue({ startOn, evaluations, phases, today: shift(dueOn, 1) }).overdue).toBe(true)
      }),
    )
  })

  it('remind 14 days ahead and on the day', () => {
    fc.assert(
      fc.property(day, (dueOn) => {
        const [ahead, onTheDay] = evaluationReminders(dueOn)
        expect(daysFrom(ahead.on, dueOn)).toBe(14)
        expect(onTheDay.on).toBe(dueOn)
      }),
    )
  })

  it('ask for a decision from the day after 3 calendar months without activity', () => {
    fc.assert(
      fc.property(day, (lastActivityOn) => {
        const threeMonths = plusMonths(lastActivityOn, 3)
        expect(needsDecision({ lastActivityOn, today: threeMonths })).toBe(false)
        expect(needsDecision({ lastActivityOn, today: shift(threeMonths, 1) })).toBe(true)
      }),
    )
  })
})
