import { z } from 'zod'
import { isoDate } from './trajectory-form'

/**
 * The begeleider's notes on a trajectory and the client's consent to share it with a VDAB team (issue 13). A note's
 * confidentiality is an explicit choice, never a default: a confidential note stays in the owning organisation
 * (never shared, exported or in the API), so nobody should make one public by forgetting a checkbox.
 */
export const noteSchema = z.object({
  body: z.string({ required_error: 'Schrijf de notitie.' }).trim().min(1, 'Schrijf de notitie.').max(4000, 'Een notitie is hoogstens 4000 tekens.'),
  confidential: z.enum(['yes', 'no'], { errorMap: () => ({ message: 'Kies of de notitie vertrouwelijk is.' }) }),
})
export type NoteInput = z.infer<typeof noteSchema>

export const consentSchema = z.object({
  intent: z.literal('consent'),
  organisationId: z.string({ required_error: 'Kies het VDAB-team.' }).uuid('Kies het VDAB-team.'),
  consentOn: isoDate('Vul in wanneer de cliënt toestemming gaf.'),
})

export const revokeSchema = z.object({
  intent: z.literal('revoke'),
  shareId: z.string().uuid(),
})

export const shareSchema = z.discriminatedUnion('intent', [consentSchema, revokeSchema])
export type ShareInput = z.infer<typeof shareSchema>
