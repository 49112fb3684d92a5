import { z } from 'zod'
import type { ScheduleHistory } from '#db/queries/compensation'
import { coveredItems, payUnits, wagePolicies } from '#domain/values'
import { employerTypes } from '#domain/values'
import { instruments } from '#domain/values'
import { centsToInput, isIsoDate, MAX_NOTE_LENGTH, parseEuroCents, ruleProblems, type RuleValues, suggestValidFrom } from '#domain/compensation-rules'

/**
 * The admin's "new version" form: one row per instrument × employer type (7 × 4), amounts typed in euro.
 * Only rows of the instruments ticked under `regulated` become rules; the others are ignored, errors and all.
 * Runs in the browser (Conform) and on the server; createVersion checks the result once more.
 */
const RuleRow = z.object({
  instrument: z.enum(instruments),
  employerType: z.enum(employerTypes),
  employerPays: z.string().optional(),
  employerPaysUnit: z.enum(payUnits, { errorMap: () => ({ message: 'Kies per wat het bedrag geldt.' }) }),
  wagePolicy: z.enum(wagePolicies, { errorMap: () => ({ message: 'Kies hoe de deelnemer betaald wordt.' }) }),
  grossHourlyWage: z.string().optional(),
  referenceScale: z.string().optional(),
  covers: z.array(z.enum(coveredItems)).default([]),
})
type RuleRowValue = z.infer<typeof RuleRow>

const base = z.object({
  ocmwOrganisationId: z.string().uuid().optional(),
  validFrom: z.string({ required_error: 'Vul de datum in vanaf wanneer deze versie geldt.' }),
  note: z.string().trim().max(MAX_NOTE_LENGTH, `Houd de toelichting korter dan ${MAX_NOTE_LENGTH} tekens.`).optional(),
  regulated: z.array(z.enum(instruments)).default([]),
  rules: z.array(RuleRow),
})

type Parsed = { rule: RuleValues; formIndex: number }

export const VersionFormSchema = base.transform((value, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message })
  if (!isIsoDate(value.validFrom)) issue(['validFrom'], 'Vul een geldige datum in, bv. 2027-01-01.')
  if (value.regulated.length === 0) issue(['regulated'], 'Vink minstens één instrument aan dat deze versie regelt.')
  const parsed: Parsed[] = []
  value.rules.forEach((row, formIndex) => {
    if (!value.regulated.includes(row.instrument)) return
    const result = toRule(row)
    for (const [field, message] of Object.entries(result.problems)) issue(['rules', formIndex, field], message)
    parsed.push({ rule: result.rule, formIndex })
  })
  return {
    ocmwOrganisationId: value.ocmwOrganisationId ?? null,
    validFrom: value.validFrom,
    note: value.note || null,
    rules: parsed.map((p) => p.rule),
    formIndexes: parsed.map((p) => p.formIndex),
  }
})

/** One form row as a rule in cents, with what is wrong per field (typing errors first, then ruleProblems). */
function toRule(row: RuleRowValue) {
  const problems: Partial<Record<'employerPays' | 'grossHourlyWage' | 'referenceScale', string>> = {}
  const pays = row.employerPays
    ? parseEuroCents(row.employerPays)
    : row.employerPaysUnit === 'none'
      ? ({ ok: true, cents: 0 } as const)
      : ({ ok: false, message: 'Vul een bedrag in euro in (0 als de werkgever niets betaalt).' } as const)
  if (!pays.ok) problems.employerPays = pays.message
  const wage = row.wagePolicy === 'gross_hourly' && row.grossHourlyWage ? parseEuroCents(row.grossHourlyWage) : null
  if (wage && !wage.ok) problems.grossHourlyWage = wage.message
  const rule: RuleValues = {
    instrument: row.instrument,
    employerType: row.employerType,
    employerPaysCents: pays.ok ? pays.cents : 0,
    employerPaysUnit: row.employerPaysUnit,
    wagePolicy: row.wagePolicy,
    grossHourlyWageCents: wage?.ok ? wage.cents : null,
    referenceScale: row.referenceScale?.trim() || null,
    covers: row.covers,
  }
  return { rule, problems: { ...ruleProblems(rule), ...problems } }
}

/** The form's starting values: every instrument × employer type, copied from `rules` where they exist. */
export function versionFormDefaults(
  rules: readonly RuleValues[],
  regulated: readonly string[],
  validFrom: string,
  ocmwOrganisationId: string | null,
) {
  return {
    ocmwOrganisationId: ocmwOrganisationId ?? '',
    validFrom,
    note: '',
    regulated: [...regulated],
    rules: instruments.flatMap((instrument) =>
      employerTypes.map((employerType) => {
        const rule = rules.find((r) => r.instrument === instrument && r.employerType === employerType)
        return {
          instrument,
          employerType,
          employerPays: rule ? centsToInput(rule.employerPaysCents) : '0',
          employerPaysUnit: rule?.employerPaysUnit ?? 'none',
          wagePolicy: rule?.wagePolicy ?? 'reference_scale',
          grossHourlyWage: rule?.grossHourlyWageCents != null ? centsToInput(rule.grossHourlyWageCents) : '',
          referenceScale: rule?.referenceScale ?? '',
          covers: [...(rule?.covers ?? [])],
        }
      }),
    ),
  }
}

/**
 * Where the new-version form starts for one schedule of a region (`ocmwId` null: the region's own, else that
 * OCMW's deviation): a copy of that schedule's latest version, planned or in force, with a start after it. A
 * deviation without versions yet starts from the region's latest rules with no instrument ticked, so the admin
 * picks what deviates. `latestVersionId` names the copied version: the page renews the form when it changes.
 */
export function versionFormStart(schedules: readonly ScheduleHistory[], ocmwId: string | null, today: string) {
  const latest = schedules.find((s) => (s.ocmw?.id ?? null) === ocmwId)?.versions[0]
  const regionLatest = schedules.find((s) => !s.ocmw)?.versions[0]
  const defaultValue = latest
    ? versionFormDefaults(latest.rules, [...new Set(latest.rules.map((r) => r.instrument))], suggestValidFrom(latest.validFrom, today), ocmwId)
    : versionFormDefaults(regionLatest?.rules ?? [], [], suggestValidFrom(undefined, today), ocmwId)
  return { latestVersionId: latest?.id ?? null, defaultValue }
}
