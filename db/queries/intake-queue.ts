import { and, asc, desc, eq, ne, or, sql } from 'drizzle-orm'
import { alias, type SelectedFields } from 'drizzle-orm/pg-core'
import type { QueueFilter } from '#domain/triage-forms'
import { isOverdue } from '#domain/triage-workflow'
import type { Tx } from '#db/client'
import { intakeChannels, intakeEvents, intakes, municipalities, organisations, users } from '#db/schema'
import { audit } from './audit'
import { accessLevelOf, fullAccess, referralAccess, statusAccess, triageOrganisation } from './intake-triage'
import { isUuid } from '#domain/ids'
import type { SessionUser } from '#domain/session-user'

/**
 * What a triage worker reads: the queue, the hand-overs the organisation follows, one intake and its history.
 * Who sees what is intake-triage.ts's decision; these queries apply it inside their own SQL.
 */

/** "First contact is late", in SQL, the same rule as isOverdue() (domain/triage-workflow.ts). */
export const overdueSql = (today: string) =>
  sql<boolean>`(${intakes.firstContactAt} is null and ${intakes.status} <> 'closed' and ${intakes.firstContactDueOn} < ${today})`

const handling = alias(organisations, 'handling')
const ocmw = alias(organisations, 'ocmw')
const vdab = alias(organisations, 'vdab')
const channelPartner = alias(organisations, 'channel_partner')
const assistant = alias(users, 'assistant')
const assistantOrganisation = alias(organisations, 'assistant_organisation')
const claimer = alias(users, 'claimer')

/** What a queue row and the intake page show about who holds the file and where it came from. */
const contextColumns = {
  municipality: municipalities.name,
  ocmwName: ocmw.name,
  vdabName: vdab.name,
  handlingOrganisation: handling.name,
  claimedBy: claimer.name,
  channel: intakeChannels.name,
  channelPartner: channelPartner.name,
  assistedBy: assistant.name,
  assistedByOrganisation: assistantOrganisation.name,
}

/** Intakes with `columns` and their context; the caller adds the scope (WHERE) and the order. */
function selectWithContext<T extends SelectedFields>(tx: Tx, columns: T) {
  return tx
    .select({ ...columns, ...contextColumns })
    .from(intakes)
    .innerJoin(municipalities, eq(municipalities.nis, intakes.municipalityNis))
    .leftJoin(ocmw, eq(ocmw.id, intakes.ocmwOrganisationId))
    .leftJoin(vdab, eq(vdab.id, intakes.vdabOrganisationId))
    .leftJoin(handling, eq(handling.id, intakes.handlingOrganisationId))
    .leftJoin(claimer, eq(claimer.id, intakes.claimedByUserId))
    .leftJoin(intakeChannels, eq(intakeChannels.id, intakes.channelId))
    .leftJoin(channelPartner, eq(channelPartner.id, intakeChannels.organisationId))
    .leftJoin(assistant, eq(assistant.id, intakes.assistedByUserId))
    .leftJoin(assistantOrganisation, eq(assistantOrganisation.id, assistant.organisationId))
}

export const QUEUE_LIMIT = 200

const statusCondition = (filter: QueueFilter) => (filter === 'all' ? undefined : filter === 'open' ? ne(intakes.status, 'closed') : eq(intakes.status, filter))

/**
 * The organisation's queue: intakes it has full or referral access to, late first contacts first, then hand-overs
 * waiting for its answer, then by due day. At most QUEUE_LIMIT rows (`more` says there are others). The audit
 * entry lists the ids shown (or exported).
 */
