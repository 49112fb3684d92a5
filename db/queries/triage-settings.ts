import { eq } from 'drizzle-orm'
import { defaultTriageSettings, type TriageSettings } from '#domain/triage-rules'
import type { TriageSettingsInput } from '#domain/triage-settings-form'
import type { Tx } from '#db/client'
import { triageSettings } from '#db/schema'
import { audit } from './audit'
import type { SessionUser } from '#domain/session-user'

/** The triage settings of a reference region; the defaults when the region never changed them. */
export async function getTriageSettings(tx: Tx, regionCode: string): Promise<TriageSettings> {
  const [row] = await tx
    .select({
      firstContactWorkingDays: triageSettings.firstContactWorkingDays,
      youthAgeLimit: triageSettings.youthAgeLimit,
      welfareBarriers: triageSettings.welfareBarriers,
      jointDomainThreshold: triageSettings.jointDomainThreshold,
    })
    .from(triageSettings)
    .where(eq(triageSettings.regionCode, regionCode))
  return row ?? { ...defaultTriageSettings, welfareBarriers: [...defaultTriageSettings.welfareBarriers] }
}

/**
 * Saves a reference region's triage settings, for a regional admin of that region only (regions from the
 * session user), with the values before and after in the audit log. New intakes use them; existing intakes keep
 * their suggestion and first-contact day.
 */
export async function saveTriageSettings(tx: Tx, user: SessionUser, input: TriageSettingsInput) {
  const { regionCode, ...values } = input
  if (user.role !== 'regional_admin' || !user.regionCodes.includes(regionCode)) return { kind: 'not-found' } as const
  const before = await getTriageSettings(tx, regionCode)
  const changes = { ...values, welfareBarriers: [...new Set(values.welfareBarriers)], updatedAt: new Date(), updatedByUserId: user.id }
  await tx
    .insert(triageSettings)
    .values({ regionCode, ...changes })
    .onConflictDoUpdate({ target: triageSettings.regionCode, set: changes })
  await audit(tx, {
    actorUserId: user.id,
    organisationId: user.organisation.id,
    action: 'triage-settings.update',
    subjectType: 'region',
    subjectId: regionCode,
    details: { before, after: { ...values, welfareBarriers: changes.welfareBarriers } },
  })
  return { kind: 'saved' } as const
}
