import { eq } from 'drizzle-orm'
import type { Tx } from '#db/client'
import type { SessionUser } from '#domain/session-user'
import { organisations } from '#db/schema'
import type { ImportScope } from './types'

/**
 * Which records a signed-in user may import, from the session user only: an employer its own enterprise number
 * (undefined while its organisation has none), a regional admin its reference regions, a platform admin all.
 */
export async function importScopeFor(tx: Tx, user: SessionUser): Promise<ImportScope | undefined> {
  if (user.role === 'regional_admin') return { regionCodes: user.regionCodes }
  if (user.role !== 'employer') return {}
  const [own] = await tx.select({ enterpriseNumber: organisations.enterpriseNumber }).from(organisations).where(eq(organisations.id, user.organisation.id))
  return own?.enterpriseNumber ? { onlyEnterpriseNumber: own.enterpriseNumber } : undefined
}
