import type { IntakeStatus } from './triage-labels'

/**
 * The triage workflow as rules without a database: which organisation may do what with an intake, and when its
 * first contact is late. Who may *see* an intake is decided in SQL (db/queries/intake-triage.ts,
 * docs/triage-visibility.md); these rules only refine what a viewer with full access may change.
 *
 * new → in_contact → referred → accepted → closed. A referral needs a first contact (a warm hand-over is made
 * by someone who spoke to the resident); a declined referral goes back to in_contact with its sender.
 */
export type IntakeFacts = {
  status: IntakeStatus
  ocmwOrganisationId: string | null
  vdabOrganisationId: string | null
  handlingOrganisationId: string | null
  firstContactAt: string | Date | null
  firstContactDueOn: string
  consentSharing: boolean
  consentWithdrawnAt: string | Date | null
}

/** Full: the dossier. Status: a referral's sender after the hand-over, which follows the status only. */
export type Access = 'full' | 'status'

/** The file is the organisation's to work on: it handles it, or nobody does yet. Closed and referred files wait. */
export function mayWork(intake: IntakeFacts, organisationId: string) {
  if (intake.status === 'closed' || intake.status === 'referred') return false
  return intake.handlingOrganisationId === null || intake.handlingOrganisationId === organisationId
}

export const mayRegisterContact = (intake: IntakeFacts, organisationId: string) => mayWork(intake, organisationId) && intake.status === 'new'

export const mayClose = (intake: IntakeFacts, organisationId: string) => mayWork(intake, organisationId)

/** The other organisation of the intake's pair: OCMW refers to the VDAB team, VDAB to the OCMW. */
export function counterpartOf(intake: IntakeFacts, organisationId: string): string | null {
  if (organisationId === intake.ocmwOrganisationId) return intake.vdabOrganisationId
  if (organisationId === intake.vdabOrganisationId) return intake.ocmwOrganisationId
  return null
}

export type ReferralBlock = 'not-yours' | 'no-contact-yet' | 'no-counterpart' | 'no-consent'

/** Each block in a sentence for the triage worker. */
export const referralBlockTexts: Record<ReferralBlock, string> = {
  'not-yours': 'Je organisatie behandelt deze aanmelding niet (meer), dus je kan ze niet doorverwijzen.',
  'no-contact-yet': 'Registreer eerst het eerste contact: je verwijst door na een gesprek met de inwoner.',
  'no-counterpart': 'Voor deze gemeente is geen andere organisatie gekend om naar door te verwijzen.',
  'no-consent': 'De inwoner gaf geen toestemming (meer) om gegevens te delen tussen OCMW en VDAB. Doorverwijzen kan dus niet.',
}

/** Why the organisation cannot refer this intake now, or null when it can. */
export function referralBlock(intake: IntakeFacts, organisationId: string): ReferralBlock | null {
  if (!mayWork(intake, organisationId) || intake.status === 'accepted') return 'not-yours'
  if (intake.status !== 'in_contact') return 'no-contact-yet'
  // Sharing the dossier with the other organisation is exactly what the resident's sharing consent covers.
  if (!intake.consentSharing || intake.consentWithdrawnAt) return 'no-consent'
  return counterpartOf(intake, organisationId) ? null : 'no-counterpart'
}

/** First contact is late when nobody registered it and its due day has passed (the due day itself is not late). */
export function isOverdue(intake: Pick<IntakeFacts, 'status' | 'firstContactAt' | 'firstContactDueOn'>, today: string) {
  return intake.firstContactAt === null && intake.status !== 'closed' && intake.firstContactDueOn < today
}

/** Whole days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

/** "Te laat sinds 3 dagen", "Vandaag", "Nog 2 dagen": the first-contact timer in words, never by colour alone. */
export function dueText(intake: Pick<IntakeFacts, 'status' | 'firstContactAt' | 'firstContactDueOn'>, today: string) {
  if (intake.firstContactAt !== null) return 'Contact gelegd'
  if (intake.status === 'closed') return 'Afgesloten zonder contact'
  const days = daysBetween(today, intake.firstContactDueOn)
  if (days < 0) return `Te laat: ${-days} ${-days === 1 ? 'dag' : 'dagen'} over tijd`
  if (days === 0) return 'Vandaag'
  return `Nog ${days} ${days === 1 ? 'dag' : 'dagen'}`
}
