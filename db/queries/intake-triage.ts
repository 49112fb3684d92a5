import { and, asc, desc, eq, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm'
import { alias, type SelectedFields } from 'drizzle-orm/pg-core'
import { type IntakeFacts, isOverdue, mayClose, mayRegisterContact, mayWork } from '../../app/domain/triage-workflow'
import type { CloseReason, IntakeStatus } from '../../app/domain/triage-labels'
import type { QueueFilter } from '../../app/domain/triage-forms'
import type { TriageSettingsInput } from '../../app/domain/triage-settings-form'
import type { Tx } from '../client'
import {
  emailMessages,
  intakeChannels,
  intakeEvents,
  intakeNotes,
  intakeReferrals,
  intakes,
  municipalities,
  organisations,
  triageSettings,
  users,
} from '../schema'
import { audit } from './audit'
import { getTriageSettings } from './triage-settings'
import type { SessionUser } from './users'

/**
 * The triage queue of OCMW and VDAB teams: residents' personal data. WHO SEES WHAT is decided here and only here
 * (docs/triage-visibility.md), always for the organisation of the session user, never one from the request:
 *
 * - full: the intake is new or in contact and the organisation is its OCMW or VDAB team (both queues), or the
 *   organisation handles it;
 * - referral: the intake waits for the organisation's answer to a hand-over (the dossier, to accept or decline);
 * - status: the organisation referred it once and the other one took it over (status updates only).
 *
 * Anonymised intakes are nobody's any more. Every read of one intake and every change is audited (ids and field
 * names, never personal values). Notes live in intake-notes.ts, hand-overs in intake-referrals.ts.
 */
export type AccessLevel = 'full' | 'referral' | 'status'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: string | undefined): value is string => typeof value === 'string' && UUID.test(value)

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

function sharedPhase(organisationId: string) {
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

export function fullAccess(organisationId: string): SQL {
  return and(notAnonymised, or(sharedPhase(organisationId), eq(intakes.handlingOrganisationId, organisationId)))!
}

export function referralAccess(organisationId: string): SQL {
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

/** "First contact is late", in SQL, the same rule as isOverdue() (app/domain/triage-workflow.ts). */
export const overdueSql = (today: string) =>
  sql<boolean>`(${intakes.firstContactAt} is null and ${intakes.status} <> 'closed' and ${intakes.firstContactDueOn} < ${today})`

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

/** Active triage workers of the user's organisation: whom an intake can be assigned to. */
export async function triageColleagues(tx: Tx, user: SessionUser) {
  return tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.organisationId, triageOrganisation(user)), eq(users.role, 'triage_worker'), isNull(users.disabledAt)))
    .orderBy(asc(users.name), asc(users.id))
}

export type ChangeOutcome = { kind: 'done' } | { kind: 'not-found' } | { kind: 'not-allowed' } | { kind: 'unknown-colleague' }

/**
 * Writes a status change: the intake row, its history event and the audit entry. Whoever changes a file nobody
 * handled yet takes it on for their organisation.
 */
export async function changeStatus(
  tx: Tx,
  user: SessionUser,
  intake: AccessibleIntake,
  to: IntakeStatus,
  changes: Partial<typeof intakes.$inferInsert> = {},
  note: string | null = null,
) {
  await tx
    .update(intakes)
    .set({ handlingOrganisationId: intake.handlingOrganisationId ?? user.organisation.id, ...changes, status: to, updatedAt: sql`now()` })
    .where(eq(intakes.id, intake.id))
  await tx
    .insert(intakeEvents)
    .values({ intakeId: intake.id, actorUserId: user.id, organisationId: user.organisation.id, fromStatus: intake.status, toStatus: to, note })
  await audit(tx, {
    actorUserId: user.id,
    organisationId: user.organisation.id,
    action: 'intake.status',
    subjectType: 'intake',
    subjectId: intake.id,
    details: { from: intake.status, to, fields: Object.keys(changes) },
  })
}

