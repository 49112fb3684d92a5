import { describe, expect, it } from 'vitest'
import { defaultTriageSettings, suggestDestination, type TriageIntake } from '#domain/triage-rules'

const today = new Date('2026-11-23T10:00:00Z')
const suggest = (intake: Partial<TriageIntake>, settings = defaultTriageSettings) =>
  suggestDestination({ birthYear: 1980, wantsWork: 'maybe', barriers: [], inEducation: false, ...intake }, settings, today)

describe('suggestDestination', () => {
  it('sends welfare barriers to the OCMW, naming them', () => {
    expect(suggest({ barriers: ['debts', 'dutch'] })).toEqual({
      destination: 'ocmw',
      reasons: [{ rule: 'Welzijnsdrempel: heeft schulden', destination: 'ocmw' }],
    })
  })

  it('sends someone ready to work without a welfare barrier to VDAB, naming the barriers they did tick', () => {
    // Issue 16: this resident was told "heeft geen grote drempels".
    expect(suggest({ wantsWork: 'yes', barriers: ['dutch', 'foreign_diploma'] })).toEqual({
      destination: 'vdab',
      reasons: [{ rule: 'Wil nu werken; geen welzijnsdrempel aangeduid, wel: spreekt nog niet goed Nederlands; diploma uit het buitenland', destination: 'vdab' }],
    })
    expect(suggest({ wantsWork: 'yes' }).reasons).toEqual([{ rule: 'Wil nu werken; duidde geen drempels aan', destination: 'vdab' }])
  })

  it('does not call someone with a welfare barrier ready to work', () => {
    expect(suggest({ wantsWork: 'yes', barriers: ['housing'] }).destination).toBe('ocmw')
  })

  it('sends young people not in education to VDAB, up to the region’s age limit', () => {
    expect(suggest({ birthYear: 2002 })).toEqual({ destination: 'vdab', reasons: [{ rule: 'Geboren in 2002: jonger dan 25 jaar, en niet in opleiding', destination: 'vdab' }] })
    expect(suggest({ birthYear: 2001 }).reasons.map((r) => r.rule)).toEqual(['Geen regel van toepassing: OCMW en VDAB bekijken de aanmelding samen'])
    expect(suggest({ birthYear: 2002, inEducation: true }).reasons).toHaveLength(1)
    expect(suggest({ birthYear: 2002, inEducation: true }).destination).toBe('joint')
    // Intakes from before the form asked: not known to be in education.
    expect(suggest({ birthYear: 2002, inEducation: null })).toEqual({
      destination: 'vdab',
      reasons: [{ rule: 'Geboren in 2002: jonger dan 25 jaar (of er een opleiding loopt, werd niet gevraagd)', destination: 'vdab' }],
    })
    expect(suggest({ birthYear: 2001 }, { ...defaultTriageSettings, youthAgeLimit: 30 }).destination).toBe('vdab')
    expect(suggest({ birthYear: null }).destination).toBe('joint')
  })

  it('makes barriers in several life domains a joint case, counting language and skills as one domain', () => {
    const joint = suggest({ barriers: ['childcare', 'transport', 'dutch'] })
    expect(joint.destination).toBe('joint')
    expect(joint.reasons).toContainEqual({
      rule: 'Drempels in 3 levensdomeinen: gezin (vindt geen kinderopvang), mobiliteit (heeft geen vervoer), taal en vaardigheden (spreekt nog niet goed Nederlands)',
      destination: 'joint',
    })
    // Four barriers, but only two domains: no joint case on that ground.
    const twoDomains = suggest({ barriers: ['dutch', 'digital_skills', 'foreign_diploma', 'childcare'] })
    expect(twoDomains.reasons.some((reason) => reason.rule.startsWith('Drempels in'))).toBe(false)
  })

  it('makes rules that point both ways a joint case, keeping every reason', () => {
    const both = suggest({ birthYear: 2004, barriers: ['health'] })
    expect(both.destination).toBe('joint')
    expect(both.reasons.map((r) => r.destination)).toEqual(['ocmw', 'vdab', 'joint'])
  })

  it('follows the region’s settings', () => {
    const settings = { ...defaultTriageSettings, welfareBarriers: ['childcare'], jointDomainThreshold: 5 }
    expect(suggest({ barriers: ['debts'] }, settings).destination).toBe('joint')
    expect(suggest({ barriers: ['childcare'] }, settings).destination).toBe('ocmw')
    expect(suggest({ barriers: ['debts', 'housing', 'health'] }, settings).reasons.some((reason) => reason.rule.startsWith('Drempels in'))).toBe(false)
  })

  it('says so when no rule applies', () => {
    expect(suggest({ wantsWork: 'not_now' })).toEqual({
      destination: 'joint',
      reasons: [{ rule: 'Geen regel van toepassing: OCMW en VDAB bekijken de aanmelding samen', destination: 'joint' }],
    })
  })
})
