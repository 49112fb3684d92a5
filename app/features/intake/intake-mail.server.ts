import type { Tx } from '#db/client'
import { findIntakeBySubmission } from '#db/queries/intake-status'
import type { IntakeReceivedProps } from '#emails/templates/intake-received'
import type { IntakeDraft } from './intake-draft.server'
import { intakePath, textDirection } from '#domain/intake-languages'
import { intakeTranslations } from './intake-page.server'
import { contactWayText, nextStepsText } from './intake-texts'
import { brusselsDate } from '#domain/intake-working-days'

/**
 * The confirmation mail (all but its address) in the resident's language, from the intake just inserted in `tx`.
 * The status token is its secret: the mail is linked to the intake, so erasing the intake takes the mail along.
 */
export async function intakeReceivedMail(tx: Tx, draft: IntakeDraft, baseUrl: string) {
  const intake = await findIntakeBySubmission(tx, draft.submissionKey)
  if (!intake) throw new Error('The intake to confirm by mail is not in the transaction')
  const t = await intakeTranslations(draft.language)
  const statusUrl = new URL(intakePath(`status/${draft.statusToken}`, draft.language), baseUrl).toString()
  const dates = { submittedOn: brusselsDate(intake.createdAt), dueOn: intake.firstContactDueOn }
  const props: IntakeReceivedProps = {
    lang: draft.language,
    dir: textDirection(draft.language),
    subject: t('mail.subject', { reference: intake.reference }),
    preview: t('mail.preview'),
    heading: t('mail.heading'),
    greeting: t('mail.greeting', { name: intake.firstName ?? '' }),
    paragraphs: [t('done.reference', { reference: intake.reference }), nextStepsText(t, intake, dates, draft.language), contactWayText(t, intake)],
    statusIntro: t('done.statusIntro'),
    statusButton: t('mail.statusButton'),
    linkFallback: t('mail.linkFallback'),
    statusUrl,
    keepSafe: t('done.statusKeepSafe'),
    footer: t('mail.footer'),
  }
  return { template: 'intake-received' as const, props, secret: draft.statusToken, intakeId: intake.id }
}
