import { and, eq, inArray, isNull, or, type SQL, sql, type SQLWrapper } from 'drizzle-orm'
import type { IntakeFacts } from '#domain/triage-workflow'
import type { Tx } from '#db/client'
import { intakeReferrals, intakes } from '#db/schema'
import type { SessionUser } from '#domain/session-user'
import { isUuid } from '#domain/ids'

/**
 * The triage queue of OCMW and VDAB teams: residents' personal data. WHO SEES WHAT is decided here and only here
 * (docs/triage-visibility.md), always for the organisation of the session user, never one from the request:
 *
 * - full: the intake is new or in contact and the organisation is its OCMW or VDAB team (both queues, when the
 *   resident consented to sharing: sharedPhase), or the organisation handles it;
 * - referral: the intake waits for the organisation's answer to a hand-over (the dossier, to accept or decline);
 * - status: the organisation referred it once and the other one took it over (status updates only).
 *
 * Anonymised intakes are nobody's any more. Every read of one intake and every change is audited (ids and field
 * names, never personal values). The queries that apply these rules: the queue and the intake page in
 * intake-queue.ts, status changes in intake-changes.ts, duplicates and merges in intake-duplicates.ts, the daily
 * summary in intake-daily-summary.ts, notes in intake-notes.ts, hand-overs in intake-referrals.ts.
 */
export type AccessLevel = 'full' | 'referral' | 'status'

/** An organisation's id, or a column holding one (to ask "does any active team see it?" in one statement). */
type OrganisationRef = string | SQLWrapper

/** Only triage workers of an OCMW or a VDAB team work in a queue; anyone else is a bug in the caller. */
export function triageOrganisation(user: SessionUser): string {
  if (user.role !== 'triage_worker' || (user.organisation.type !== 'ocmw' && user.organisation.type !== 'vdab')) {
    throw new Error(`${user.role} of a ${user.organisation.type} organisation has no triage queue`)
  }
  return user.organisation.id
}

const notAnonymised = isNull(intakes.anonymisedAt)

/**
 * Sharing between OCMW and VDAB needs the resident's consent. Without it (never given, or withdrawn) the intake is
 * in one queue only: its handler's, or while nobody handles it the OCMW's (the VDAB team's where there is no OCMW),
 * as the public form routes an intake without consent.
 */
const sharingConsent = and(eq(intakes.consentSharing, true), isNull(intakes.consentWithdrawnAt))

function sharedPhase(organisationId: OrganisationRef) {
  return and(
    inArray(intakes.status, ['new', 'in_contact']),
    or(
      and(sharingConsent, or(eq(intakes.ocmwOrganisationId, organisationId), eq(intakes.vdabOrganisationId, organisationId))),
      and(
        sql`not (${sharingConsent})`,
        isNull(intakes.handlingOrganisationId),
        or(eq(intakes.ocmwOrganisationId, organisationId), and(isNull(intakes.ocmwOrganisationId), eq(intakes.vdabOrganisationId, organisationId))),
      ),
    ),
  )
}

export function fullAccess(organisationId: OrganisationRef): SQL {
  return and(notAnonymised, or(sharedPhase(organisationId), eq(intakes.handlingOrganisationId, organisationId)))!
}

export function referralAccess(organisationId: OrganisationRef): SQL {
  return and(
    notAnonymised,
    eq(intakes.status, 'referred'),
    sql`exists (select 1 from ${intakeReferrals} r where r.intake_id = ${intakes.id} and r.to_organisation_id = ${organisationId} and r.status = 'pending')`,
  )!
}

export function statusAccess(organisationId: string): SQL {
  return and(notAnonymised, sql`exists (select 1 from ${intakeReferrals} r where r.intake_id = ${intakes.id} and r.from_organisation_id = ${organisationId})`)!
}

/** The strongest access the organisation has to the intake row in scope, or null. */
export const accessLevelOf = (organisationId: string) =>
  sql<AccessLevel | null>`case when ${fullAccess(organisationId)} then 'full' when ${referralAccess(organisationId)} then 'referral' when ${statusAccess(organisationId)} then 'status' end`

const factsColumns = {
  id: intakes.id,
  reference: intakes.reference,
  status: intakes.status,
  ocmwOrganisationId: intakes.ocmwOrganisationId,
  vdabOrganisationId: intakes.vdabOrganisationId,
  handlingOrganisationId: intakes.handlingOrganisationId,
  claimedByUserId: intakes.claimedByUserId,
  firstContactAt: intakes.firstContactAt,
  firstContactDueOn: intakes.firstContactDueOn,
  consentSharing: intakes.consentSharing,
  consentWithdrawnAt: intakes.consentWithdrawnAt,
  createdAt: intakes.createdAt,
}
export type AccessibleIntake = IntakeFacts & { id: string; reference: string; claimedByUserId: string | null; createdAt: Date; access: AccessLevel }

/** The intake's workflow facts with the user's access, or undefined when the user has none. */
export async function intakeAccess(tx: Tx, user: SessionUser, intakeId: string, options: { lock?: boolean } = {}): Promise<AccessibleIntake | undefined> {
  if (!isUuid(intakeId)) return undefined
  const organisationId = triageOrganisation(user)
  const query = tx
    .select({ ...factsColumns, access: accessLevelOf(organisationId) })
    .from(intakes)
    .where(eq(intakes.id, intakeId))
  const [row] = options.lock ? await query.for('update', { of: intakes }) : await query
  return row?.access ? { ...row, access: row.access } : undefined
}

/** The same, locked for the rest of the transaction: every change starts here. */
export const lockIntake = (tx: Tx, user: SessionUser, intakeId: string) => intakeAccess(tx, user, intakeId, { lock: true })
