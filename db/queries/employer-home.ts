import { count, eq } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { employerProfiles, placements } from '#db/schema'

/**
 * Where a new employer stands, for its home page: the region's verification (with the reason of a refusal) and how
 * many placements it has made, in any status (a draft counts: the first step is taken).
 */
export async function employerHomeStanding(tx: Tx, organisationId: string) {
  const [profile] = await tx
    .select({ status: employerProfiles.verificationStatus, reason: employerProfiles.verificationReason })
    .from(employerProfiles)
    .where(eq(employerProfiles.organisationId, organisationId))
  const [made] = await tx.select({ n: count() }).from(placements).where(eq(placements.organisationId, organisationId))
  return { verification: profile?.status ?? 'pending', reason: profile?.reason ?? null, placements: made?.n ?? 0 }
}