export async function registerFirstContact(tx: Tx, user: SessionUser, intakeId: string): Promise<ChangeOutcome> {
  const intake = await lockIntake(tx, user, intakeId)
  if (!intake) return { kind: 'not-found' }
  if (intake.access !== 'full' || !mayRegisterContact(intake, user.organisation.id)) return { kind: 'not-allowed' }
  await changeStatus(tx, user, intake, 'in_contact', { firstContactAt: new Date(), claimedByUserId: intake.claimedByUserId ?? user.id })
  return { kind: 'done' }
}

export async function closeIntake(tx: Tx, user: SessionUser, intakeId: string, closeReason: CloseReason): Promise<ChangeOutcome> {
  const intake = await lockIntake(tx, user, intakeId)
  if (!intake) return { kind: 'not-found' }
  if (intake.access !== 'full' || !mayClose(intake, user.organisation.id)) return { kind: 'not-allowed' }
  await changeStatus(tx, user, intake, 'closed', { closeReason })
  return { kind: 'done' }
}

/**
 * Claim (for oneself), assign (to a colleague of the same organisation) or release. Taking a file makes the
 * organisation its handler; releasing a file nobody has contacted yet puts it back in both queues.
 */
export async function assignIntake(tx: Tx, user: SessionUser, intakeId: string, assigneeId: string | null): Promise<ChangeOutcome> {
  const intake = await lockIntake(tx, user, intakeId)
  if (!intake) return { kind: 'not-found' }
  if (intake.access !== 'full' || !mayWork(intake, user.organisation.id)) return { kind: 'not-allowed' }
  if (assigneeId !== null && !(await triageColleagues(tx, user)).some((colleague) => colleague.id === assigneeId)) return { kind: 'unknown-colleague' }
  const handlingOrganisationId = assigneeId === null && intake.status === 'new' ? null : user.organisation.id
  await tx
    .update(intakes)
    .set({ claimedByUserId: assigneeId, handlingOrganisationId, updatedAt: sql`now()` })
    .where(eq(intakes.id, intake.id))
  await audit(tx, {
    actorUserId: user.id,
    organisationId: user.organisation.id,
    action: assigneeId === null ? 'intake.release' : 'intake.assign',
    subjectType: 'intake',
    subjectId: intake.id,
    details: { assigneeId },
  })
  return { kind: 'done' }
}

// ------------------------------------------------------------------------------------------------ duplicates

type DuplicateKeys = Pick<typeof intakes.$inferSelect, 'id' | 'phone' | 'email' | 'firstName' | 'lastName' | 'birthYear' | 'municipalityNis'>

// Phone numbers compare on their last 9 digits, so "0470 12 34 56" and "+32 470 12 34 56" are the same number.
const phoneKey = (phone: SQL | string | null) =>
  sql`case when length(regexp_replace(${phone}, '[^0-9]', '', 'g')) >= 8 then right(regexp_replace(${phone}, '[^0-9]', '', 'g'), 9) end`
const folded = (value: SQL | string | null) => sql`lower(trim(${value}))`

/**
 * Open intakes the user has full access to that look like the same person: the same phone number or email
 * address, or the same name and birth year in the same municipality. Only intakes the user may see anyway, so
 * this never tells anyone that an intake of another organisation exists.
 */
export async function findDuplicates(tx: Tx, user: SessionUser, of: DuplicateKeys) {
  const organisationId = triageOrganisation(user)
  const samePhone = sql<boolean>`coalesce(${phoneKey(sql`${intakes.phone}`)} = ${phoneKey(of.phone)}, false)`
  const sameEmail = sql<boolean>`coalesce(${folded(sql`${intakes.email}`)} = ${folded(of.email)}, false)`
  const sameName = sql<boolean>`coalesce(${folded(sql`${intakes.firstName}`)} = ${folded(of.firstName)} and ${folded(sql`${intakes.lastName}`)} = ${folded(of.lastName)} and ${intakes.birthYear} = ${of.birthYear} and ${intakes.municipalityNis} = ${of.municipalityNis}, false)`
  return tx
    .select({
      id: intakes.id,
      reference: intakes.reference,
      firstName: intakes.firstName,
      lastName: intakes.lastName,
      status: intakes.status,
      createdAt: intakes.createdAt,
      handlingOrganisationId: intakes.handlingOrganisationId,
      samePhone,
      sameEmail,
      sameName,
    })
    .from(intakes)
    .where(and(fullAccess(organisationId), ne(intakes.id, of.id), ne(intakes.status, 'closed'), or(samePhone, sameEmail, sameName)))
    .orderBy(asc(intakes.createdAt), asc(intakes.id))
}

