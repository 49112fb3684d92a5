import type { intakeBarriers, triageDestinations, workWishes } from './values'

/**
 * The suggested destination of an intake: OCMW, VDAB or both together. Transparent on purpose: every rule
 * that fires gives a reason in plain Dutch, and the triage worker sees all of them and decides. A reference
 * region tunes the rules through its triage settings (db/queries/triage-settings.ts).
 */
export type Destination = (typeof triageDestinations)[number]
export type Barrier = (typeof intakeBarriers)[number]
export type Reason = { rule: string; destination: Destination }
export type Suggestion = { destination: Destination; reasons: Reason[] }

export type TriageSettings = {
  firstContactWorkingDays: number
  youthAgeLimit: number
  welfareBarriers: string[]
  /** This many life domains with a barrier, or more, need OCMW and VDAB together. */
  jointDomainThreshold: number
}

/** The defaults of the triage_settings table, for regions that never changed theirs. */
export const defaultTriageSettings: TriageSettings = {
  firstContactWorkingDays: 5,
  youthAgeLimit: 25,
  welfareBarriers: ['debts', 'housing', 'health'],
  jointDomainThreshold: 3,
}

export type TriageIntake = {
  birthYear: number | null
  wantsWork: (typeof workWishes)[number]
  barriers: readonly Barrier[]
  /** Null on intakes from before the form asked it: counts as not in education. */
  inEducation: boolean | null
}

/**
 * The barriers as the resident ticked them, in the words a reason cites them with (issue 16, point 8: a reason
 * says which answers decided it, so the triage worker can check it against the intake).
 */
export const barrierLabels: Record<Barrier, string> = {
  dutch: 'spreekt nog niet goed Nederlands',
  childcare: 'vindt geen kinderopvang',
  transport: 'heeft geen vervoer',
  health: 'problemen met gezondheid',
  debts: 'heeft schulden',
  housing: 'problemen met wonen',
  digital_skills: 'werkt niet goed met computer of smartphone',
  foreign_diploma: 'diploma uit het buitenland',
  other: 'iets anders',
}

/** The life domain of each barrier: language and skills count as one domain, since one trajectory covers them. */
export const barrierDomains: Record<Barrier, string> = {
  dutch: 'taal en vaardigheden',
  digital_skills: 'taal en vaardigheden',
  foreign_diploma: 'taal en vaardigheden',
  childcare: 'gezin',
  transport: 'mobiliteit',
  health: 'gezondheid',
  debts: 'financiën',
  housing: 'wonen',
  other: 'ander',
}

const cite = (barriers: readonly Barrier[]) => barriers.map((barrier) => barrierLabels[barrier]).join('; ')

export function suggestDestination(intake: TriageIntake, settings: TriageSettings, today: Date = new Date()): Suggestion {
  const reasons: Reason[] = []
  const welfare = intake.barriers.filter((barrier) => settings.welfareBarriers.includes(barrier))
  if (welfare.length > 0) {
    reasons.push({ rule: `Welzijnsdrempel: ${cite(welfare)}`, destination: 'ocmw' })
  } else if (intake.wantsWork === 'yes') {
    // Other barriers do not change the destination (VDAB helps with language and diplomas), but they are named:
    // "no major barriers" to someone who ticked two was the contradiction of issue 16.
    const others = intake.barriers.length ? `geen welzijnsdrempel aangeduid, wel: ${cite(intake.barriers)}` : 'duidde geen drempels aan'
    reasons.push({ rule: `Wil nu werken; ${others}`, destination: 'vdab' })
  }
  const age = intake.birthYear === null ? undefined : today.getFullYear() - intake.birthYear
  if (age !== undefined && age < settings.youthAgeLimit && intake.inEducation !== true) {
    // Intakes from before the form asked about education count as not in education, but the reason does not claim it.
    const education = intake.inEducation === false ? ', en niet in opleiding' : ' (of er een opleiding loopt, werd niet gevraagd)'
    reasons.push({ rule: `Geboren in ${intake.birthYear}: jonger dan ${settings.youthAgeLimit} jaar${education}`, destination: 'vdab' })
  }
  const domains = [...new Set(intake.barriers.map((barrier) => barrierDomains[barrier]))]
  if (domains.length >= settings.jointDomainThreshold) {
    const perDomain = domains.map((domain) => `${domain} (${cite(intake.barriers.filter((barrier) => barrierDomains[barrier] === domain))})`)
    reasons.push({ rule: `Drempels in ${domains.length} levensdomeinen: ${perDomain.join(', ')}`, destination: 'joint' })
  }

  const destinations = new Set(reasons.map((reason) => reason.destination))
  if (destinations.has('joint')) return { destination: 'joint', reasons }
  if (destinations.size === 2) {
    return { destination: 'joint', reasons: [...reasons, { rule: 'De regels wijzen naar het OCMW én naar VDAB', destination: 'joint' }] }
  }
  const [only] = destinations
  if (only) return { destination: only, reasons }
  return { destination: 'joint', reasons: [{ rule: 'Geen regel van toepassing: OCMW en VDAB bekijken de aanmelding samen', destination: 'joint' }] }
}
