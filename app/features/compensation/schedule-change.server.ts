import type { Tx } from '#db/client'
import { saveVersion, type SaveVersionInput } from '#db/queries/compensation'
import { sendEmail } from '#emails/send.server'

export type CreateVersionInput = SaveVersionInput & {
  /** Where the links in the mails to employers point (the portal's public address). */
  baseUrl: string
}

export type CreateVersionResult =
  { ok: true; versionId: string; notified: number } | { ok: false; formErrors: string[]; fieldErrors: Record<string, string[]> }

/**
 * A regional admin's new schedule version and the mail to every employer it concerns, in the caller's transaction:
 * the version, its audit entry and the mails commit together, and nothing is written when a check fails.
 */
export async function createVersion(tx: Tx, input: CreateVersionInput): Promise<CreateVersionResult> {
  const { baseUrl, ...version } = input
  const result = await saveVersion(tx, version)
  if (!result.ok) return result
  const { recipients, scheduleName, regionCode, validFrom, note } = result.notify
  for (const employer of recipients) {
    await sendEmail(tx, {
      to: employer.email,
      template: 'schedule-changed',
      props: {
        contactName: employer.contactName,
        organisationName: employer.name,
        scheduleName,
        validFrom,
        note,
        costsUrl: new URL('/werkgever/kosten', baseUrl).href,
        comparisonUrl: new URL(`/vergoedingen#regio-${regionCode}`, baseUrl).href,
      },
    })
  }
  return { ok: true, versionId: result.versionId, notified: recipients.length }
}
