import type { placementStatuses } from './values'

export type PlacementStatus = (typeof placementStatuses)[number]

/**
 * draft → submitted → published → paused → filled / closed. An employer publishes its own placement; while
 * the employer is not yet verified, "publish" parks it as submitted, and the regional admin's approval of the
 * employer publishes it (vulnerable people must not be sent to unverified employers).
 */
const transitions: Record<PlacementStatus, readonly PlacementStatus[]> = {
  draft: ['submitted', 'published', 'closed'],
  submitted: ['draft', 'published', 'closed'],
  published: ['paused', 'filled', 'closed'],
  paused: ['published', 'filled', 'closed'],
  filled: ['published', 'closed'],
  closed: [],
}

export const allowedTransitions = (from: PlacementStatus) => transitions[from]

export function canTransition(from: PlacementStatus, to: PlacementStatus) {
  return transitions[from].includes(to)
}

/** Where "publish" really lands: published for a verified employer, otherwise submitted for review. */
export function publishTarget(employerVerified: boolean): PlacementStatus {
  return employerVerified ? 'published' : 'submitted'
}
