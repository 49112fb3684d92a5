import { eq } from 'drizzle-orm'
import type { CoveredItem, EmployerType, Instrument, PayUnit, RuleValues } from '#domain/compensation-rules'
import type { Tx } from '#db/client'
import { insertVersion } from '#db/queries/compensation'
import { organisations } from '#db/schema'

/**
 * Demo compensation schedules. INVENTED VALUES, NOT LEGAL AMOUNTS: they only have the right order of
 * magnitude so the pages look real (art. 60 fee per hour, IBO productivity premium and BIS allowance per
 * month, wijk-werken per hour). Every version is flagged isDemo, and the pages say so.
 * Four regions get nothing, so the comparison shows what "no schedule yet" looks like.
 */
type Pay = [cents: number, unit: PayUnit]
type Base = { pays: Record<EmployerType, Pay>; scale?: string; wageCents?: number; covers: Record<EmployerType, CoveredItem[]> }

const same = <T>(value: T): Record<EmployerType, T> => ({ private: value, public: value, nonprofit: value, social_economy: value })
const nothing: Pay = [0, 'none']

const base: Record<Instrument, Base> = {
  // The OCMW employs and pays the participant; the employer pays a fee per hour worked for the secondment.
  TWE_ART60: {
    pays: { private: [450, 'per_hour'], public: [200, 'per_hour'], nonprofit: [150, 'per_hour'], social_economy: nothing },
    scale: 'OCMW-barema E1 (betaald door het OCMW)',
    covers: {
      private: ['work_clothes'],
      public: ['work_clothes', 'training'],
      nonprofit: ['work_clothes', 'training'],
      social_economy: ['transport', 'work_clothes', 'training'],
    },
  },
  IBO: {
    pays: {
      private: [65_000, 'per_month'],
      public: [55_000, 'per_month'],
      nonprofit: [45_000, 'per_month'],
      social_economy: [40_000, 'per_month'],
    },
    scale: 'IBO-premie van VDAB bovenop de uitkering',
    covers: same(['transport', 'training']),
  },
  BVS: {
    pays: { ...same(nothing), private: [15_000, 'one_off'] },
    scale: 'Geen loon, de uitkering loopt door',
    covers: same(['transport']),
  },
  WES: { pays: same(nothing), scale: 'Stagevergoeding van VDAB', covers: same(['transport', 'work_clothes']) },
  BIS: {
    pays: {
      private: [75_000, 'per_month'],
      public: [75_000, 'per_month'],
      nonprofit: [60_000, 'per_month'],
      social_economy: [50_000, 'per_month'],
    },
    scale: 'Stagevergoeding BIS',
    covers: same(['training']),
  },
  OS: { pays: same(nothing), scale: 'Opleidingspremie van VDAB', covers: same(['transport', 'training']) },
  WIJK_WERKEN: {
    pays: { private: [700, 'per_hour'], public: [595, 'per_hour'], nonprofit: [595, 'per_hour'], social_economy: [500, 'per_hour'] },
    wageCents: 410,
    covers: same(['transport']),
  },
}

// How much dearer or cheaper each demo region is than the base, so the comparison has something to show.
const regionFactors: Record<string, number> = {
  REFREG01: 1.15,
  REFREG02: 1,
  REFREG03: 0.95,
  REFREG04: 1.1,
  REFREG05: 1.05,
  REFREG06: 1,
  REFREG08: 0.9,
  REFREG10: 0.85,
  REFREG11: 0.95,
  REFREG13: 1,
  REFREG15: 0.8,
}
// A second version from July (an invented 2 % indexation), so these regions have a history.
const indexedInJuly = ['REFREG01', 'REFREG13']

function demoRules(factor: number, only?: Partial<Record<Instrument, Record<EmployerType, Pay>>>): RuleValues[] {
  const instrumentsToSeed = (only ? Object.keys(only) : Object.keys(base)) as Instrument[]
  return instrumentsToSeed.flatMap((instrument) => {
    const b = base[instrument]
    return (Object.keys(b.covers) as EmployerType[]).map((employerType) => {
      const [cents, unit] = only?.[instrument]?.[employerType] ?? b.pays[employerType]
      return {
        instrument,
        employerType,
        employerPaysCents: Math.round((cents * factor) / 10) * 10,
        employerPaysUnit: unit,
        wagePolicy: b.wageCents === undefined ? 'reference_scale' : 'gross_hourly',
        grossHourlyWageCents: b.wageCents ?? null,
        referenceScale: b.scale ?? null,
        covers: b.covers[employerType],
      }
    })
  })
}

export async function seedDemoCompensation(tx: Tx) {
  const note = 'Demowaarden: verzonnen bedragen, geen echte regeling.'
  for (const [regionCode, factor] of Object.entries(regionFactors)) {
    await insertVersion(tx, { regionCode, validFrom: '2026-01-01', rules: demoRules(factor), note, isDemo: true })
    if (indexedInJuly.includes(regionCode)) {
      await insertVersion(tx, {
        regionCode,
        validFrom: '2026-07-01',
        rules: demoRules(factor * 1.02),
        note: `${note} Indexering +2 %.`,
        isDemo: true,
      })
    }
  }
  // OCMW Gent asks less for art. 60 than the rest of Regio Gent; for other instruments the region's rules apply.
  const [ocmwGent] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'ocmw-gent'))
  if (ocmwGent) {
    const rules = demoRules(1, {
      TWE_ART60: { private: [350, 'per_hour'], public: nothing, nonprofit: [100, 'per_hour'], social_economy: nothing },
    })
    await insertVersion(tx, {
      regionCode: 'REFREG13',
      ocmwOrganisationId: ocmwGent.id,
      validFrom: '2026-01-01',
      rules,
      note: `${note} Afwijking van OCMW Gent voor artikel 60.`,
      isDemo: true,
    })
  }
}
