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
