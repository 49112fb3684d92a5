import { z } from 'zod'
import { intakeBarriers } from './values'
import { barrierDomains } from './triage-rules'

/**
 * The regional admin's triage settings form (/admin/triage-instellingen). The bounds keep the rules meaningful:
 * a first contact within 1 to 30 working days, a youth limit where "young" still means something, and a joint
 * threshold between 2 and the number of life domains there are.
 */
export const lifeDomains = [...new Set(Object.values(barrierDomains))]

const whole = (what: string, min: number, max: number) =>
  z
    .number({ required_error: `Vul ${what} in.`, invalid_type_error: `Vul voor ${what} een heel getal in.` })
    .int(`Vul voor ${what} een heel getal in.`)
    .min(min, `Kies voor ${what} minstens ${min}.`)
    .max(max, `Kies voor ${what} hoogstens ${max}.`)

export const triageSettingsSchema = z.object({
  regionCode: z.string({ required_error: 'Kies een regio.' }).min(1, 'Kies een regio.'),
  firstContactWorkingDays: whole('het aantal werkdagen', 1, 30),
  youthAgeLimit: whole('de leeftijdsgrens', 16, 30),
  welfareBarriers: z.array(z.enum(intakeBarriers, { errorMap: () => ({ message: 'Kies drempels uit de lijst.' }) })).default([]),
  jointDomainThreshold: whole('het aantal levensdomeinen', 2, lifeDomains.length),
})
export type TriageSettingsFields = z.input<typeof triageSettingsSchema>
export type TriageSettingsInput = z.output<typeof triageSettingsSchema>
