import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { organisations, referenceRegions, userRegions, users } from '#db/schema'
import type { SessionUser } from '#domain/session-user'


export async function findUserByEmail(tx: Tx, email: string) {
  const [user] = await tx
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
  return user
}

/**
 * The columns of a SessionUser in one statement (regions as an array), since every request of a signed-in user or
 * an API token loads it. Use with sessionUserTables and activeUser.
 */
export const sessionUserFields = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  coordinator: users.coordinator,
  organisation: { id: organisations.id, slug: organisations.slug, name: organisations.name, type: organisations.type },
  regionCodes: sql<string[]>`array(
    select ${userRegions.regionCode} from ${userRegions} join ${referenceRegions} on ${referenceRegions.code} = ${userRegions.regionCode}
    where ${userRegions.userId} = ${users.id} order by ${userRegions.regionCode} collate "C")`,
}

/**
 * Disabled accounts, and everyone of a deactivated organisation, have no session user: their sessions and tokens
 * stop working at once.
 */
export const activeUser = and(isNull(users.disabledAt), isNull(organisations.deactivatedAt))

export async function loadSessionUser(tx: Tx, userId: string): Promise<SessionUser | undefined> {
  const [row] = await tx
    .select(sessionUserFields)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, userId), activeUser))
  return row
}

/** Answers the account's address (undefined when there is no such account). */
export async function setPassword(tx: Tx, userId: string, passwordHash: string): Promise<string | undefined> {
  const [row] = await tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).returning({ email: users.email })
  return row?.email
}

/** Whether the organisation may be worked for: a deactivated one's people cannot sign in. */
export async function organisationIsActive(tx: Tx, organisationId: string) {
  const [row] = await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, organisationId), isNull(organisations.deactivatedAt)))
  return row !== undefined
}

/** "Laatst ingelogd" on the staff pages. */
export async function recordLogin(tx: Tx, userId: string) {
  await tx.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, userId))
}
