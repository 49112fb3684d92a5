import { eq } from 'drizzle-orm'
import { defaultTriageSettings, type TriageSettings } from '../../app/domain/triage-rules'
import type { Tx } from '../client'
import { triageSettings } from '../schema'

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
