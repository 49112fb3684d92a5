import { and, eq, isNull, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { enqueue } from '#core/jobs'
import type { Tx } from '#db/client'
import { intakeChannels, intakeEvents, intakes, municipalities, organisations, users } from '#db/schema'
import { audit } from './audit'
import { recordIntakeEvent } from './intake'

/**
 * What a resident sees and changes about their own intake: the confirmation page (by submission key) and the
 * status page (by the digest of the status token). Changes leave a line in the intake's history, in Dutch,
 * for the triage worker, and an audit entry without an actor (the resident has no account).
 */
export const ERASURE_REQUEST_NOTE = 'De inwoner vraagt om alle gegevens te wissen.'
export const CONTACT_CORRECTED_NOTE = 'De inwoner paste de contactgegevens aan.'
export const CONSENT_WITHDRAWN_NOTE = 'De inwoner trok de toestemming in om gegevens te delen tussen OCMW en VDAB.'

const ocmw = alias(organisations, 'ocmw')
const vdab = alias(organisations, 'vdab')
const handling = alias(organisations, 'handling')
const channelOrganisation = alias(organisations, 'channel_organisation')
const helper = alias(users, 'helper')
const helperOrganisation = alias(organisations, 'helper_organisation')

async function residentView(tx: Tx, where: SQL) {
  const [row] = await tx
    .select({
      id: intakes.id,
      reference: intakes.reference,
      statusTokenHash: intakes.statusTokenHash,
      language: intakes.language,
      firstName: intakes.firstName,
      status: intakes.status,
      closeReason: intakes.closeReason,
      createdAt: intakes.createdAt,
      firstContactDueOn: intakes.firstContactDueOn,
      municipalityName: municipalities.name,
      regionCode: municipalities.regionCode,
      contactMethod: intakes.contactMethod,
      phone: intakes.phone,
      email: intakes.email,
      consentSharing: intakes.consentSharing,
      consentWithdrawnAt: intakes.consentWithdrawnAt,
      ocmwName: ocmw.name,
      vdabName: vdab.name,
      handlingName: handling.name,
      // The privacy contact: the data protection officer of the organisation that handles the file (else the OCMW, else VDAB).
      handlingDpoEmail: handling.dpoEmail,
      ocmwDpoEmail: ocmw.dpoEmail,
      vdabDpoEmail: vdab.dpoEmail,
      // Who helped the resident: the outreach worker's organisation, else the organisation of the channel link.
      helperName: sql<string | null>`coalesce(${helperOrganisation.name}, ${channelOrganisation.name})`,
      erasureRequestedAt: sql<Date | null>`(select max(${intakeEvents.at}) from ${intakeEvents} where ${intakeEvents.intakeId} = ${intakes.id} and ${intakeEvents.note} = ${ERASURE_REQUEST_NOTE})`.mapWith(
        intakeEvents.at,
      ),
    })
    .from(intakes)
    .innerJoin(municipalities, eq(municipalities.nis, intakes.municipalityNis))
    .leftJoin(ocmw, eq(ocmw.id, intakes.ocmwOrganisationId))
    .leftJoin(vdab, eq(vdab.id, intakes.vdabOrganisationId))
    .leftJoin(handling, eq(handling.id, intakes.handlingOrganisationId))
    .leftJoin(intakeChannels, eq(intakeChannels.id, intakes.channelId))
    .leftJoin(channelOrganisation, eq(channelOrganisation.id, intakeChannels.organisationId))
    .leftJoin(helper, eq(helper.id, intakes.assistedByUserId))
    .leftJoin(helperOrganisation, eq(helperOrganisation.id, helper.organisationId))
    .where(and(where, isNull(intakes.anonymisedAt)))
  return row
}
export type ResidentView = NonNullable<Awaited<ReturnType<typeof residentView>>>

export const findIntakeBySubmission = (tx: Tx, submissionKey: string) => residentView(tx, eq(intakes.submissionKey, submissionKey))

export const findIntakeByStatusToken = (tx: Tx, tokenHash: string) => residentView(tx, eq(intakes.statusTokenHash, tokenHash))

type Resident = Pick<ResidentView, 'id' | 'status'>

export async function correctContactDetails(
  tx: Tx,
  intake: Resident,
  contact: { contactMethod: 'phone' | 'email' | 'organisation'; phone?: string; email?: string },
) {
  await tx
    .update(intakes)
    .set({ contactMethod: contact.contactMethod, phone: contact.phone ?? null, email: contact.email ?? null, updatedAt: sql`now()` })
    .where(eq(intakes.id, intake.id))
  await residentChange(tx, intake, CONTACT_CORRECTED_NOTE, 'intake.contact-corrected', { contactMethod: contact.contactMethod })
}

/** Stops the sharing between OCMW and VDAB from now on; answers false when it was withdrawn or never given. */
export async function withdrawSharingConsent(tx: Tx, intake: Resident): Promise<boolean> {
  const changed = await tx
    .update(intakes)
    .set({ consentSharing: false, consentWithdrawnAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(intakes.id, intake.id), eq(intakes.consentSharing, true)))
    .returning({ id: intakes.id })
  if (changed.length === 0) return false
  await residentChange(tx, intake, CONSENT_WITHDRAWN_NOTE, 'intake.consent-withdrawn')
  return true
}

/**
 * Records an erasure request and queues its execution (app/features/privacy/privacy-worker.server.ts erases the intake and keeps
 * a proof without personal data). A second request for the same intake changes nothing and answers false.
 */
export async function requestErasure(tx: Tx, intake: Resident, via: string): Promise<boolean> {
  // Locks the intake, so two requests at once queue one erasure.
  await tx.select({ id: intakes.id }).from(intakes).where(eq(intakes.id, intake.id)).for('update')
  const [earlier] = await tx
    .select({ id: intakeEvents.id })
    .from(intakeEvents)
    .where(and(eq(intakeEvents.intakeId, intake.id), eq(intakeEvents.note, ERASURE_REQUEST_NOTE)))
  if (earlier) return false
  await residentChange(tx, intake, ERASURE_REQUEST_NOTE, 'intake.erasure-requested', { via })
  await enqueue(tx, 'intake-erasure', { intakeId: intake.id, requestedAt: new Date().toISOString(), via })
  return true
}

async function residentChange(tx: Tx, intake: Resident, note: string, action: string, details?: Record<string, unknown>) {
  await recordIntakeEvent(tx, { intakeId: intake.id, fromStatus: intake.status, toStatus: intake.status, note })
  await audit(tx, { actorUserId: null, action, subjectType: 'intake', subjectId: intake.id, details })
}
