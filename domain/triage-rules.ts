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

/** Dutch names of the barriers, as the triage worker reads them in a reason. */
export const barrierLabels: Record<Barrier, string> = {
  dutch: 'Nederlands',
  childcare: 'kinderopvang',
  transport: 'vervoer',
  health: 'gezondheid',
  debts: 'schulden',
  housing: 'huisvesting',
  digital_skills: 'digitale vaardigheden',
  foreign_diploma: 'buitenlands diploma',
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

const list = (items: string[]) => items.join(', ')

export function suggestDestination(intake: TriageIntake, settings: TriageSettings, today: Date = new Date()): Suggestion {
  const reasons: Reason[] = []
  const welfare = intake.barriers.filter((barrier) => settings.welfareBarriers.includes(barrier))
  if (welfare.length > 0) {
    reasons.push({ rule: `Welzijnsdrempel: ${list(welfare.map((b) => barrierLabels[b]))}`, destination: 'ocmw' })
  } else if (intake.wantsWork === 'yes') {
    reasons.push({ rule: 'Wil nu werken en heeft geen grote drempels', destination: 'vdab' })
  }
  const age = intake.birthYear === null ? undefined : today.getFullYear() - intake.birthYear
  if (age !== undefined && age < settings.youthAgeLimit && intake.inEducation !== true) {
    reasons.push({ rule: `Jonger dan ${settings.youthAgeLimit} jaar en niet in opleiding`, destination: 'vdab' })
  }
  const domains = [...new Set(intake.barriers.map((barrier) => barrierDomains[barrier]))]
  if (domains.length >= settings.jointDomainThreshold) {
    reasons.push({ rule: `Drempels in ${domains.length} levensdomeinen: ${list(domains)}`, destination: 'joint' })
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
