import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Tx } from '../client'
import { organisations, referenceRegions, userRegions, users } from '../schema'

/** The signed-in user as every loader sees it: identity, role, organisation and (for regional admins) regions. */
export type SessionUser = {
  id: string
  email: string
  name: string
  role: (typeof users.$inferSelect)['role']
  organisation: { id: string; slug: string; name: string; type: (typeof organisations.$inferSelect)['type'] }
  regionCodes: string[]
}

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
  organisation: { id: organisations.id, slug: organisations.slug, name: organisations.name, type: organisations.type },
  regionCodes: sql<string[]>`array(
    select ${userRegions.regionCode} from ${userRegions} join ${referenceRegions} on ${referenceRegions.code} = ${userRegions.regionCode}
    where ${userRegions.userId} = ${users.id} order by ${userRegions.regionCode} collate "C")`,
}

/** Disabled accounts have no session user: their sessions and tokens stop working with the account. */
export const activeUser = isNull(users.disabledAt)

export async function loadSessionUser(tx: Tx, userId: string): Promise<SessionUser | undefined> {
  const [row] = await tx
    .select(sessionUserFields)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, userId), activeUser))
  return row
}

export async function setPassword(tx: Tx, userId: string, passwordHash: string) {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, userId))
}
