import { z } from 'zod'
import { intakeCloseReasons, intakeStatuses } from './values'
import { type CloseReason, closeReasonLabels, type IntakeStatus } from './triage-labels'

/**
 * The forms of the intake page, one per action, told apart by the value of their submit button (`intent`).
 * Browser-safe: the same schemas check in the browser (Conform) and on the server.
 */
const MAX_NOTE = 4000
const MAX_REASON = 1000

const uuid = (message: string) => z.string({ required_error: message }).uuid(message)
const longText = (what: string, max: number) =>
  z
    .string({ required_error: `Schrijf ${what}.` })
    .trim()
    .min(1, `Schrijf ${what}.`)
    .max(max, `Te lang: hoogstens ${max} tekens.`)

export const assignSchema = z.object({ intent: z.literal('assign'), assigneeId: uuid('Kies een collega.') })
export const closeSchema = z.object({
  intent: z.literal('close'),
  closeReason: z.enum(intakeCloseReasons, { errorMap: () => ({ message: 'Kies waarom je de aanmelding afsluit.' }) }),
})
export const noteSchema = z.object({ intent: z.literal('note'), body: longText('een notitie', MAX_NOTE), confidential: z.boolean().default(false) })
export const referSchema = z.object({
  intent: z.literal('refer'),
  message: z.string().trim().max(MAX_REASON, `Te lang: hoogstens ${MAX_REASON} tekens.`).optional(),
})
export const declineSchema = z.object({ intent: z.literal('decline'), declineReason: longText('waarom je de doorverwijzing weigert', MAX_REASON) })

export const intakeActionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('claim') }),
    z.object({ intent: z.literal('release') }),
    assignSchema,
    z.object({ intent: z.literal('contact') }),
    closeSchema,
    noteSchema,
    referSchema,
    z.object({ intent: z.literal('accept') }),
    declineSchema,
    z.object({ intent: z.literal('merge'), otherId: uuid('Kies de aanmelding om samen te voegen.') }),
  ],
  { errorMap: () => ({ message: 'Deze actie kennen we niet. Laad de pagina opnieuw en probeer nog eens.' }) },
)
export type IntakeAction = z.infer<typeof intakeActionSchema>
export type IntakeIntent = IntakeAction['intent']

export const closeReasonChoices = (Object.keys(closeReasonLabels) as CloseReason[]).map((value) => ({ value, label: closeReasonLabels[value] }))

/** `?status=` of the queue and its CSV: one status, "open" (everything not closed, the default) or "all". */
export type QueueFilter = IntakeStatus | 'open' | 'all'

export function parseQueueFilter(params: URLSearchParams): QueueFilter {
  const value = params.get('status') ?? ''
  return value === 'all' || (intakeStatuses as readonly string[]).includes(value) ? (value as QueueFilter) : 'open'
}