export type MergeOutcome =
  { kind: 'merged'; keptId: string; keptReference: string } | { kind: 'not-found' } | { kind: 'not-allowed' } | { kind: 'not-duplicates' }

const mergeable = (intake: AccessibleIntake, organisationId: string) =>
  intake.access === 'full' && mayWork(intake, organisationId) && (intake.status === 'new' || intake.status === 'in_contact')

/**
 * Merges two registrations of the same person: the older record stays, the newer one's notes and history move
 * to it, and the newer one is closed as a duplicate that points to it. The older record takes over a first
 * contact made on the newer one. Both rows are locked in id order, so two merges at once cannot deadlock.
 */
export async function mergeIntakes(tx: Tx, user: SessionUser, intakeId: string, otherId: string): Promise<MergeOutcome> {
  if (!isUuid(intakeId) || !isUuid(otherId) || intakeId === otherId) return { kind: 'not-found' }
  const locked = []
  for (const id of [intakeId, otherId].sort()) locked.push(await lockIntake(tx, user, id))
  const [a, b] = locked
  if (!a || !b) return { kind: 'not-found' }
  if (!mergeable(a, user.organisation.id) || !mergeable(b, user.organisation.id)) return { kind: 'not-allowed' }
  const [keeper, duplicate] = a.createdAt <= b.createdAt ? [a, b] : [b, a]
  const [keys] = await tx
    .select({
      id: intakes.id,
      phone: intakes.phone,
      email: intakes.email,
      firstName: intakes.firstName,
      lastName: intakes.lastName,
      birthYear: intakes.birthYear,
      municipalityNis: intakes.municipalityNis,
    })
    .from(intakes)
    .where(eq(intakes.id, keeper.id))
  if (!keys || !(await findDuplicates(tx, user, keys)).some((candidate) => candidate.id === duplicate.id)) return { kind: 'not-duplicates' }

  await tx.update(intakeNotes).set({ intakeId: keeper.id }).where(eq(intakeNotes.intakeId, duplicate.id))
  await tx.update(intakeEvents).set({ intakeId: keeper.id }).where(eq(intakeEvents.intakeId, duplicate.id))
  const contacted = keeper.firstContactAt ?? duplicate.firstContactAt
  const status: IntakeStatus = keeper.status === 'in_contact' || duplicate.status === 'in_contact' ? 'in_contact' : 'new'
  await tx
    .update(intakes)
    .set({
      status,
      firstContactAt: contacted ? new Date(contacted) : null,
      handlingOrganisationId: keeper.handlingOrganisationId ?? duplicate.handlingOrganisationId ?? user.organisation.id,
      claimedByUserId: keeper.claimedByUserId ?? duplicate.claimedByUserId,
      updatedAt: sql`now()`,
    })
    .where(eq(intakes.id, keeper.id))
  await tx
    .insert(intakeEvents)
    .values({
      intakeId: keeper.id,
      actorUserId: user.id,
      organisationId: user.organisation.id,
      fromStatus: keeper.status,
      toStatus: status,
      note: `Samengevoegd met ${duplicate.reference}`,
    })
  await changeStatus(tx, user, duplicate, 'closed', { closeReason: 'duplicate', duplicateOfId: keeper.id }, `Dubbel van ${keeper.reference}`)
  await audit(tx, {
    actorUserId: user.id,
    organisationId: user.organisation.id,
    action: 'intake.merge',
    subjectType: 'intake',
    subjectId: keeper.id,
    details: { merged: duplicate.id },
  })
  return { kind: 'merged', keptId: keeper.id, keptReference: keeper.reference }
}

