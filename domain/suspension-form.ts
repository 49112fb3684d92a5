import { z } from 'zod'
import { isoDate } from './trajectory-form'
import { suspensionReasons } from './trajectory-values'

/**
 * Suspending a trajectory and taking it up again (issue 13). A suspension pauses TWE-art60's funded months and counts
 * within TWE-wz's 24 months (domain/trajectory-dates.ts); `toOn` is the day guidance resumes.
 */
export const suspendSchema = z.object({
  intent: z.literal('suspend'),
  fromOn: isoDate('Vul in vanaf wanneer het traject geschorst is.'),
  reason: z.enum(suspensionReasons, { errorMap: () => ({ message: 'Kies waarom het traject geschorst wordt.' }) }),
})

export const resumeSchema = z.object({
  intent: z.literal('resume'),
  toOn: isoDate('Vul in vanaf wanneer de begeleiding hervat.'),
})

export const suspensionSchema = z.discriminatedUnion('intent', [suspendSchema, resumeSchema])
export type SuspensionInput = z.infer<typeof suspensionSchema>
