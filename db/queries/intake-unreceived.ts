import { and, asc, desc, eq, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Tx } from '#db/client'
import { intakeReferrals, intakes, municipalities, organisations, referenceRegions, userRegions, users } from '#db/schema'
import { audit } from './audit'
import { intakeRouting } from './intake'
import { overdueSql } from './intake-queue'
import { fullAccess, referralAccess } from './intake-triage'
import type { SessionUser } from '#domain/session-user'

/**
 * "Zonder ontvanger": open intakes that no active triage worker of an active organisation sees — their OCMW has
 * no staff yet, its VDAB team neither (or the resident did not consent to sharing), or the organisation was
 * deactivated. No intake is lost for want of a receiver: the admins of its reference region and the platform
 * admins see it here, with its first-contact day running, and in their daily summary.
 *
 * Admins are no triage workers: they see that a file waits and where, never who (no name, no answers).
 */
const team = alias(organisations, 'team')
const worker = alias(users, 'worker')

// In a template an alias renders as its name only, so the FROM clause names table and alias itself. Only the
// intake's own organisations and its pending hand-over's receiver can have access: naming them first lets the
// dashboard count a year of Flanders by index lookups instead of trying every triage worker on every intake.
const seenByAnActiveTeam = sql`exists (
  select 1 from ${users} "worker" join ${organisations} "team" on ${team.id} = ${worker.organisationId}
  where ${team.id} in (${intakes.ocmwOrganisationId}, ${intakes.vdabOrganisationId}, ${intakes.handlingOrganisationId},
      (select r.to_organisation_id from ${intakeReferrals} r where r.intake_id = ${intakes.id} and r.status = 'pending'))
    and ${worker.role} = 'triage_worker' and ${worker.disabledAt} is null and ${team.deactivatedAt} is null
    and (${fullAccess(team.id)} or ${referralAccess(team.id)}))`

export const unreceived: SQL = and(isNull(intakes.anonymisedAt), ne(intakes.status, 'closed'), sql`not ${seenByAnActiveTeam}`)!

/** The regions a user oversees for this list: all for platform admins, their own for regional admins. */
function regionScope(user: SessionUser): SQL | undefined {
  if (user.role === 'platform_admin') return undefined
  if (user.role === 'regional_admin') return user.regionCodes.length ? inArray(municipalities.regionCode, user.regionCodes) : sql`false`
  throw new Error(`${user.role} does not oversee intakes without a receiver`)
}

const ocmw = alias(organisations, 'ocmw')
const vdab = alias(organisations, 'vdab')

export const UNRECEIVED_LIMIT = 500

export async function listUnreceivedIntakes(tx: Tx, user: SessionUser, today: string) {
  const rows = await tx
    .select({
      id: intakes.id,
      reference: intakes.reference,
      status: intakes.status,
      municipality: municipalities.name,
      region: referenceRegions.name,
      createdAt: intakes.createdAt,
      firstContactDueOn: intakes.firstContactDueOn,
      overdue: overdueSql(today),
      suggestedDestination: intakes.suggestedDestination,
      ocmw: ocmw.name,
      ocmwDeactivated: sql<boolean>`${ocmw.deactivatedAt} is not null`,
      vdab: vdab.name,
      vdabDeactivated: sql<boolean>`${vdab.deactivatedAt} is not null`,
    })
    .from(intakes)
    .innerJoin(municipalities, eq(municipalities.nis, intakes.municipalityNis))
    .innerJoin(referenceRegions, eq(referenceRegions.code, municipalities.regionCode))
    .leftJoin(ocmw, eq(ocmw.id, intakes.ocmwOrganisationId))
    .leftJoin(vdab, eq(vdab.id, intakes.vdabOrganisationId))
    .where(and(unreceived, regionScope(user)))
    .orderBy(desc(overdueSql(today)), asc(intakes.firstContactDueOn), asc(intakes.createdAt), asc(intakes.id))
    .limit(UNRECEIVED_LIMIT + 1)
  const shown = rows.slice(0, UNRECEIVED_LIMIT)
  await audit(tx, {
    actorUserId: user.id,
    organisationId: user.organisation.id,
    action: 'intake.list-unreceived',
    subjectType: 'intake',
    details: { ids: shown.map((r) => r.id) },
  })
  return { rows: shown, more: rows.length > UNRECEIVED_LIMIT }
}

/** Per reference region: how many intakes wait without a receiver, and how many of those are late. */
export async function countUnreceivedByRegion(tx: Tx, today: string) {
  return tx
    .select({
      regionCode: municipalities.regionCode,
      waiting: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${overdueSql(today)})::int`,
    })
    .from(intakes)
    .innerJoin(municipalities, eq(municipalities.nis, intakes.municipalityNis))
    .where(unreceived)
    .groupBy(municipalities.regionCode)
}

/**
 * Routes the user's intakes without a receiver again, as the public form would route them now: after an
 * organisation was deactivated, a municipality moved to a cluster, or a team got its first triage worker in
 * another organisation. An intake that someone handles keeps its handler; only the OCMW and VDAB team change.
 */
export async function rerouteUnreceived(tx: Tx, user: SessionUser) {
  const candidates = await tx
    .select({
      id: intakes.id,
      municipalityNis: intakes.municipalityNis,
      ocmw: intakes.ocmwOrganisationId,
      vdab: intakes.vdabOrganisationId,
      shared: intakes.consentSharing,
    })
    .from(intakes)
    .innerJoin(municipalities, eq(municipalities.nis, intakes.municipalityNis))
    .where(and(unreceived, isNull(intakes.handlingOrganisationId), regionScope(user)))
    .for('update', { of: intakes })
  let moved = 0
  for (const intake of candidates) {
    const routing = await intakeRouting(tx, intake.municipalityNis)
    if (!routing) continue
    const ocmwId = routing.ocmw?.id ?? null
    // The same rule as the public form: without consent to share, one organisation only.
    const vdabId = intake.shared || !ocmwId ? (routing.vdab?.id ?? null) : null
    if (ocmwId === intake.ocmw && vdabId === intake.vdab) continue
    await tx.update(intakes).set({ ocmwOrganisationId: ocmwId, vdabOrganisationId: vdabId, updatedAt: new Date() }).where(eq(intakes.id, intake.id))
    await audit(tx, {
      actorUserId: user.id,
      organisationId: ocmwId ?? vdabId,
      action: 'intake.reroute',
      subjectType: 'intake',
      subjectId: intake.id,
      details: { from: { ocmw: intake.ocmw, vdab: intake.vdab }, to: { ocmw: ocmwId, vdab: vdabId } },
    })
    moved += 1
  }
  return { moved, stillWaiting: await countUnreceived(tx, user) }
}

/** How many intakes wait without a receiver in the user's area (the admin home shows it). */
export async function countUnreceived(tx: Tx, user: SessionUser) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(intakes)
    .innerJoin(municipalities, eq(municipalities.nis, intakes.municipalityNis))
    .where(and(unreceived, regionScope(user)))
  return row?.n ?? 0
}

/** The people who get the morning summary of intakes without a receiver: active regional and platform admins. */
export async function unreceivedSummaryRecipients(tx: Tx) {
  return tx
    .select({
      name: users.name,
      email: users.email,
      role: users.role,
      regionCodes: sql<string[]>`array(select ${userRegions.regionCode} from ${userRegions} where ${userRegions.userId} = ${users.id} order by 1)`,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(or(eq(users.role, 'regional_admin'), eq(users.role, 'platform_admin')), isNull(users.disabledAt), isNull(organisations.deactivatedAt)))
    .orderBy(asc(users.email))
}
