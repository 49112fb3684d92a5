import { z } from 'zod'
import { isIsoDate } from './calendar-dates'
import { art60DateIssues } from './trajectory-dates'
import { trajectoryKinds } from './trajectory-values'
import { formatDate } from './compensation-labels'

/**
 * The forms of a TWE trajectory (issue 13), shared by the browser (Conform) and the server; db/queries/trajectories.ts
 * takes their parsed values. The date rules that need no database are checked here, through domain/trajectory-dates.ts,
 * so browser and server give the same message on the same field.
 */
export const isoDate = (message: string) =>
  z
    .string({ required_error: message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Vul een datum in als dd/mm/jjjj.')
    .refine(isIsoDate, 'Deze datum bestaat niet.')
const text = (max: number, required: string, tooLong: string) => z.string({ required_error: required }).trim().min(1, required).max(max, tooLong)

/** What each kind means, under its label (domain/trajectory-values.ts) on the start form. */
export const trajectoryKindHelp: Record<(typeof trajectoryKinds)[number], string> = {
  twe_art60: 'Een leefloongerechtigde; het OCMW wordt de werkgever en stelt de persoon tewerk op een werkplek.',
  twe_wz: 'Een werkzoekende, begeleid door VDAB of een partner; start bij de doorverwijzing en loopt 24 maanden.',
}

/** The first workplace: an accepted proposal's placement, a workplace outside Stapsteen, or none yet. */
export const NO_WORKPLACE = 'geen'
export const EXTERNAL_WORKPLACE = 'extern'

export const trajectoryStartSchema = z
  .object({
    kind: z.enum(trajectoryKinds, { errorMap: () => ({ message: 'Kies het soort traject.' }) }),
    entryReason: text(2000, 'Schrijf waarom de persoon in TWE stapt.', 'De reden is te lang: hoogstens 2000 tekens.'),
    criteriaAssessedOn: isoDate('Vul in wanneer de instapcriteria beoordeeld werden.').optional(),
    startOn: isoDate('Vul de startdatum in.'),
    contractStartOn: isoDate('Vul de startdatum van de arbeidsovereenkomst in.').optional(),
    workplace: z.string({ required_error: 'Kies de eerste werkplek, of "nog geen werkplek".' }),
    externalWorkplace: z.string().trim().max(200, 'Houd de werkplek korter dan 200 tekens.').optional(),
    phaseEndOn: isoDate('Vul het geplande einde van de fase in.').optional(),
  })
  .superRefine((value, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    // Zod runs this even when a date failed its own check: that field already says why, and the rules need real dates.
    if (![value.startOn, value.criteriaAssessedOn, value.contractStartOn, value.phaseEndOn].every((d) => d === undefined || isIsoDate(d))) return
    if (value.kind === 'twe_art60') {
      if (!value.criteriaAssessedOn) issue('criteriaAssessedOn', 'Vul in wanneer de instapcriteria beoordeeld werden: een TWE-art60-traject start pas daarna.')
      if (value.contractStartOn && value.contractStartOn < value.startOn) issue('contractStartOn', 'De arbeidsovereenkomst begint ten vroegste op de startdatum van het traject.')
      const dates = { startOn: value.startOn, criteriaAssessedOn: value.criteriaAssessedOn ?? value.startOn, contractStartOn: value.contractStartOn }
      for (const found of art60DateIssues(dates)) {
        if (found.code === 'before_criteria_assessed') issue('startOn', `Het traject kan niet starten voor de instapcriteria beoordeeld werden (${formatDate(found.earliestOn)}).`)
        else issue('contractStartOn', `De fase voor de arbeidsovereenkomst duurt hoogstens 2 maanden: de overeenkomst start ten laatste op ${formatDate(found.latestOn)}.`)
      }
    } else if (value.contractStartOn) {
      issue('contractStartOn', 'Een arbeidsovereenkomst onder artikel 60§7 hoort alleen bij een TWE-art60-traject.')
    }
    if (value.workplace === EXTERNAL_WORKPLACE && !value.externalWorkplace) issue('externalWorkplace', 'Schrijf bij welke werkgever en in welke job de persoon start.')
    if (value.phaseEndOn && value.phaseEndOn < value.startOn) issue('phaseEndOn', 'Het einde van de fase ligt na de startdatum.')
  })

export type TrajectoryStartInput = z.infer<typeof trajectoryStartSchema>

/** Competences as the begeleider types them: one per line or separated by commas; short labels. */
const competenceList = z
  .string({ required_error: 'Schrijf minstens één competentie om te ontwikkelen.' })
  .transform((value) => [...new Set(value.split(/[\n,;]+/).map((item) => item.trim()).filter(Boolean))])
  .pipe(
    z
      .array(z.string().max(80, 'Houd elke competentie kort: hoogstens 80 tekens.'))
      .min(1, 'Schrijf minstens één competentie om te ontwikkelen.')
      .max(20, 'Hoogstens 20 competenties; bundel wat samenhoort.'),
  )

export const popSchema = z.object({
  jobTargets: z.array(z.string()).min(1, 'Kies minstens één jobdoelwit.').max(5, 'Kies hoogstens 5 jobdoelwitten.'),
  competences: competenceList,
  actions: text(4000, 'Schrijf de acties: wat de persoon, de werkplek en jij doen.', 'De acties zijn te lang: hoogstens 4000 tekens.'),
  agreements: text(4000, 'Schrijf de afspraken die jullie maakten.', 'De afspraken zijn te lang: hoogstens 4000 tekens.'),
  changeNote: z.string().trim().max(1000, 'Houd de toelichting korter dan 1000 tekens.').optional(),
})

export type PopInput = z.infer<typeof popSchema>
