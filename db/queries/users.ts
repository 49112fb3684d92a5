import { and, eq, sql } from 'drizzle-orm'
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

export async function loadSessionUser(tx: Tx, userId: string): Promise<SessionUser | undefined> {
  const [row] = await tx
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, userId), sql`${users.disabledAt} is null`))
  if (!row) return undefined
  const regions = await tx
    .select({ code: userRegions.regionCode })
    .from(userRegions)
    .innerJoin(referenceRegions, eq(referenceRegions.code, userRegions.regionCode))
    .where(eq(userRegions.userId, userId))
  const { user, organisation } = row
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisation: { id: organisation.id, slug: organisation.slug, name: organisation.name, type: organisation.type },
    regionCodes: regions.map((r) => r.code).sort(),
  }
}

export async function setPassword(tx: Tx, userId: string, passwordHash: string) {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, userId))
}
