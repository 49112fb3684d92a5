import { z } from 'zod'

/**
 * Moving house (issue 13): the trajectory goes to the OCMW or VDAB team of the new municipality by warm hand-over.
 * The sender proposes with a note, the receiver reads the trajectory and accepts or declines with a reason.
 * Browser-safe: the schema builds its enum from `transferStatuses`; the forms are shared with Conform.
 */
export const transferStatuses = ['pending', 'accepted', 'declined', 'withdrawn'] as const
export type TransferStatus = (typeof transferStatuses)[number]
export const transferStatusLabels: Record<TransferStatus, string> = {
  pending: 'Wacht op antwoord',
  accepted: 'Aanvaard',
  declined: 'Geweigerd',
  withdrawn: 'Ingetrokken',
}

const required = (message: string, max: number, tooLong: string) => z.string({ required_error: message }).trim().min(1, message).max(max, tooLong)

/** Step 2 of "Verhuis naar een andere gemeente": the municipality (resolved in step 1), the receiver and the note. */
export const transferRequestSchema = z.object({
  intent: z.literal('request'),
  municipalityNis: z.string({ required_error: 'Kies eerst de nieuwe gemeente.' }).regex(/^\d{5}$/, 'Kies eerst de nieuwe gemeente.'),
  organisationId: z.string({ required_error: 'Kies de organisatie die het traject overneemt.' }).uuid('Kies de organisatie die het traject overneemt.'),
  note: required('Schrijf een overdrachtsnota voor het nieuwe team.', 2000, 'De overdrachtsnota is te lang: hoogstens 2000 tekens.'),
})

export const transferWithdrawSchema = z.object({ intent: z.literal('withdraw') })

export const transferSenderSchema = z.discriminatedUnion('intent', [transferRequestSchema, transferWithdrawSchema])
export type TransferSenderInput = z.infer<typeof transferSenderSchema>
export type TransferRequestInput = z.infer<typeof transferRequestSchema>

/** The receiver's decision: accept, or decline with a reason the sender reads. */
export const transferDecisionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('accept') }),
  z.object({
    intent: z.literal('decline'),
    reason: required('Schrijf waarom je het traject niet overneemt.', 1000, 'De reden is te lang: hoogstens 1000 tekens.'),
  }),
])
export type TransferDecisionInput = z.infer<typeof transferDecisionSchema>