export async function listQueue(tx: Tx, user: SessionUser, filter: QueueFilter, today: string, purpose: 'list' | 'export' = 'list') {
  const organisationId = triageOrganisation(user)
  const rows = await selectWithContext(tx, {
    id: intakes.id,
    reference: intakes.reference,
    firstName: intakes.firstName,
    lastName: intakes.lastName,
    birthYear: intakes.birthYear,
    language: intakes.language,
    status: intakes.status,
    closeReason: intakes.closeReason,
    suggestedDestination: intakes.suggestedDestination,
    suggestionReasons: intakes.suggestionReasons,
    firstContactDueOn: intakes.firstContactDueOn,
    firstContactAt: intakes.firstContactAt,
    createdAt: intakes.createdAt,
    access: accessLevelOf(organisationId),
  })
    .where(and(or(fullAccess(organisationId), referralAccess(organisationId)), statusCondition(filter)))
    .orderBy(desc(overdueSql(today)), desc(referralAccess(organisationId)), asc(intakes.firstContactDueOn), asc(intakes.createdAt), asc(intakes.id))
    .limit(QUEUE_LIMIT + 1)
  const shown = rows.slice(0, QUEUE_LIMIT)
  await audit(tx, {
    actorUserId: user.id,
    organisationId,
    action: `intake.${purpose}`,
    subjectType: 'intake',
    details: { filter, ids: shown.map((row) => row.id) },
  })
  return { rows: shown.map((row) => ({ ...row, overdue: isOverdue(row, today) })), more: rows.length > QUEUE_LIMIT }
}

/** Intakes the organisation handed over and follows by status only: no name, no answers. */
export async function listFollowedReferrals(tx: Tx, user: SessionUser) {
  const organisationId = triageOrganisation(user)
  return tx
    .select({
      id: intakes.id,
      reference: intakes.reference,
      status: intakes.status,
      closeReason: intakes.closeReason,
      handlingOrganisation: handling.name,
      updatedAt: intakes.updatedAt,
    })
    .from(intakes)
    .leftJoin(handling, eq(handling.id, intakes.handlingOrganisationId))
    .where(and(statusAccess(organisationId), sql`not (${fullAccess(organisationId)})`, sql`not (${referralAccess(organisationId)})`))
    .orderBy(desc(intakes.updatedAt), asc(intakes.id))
}

/**
 * One intake as the user may see it, with an audit entry of the read: the whole record for full and referral
 * access, only reference, status and who handles it for status access. Undefined when the user may not see it.
 */
export async function openIntake(tx: Tx, user: SessionUser, intakeId: string | undefined) {
  if (!isUuid(intakeId)) return undefined
  const organisationId = triageOrganisation(user)
  const [row] = await selectWithContext(tx, { intake: intakes, access: accessLevelOf(organisationId) }).where(eq(intakes.id, intakeId))
  if (!row?.access) return undefined
  await audit(tx, { actorUserId: user.id, organisationId, action: 'intake.read', subjectType: 'intake', subjectId: intakeId, details: { access: row.access } })
  const { intake, access, ...context } = row
  if (access === 'status') {
    const { id, reference, status, closeReason, createdAt, updatedAt } = intake
    return { access, intake: { id, reference, status, closeReason, createdAt, updatedAt, handlingOrganisation: context.handlingOrganisation } } as const
  }
  // The digest of the resident's status link and the form's submission key are nobody's business on a page.
  const { statusTokenHash: _token, submissionKey: _submission, ...record } = intake
  return { access, intake: { ...record, ...context } } as const
}

/** The status history, oldest first, for anyone who may see the intake at all. */
export async function intakeHistory(tx: Tx, user: SessionUser, intakeId: string) {
  const organisationId = triageOrganisation(user)
  if (!isUuid(intakeId)) return []
  const actor = alias(users, 'actor')
  const actorOrganisation = alias(organisations, 'actor_organisation')
  return tx
    .select({
      id: intakeEvents.id,
      at: intakeEvents.at,
      fromStatus: intakeEvents.fromStatus,
      toStatus: intakeEvents.toStatus,
      note: intakeEvents.note,
      actor: actor.name,
      organisation: actorOrganisation.name,
    })
    .from(intakeEvents)
    .innerJoin(intakes, eq(intakes.id, intakeEvents.intakeId))
    .leftJoin(actor, eq(actor.id, intakeEvents.actorUserId))
    .leftJoin(actorOrganisation, eq(actorOrganisation.id, intakeEvents.organisationId))
    .where(and(eq(intakeEvents.intakeId, intakeId), sql`${accessLevelOf(organisationId)} is not null`))
    .orderBy(asc(intakeEvents.at), asc(intakeEvents.id))
}
