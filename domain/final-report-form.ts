import { z } from 'zod'
import { formatDate } from './compensation-labels'
import { icfCodes, icfQualifiers } from './icf'
import { isoDate } from './trajectory-form'
import { endOutcomes, evaluationScale, stopReasons } from './trajectory-values'

/**
 * Closing a trajectory (issue 13): stopped early (with a reason from the list) or ended, always with the motivated
 * final report the framework asks for, in a shared vocabulary: per goal of the POP its result, functioning in the
 * work-related ICF activities (domain/icf.ts) the begeleider assessed, the outcome and a recommendation.
 */
export const closings = ['stop', 'end'] as const

const choice = <T extends string>(values: readonly [T, ...T[]], message: string) => z.enum(values, { errorMap: () => ({ message }) })

export const finalReportSchema = z
  .object({
    closing: choice(closings, 'Kies: stopzetten of beëindigen.'),
    endedOn: isoDate('Vul de datum in waarop het traject stopt of eindigt.'),
    stopReason: choice(stopReasons, 'Kies waarom het traject stopt.').optional(),
    goals: z
      .array(z.object({ goal: z.string().trim().min(1).max(80), result: choice(evaluationScale, 'Kies het resultaat voor dit doel.'), comment: z.string().trim().max(500, 'Houd de toelichting korter dan 500 tekens.').optional() }))
      .max(20)
      .default([]),
    // One row per listed code; a row without a qualifier was not assessed and is left out.
    icf: z
      .array(z.object({ code: z.enum(icfCodes), qualifier: z.enum(icfQualifiers).optional() }))
      .max(icfCodes.length)
      .default([])
      .transform((rows) => rows.flatMap((row) => (row.qualifier ? [{ code: row.code, qualifier: row.qualifier }] : []))),
    outcome: choice(endOutcomes, 'Kies de uitkomst van het traject.'),
    recommendation: z
      .string({ required_error: 'Schrijf een aanbeveling: wat de persoon nu nodig heeft.' })
      .trim()
      .min(1, 'Schrijf een aanbeveling: wat de persoon nu nodig heeft.')
      .max(4000, 'De aanbeveling is te lang: hoogstens 4000 tekens.'),
  })
  .superRefine((value, ctx) => {
    if (value.closing === 'stop' && !value.stopReason) ctx.addIssue({ code: 'custom', path: ['stopReason'], message: 'Kies waarom het traject stopt.' })
    if (value.icf.length === 0) ctx.addIssue({ code: 'custom', path: ['icf'], message: 'Beoordeel minstens één activiteit in ICF-termen.' })
  })

export type FinalReportInput = z.infer<typeof finalReportSchema>

/** The end date may not lie before the start (checked where the start is known). */
export const endBeforeStartMessage = (startOn: string) => `Het traject startte op ${formatDate(startOn)}: het kan niet vroeger stoppen of eindigen.`
