import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Barrier, barrierDomains, barrierLabels, type Reason, suggestDestination, type TriageIntake, type TriageSettings } from '#domain/triage-rules'
import { intakeBarriers, workWishes } from '#domain/values'

/**
 * Issue 16, point 8: a reason never contradicts the resident's answers and cites only answers they gave.
 * The checker below reads the reason's text, not how suggestDestination built it: for each claim a reason can
 * make, the answers it may not coexist with; and every barrier or life domain a reason names must be one the
 * resident ticked. Only the vocabulary (the barriers' and domains' words) is shared with the rules.
 */
const TODAY = new Date('2026-12-06T10:00:00Z')

type Claim = { says: RegExp; holds: (intake: TriageIntake, settings: TriageSettings, match: RegExpMatchArray) => boolean }
const claims: Claim[] = [
  { says: /wil nu werken/i, holds: (intake) => intake.wantsWork === 'yes' },
  { says: /geen (grote )?drempels/i, holds: (intake) => intake.barriers.length === 0 },
  { says: /geen welzijnsdrempel/i, holds: (intake, settings) => !intake.barriers.some((b) => settings.welfareBarriers.includes(b)) },
  { says: /niet in opleiding/i, holds: (intake) => intake.inEducation === false },
  { says: /geboren in (\d{4})/i, holds: (intake, _, match) => intake.birthYear === Number(match[1]) },
  { says: /jonger dan (\d+) jaar/i, holds: (intake, _, match) => intake.birthYear !== null && TODAY.getFullYear() - intake.birthYear < Number(match[1]) },
  {
    says: /drempels in (\d+) levensdomeinen/i,
    holds: (intake, _, match) => new Set(intake.barriers.map((b) => barrierDomains[b])).size === Number(match[1]),
  },
  {
    // Only the barriers after "Welzijnsdrempel:" count: each must be one the region calls a welfare barrier.
    says: /^welzijnsdrempel: (.*)$/i,
    holds: (intake, settings, match) => match[1]!.split('; ').every((label) => settings.welfareBarriers.some((b) => barrierLabels[b as Barrier] === label)),
  },
]

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const mentions = (text: string, words: string) => new RegExp(`(^|[\\s(:;,])${escape(words)}($|[\\s);,])`, 'i').test(text)

/** Every way a reason contradicts or goes beyond the answers; empty when it is sound. */
function problemsOf(reason: Reason, intake: TriageIntake, settings: TriageSettings): string[] {
  const problems: string[] = []
  for (const claim of claims) {
    const match = reason.rule.match(claim.says)
    if (match && !claim.holds(intake, settings, match)) problems.push(`claims "${match[0]}"`)
  }
  for (const barrier of intakeBarriers) {
    if (mentions(reason.rule, barrierLabels[barrier]) && !intake.barriers.includes(barrier)) problems.push(`cites "${barrierLabels[barrier]}", not ticked`)
  }
  for (const domain of new Set(Object.values(barrierDomains))) {
    const ticked = intake.barriers.some((b) => barrierDomains[b] === domain)
    if (mentions(reason.rule, domain) && !ticked) problems.push(`cites the domain "${domain}", no barrier ticked in it`)
  }
  return problems
}

/** The two reasons that are about the rules, not about the resident. */
const aboutTheRules = /^(De regels wijzen|Geen regel van toepassing)/
const citesAnAnswer = (rule: string) => claims.some((claim) => claim.says.test(rule)) || intakeBarriers.some((b) => mentions(rule, barrierLabels[b]))

const barrierSet = fc.subarray([...intakeBarriers])
const intakes = fc.record<TriageIntake>({
  birthYear: fc.option(fc.integer({ min: 1950, max: 2010 }), { nil: null }),
  wantsWork: fc.constantFrom(...workWishes),
  barriers: barrierSet,
  inEducation: fc.option(fc.boolean(), { nil: null }),
})
const settingsArb = fc.record<TriageSettings>({
  firstContactWorkingDays: fc.integer({ min: 1, max: 30 }),
  youthAgeLimit: fc.integer({ min: 18, max: 30 }),
  welfareBarriers: barrierSet,
  jointDomainThreshold: fc.integer({ min: 2, max: 7 }),
})

describe('the reason checker', () => {
  it('catches the reason of issue 16 and a reason that cites an answer not given', () => {
    const intake: TriageIntake = { birthYear: 1990, wantsWork: 'yes', barriers: ['dutch', 'foreign_diploma'], inEducation: false }
    const settings: TriageSettings = { firstContactWorkingDays: 5, youthAgeLimit: 25, welfareBarriers: ['debts'], jointDomainThreshold: 3 }
    expect(problemsOf({ rule: 'Wil nu werken en heeft geen grote drempels', destination: 'vdab' }, intake, settings)).toEqual(['claims "geen grote drempels"'])
    expect(problemsOf({ rule: 'Welzijnsdrempel: heeft schulden', destination: 'ocmw' }, intake, settings)).toEqual(['cites "heeft schulden", not ticked'])
    expect(problemsOf({ rule: 'Drempels in 2 levensdomeinen: financiën (heeft schulden)', destination: 'joint' }, intake, settings)).toEqual([
      'claims "Drempels in 2 levensdomeinen"',
      'cites "heeft schulden", not ticked',
      'cites the domain "financiën", no barrier ticked in it',
    ])
    expect(problemsOf({ rule: 'Geboren in 2002: jonger dan 25 jaar, en niet in opleiding', destination: 'vdab' }, intake, settings)).toEqual([
      'claims "Geboren in 2002"',
      'claims "jonger dan 25 jaar"',
    ])
    expect(problemsOf({ rule: 'Wil nu werken; geen welzijnsdrempel aangeduid, wel: spreekt nog niet goed Nederlands', destination: 'vdab' }, intake, settings)).toEqual([])
  })
})

describe('suggestDestination, over random answers and settings', () => {
  it('gives no reason that contradicts an answer or cites one not given', () => {
    fc.assert(
      fc.property(intakes, settingsArb, (intake, settings) => {
        for (const reason of suggestDestination(intake, settings, TODAY).reasons) expect(problemsOf(reason, intake, settings), reason.rule).toEqual([])
      }),
      { numRuns: 500 },
    )
  })

  it('has every reason about the resident cite at least one answer', () => {
    fc.assert(
      fc.property(intakes, settingsArb, (intake, settings) => {
        const reasons = suggestDestination(intake, settings, TODAY).reasons.filter((reason) => !aboutTheRules.test(reason.rule))
        for (const reason of reasons) expect(citesAnAnswer(reason.rule), reason.rule).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})
