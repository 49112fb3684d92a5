import { and, eq, or } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Tx } from '#db/client'
import { intakeReferrals, intakes, municipalities, organisations } from '#db/schema'
import { audit } from './audit'
import { sharedNotes } from './intake-notes'
import { intakeHistory } from './intake-queue'
import { fullAccess, referralAccess, triageOrganisation } from './intake-triage'
import { isUuid } from '#domain/ids'
import type { SessionUser } from '#domain/session-user'

/**
 * The warm hand-over's dossier as a partner system takes it (docs/schemas/referral-export.schema.json): what the
 * receiving team downloads from its intake page and GET /api/v1/referrals/{id} answers. Built field by field, so
 * nothing leaves that the schema does not name; notes come from `sharedNotes` (confidential = false in its SQL).
 *
 * Who reads it is decided in the SQL below, for the session user's organisation: only the RECEIVING organisation,
 * while the referral waits for its answer (referral access) or after it accepted it and still handles the file.
 * Not the sender: it has the file on its own page while it handles it, and after the hand-over it drops to status
 * access (no name, no answers, no notes: docs/triage-visibility.md), which an export must not undo. Not after a
 * decline either: the dossier went back. An anonymised intake is nobody's (both access rules exclude it); an erased
 * one has no referral rows left. Anything else is the 404 of an unknown id.
 */
export const REFERRAL_EXPORT_SCHEMA_VERSION = 1

export type ReferralExportChannel = 'download' | 'api'

const sender = alias(organisations, 'sender')
const receiver = alias(organisations, 'receiver')

/** The export when the user's organisation is the referral's receiver and may still read it; null otherwise. Audited. */
export async function readReferralExport(tx: Tx, user: SessionUser, referralId: string, channel: ReferralExportChannel, now = new Date()) {
  if (!isUuid(referralId)) return null
  const organisationId = triageOrganisation(user)
  const readable = or(
    and(eq(intakeReferrals.status, 'pending'), referralAccess(organisationId)),
    and(eq(intakeReferrals.status, 'accepted'), eq(intakes.handlingOrganisationId, organisationId), fullAccess(organisationId)),
  )
  const [row] = await tx
    .select({ referral: intakeReferrals, intake: intakes, municipality: municipalities.name, from: sender.name, to: receiver.name })
    .from(intakeReferrals)
    .innerJoin(intakes, eq(intakes.id, intakeReferrals.intakeId))
    .innerJoin(municipalities, eq(municipalities.nis, intakes.municipalityNis))
    .innerJoin(sender, eq(sender.id, intakeReferrals.fromOrganisationId))
    .innerJoin(receiver, eq(receiver.id, intakeReferrals.toOrganisationId))
    .where(and(eq(intakeReferrals.id, referralId), eq(intakeReferrals.toOrganisationId, organisationId), readable))
  if (!row) return null
  const [notes, history] = await Promise.all([sharedNotes(tx, user, [row.intake.id]), intakeHistory(tx, user, row.intake.id)])
  await audit(tx, {
    actorUserId: user.id,
    organisationId,
    action: 'intake.referral-export',
    subjectType: 'intake',
    subjectId: row.intake.id,
    details: { referralId, channel },
  })
  return buildExport({ ...row, notes, history }, now)
}

type Row = {
  referral: typeof intakeReferrals.$inferSelect
  intake: typeof intakes.$inferSelect
  municipality: string
  from: string
  to: string
  notes: Awaited<ReturnType<typeof sharedNotes>>
  history: Awaited<ReturnType<typeof intakeHistory>>
}

export type ReferralExport = ReturnType<typeof buildExport>

// Staff names stay out (notes and history name the organisation): the receiver contacts the sending team, not a person.
function buildExport({ referral, intake: i, municipality, from, to, notes, history }: Row, now: Date) {
  return {
    schemaVersion: REFERRAL_EXPORT_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    referral: {
      id: referral.id,
      status: referral.status as 'pending' | 'accepted',
      authoredOn: referral.createdAt.toISOString(),
      decidedAt: referral.decidedAt?.toISOString() ?? null,
      requester: { id: referral.fromOrganisationId, name: from },
      owner: { id: referral.toOrganisationId, name: to },
      message: referral.message,
    },
    intake: {
      id: i.id,
      reference: i.reference,
      submittedAt: i.createdAt.toISOString(),
      status: i.status,
      suggestedDestination: i.suggestedDestination,
      suggestionReasons: i.suggestionReasons.map((r) => ({ rule: r.rule, destination: r.destination })),
      firstContactAt: i.firstContactAt?.toISOString() ?? null,
    },
    resident: {
      firstName: i.firstName,
      lastName: i.lastName,
      birthYear: i.birthYear,
      language: i.language,
      contactMethod: i.contactMethod,
      phone: i.phone,
      email: i.email,
      contactLanguage: i.contactLanguage,
      contactMoments: i.contactMoments,
      address: { postcode: i.postcode, municipalityNis: i.municipalityNis, municipality },
      consent: { processing: i.consentProcessing, sharing: i.consentSharing, withdrawnAt: i.consentWithdrawnAt?.toISOString() ?? null },
    },
    answers: {
      situation: i.situation,
      wantsWork: i.wantsWork,
      wantsTraining: i.wantsTraining,
      inEducation: i.inEducation,
      barriers: i.barriers,
      barrierOther: i.barrierOther,
      dutchSelfAssessment: i.dutchSelfAssessment,
    },
    notes: notes.map((n) => ({ createdAt: n.createdAt.toISOString(), organisation: n.organisation, body: n.body })),
    history: history.map((e) => ({ at: e.at.toISOString(), organisation: e.organisation, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note })),
  }
}
