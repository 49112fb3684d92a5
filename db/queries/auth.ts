import { and, desc, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { apiTokens, organisations, passwordResetTokens, sessions, users } from '#db/schema'
import { activeUser, sessionUserFields } from './users'
import { type SessionUser } from '#domain/session-user'

/**
 * Sessions, reset links and API tokens (the login throttle is in login-throttle.ts). Callers pass digests of
 * secrets (app/auth/crypto), never the secrets themselves.
 */
export const SESSION_IDLE_MINUTES = 30
export const SESSION_MAX_HOURS = 12

export async function insertSession(tx: Tx, idHash: string, userId: string, authMethod: string) {
  await tx.insert(sessions).values({
    idHash,
    userId,
    authMethod,
    expiresAt: sql`now() + make_interval(hours => ${SESSION_MAX_HOURS})`,
  })
}

/** The session's user id when the session is neither idle too long nor past its maximum age; touches it. */
export async function useSession(tx: Tx, idHash: string): Promise<string | undefined> {
  const [row] = await tx
    .update(sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(
      and(
        eq(sessions.idHash, idHash),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${SESSION_IDLE_MINUTES})`),
      ),
    )
    .returning({ userId: sessions.userId })
  return row?.userId
}

/** Ends one session; answers whose it was (undefined when it no longer existed). */
export async function deleteSession(tx: Tx, idHash: string): Promise<string | undefined> {
  const [row] = await tx.delete(sessions).where(eq(sessions.idHash, idHash)).returning({ userId: sessions.userId })
  return row?.userId
}

export async function deleteUserSessions(tx: Tx, userId: string, exceptIdHash?: string) {
  await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), exceptIdHash ? ne(sessions.idHash, exceptIdHash) : undefined))
}

export async function deleteExpiredSessions(tx: Tx) {
  await tx
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, sql`now()`),
        lt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${SESSION_IDLE_MINUTES})`),
      ),
    )
}

export async function insertPasswordResetToken(tx: Tx, tokenHash: string, userId: string, validHours: number) {
  await tx.insert(passwordResetTokens).values({
    tokenHash,
    userId,
    expiresAt: sql`now() + make_interval(hours => ${validHours})`,
  })
}

/** Whether a reset link is still usable, without using it (the form page shows before the user submits). */
export async function findUsableResetToken(tx: Tx, tokenHash: string) {
  const [row] = await tx
    .select({ userId: passwordResetTokens.userId, email: users.email, name: users.name, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(
      and(
        eq(passwordResetTokens.tokenHash, tokenHash),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    )
  return row
}

/** Marks a reset link used; answers the user id only for the one request that used it first. */
export async function consumeResetToken(tx: Tx, tokenHash: string): Promise<string | undefined> {
  const [row] = await tx
    .update(passwordResetTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(passwordResetTokens.tokenHash, tokenHash),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: passwordResetTokens.userId })
  return row?.userId
}

export async function insertApiToken(tx: Tx, tokenHash: string, userId: string) {
  await tx.insert(apiTokens).values({ tokenHash, userId })
}

/** A user's own API tokens, newest first (never their digests). */
export async function listApiTokens(tx: Tx, userId: string) {
  return tx
    .select({ id: apiTokens.id, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt))
}

/** Revokes one of the user's own tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(tx: Tx, userId: string, tokenId: string) {
  const rows = await tx
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id })
  return rows.length === 1
}

// "Last used" is for spotting forgotten tokens, so a minute is precise enough; writing it on every request would
// make parallel requests with one token queue on its row lock.
const LAST_USED_PRECISION_MS = 60_000

/** The active user behind a token that is not revoked, in one statement: every API request asks. */
export async function findApiTokenUser(tx: Tx, tokenHash: string): Promise<SessionUser | undefined> {
  const [row] = await tx
    .select({ ...sessionUserFields, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), activeUser))
  if (!row) return undefined
  const { lastUsedAt, ...user } = row
  if (!lastUsedAt || Date.now() - lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await tx.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.tokenHash, tokenHash))
  }
  return user
}
