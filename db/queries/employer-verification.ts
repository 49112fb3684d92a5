import { type AnyColumn, and, asc, desc, eq, exists, gt, inArray, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import {
  emailVerificationTokens,
  employerProfiles,
  employerSites,
  municipalities,
  organisations,
  placements,
  userRegions,
  users,
} from '#db/schema'

/**
 * Two steps before an employer's placements go public: the contact confirms their e-mail address, then a
 * regional admin of a region where the employer has a site verifies the employer. Admins see and decide only
 * employers with a site in their own regions (`regionCodes` of the session user), enforced in every query here.
 */

// ------------------------------------------------------------------------------------- e-mail confirmation

export async function insertEmailVerificationToken(tx: Tx, tokenHash: string, userId: string, validHours: number) {
  await tx.insert(emailVerificationTokens).values({ tokenHash, userId, expiresAt: sql`now() + make_interval(hours => ${validHours})` })
}

const usable = (tokenHash: string) =>
  and(
    eq(emailVerificationTokens.tokenHash, tokenHash),
    isNull(emailVerificationTokens.usedAt),
    gt(emailVerificationTokens.expiresAt, sql`now()`),
  )

/** Whether a link still works, without using it: the page shows a button first (mail scanners only GET). */
export async function isEmailTokenUsable(tx: Tx, tokenHash: string) {
  const [row] = await tx.select({ userId: emailVerificationTokens.userId }).from(emailVerificationTokens).where(usable(tokenHash))
  return row !== undefined
}

/** Marks the link used and the address confirmed; answers the user id only for the first use of the link. */
export async function confirmEmailWithToken(tx: Tx, tokenHash: string) {
  const [token] = await tx
    .update(emailVerificationTokens)
    .set({ usedAt: sql`now()` })
    .where(usable(tokenHash))
    .returning({ userId: emailVerificationTokens.userId })
  if (!token) return undefined
  const [user] = await tx
    .update(users)
    .set({ emailVerifiedAt: sql`now()` })
    .where(and(eq(users.id, token.userId), isNull(users.emailVerifiedAt), isNull(users.disabledAt)))
    .returning({ id: users.id, organisationId: users.organisationId })
  return user
}

/** Regional admins of every region in which the organisation has a site: they are told a new employer waits. */
export function regionalAdminsForEmployer(tx: Tx, organisationId: string) {
  const siteRegions = tx
    .select({ code: municipalities.regionCode })
    .from(employerSites)
    .innerJoin(municipalities, eq(municipalities.nis, employerSites.municipalityNis))
    .where(eq(employerSites.organisationId, organisationId))
  return tx
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(userRegions, eq(userRegions.userId, users.id))
    .where(and(eq(users.role, 'regional_admin'), isNull(users.disabledAt), inArray(userRegions.regionCode, siteRegions)))
    .orderBy(asc(users.email))
}

// ------------------------------------------------------------------------------------ the admin's queue

/** The organisation (given as a column of the outer query) has at least one site in one of the regions. */
const hasSiteIn = (tx: Tx, regionCodes: string[], organisationId: AnyColumn) =>
  exists(
    tx
      .select({ one: sql`1` })
      .from(employerSites)
      .innerJoin(municipalities, eq(municipalities.nis, employerSites.municipalityNis))
      .where(and(eq(employerSites.organisationId, organisationId), inArray(municipalities.regionCode, regionCodes))),
  )

export const RECENT_DECISION_DAYS = 30

async function employersWhere(tx: Tx, regionCodes: string[], condition: SQL | undefined) {
  if (regionCodes.length === 0) return []
  const rows = await tx
    .select({
      id: organisations.id,
      name: organisations.name,
      enterpriseNumber: organisations.enterpriseNumber,
      employerType: organisations.employerType,
      registeredAt: organisations.createdAt,
      sector: employerProfiles.sector,
      contactName: employerProfiles.contactName,
      contactEmail: employerProfiles.contactEmail,
      contactPhone: employerProfiles.contactPhone,
      status: employerProfiles.verificationStatus,
      reason: employerProfiles.verificationReason,
      verifiedAt: employerProfiles.verifiedAt,
      emailConfirmed: exists(
        tx.select({ one: sql`1` }).from(users).where(and(eq(users.organisationId, organisations.id), isNotNull(users.emailVerifiedAt))),
      ).mapWith(Boolean),
    })
    .from(organisations)
    .innerJoin(employerProfiles, eq(employerProfiles.organisationId, organisations.id))
    .where(and(hasSiteIn(tx, regionCodes, organisations.id), condition))
    .orderBy(desc(sql`${employerProfiles.verificationStatus} = 'pending'`), asc(organisations.createdAt))
  if (rows.length === 0) return []
  const sites = await tx
    .select({
      organisationId: employerSites.organisationId,
      name: employerSites.name,
      street: employerSites.street,
      postcode: employerSites.postcode,
      municipality: municipalities.name,
    })
    .from(employerSites)
    .innerJoin(municipalities, eq(municipalities.nis, employerSites.municipalityNis))
    .where(inArray(employerSites.organisationId, rows.map((r) => r.id)))
    .orderBy(asc(employerSites.createdAt), asc(employerSites.name))
  return rows.map((row) => ({ ...row, sites: sites.filter((s) => s.organisationId === row.id) }))
}

export type EmployerForVerification = Awaited<ReturnType<typeof employersWhere>>[number]

/** Waiting employers, then rejected ones (an admin may still approve them) and those verified recently. */
export function listEmployersForVerification(tx: Tx, regionCodes: string[]) {
  const recent = sql`now() - make_interval(days => ${RECENT_DECISION_DAYS})`
  return employersWhere(tx, regionCodes, or(ne(employerProfiles.verificationStatus, 'verified'), gt(employerProfiles.verifiedAt, recent)))
}

/** One employer in the admin's regions, with the placements that wait for its verification; else undefined. */
export async function getEmployerForVerification(tx: Tx, organisationId: string, regionCodes: string[]) {
  const [employer] = await employersWhere(tx, regionCodes, eq(organisations.id, organisationId))
  if (!employer) return undefined
  const waiting = await tx
    .select({ id: placements.id, title: placements.title })
    .from(placements)
    .where(and(eq(placements.organisationId, organisationId), eq(placements.status, 'submitted')))
    .orderBy(asc(placements.title))
  return { ...employer, waitingPlacements: waiting }
}

export type Decision = { decision: 'verified' } | { decision: 'rejected'; reason: string }

/**
 * Records the admin's decision when the employer is in their regions and the decision still applies: pending
 * employers can be approved or rejected, rejected ones approved later. False when nothing changed.
 */
export async function decideEmployer(tx: Tx, input: { organisationId: string; regionCodes: string[]; actorUserId: string } & Decision) {
  if (input.regionCodes.length === 0) return false
  const approve = input.decision === 'verified'
  const [decided] = await tx
    .update(employerProfiles)
    .set(
      approve
        ? { verificationStatus: 'verified', verificationReason: null, verifiedAt: sql`now()`, verifiedBy: input.actorUserId }
        : { verificationStatus: 'rejected', verificationReason: input.reason, verifiedAt: null, verifiedBy: null },
    )
    .where(
      and(
        eq(employerProfiles.organisationId, input.organisationId),
        inArray(employerProfiles.verificationStatus, approve ? ['pending', 'rejected'] : ['pending']),
        hasSiteIn(tx, input.regionCodes, employerProfiles.organisationId),
      ),
    )
    .returning({ organisationId: employerProfiles.organisationId })
  return decided !== undefined
}
