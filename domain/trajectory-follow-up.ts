import { z } from 'zod'
import { outflowFollowUpOn } from './trajectory-deadlines'
import { endOutcomes } from './trajectory-values'

/**
 * The begeleider's follow-up of a TWE trajectory (issue 13): handing it to a colleague with a warm-hand-over note,
 * and recording the outflow status three months after the end. Shared by the browser (Conform) and the server.
 */
export const begeleiderChangeSchema = z.object({
  toUserId: z.string({ required_error: 'Kies de collega die het traject overneemt.' }).uuid('Kies de collega die het traject overneemt.'),
  note: z
    .string({ required_error: 'Schrijf een overdrachtsnota voor je collega.' })
    .trim()
    .min(1, 'Schrijf een overdrachtsnota voor je collega.')
    .max(2000, 'De overdrachtsnota is te lang: hoogstens 2000 tekens.'),
})
export type BegeleiderChangeInput = z.infer<typeof begeleiderChangeSchema>

export const outflowSchema = z.object({
  outflowStatus: z.enum(endOutcomes, { errorMap: () => ({ message: 'Kies waar de persoon nu staat.' }) }),
})
export type OutflowInput = z.infer<typeof outflowSchema>

/**
 * Where the outflow follow-up of a closed trajectory stands on `today`: not yet (before the follow-up date), due
 * (from that date on, until recorded) or recorded. The follow-up date itself counts as due.
 */
export function outflowState(input: { endedOn: string; outflowRecordedOn: string | null; today: string }) {
  const dueOn = outflowFollowUpOn(input.endedOn)
  if (input.outflowRecordedOn) return { state: 'recorded', dueOn } as const
  return { state: input.today >= dueOn ? 'due' : 'not-yet', dueOn } as const
}
