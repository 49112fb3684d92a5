import type { LoaderFunctionArgs } from '@remix-run/node'
import { findReferralExport, NO_REFERRAL } from '#app/features/triage/hand-over/referral-export.server'
import { methodNotAllowed, serveApiRead } from '#app/utils/api.server'
import { ApiError } from '#app/utils/api-errors.server'

/**
 * GET /api/v1/referrals/{id} (docs/openapi.yaml): a warm hand-over's dossier as docs/schemas/referral-export.schema.json,
 * for a token of a triage worker of the receiving organisation (pending, or accepted and still handled by it). Anyone
 * else gets the 404 of an unknown id, so the API never confirms that an id exists. Audited as an export.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return serveApiRead(request, context, { endpoint: 'referrals.read', permission: 'intake:triage-own-org' }, async (user) => {
    const found = await findReferralExport(user, params.id, 'api')
    if (!found) throw new ApiError(404, NO_REFERRAL)
    return found
  })
}

// Public on purpose: another method gets a JSON 405, not Remix's error for a route without an action.
export const action = () => methodNotAllowed('GET')
