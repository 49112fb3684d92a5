import { z } from 'zod'

/** The account page's actions, told apart by `intent`. */
export const accountActionSchema = z.discriminatedUnion('intent', [
  // End every other session (a lost phone, a shared computer).
  z.object({ intent: z.literal('sessions-revoke-others') }),
  z.object({ intent: z.literal('token-create') }),
  z.object({ intent: z.literal('token-revoke'), tokenId: z.string({ required_error: 'Kies een sleutel.' }).uuid('Kies een sleutel uit de lijst.') }),
])
