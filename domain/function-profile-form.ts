import { z } from 'zod'

/**
 * A function profile (issue 13, the TWE evaluation's first recommendation): a phase plan for an occupation that
 * OCMWs share instead of each writing their own. It holds only competence labels and what the begeleider types,
 * never anything about the client it came from.
 */
export const MAX_PROFILE_PHASES = 8

const text = (max: number, required: string) =>
  z.string({ required_error: required }).trim().min(1, required).max(max, `Houd het korter dan ${max} tekens.`)

/** A textarea of short items, one per line: competences or tasks. */
const lines = (required: string, tooLong: string) =>
  z
    .string({ required_error: required })
    .transform((value) => [...new Set(value.split('\n').map((item) => item.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(120, tooLong)).min(1, required).max(20, 'Hoogstens 20 per fase; bundel wat samenhoort.'))

export const profilePhaseSchema = z.object({
  title: text(120, 'Geef de fase een titel.'),
  competences: lines('Schrijf minstens één competentie.', 'Houd elke competentie kort: hoogstens 120 tekens.'),
  tasks: lines('Schrijf minstens één taak.', 'Houd elke taak kort: hoogstens 120 tekens.'),
})

export const functionProfileSchema = z.object({
  intent: z.literal('save'),
  occupationUri: z.string({ required_error: 'Kies het beroep.' }).min(1, 'Kies het beroep.'),
  title: text(200, 'Geef het profiel een titel.'),
  phases: z
    .array(profilePhaseSchema)
    .min(1, 'Een profiel heeft minstens één fase.')
    .max(MAX_PROFILE_PHASES, `Hoogstens ${MAX_PROFILE_PHASES} fasen.`),
})
export type FunctionProfileInput = z.infer<typeof functionProfileSchema>

export const publishSchema = z.object({ intent: z.enum(['publish', 'unpublish']) })

/** Every competence of a profile's phases once, in order: what a POP started from the profile begins with. */
export const profileCompetences = (phases: { competences: string[] }[]) => [...new Set(phases.flatMap((p) => p.competences))]
