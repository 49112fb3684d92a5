import type {
  contactMethods,
  contactMoments,
  dutchSelfAssessments,
  intakeBarriers,
  intakeCloseReasons,
  intakeLanguages,
  intakeSituations,
  intakeStatuses,
  referralStatuses,
  triageDestinations,
  workWishes,
} from './values'

/**
 * Dutch words for the intake value lists as triage staff read them (the resident's form has its own texts in
 * public/locales). Browser-safe: the value lists come in as types only.
 */
export type IntakeStatus = (typeof intakeStatuses)[number]
export type CloseReason = (typeof intakeCloseReasons)[number]
export type Destination = (typeof triageDestinations)[number]
export type IntakeBarrier = (typeof intakeBarriers)[number]
export type IntakeLanguage = (typeof intakeLanguages)[number]
export type ReferralStatus = (typeof referralStatuses)[number]

export const intakeStatusLabels: Record<IntakeStatus, string> = {
  new: 'Nieuw',
  in_contact: 'In contact',
  referred: 'Doorverwezen',
  accepted: 'Aanvaard',
  closed: 'Afgesloten',
}

export const closeReasonLabels: Record<CloseReason, string> = {
  trajectory_started: 'Traject gestart',
  not_reachable: 'Niet bereikbaar',
  no_longer_interested: 'Niet meer geïnteresseerd',
  duplicate: 'Dubbele aanmelding',
  moved_away: 'Verhuisd',
}

export const destinationLabels: Record<Destination, string> = { ocmw: 'OCMW', vdab: 'VDAB', joint: 'OCMW en VDAB samen' }

export const referralStatusLabels: Record<ReferralStatus, string> = { pending: 'Wacht op antwoord', accepted: 'Aanvaard', declined: 'Geweigerd' }

export const barrierLabels: Record<IntakeBarrier, string> = {
  dutch: 'Nederlands',
  childcare: 'Kinderopvang',
  transport: 'Vervoer',
  health: 'Gezondheid',
  debts: 'Schulden',
  housing: 'Wonen',
  digital_skills: 'Digitale vaardigheden',
  foreign_diploma: 'Diploma uit het buitenland',
  other: 'Iets anders',
}

export const situationLabels: Record<(typeof intakeSituations)[number], string> = {
  no_income: 'Geen inkomen',
  leefloon: 'Leefloon',
  unemployment_benefit: 'Werkloosheidsuitkering',
  sickness_benefit: 'Ziekte-uitkering',
  other: 'Iets anders',
  unknown: 'Weet het niet',
}

export const workWishLabels: Record<(typeof workWishes)[number], string> = { yes: 'Ja', maybe: 'Misschien', not_now: 'Nu niet' }

export const dutchSelfAssessmentLabels: Record<(typeof dutchSelfAssessments)[number], string> = {
  none: 'Spreekt geen Nederlands',
  a_little: 'Begrijpt en spreekt een beetje',
  everyday: 'Kan zich redden in het dagelijks leven',
  good: 'Spreekt goed Nederlands',
  fluent: 'Spreekt vlot Nederlands',
}

export const contactMethodLabels: Record<(typeof contactMethods)[number], string> = {
  phone: 'Telefoon',
  email: 'E-mail',
  organisation: 'Via de organisatie die hielp bij de aanmelding',
}

export const contactMomentLabels: Record<(typeof contactMoments)[number], string> = {
  morning: "'s Morgens",
  afternoon: "'s Middags",
  evening: "'s Avonds",
  weekend: 'In het weekend',
}

export const languageLabels: Record<IntakeLanguage, string> = {
  nl: 'Nederlands',
  en: 'Engels',
  fr: 'Frans',
  ar: 'Arabisch',
  tr: 'Turks',
  uk: 'Oekraïens',
}

/** Labels of values that may come from a newer form than this page knows: the raw value rather than nothing. */
export const labelOf = <T extends string>(labels: Record<T, string>, value: string) => (labels as Record<string, string>)[value] ?? value
