/**
 * The value lists of the data model, without any drizzle code, so browser code (forms, labels) can import them
 * without pulling table definitions into its bundle. The schema files build their enums from these.
 */
// Role identifiers are part of the machine interface (shared formats README): keep them exactly.
export const roles = [
  'employer',
  'caseworker',
  'triage_worker',
  'outreach_worker',
  'regional_admin',
  'platform_admin',
] as const

export const organisationTypes = ['ocmw', 'vdab', 'employer', 'outreach_partner', 'platform'] as const

// The employer types of the placement exchange format.
export const employerTypes = ['private', 'public', 'nonprofit', 'social_economy'] as const

// Value lists of the exchange format (docs/schemas/placement.schema.json): keep them identical.
export const instruments = ['TWE_ART60', 'IBO', 'BVS', 'WES', 'BIS', 'OS', 'WIJK_WERKEN'] as const

export const dutchLevels = ['none', 'A1', 'A2', 'B1', 'B2', 'C1'] as const

export const schedules = ['day', 'evening', 'night', 'weekend', 'shifts'] as const

export const supportKinds = [
  'mentor',
  'training_on_the_job',
  'onboarding',
  'public_transport',
  'wheelchair_accessible',
  'childcare_friendly_hours',
] as const

export const placementStatuses = ['draft', 'submitted', 'published', 'paused', 'filled', 'closed'] as const

export const payUnits = ['per_hour', 'per_month', 'one_off', 'none'] as const

export const wagePolicies = ['gross_hourly', 'reference_scale'] as const

export const coveredItems = ['transport', 'work_clothes', 'meal_vouchers', 'training'] as const

export const importRunStatuses = ['queued', 'running', 'imported', 'rejected', 'failed'] as const

// A proposal of a client to an employer's placement (issue 4). At most 3 open ones per client.
export const proposalStatuses = ['open', 'accepted', 'declined', 'withdrawn'] as const

// Why an employer declines a proposal: structured, so regions can see what blocks matches.
export const declineReasons = ['no_capacity', 'profile_mismatch', 'dutch_level', 'availability', 'distance', 'other'] as const

// NBAzu intake (issue 5). Languages of the public intake form: Dutch first, then the outreach languages.
export const intakeLanguages = ['nl', 'en', 'fr', 'ar', 'tr', 'uk'] as const

export const contactMethods = ['phone', 'email', 'organisation'] as const

export const intakeSituations = ['no_income', 'leefloon', 'unemployment_benefit', 'sickness_benefit', 'other', 'unknown'] as const

export const workWishes = ['yes', 'maybe', 'not_now'] as const

export const intakeBarriers = ['dutch', 'childcare', 'transport', 'health', 'debts', 'housing', 'digital_skills', 'foreign_diploma', 'other'] as const

// Self-assessed Dutch, in plain words on the form ("I understand and speak a little" …), not CEFR codes.
export const dutchSelfAssessments = ['none', 'a_little', 'everyday', 'good', 'fluent'] as const

export const contactMoments = ['morning', 'afternoon', 'evening', 'weekend'] as const

export const intakeStatuses = ['new', 'in_contact', 'referred', 'accepted', 'closed'] as const

export const intakeCloseReasons = ['trajectory_started', 'not_reachable', 'no_longer_interested', 'duplicate', 'moved_away'] as const

export const triageDestinations = ['ocmw', 'vdab', 'joint'] as const

export const referralStatuses = ['pending', 'accepted', 'declined'] as const