// ------------------------------------------------------------------------------------------- daily summary

/**
 * Per triage team (an OCMW or VDAB team with active triage workers), what waits in its queue today: intakes not
 * contacted yet that nobody or the team itself handles, how many of those are late, and hand-overs waiting for
 * its answer. Counts only, with the members to tell.
 */
export async function triageTeamSummaries(tx: Tx, today: string) {
  const members = await tx
    .select({ organisationId: organisations.id, organisation: organisations.name, name: users.name, email: users.email })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.role, 'triage_worker'), isNull(users.disabledAt), inArray(organisations.type, ['ocmw', 'vdab'])))
    .orderBy(asc(organisations.name), asc(users.name))
  const teams = new Map<string, { organisationId: string; organisation: string; members: { name: string; email: string }[] }>()
  for (const { organisationId, organisation, name, email } of members) {
    const team = teams.get(organisationId) ?? { organisationId, organisation, members: [] }
    team.members.push({ name, email })
    teams.set(organisationId, team)
  }
  const summaries = []
  for (const team of teams.values()) {
    const waiting = and(
      fullAccess(team.organisationId),
      eq(intakes.status, 'new'),
      or(isNull(intakes.handlingOrganisationId), eq(intakes.handlingOrganisationId, team.organisationId)),
    )
    const [counts] = await tx
      .select({
        waiting: sql<number>`count(*) filter (where ${waiting})::int`,
        overdue: sql<number>`count(*) filter (where ${waiting} and ${overdueSql(today)})::int`,
        referrals: sql<number>`count(*) filter (where ${referralAccess(team.organisationId)})::int`,
      })
      .from(intakes)
      .where(or(fullAccess(team.organisationId), referralAccess(team.organisationId)))
    summaries.push({ ...team, waiting: counts?.waiting ?? 0, overdue: counts?.overdue ?? 0, referrals: counts?.referrals ?? 0 })
  }
  return summaries
}

/** Whether `email` already got today's summary (Belgian day): a retried or repeated run sends nothing twice. */
export async function dailySummarySent(tx: Tx, email: string, today: string) {
  const [row] = await tx
    .select({ id: emailMessages.id })
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.template, 'triage-daily-summary'),
        eq(emailMessages.to, email),
        sql`(${emailMessages.createdAt} at time zone 'Europe/Brussels')::date = ${today}::date`,
      ),
    )
    .limit(1)
  return row !== undefined
}

// ----------------------------------------------------------------------------------------- region settings

/**
 * Saves a reference region's triage settings, for a regional admin of that region only (regions from the
 * session user), with the values before and after in the audit log. New intakes use them; existing intakes keep
 * their suggestion and first-contact day.
 */
export async function saveTriageSettings(tx: Tx, user: SessionUser, input: TriageSettingsInput) {
  const { regionCode, ...values } = input
  if (user.role !== 'regional_admin' || !user.regionCodes.includes(regionCode)) return { kind: 'not-found' } as const
  const before = await getTriageSettings(tx, regionCode)
  const changes = { ...values, welfareBarriers: [...new Set(values.welfareBarriers)], updatedAt: new Date(), updatedByUserId: user.id }
  await tx
    .insert(triageSettings)
    .values({ regionCode, ...changes })
    .onConflictDoUpdate({ target: triageSettings.regionCode, set: changes })
  await audit(tx, {
    actorUserId: user.id,
    organisationId: user.organisation.id,
    action: 'triage-settings.update',
    subjectType: 'region',
    subjectId: regionCode,
    details: { before, after: { ...values, welfareBarriers: changes.welfareBarriers } },
  })
  return { kind: 'saved' } as const
}
