import type { SerializeFrom } from '@remix-run/node'
import { db } from '#db/client'
import { triageColleagues } from '#db/queries/intake-changes'
import { findDuplicates } from '#db/queries/intake-duplicates'
import { listNotes, mayWriteConfidential } from '#db/queries/intake-notes'
import { intakeHistory, openIntake } from '#db/queries/intake-queue'
import { listReferrals, referralDossier } from '#db/queries/intake-referrals'
import type { SessionUser } from '#domain/session-user'
import { todayIso } from '#domain/compensation-rules'
import { dueText, isOverdue, mayClose, mayRegisterContact, mayWork, referralBlock } from '#domain/triage-workflow'

/**
 * Everything the intake page shows, read in one transaction (one audit entry for the read, in openIntake):
 * - full access: answers, notes (confidential ones of the user's own organisation only), history, hand-overs,
 *   possible duplicates, colleagues to assign, and what the user may do now;
 * - referral access: answers and the dossier's notes (never a confidential one), to accept or decline;
 * - status access: status, who handles it and the history, nothing about the resident.
 * Undefined when the user's organisation may not see the intake at all.
 */
export async function loadIntakePage(user: SessionUser, intakeId: string | undefined) {
  const today = todayIso()
  return db().transaction(async (tx) => {
    const opened = await openIntake(tx, user, intakeId)
    if (!opened) return undefined
    const [history, referrals] = await Promise.all([intakeHistory(tx, user, opened.intake.id), listReferrals(tx, user, opened.intake.id)])
    if (opened.access === 'status') return { ...opened, history, referrals }
    const { intake } = opened
    const timer = { overdue: isOverdue(intake, today), text: dueText(intake, today) }
    if (opened.access === 'referral') {
      const dossier = await referralDossier(tx, user, intake.id)
      return { ...opened, access: 'referral' as const, timer, history, referrals, notes: dossier?.notes ?? [] }
    }
    const organisationId = user.organisation.id
    const [notes, candidates, colleagues] = await Promise.all([listNotes(tx, user, intake.id), findDuplicates(tx, user, intake), triageColleagues(tx, user)])
    const open = (status: string) => status === 'new' || status === 'in_contact'
    const mergeable = mayWork(intake, organisationId) && open(intake.status)
    const duplicates = candidates.map(({ handlingOrganisationId, ...duplicate }) => ({
      ...duplicate,
      mergeable: mergeable && open(duplicate.status) && (handlingOrganisationId === null || handlingOrganisationId === organisationId),
    }))
    const can = {
      work: mayWork(intake, organisationId),
      contact: mayRegisterContact(intake, organisationId),
      close: mayClose(intake, organisationId),
      refer: referralBlock(intake, organisationId),
      confidential: mayWriteConfidential(user),
    }
    return { ...opened, access: 'full' as const, timer, history, referrals, notes, duplicates, colleagues, can }
  })
}
type Loaded = SerializeFrom<typeof loadIntakePage>
/** The page's data as the browser gets it (dates as strings), per kind of access. */
export type IntakePageData<A extends 'full' | 'referral' | 'status' = 'full' | 'referral' | 'status'> = Extract<NonNullable<Loaded>, { access: A }>
