import type { Tx } from '#db/client'
import { applicableRules } from '#db/queries/compensation'
import { instruments } from '#domain/values'
import { type CostEstimate, estimateCost } from '#domain/cost-estimate'
import { type EmployerType, type Instrument, type RuleValues, todayIso } from '#domain/compensation-rules'

export type PlacementCompensationItem =
  | {
      instrument: Instrument
      status: 'schedule'
      regionName: string
      /** Set when the rule is an OCMW's deviation from the region's schedule. */
      ocmwName: string | null
      validFrom: string
      isDemo: boolean
      rule: RuleValues
      estimate: CostEstimate
    }
  | { instrument: Instrument; status: 'none' }

/** Plain JSON, so a loader can return it as is for <PlacementCompensation data={…} />. */
export type PlacementCompensationData = {
  on: string
  hoursPerWeek: number
  employerType: EmployerType
  /** Null when the municipality is unknown. */
  regionName: string | null
  items: PlacementCompensationItem[]
  anyDemo: boolean
}

/**
 * What hosting this placement costs: per instrument the rule in force on `on` (default today) where the
 * placement is (its municipality's region, or that municipality's OCMW deviation) for this type of employer,
 * and the estimated monthly cost for its hours per week — or "no schedule yet".
 */
export async function compensationForPlacement(
  tx: Tx,
  input: {
    municipalityNis: string
    instruments: string[]
    employerType: EmployerType
    hoursPerWeek: number
    on?: string /* YYYY-MM-DD, default today */
  },
): Promise<PlacementCompensationData> {
  const on = input.on ?? todayIso()
  // Strings that are no instrument (a bad import row) cannot have a schedule; the enum column would refuse them.
  const known = input.instruments.filter((i): i is Instrument => (instruments as readonly string[]).includes(i))
  const { region, rules } = await applicableRules(tx, {
    municipalityNis: input.municipalityNis,
    employerType: input.employerType,
    instruments: known,
    on,
  })
  const items = rules.map(({ instrument, applied }): PlacementCompensationItem => {
    if (!applied) return { instrument, status: 'none' }
    return {
      instrument,
      status: 'schedule',
      regionName: applied.region.name,
      ocmwName: applied.ocmw?.name ?? null,
      validFrom: applied.version.validFrom,
      isDemo: applied.version.isDemo,
      rule: applied.rule,
      estimate: estimateCost(applied.rule, input.hoursPerWeek),
    }
  })
  return {
    on,
    hoursPerWeek: input.hoursPerWeek,
    employerType: input.employerType,
    regionName: region?.name ?? null,
    items,
    anyDemo: items.some((i) => i.status === 'schedule' && i.isDemo),
  }
}
