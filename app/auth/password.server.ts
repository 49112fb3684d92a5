import { db, type Tx } from '#db/client'
import { audit } from '#db/queries/audit'
import { consumeResetToken, deleteUserSessions, findUsableResetToken, insertPasswordResetToken } from '#db/queries/auth'
import { findUserByEmail, organisationIsActive, setPassword } from '#db/queries/users'
import { sendEmail } from '#emails/send.server'
import { digest, hashPassword, newSecret, verifyPassword } from '#core/crypto.server'
import { claimLogin, forgetAccountFailures } from './login-throttle.server'

export const RESET_LINK_HOURS = 1
/** An invitation (`npm run user:create`, the people pages) gives a week to choose the first password. */
export const INVITATION_LINK_DAYS = 7

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' | 'email-unconfirmed' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number }

export async function verifyLogin(email: string, password: string, ip: string): Promise<LoginResult> {
  const claim = await claimLogin(email, ip)
  if (!claim.allowed) return { ok: false, reason: 'rate-limited', retryAfterSeconds: claim.retryAfterSeconds }
  const user = await findUserByEmail(db(), email)
  const valid =
    (await verifyPassword(user?.passwordHash ?? null, password)) && !user?.disabledAt && (await organisationIsActive(db(), user!.organisationId))
  // The right password is not a guess, so it does not count as a failure even when the address is unconfirmed.
  if (valid) await claim.ownerProven()
  if (!valid || !user) return { ok: false, reason: 'invalid' }
  // Said only after the right password, so it reveals nothing to someone who does not know it.
  if (!user.emailVerifiedAt) return { ok: false, reason: 'email-unconfirmed' }
  return { ok: true, userId: user.id }
}

/**
 * A one-time link to choose a password: for "forgot password", invitations and accounts made by `user:create`.
 * The token comes apart too: a mail with the link must be sent with it as its secret.
 */
export async function createPasswordLink(tx: Tx, userId: string, baseUrl: string, validHours: number) {
  const token = newSecret()
  await insertPasswordResetToken(tx, digest(token), userId, validHours)
  return { url: new URL(`/wachtwoord-nieuw?token=${token}`, baseUrl).toString(), token }
}

/** Sends a reset link when the address belongs to an active account; says nothing either way (no enumeration). */
export async function requestPasswordReset(email: string, baseUrl: string) {
  await db().transaction(async (tx) => {
    const user = await findUserByEmail(tx, email)
    if (!user || user.disabledAt) return
    const link = await createPasswordLink(tx, user.id, baseUrl, RESET_LINK_HOURS)
    await sendEmail(tx, { to: user.email, template: 'password-reset', props: { name: user.name, resetUrl: link.url }, secret: link.token })
    await audit(tx, { actorUserId: null, action: 'password.reset-requested', subjectType: 'user', subjectId: user.id })
  })
}

/**
 * Whether a link is usable, whether it chooses the account's first password (an invitation) or a new one, and
 * whose account it is (the password policy refuses the owner's name and address).
 */
export async function passwordLink(token: string) {
  const link = await findUsableResetToken(db(), digest(token))
  if (!link) return { state: 'unusable' as const }
  return { state: link.hasPassword ? ('reset' as const) : ('first' as const), owner: { email: link.email, name: link.name } }
}

export const passwordLinkState = async (token: string) => (await passwordLink(token)).state

export const resetLinkIsUsable = async (token: string) => (await passwordLinkState(token)) !== 'unusable'

/**
 * A signed-in user's own new password, after the current one was checked like a login (same counter, same limit:
 * a stolen session cannot guess it faster than the login page). Every other session ends, a thief's too; this one
 * stays. The owner is told by mail, without any secret in it.
 */
export async function changeOwnPassword(
  user: { id: string; email: string; name: string },
  change: { currentPassword: string; password: string; clientIp: string; keepSessionIdHash: string; baseUrl: string },
): Promise<{ ok: true } | { ok: false; reason: 'invalid' | 'rate-limited' }> {
  const check = await verifyLogin(user.email, change.currentPassword, change.clientIp)
  // "Unconfirmed address" is said only after the right password, and this user is signed in already.
  if (!check.ok && check.reason !== 'email-unconfirmed') return { ok: false, reason: check.reason }
  const passwordHash = await hashPassword(change.password)
  await db().transaction(async (tx) => {
    await setPassword(tx, user.id, passwordHash)
    await deleteUserSessions(tx, user.id, change.keepSessionIdHash)
    await audit(tx, { actorUserId: user.id, action: 'user.password-change', subjectType: 'user', subjectId: user.id })
    const forgotPasswordUrl = new URL('/wachtwoord-vergeten', change.baseUrl).toString()
    await sendEmail(tx, { to: user.email, template: 'password-changed', props: { name: user.name, forgotPasswordUrl } })
  })
  return { ok: true }
}

/** Sets the new password and ends every session of the account; false when the link is used or expired. */
export async function resetPassword(token: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password)
  return db().transaction(async (tx) => {
    const userId = await consumeResetToken(tx, digest(token))
    if (!userId) return false
    const email = await setPassword(tx, userId, passwordHash)
    if (email) await forgetAccountFailures(tx, email)
    await deleteUserSessions(tx, userId)
    await audit(tx, { actorUserId: userId, action: 'password.reset', subjectType: 'user', subjectId: userId })
    return true
  })
}
