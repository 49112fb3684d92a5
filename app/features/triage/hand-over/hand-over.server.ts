import { z } from 'zod'
import type { SessionUser } from '#domain/session-user'
import type { Tx } from '#db/client'
import { type Decision, recordReferralDecision } from '#db/queries/intake-referrals'
import { sendEmail } from '#emails/send.server'
import { handoverMail } from './handover-mail.server'

export type DecideOutcome = { kind: 'accepted'; residentMailed: boolean } | { kind: 'declined' } | { kind: 'not-found' } | { kind: 'not-pending' }

/**
 * The receiver's answer to the intake's pending referral. On an accept the resident learns who handles the file
 * now, in the language they used (no notes, nothing else), in the same transaction as the answer.
 */
export async function decideReferral(tx: Tx, user: SessionUser, intakeId: string, decision: Decision): Promise<DecideOutcome> {
  const outcome = await recordReferralDecision(tx, user, intakeId, decision)
  if (outcome.kind !== 'accepted') return outcome
  const { email, language } = outcome.resident
  // The public form checked the address; one that is not (or no longer) an address is not worth a failed hand-over.
  if (!email || !z.string().email().safeParse(email).success) return { kind: 'accepted', residentMailed: false }
  await sendEmail(tx, { to: email, template: 'triage-handover', props: await handoverMail(language, user.organisation.name), intakeId: outcome.intakeId })
  return { kind: 'accepted', residentMailed: true }
}
