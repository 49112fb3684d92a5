import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUserWithPermission } from '#app/auth/session.server'
import { findReferralExport, NO_REFERRAL, referralDownload } from '#app/features/triage/hand-over/referral-export.server'

/**
 * /triage/doorverwijzingen/{id}.json: the hand-over's dossier as a file (docs/schemas/referral-export.schema.json),
 * for the receiving team only; the same 404 as an unknown id for anyone else. Audited as an export.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'intake:triage-own-org')
  const found = await findReferralExport(user, params.referralId, 'download')
  if (!found) throw new Response(NO_REFERRAL, { status: 404 })
  return referralDownload(found)
}
