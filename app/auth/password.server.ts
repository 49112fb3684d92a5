import { db, type Tx } from '../../db/client'
import { audit } from '../../db/queries/audit'
import { consumeResetToken, deleteUserSessions, findUsableResetToken, insertPasswordResetToken } from '../../db/queries/auth'
import { findUserByEmail, organisationIsActive, setPassword } from '../../db/queries/users'
import { sendEmail } from '../../emails/send.server'
import { digest, hashPassword, newSecret, verifyPassword } from './crypto.server'
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

/** Whether a link is usable, and whether it chooses the account's first password (an invitation) or a new one. */
export async function passwordLinkState(token: string): Promise<'first' | 'reset' | 'unusable'> {
  const link = await findUsableResetToken(db(), digest(token))
  return !link ? 'unusable' : link.hasPassword ? 'reset' : 'first'
}

export const resetLinkIsUsable = async (token: string) => (await passwordLinkState(token)) !== 'unusable'

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
