import { z } from 'zod'
import { isIsoDate } from './calendar-dates'
import { isoDate } from './trajectory-form'
import { trainingOutcomes, trainingRefusalReasons } from './trajectory-values'

/**
 * Training requests within a TWE trajectory (issue 13): asking for a course, then recording what came of it. A refusal
 * needs a reason from the learning network's list (domain/trajectory-values.ts) so refusals can be counted across OCMWs;
 * the database checks the same pairing (trajectory_trainings_refusal).
 */
const shortText = (required: string) => z.string({ required_error: required }).trim().min(1, required).max(200, 'Houd het korter dan 200 tekens.')

export const trainingRequestSchema = z
  .object({
    intent: z.literal('request'),
    provider: shortText('Vul de opleidingsverstrekker in.'),
    course: shortText('Vul de opleiding in.'),
    requestedOn: isoDate('Vul in wanneer de opleiding aangevraagd werd.'),
    startOn: isoDate('Vul de startdatum in.').optional(),
    endOn: isoDate('Vul de einddatum in.').optional(),
  })
  .superRefine((value, ctx) => {
    // Each date already says why when it is not a real date; comparing needs two real ones.
    if (value.startOn && value.endOn && isIsoDate(value.startOn) && isIsoDate(value.endOn) && value.endOn < value.startOn)
      ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'De opleiding eindigt ten vroegste op de startdatum.' })
  })
export type TrainingRequestInput = z.infer<typeof trainingRequestSchema>

export const trainingOutcomeSchema = z
  .object({
    intent: z.literal('outcome'),
    trainingId: z.string({ required_error: 'Kies een aanvraag.' }),
    outcome: z.enum(trainingOutcomes, { errorMap: () => ({ message: 'Kies de uitkomst.' }) }),
    refusalReason: z.enum(trainingRefusalReasons, { errorMap: () => ({ message: 'Kies een reden uit de lijst.' }) }).optional(),
    note: z.string().trim().max(1000, 'Houd de toelichting korter dan 1000 tekens.').optional(),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === 'refused' && !value.refusalReason)
      ctx.addIssue({ code: 'custom', path: ['refusalReason'], message: 'Kies waarom de opleiding geweigerd werd.' })
    if (value.outcome !== 'refused' && value.refusalReason)
      ctx.addIssue({ code: 'custom', path: ['refusalReason'], message: 'Een reden hoort alleen bij een geweigerde opleiding: laat ze leeg.' })
  })
export type TrainingOutcomeInput = z.infer<typeof trainingOutcomeSchema>

/** The schema of the posted form, by its `intent` (a refined object cannot sit in a discriminated union). */
export const trainingSchemaFor = (intent: unknown) => (intent === 'outcome' ? trainingOutcomeSchema : trainingRequestSchema)
