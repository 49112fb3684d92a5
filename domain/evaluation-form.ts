import { z } from 'zod'
import { isoDate, popSchema } from './trajectory-form'
import { evaluationKinds, evaluationScale } from './trajectory-values'

/**
 * Evaluation moments of a TWE trajectory (issue 13): the begeleider's evaluation, which always appends a POP version
 * (the plan as it stands after the talk), and the employer's short work-floor form. Shared by browser and server.
 */
const choice = <T extends string>(values: readonly [T, ...T[]], message: string) => z.enum(values, { errorMap: () => ({ message }) })

/** Per competence goal: not yet / growing / reached, with an optional comment. */
const goalScores = (message: string) =>
  z
    .array(
      z.object({
        goal: z.string().trim().min(1).max(80),
        score: choice(evaluationScale, message),
        comment: z.string().trim().max(500, 'Houd de toelichting korter dan 500 tekens.').optional(),
      }),
    )
    .min(1, 'Er is geen doel om te beoordelen.')
    .max(20)

export const evaluationSchema = z.object({
  kind: choice(evaluationKinds, 'Kies het soort evaluatie.'),
  heldOn: isoDate('Vul in wanneer de evaluatie plaatsvond.'),
  /** The phase the evaluation is about; empty for a moment that is not tied to one workplace. */
  phaseId: z.string().uuid('Kies een fase uit de lijst.').optional(),
  scores: goalScores('Kies hoe ver de persoon staat voor dit doel.'),
  summary: z
    .string({ required_error: 'Schrijf kort wat jullie vaststelden en afspraken: dat wordt de toelichting bij de nieuwe POP-versie.' })
    .trim()
    .min(1, 'Schrijf kort wat jullie vaststelden en afspraken: dat wordt de toelichting bij de nieuwe POP-versie.')
    .max(2000, 'Houd de samenvatting korter dan 2000 tekens.'),
  competences: popSchema.shape.competences,
  actions: popSchema.shape.actions,
  agreements: popSchema.shape.agreements,
})

export type EvaluationInput = z.infer<typeof evaluationSchema>

/** The begeleider asks the employer of the running phase for the work-floor form, to be filled in by a date. */
export const workFloorRequestSchema = z.object({
  phaseId: z.string({ required_error: 'Kies de fase.' }).uuid('Kies een fase uit de lijst.'),
  dueOn: isoDate('Vul in tegen wanneer de werkgever het formulier invult.'),
})

export type WorkFloorRequestInput = z.infer<typeof workFloorRequestSchema>

/** The employer's answer: per goal of the phase a score, and one comment for the whole. Employers read "u". */
export const workFloorAnswerSchema = z.object({
  answers: goalScores('Kies hoe ver de persoon staat voor dit doel.'),
  comment: z.string().trim().max(2000, 'Houd de opmerking korter dan 2000 tekens.').optional(),
})

export type WorkFloorAnswerInput = z.infer<typeof workFloorAnswerSchema>
