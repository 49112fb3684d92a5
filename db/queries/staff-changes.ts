import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { apiTokens, passwordResetTokens, sessions, userRegions, users } from '#db/schema'
import { audit } from './audit'
import { type StaffMember, userInScope } from './staff'
import { type StaffScope } from '#domain/staff-rules'

/**
 * Changes to the people the actor manages. Each takes the StaffScope and repeats it in its own WHERE, so a change
 * reaches only someone the actor manages, and writes its audit entry (organisation: the person's own) in the
 * caller's transaction. Details hold roles, marks, region codes and counts: never names or addresses.
 */
type Role = (typeof users.$inferSelect)['role']

type Subject = { id: string; organisationId: string }

/** The audit entry of a change to someone: the actor, the person, and the person's organisation. */
const auditChange = (tx: Tx, scope: StaffScope, subject: Subject, action: string, details?: Record<string, unknown>) =>
  audit(tx, { actorUserId: scope.actor.id, organisationId: subject.organisationId, action, subjectType: 'user', subjectId: subject.id, details })

/** A regional admin's regions, replacing any earlier ones; none for every other role. */
async function setRegions(tx: Tx, userId: string, regions: string[]) {
  await tx.delete(userRegions).where(eq(userRegions.userId, userId))
  if (regions.length > 0) await tx.insert(userRegions).values(regions.map((regionCode) => ({ userId, regionCode })))
}

export type Invitation = { email: string; name: string; role: Role; organisationId: string; coordinator: boolean; regions: string[] }

/** Makes the account without a password (set through the invitation link); 'email-taken' when the address is in use. */
export async function insertInvitedUser(tx: Tx, scope: StaffScope, input: Invitation) {
  const [user] = await tx
    .insert(users)
    .values({
      email: input.email,
      name: input.name,
      role: input.role,
      organisationId: input.organisationId,
      coordinator: input.coordinator,
      passwordHash: null,
      invitedByUserId: scope.actor.id,
    })
    // The unique index on lower(email) decides, so two invitations of one address at once make one account.
    .onConflictDoNothing()
    .returning({ id: users.id })
  if (!user) return 'email-taken' as const
  await setRegions(tx, user.id, input.regions)
  await auditChange(tx, scope, { id: user.id, organisationId: input.organisationId }, 'user.invite', {
    role: input.role,
    coordinator: input.coordinator,
    regions: input.regions,
  })
  return user
}

/** Set-password links sent earlier and not used stop working: after a new invitation, or when the account stops. */
export async function dropUnusedPasswordLinks(tx: Tx, userId: string) {
  await tx.delete(passwordResetTokens).where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)))
}

export async function recordInvitationResent(tx: Tx, scope: StaffScope, member: StaffMember) {
  await auditChange(tx, scope, member, 'user.invite-resend')
}

export type RoleChange = { role: Role; coordinator: boolean; regions: string[] }

/** Role, coordinator mark and regions; answers the names of the fields that changed (none: nothing written). */
export async function changeStaffRole(tx: Tx, scope: StaffScope, member: StaffMember, change: RoleChange) {
  const sameRegions = change.regions.length === member.regionCodes.length && change.regions.every((code) => member.regionCodes.includes(code))
  const fields = [
    ...(change.role === member.role ? [] : ['role']),
    ...(change.coordinator === member.coordinator ? [] : ['coordinator']),
    ...(sameRegions ? [] : ['regions']),
  ]
  if (fields.length === 0) return fields
  const [updated] = await tx
    .update(users)
    .set({ role: change.role, coordinator: change.coordinator })
    .where(and(eq(users.id, member.id), isNull(users.disabledAt), userInScope(tx, scope)))
    .returning({ id: users.id })
  if (!updated) return []
  if (!sameRegions) await setRegions(tx, member.id, change.regions)
  await auditChange(tx, scope, member, 'user.update', {
    fields,
    role: { from: member.role, to: change.role },
    ...(fields.includes('coordinator') ? { coordinator: { from: member.coordinator, to: change.coordinator } } : {}),
    ...(sameRegions ? {} : { regions: { from: member.regionCodes, to: change.regions } }),
  })
  return fields
}

/**
 * Stops the account at once: its sessions are deleted, its API tokens revoked, its unused set-password links
 * dropped. The account, its tokens (revoked) and everything it did stay, for the history. False when it was
 * deactivated already.
 */
export async function deactivateStaff(tx: Tx, scope: StaffScope, member: StaffMember) {
  const [stopped] = await tx
    .update(users)
    .set({ disabledAt: sql`now()` })
    .where(and(eq(users.id, member.id), isNull(users.disabledAt), userInScope(tx, scope)))
    .returning({ id: users.id })
  if (!stopped) return false
  const ended = await tx.delete(sessions).where(eq(sessions.userId, member.id)).returning({ userId: sessions.userId })
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.userId, member.id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id })
  await dropUnusedPasswordLinks(tx, member.id)
  await auditChange(tx, scope, member, 'user.deactivate', { sessions: ended.length, apiTokens: revoked.length })
  return true
}

/** Lets the account sign in again; revoked API tokens stay revoked. False when it was active already. */
export async function reactivateStaff(tx: Tx, scope: StaffScope, member: StaffMember) {
  const [restarted] = await tx
    .update(users)
    .set({ disabledAt: null })
    .where(and(eq(users.id, member.id), isNotNull(users.disabledAt), userInScope(tx, scope)))
    .returning({ id: users.id })
  if (!restarted) return false
  await auditChange(tx, scope, member, 'user.reactivate')
  return true
}
