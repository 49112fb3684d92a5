/**
 * The value lists of the TWE trajectory (issue 13) with the Dutch words staff read. The identifiers are stored and
 * exported (VDAB's client file), so keep them; the labels may change. Browser-safe: no drizzle code here, the
 * schema builds its enums from these arrays.
 */

/** TWE-art60: a leefloongerechtigde employed by the OCMW under artikel 60§7; TWE-wz: a werkzoekende (VDAB or partner). */
export const trajectoryKinds = ['twe_art60', 'twe_wz'] as const
export type TrajectoryKind = (typeof trajectoryKinds)[number]
export const trajectoryKindLabels: Record<TrajectoryKind, string> = {
  twe_art60: 'TWE – artikel 60§7',
  twe_wz: 'TWE – werkzoekende',
}

/** Stopped: ended early, with a reason; ended: ran its course (end of contract or of the 24 months). */
export const trajectoryStatuses = ['active', 'suspended', 'stopped', 'ended'] as const
export type TrajectoryStatus = (typeof trajectoryStatuses)[number]
export const trajectoryStatusLabels: Record<TrajectoryStatus, string> = {
  active: 'Actief',
  suspended: 'Geschorst',
  stopped: 'Stopgezet',
  ended: 'Afgerond',
}

export const suspensionReasons = ['illness', 'pregnancy_or_birth', 'family_care', 'temporary_job', 'personal_circumstances', 'other'] as const
export type SuspensionReason = (typeof suspensionReasons)[number]
export const suspensionReasonLabels: Record<SuspensionReason, string> = {
  illness: 'Ziekte of ongeval',
  pregnancy_or_birth: 'Zwangerschap of geboorte',
  family_care: 'Zorg voor een gezinslid',
  temporary_job: 'Tijdelijk werk',
  personal_circumstances: 'Persoonlijke omstandigheden (bv. wonen, schulden)',
  other: 'Andere reden',
}

// Moving house does not end the support: the trajectory goes to the new municipality's team by warm hand-over.
export const stopReasons = [
  'job_found',
  'training',
  'other_measure',
  'illness',
  'moved',
  'no_cooperation',
  'no_longer_entitled',
  'personal_reasons',
  'other',
] as const
export type StopReason = (typeof stopReasons)[number]
export const stopReasonLabels: Record<StopReason, string> = {
  job_found: 'Werk gevonden in het NEC',
  training: 'Start van een opleiding',
  other_measure: 'Overstap naar een andere maatregel',
  illness: 'Ziekte of arbeidsongeschiktheid',
  moved: 'Verhuis naar een andere gemeente',
  no_cooperation: 'Geen medewerking',
  no_longer_entitled: 'Geen recht meer op leefloon of begeleiding',
  personal_reasons: 'Persoonlijke redenen',
  other: 'Andere reden',
}

/** The outcome in the final report; NEC = het normaal economisch circuit, the regular labour market. */
export const endOutcomes = ['regular_job', 'training', 'other_measure', 'none'] as const
export type EndOutcome = (typeof endOutcomes)[number]
export const endOutcomeLabels: Record<EndOutcome, string> = {
  regular_job: 'Job in het NEC',
  training: 'Opleiding',
  other_measure: 'Andere maatregel',
  none: 'Geen',
}

// Why a training request within the trajectory was refused: the Mechelen learning network's list, so the
// reasons can be counted across OCMWs.
export const trainingRefusalReasons = [
  'motivation',
  'financing_unclear',
  'technical_or_registration',
  'dutch_level_too_low',
  'dutch_level_too_high',
  'admission_requirements',
  'other',
] as const
export type TrainingRefusalReason = (typeof trainingRefusalReasons)[number]
export const trainingRefusalReasonLabels: Record<TrainingRefusalReason, string> = {
  motivation: 'Motivatie',
  financing_unclear: 'Financiering onduidelijk',
  technical_or_registration: 'Technisch probleem of inschrijving',
  dutch_level_too_low: 'Niveau Nederlands te laag',
  dutch_level_too_high: 'Niveau Nederlands te hoog',
  admission_requirements: 'Toelatingsvoorwaarden',
  other: 'Andere reden',
}

/** Per competence goal, in an evaluation (also the employer's work-floor form). */
export const evaluationScale = ['not_yet', 'growing', 'reached'] as const
export type EvaluationScore = (typeof evaluationScale)[number]
export const evaluationScaleLabels: Record<EvaluationScore, string> = {
  not_yet: 'Nog niet',
  growing: 'Groeiend',
  reached: 'Bereikt',
}

export const evaluationKinds = ['phase_end', 'periodic', 'work_floor'] as const
export type EvaluationKind = (typeof evaluationKinds)[number]
export const evaluationKindLabels: Record<EvaluationKind, string> = {
  phase_end: 'Einde van een fase',
  periodic: '6-maandelijkse evaluatie',
  work_floor: 'Evaluatie op de werkvloer',
}

/** A training request's course: asked, then approved or refused (with a reason), then completed or dropped out. */
export const trainingOutcomes = ['requested', 'approved', 'refused', 'completed', 'dropped_out'] as const
export type TrainingOutcome = (typeof trainingOutcomes)[number]
export const trainingOutcomeLabels: Record<TrainingOutcome, string> = {
  requested: 'Aangevraagd',
  approved: 'Goedgekeurd',
  refused: 'Geweigerd',
  completed: 'Gevolgd',
  dropped_out: 'Afgebroken',
}

/** Why another organisation (a VDAB team) may read an OCMW's trajectory: the client consented, or a warm hand-over. */
export const shareBases = ['consent', 'hand_over'] as const
export type ShareBasis = (typeof shareBases)[number]
export const shareBasisLabels: Record<ShareBasis, string> = {
  consent: 'Toestemming van de cliënt',
  hand_over: 'Warme overdracht',
}
