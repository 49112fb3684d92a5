import type { PlacementStatus } from '#domain/placement-lifecycle'
import { statusLabels } from '#domain/placement-values'

/**
 * What an import does to a placement's status. The format only knows draft and published (published lands as
 * submitted for an unverified employer). A placement still in draft or submitted takes the file's status; one
 * that went further in Stapsteen (published, paused, filled, closed) keeps its status, because pausing or
 * closing is done in the portal and re-sending the same file must not undo it. Only going back to draft is
 * refused: the sender asks for something the lifecycle does not allow, and silently ignoring it would hide that.
 */
export type StatusOutcome = { ok: true; status: PlacementStatus } | { ok: false; reason: string }

export function importedStatus(current: PlacementStatus | undefined, wanted: PlacementStatus): StatusOutcome {
  if (current === undefined || current === wanted || current === 'draft' || current === 'submitted') return { ok: true, status: wanted }
  if (wanted === 'draft') {
    const label = statusLabels[current].label.toLowerCase()
    return { ok: false, reason: `Deze plaats is al ${label} en kan niet terug naar ontwerp (draft). Pauzeer of sluit ze in Stapsteen, of zet status op published.` }
  }
  return { ok: true, status: current }
}
