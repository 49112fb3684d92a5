import type { ComponentProps, ComponentType } from 'react'
import { ScheduleChangedEmail, subject as scheduleChangedSubject } from './schedule-changed'
import { PasswordResetEmail, subject as passwordResetSubject } from './password-reset'
import { VerifyEmail, subject as verifyEmailSubject } from './verify-email'
import { EmployerAwaitingVerificationEmail, subject as employerAwaitingVerificationSubject } from './employer-awaiting-verification'
import { EmployerVerifiedEmail, subject as employerVerifiedSubject } from './employer-verified'
import { EmployerRejectedEmail, subject as employerRejectedSubject } from './employer-rejected'
import { ProposalReceivedEmail, subject as proposalReceivedSubject } from './proposal-received'
import { ProposalDecidedEmail, subject as proposalDecidedSubject } from './proposal-decided'
import { SavedSearchAlertEmail, subject as savedSearchAlertSubject } from './saved-search-alert'
import { IntakeReceivedEmail, subject as intakeReceivedSubject } from './intake-received'
import { TriageHandoverEmail, subject as triageHandoverSubject } from './triage-handover'
import { TriageDailySummaryEmail, subject as triageDailySummarySubject } from './triage-daily-summary'
import { UnreceivedSummaryEmail, subject as unreceivedSummarySubject } from './unreceived-summary'
import { UserInvitationEmail, subject as userInvitationSubject } from './user-invitation'
import { PasswordChangedEmail, subject as passwordChangedSubject } from './password-changed'
import { RegistrationAttemptEmail, subject as registrationAttemptSubject } from './registration-attempt'
import { WorkFloorRequestEmail, subject as workFloorRequestSubject } from './work-floor-request'
import { EvaluationReminderEmail, subject as evaluationReminderSubject } from './evaluation-reminder'
import { TrajectoryHandedOverEmail, subject as trajectoryHandedOverSubject } from './trajectory-handed-over'
import { TrajectoryTransferRequestedEmail, subject as trajectoryTransferRequestedSubject } from './trajectory-transfer-requested'
import { TrajectoryTransferDecidedEmail, subject as trajectoryTransferDecidedSubject } from './trajectory-transfer-decided'

/**
 * `carriesSecret`: the mail's link holds a token that opens something (an account, a resident's file). sendEmail
 * then requires that token and never stores it in the body (emails/secret.server.ts).
 */
export type TemplateDefinition<P> = { subject: (props: P) => string; component: ComponentType<P>; carriesSecret?: true }

/** Adding a mail = a new file in this folder + one line here; its id then fixes the props sendEmail accepts. */
const definitions = {
  'schedule-changed': { subject: scheduleChangedSubject, component: ScheduleChangedEmail },
  'password-reset': { subject: () => passwordResetSubject, component: PasswordResetEmail, carriesSecret: true as const },
  'password-changed': { subject: () => passwordChangedSubject, component: PasswordChangedEmail },
  'verify-email': { subject: () => verifyEmailSubject, component: VerifyEmail, carriesSecret: true as const },
  'employer-awaiting-verification': { subject: employerAwaitingVerificationSubject, component: EmployerAwaitingVerificationEmail },
  'employer-verified': { subject: () => employerVerifiedSubject, component: EmployerVerifiedEmail },
  'employer-rejected': { subject: () => employerRejectedSubject, component: EmployerRejectedEmail },
  'proposal-received': { subject: proposalReceivedSubject, component: ProposalReceivedEmail },
  'proposal-decided': { subject: proposalDecidedSubject, component: ProposalDecidedEmail },
  'saved-search-alert': { subject: savedSearchAlertSubject, component: SavedSearchAlertEmail },
  'intake-received': { subject: intakeReceivedSubject, component: IntakeReceivedEmail, carriesSecret: true as const },
  'triage-handover': { subject: triageHandoverSubject, component: TriageHandoverEmail },
  'triage-daily-summary': { subject: triageDailySummarySubject, component: TriageDailySummaryEmail },
  'unreceived-summary': { subject: unreceivedSummarySubject, component: UnreceivedSummaryEmail },
  'user-invitation': { subject: userInvitationSubject, component: UserInvitationEmail, carriesSecret: true as const },
  'registration-attempt': { subject: () => registrationAttemptSubject, component: RegistrationAttemptEmail },
  'work-floor-request': { subject: workFloorRequestSubject, component: WorkFloorRequestEmail },
  'evaluation-reminder': { subject: evaluationReminderSubject, component: EvaluationReminderEmail },
  'trajectory-handed-over': { subject: trajectoryHandedOverSubject, component: TrajectoryHandedOverEmail },
  'trajectory-transfer-requested': { subject: trajectoryTransferRequestedSubject, component: TrajectoryTransferRequestedEmail },
  'trajectory-transfer-decided': { subject: trajectoryTransferDecidedSubject, component: TrajectoryTransferDecidedEmail },
}

export type TemplateId = keyof typeof definitions
type PropsMap = { [T in TemplateId]: ComponentProps<(typeof definitions)[T]['component']> }
export type PropsOf<T extends TemplateId> = PropsMap[T]
/** The templates whose mail must be sent with its secret. */
export type SecretTemplateId = { [T in TemplateId]: (typeof definitions)[T] extends { carriesSecret: true } ? T : never }[TemplateId]

// Re-typed as a mapped type so `templates[id]` keeps the link between an id and its props inside generic code.
export const templates: { [T in TemplateId]: TemplateDefinition<PropsMap[T]> } = definitions
