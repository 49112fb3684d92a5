import type { SessionUser } from '#domain/session-user'
import { readReferralExport, type ReferralExport, type ReferralExportChannel } from '#db/queries/referral-export'
import { db } from '#app/utils/db.server'
import { jsonDownload } from '#app/utils/json-download.server'

/**
 * The hand-over's dossier for the receiving team (issue 14): the download on its intake page and
 * GET /api/v1/referrals/{id}. db/queries/referral-export.ts decides who may read it and audits the read.
 */
export const NO_REFERRAL = 'Deze doorverwijzing bestaat niet of je organisatie mag ze niet lezen.'

export function findReferralExport(user: SessionUser, referralId: string | undefined, channel: ReferralExportChannel) {
  return referralId ? db().transaction((tx) => readReferralExport(tx, user, referralId, channel)) : Promise.resolve(null)
}

/** The dossier as a file, named after the referral's id (no resident's name in the file name). */
export const referralDownload = (data: ReferralExport) => jsonDownload(data, `doorverwijzing-${data.referral.id}.json`)
