import { z } from 'zod'
import { formatDate } from './compensation-labels'
import { isoDate } from './trajectory-form'

/**
 * Rotation between workplaces (issue 13): a new phase at another workplace (an accepted proposal's placement or one
 * outside Stapsteen) ends the running phase; extending the running phase needs a motivation, which goes into the POP.
 */
export const newPhaseSchema = z
  .object({
    intent: z.literal('add'),
    workplace: z.string({ required_error: 'Kies de nieuwe werkplek.' }),
    externalWorkplace: z.string().trim().max(200, 'Houd de werkplek korter dan 200 tekens.').optional(),
    startOn: isoDate('Vul in wanneer de nieuwe fase start.'),
    plannedEndOn: isoDate('Vul het geplande einde van de fase in.').optional(),
    /** The POP competences this phase works on; none chosen means all of them. */
    goals: z.array(z.string().trim().min(1).max(80)).max(20, 'Kies hoogstens 20 doelen.').default([]),
  })
  .superRefine((value, ctx) => {
    if (value.workplace === 'extern' && !value.externalWorkplace)
      ctx.addIssue({ code: 'custom', path: ['externalWorkplace'], message: 'Schrijf bij welke werkgever en in welke job de nieuwe fase loopt.' })
    if (value.plannedEndOn && value.plannedEndOn < value.startOn) ctx.addIssue({ code: 'custom', path: ['plannedEndOn'], message: 'Het einde van de fase ligt na de start.' })
  })

export const extendPhaseSchema = z.object({
  intent: z.literal('extend'),
  plannedEndOn: isoDate('Vul het nieuwe einde van de fase in.'),
  motivation: z
    .string({ required_error: 'Schrijf waarom de fase langer duurt: dat komt in het POP.' })
    .trim()
    .min(1, 'Schrijf waarom de fase langer duurt: dat komt in het POP.')
    .max(1000, 'Houd de motivering korter dan 1000 tekens.'),
})

/** The schema of the posted form, by its `intent` (a refined object cannot sit in a discriminated union). */
export const phaseSchemaFor = (intent: unknown) => (intent === 'extend' ? extendPhaseSchema : newPhaseSchema)
export type PhaseInput = z.infer<typeof newPhaseSchema> | z.infer<typeof extendPhaseSchema>

/** The POP version's note when a phase is extended: which phase, until when, and why. */
export const extensionNote = (position: number, plannedEndOn: string, motivation: string) => `Fase ${position} verlengd tot ${formatDate(plannedEndOn)}: ${motivation}`
