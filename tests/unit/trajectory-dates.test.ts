import { describe, expect, it } from 'vitest'
import { isIsoDate, plusMonths } from '#domain/calendar-dates'
import { evaluationReminders, needsDecision, nextEvaluationDue, outflowFollowUpOn } from '#domain/trajectory-deadlines'
import { art60DateIssues, fundedGuidance, guidanceLimitOn, preContractPhase, wzEndOn } from '#domain/trajectory-dates'

// Every rule takes `today`: these examples run on a fixed clock.

describe('calendar months', () => {
  it('clamp at the month end', () => {
    expect(plusMonths('2025-01-31', 1)).toBe('2025-02-28')
    expect(plusMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(plusMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(plusMonths('2025-08-31', -6)).toBe('2025-02-28')
  })

  it('refuse a date that is not a calendar day', () => {
    expect(isIsoDate('2025-02-29')).toBe(false)
    expect(isIsoDate('2025-2-3')).toBe(false)
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(() => plusMonths('2025-02-30', 1)).toThrow(RangeError)
  })
})

describe('TWE-art60 start and the phase before the employment contract (AO)', () => {
  const criteriaAssessedOn = '2025-03-03'

  it('refuses a start before the intake criteria were assessed, on the startOn field', () => {
    expect(art60DateIssues({ startOn: '2025-03-02', criteriaAssessedOn })).toEqual([
      { field: 'startOn', code: 'before_criteria_assessed', earliestOn: '2025-03-03' },
    ])
    expect(art60DateIssues({ startOn: '2025-03-03', criteriaAssessedOn })).toEqual([])
  })

  it('refuses an AO that starts beyond 2 months, on the contractStartOn field', () => {
    expect(art60DateIssues({ startOn: '2025-03-10', criteriaAssessedOn, contractStartOn: '2025-05-11' })).toEqual([
      { field: 'contractStartOn', code: 'pre_contract_phase_too_long', latestOn: '2025-05-10' },
    ])
    expect(art60DateIssues({ startOn: '2025-03-10', criteriaAssessedOn, contractStartOn: '2025-05-10' })).toEqual([])
    // The start may lie before the AO, and the AO before the end of the 2 months.
    expect(art60DateIssues({ startOn: '2025-03-10', criteriaAssessedOn, contractStartOn: '2025-04-01' })).toEqual([])
  })

  it('counts the 2 months in calendar months, clamped at the month end', () => {
    expect(art60DateIssues({ startOn: '2024-12-31', criteriaAssessedOn: '2024-12-01', contractStartOn: '2025-03-01' })).toEqual([
      { field: 'contractStartOn', code: 'pre_contract_phase_too_long', latestOn: '2025-02-28' },
    ])
  })

  it('without an AO: ok for 6 weeks, then a warning, then over once today is past start + 2 months', () => {
    const phase = (today: string) => preContractPhase({ startOn: '2025-03-10', today })
    expect(phase('2025-04-20')).toEqual({ state: 'ok', limitOn: '2025-05-10' })
    expect(phase('2025-04-21').state).toBe('warning') // start + 42 days
    expect(phase('2025-05-10').state).toBe('warning')
    expect(phase('2025-05-11').state).toBe('over')
  })

  it('with an AO: ok when it starts by the limit, over when later, whatever today is', () => {
    expect(preContractPhase({ startOn: '2025-03-10', contractStartOn: '2025-05-10', today: '2025-05-01' }).state).toBe('ok')
    expect(preContractPhase({ startOn: '2025-03-10', contractStartOn: '2025-05-11', today: '2025-03-20' }).state).toBe('over')
  })
})

describe('funded guidance (TWE-art60): at most 24 months of actual guidance', () => {
  it('counts the calendar days before today from the start', () => {
    expect(fundedGuidance({ startOn: '2025-01-15', suspensions: [], today: '2025-07-15' })).toEqual({
      daysUsed: 181,
      monthsUsed: 6,
      limitReachedOn: '2027-01-15',
    })
  })

  it('leaves out suspended days and pushes the limit back by them', () => {
    const suspensions = [{ from: '2025-03-01', to: '2025-04-01' }] // 31 days; guidance resumes on 1 April
    expect(fundedGuidance({ startOn: '2025-01-15', suspensions, today: '2025-07-15' })).toEqual({
      daysUsed: 150,
      monthsUsed: 4.9, // up to 14 June: 4 months and 30 of 31 days
      limitReachedOn: '2027-02-15',
    })
  })

  it('counts a running suspension until today', () => {
    const result = fundedGuidance({ startOn: '2025-01-15', suspensions: [{ from: '2025-06-01' }], today: '2025-08-01' })
    expect(result).toEqual({ daysUsed: 137, monthsUsed: 4.5, limitReachedOn: '2027-03-17' })
  })

  it('stops counting at a stop: the funded months stop there and the limit is never reached', () => {
    const stopped = (today: string) => fundedGuidance({ startOn: '2025-01-15', suspensions: [], stoppedOn: '2025-10-15', today })
    expect(stopped('2025-10-15')).toEqual({ daysUsed: 273, monthsUsed: 9 })
    expect(stopped('2026-06-01')).toEqual({ daysUsed: 273, monthsUsed: 9 })
    expect(stopped('2028-01-01')).toEqual({ daysUsed: 273, monthsUsed: 9 })
    expect(stopped('2025-09-15')).toEqual({ daysUsed: 243, monthsUsed: 8 })
  })

  it('shows 24.0 months on the limit day and not the day before', () => {
    const on = (today: string) => fundedGuidance({ startOn: '2025-01-15', suspensions: [], today }).monthsUsed
    expect(on('2027-01-14')).toBe(23.9)
    expect(on('2027-01-15')).toBe(24)
  })

  it('is not pushed back by a suspension from the limit day on, only by one that starts before it', () => {
    const limit = (from: string) => fundedGuidance({ startOn: '2025-01-15', suspensions: [{ from, to: '2027-03-01' }], today: '2025-02-01' }).limitReachedOn
    expect(limit('2027-01-15')).toBe('2027-01-15')
    expect(limit('2027-01-14')).toBe('2027-03-02') // 46 suspended days, the last funded one is 1 March
  })

  it('keeps the limit when the stop comes on or after it', () => {
    expect(fundedGuidance({ startOn: '2025-01-15', suspensions: [], stoppedOn: '2027-01-15', today: '2027-02-01' }).limitReachedOn).toBe('2027-01-15')
  })
})

describe('TWE-wz: 24 calendar months from the referral, never extended', () => {
  it('ends at 24 months', () => {
    expect(wzEndOn('2025-01-15')).toBe('2027-01-15')
    expect(wzEndOn('2024-02-29')).toBe('2026-02-28')
  })

  it('ends at 24 months whatever the suspensions, while art60 funding is pushed back by them', () => {
    const trajectory = { startOn: '2025-01-15', suspensions: [{ from: '2025-03-01', to: '2025-09-01' }, { from: '2026-01-01' }], today: '2026-03-01' }
    expect(guidanceLimitOn({ kind: 'twe_wz', ...trajectory })).toBe('2027-01-15')
    expect(guidanceLimitOn({ kind: 'twe_wz', ...trajectory, stoppedOn: '2026-02-01' })).toBe('2027-01-15')
    expect(guidanceLimitOn({ kind: 'twe_art60', ...trajectory })).toBe('2027-09-15') // + 184 + 59 suspended days
  })
})

describe('evaluations', () => {
  it('are due 6 months after the start; overdue at 6 months + 1 day, not at 6 months', () => {
    const due = (today: string) => nextEvaluationDue({ startOn: '2025-01-15', evaluations: [], phases: [], today })
    expect(due('2025-07-15')).toEqual({ dueOn: '2025-07-15', overdue: false })
    expect(due('2025-07-16')).toEqual({ dueOn: '2025-07-15', overdue: true })
  })

  it('are due 6 months after the latest evaluation, clamped at the month end', () => {
    const evaluations = [{ on: '2025-08-31' }, { on: '2025-03-01' }]
    expect(nextEvaluationDue({ startOn: '2025-01-15', evaluations, phases: [], today: '2026-02-28' })).toEqual({ dueOn: '2026-02-28', overdue: false })
    expect(nextEvaluationDue({ startOn: '2025-01-15', evaluations, phases: [], today: '2026-03-01' }).overdue).toBe(true)
  })

  it('are due at the end of a phase when that comes first, until one is held on or after that day', () => {
    const phases = [{ endOn: '2025-04-30' }, {}]
    expect(nextEvaluationDue({ startOn: '2025-01-15', evaluations: [], phases, today: '2025-05-01' })).toEqual({ dueOn: '2025-04-30', overdue: true })
    expect(nextEvaluationDue({ startOn: '2025-01-15', evaluations: [{ on: '2025-04-25' }], phases, today: '2025-04-26' }).dueOn).toBe('2025-04-30')
    expect(nextEvaluationDue({ startOn: '2025-01-15', evaluations: [{ on: '2025-04-30' }], phases, today: '2025-05-01' })).toEqual({
      dueOn: '2025-10-30',
      overdue: false,
    })
  })

  it('send reminders 14 days ahead and on the day', () => {
    expect(evaluationReminders('2026-01-05')).toEqual([
      { on: '2025-12-22', kind: 'two_weeks_ahead' },
      { on: '2026-01-05', kind: 'on_the_day' },
    ])
  })
})

describe('inactivity and outflow', () => {
  it('asks for a decision after more than 3 calendar months without activity', () => {
    expect(needsDecision({ lastActivityOn: '2025-03-31', today: '2025-06-30' })).toBe(false)
    expect(needsDecision({ lastActivityOn: '2025-03-31', today: '2025-07-01' })).toBe(true)
  })

  it('asks for the outflow status 3 calendar months after the end', () => {
    expect(outflowFollowUpOn('2025-06-15')).toBe('2025-09-15')
    expect(outflowFollowUpOn('2025-11-30')).toBe('2026-02-28')
  })
})
