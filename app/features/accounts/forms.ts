import { z } from 'zod'
import { passwordSchema } from '#domain/password-policy'

/** The account page's actions, told apart by `intent`. */
export const accountActionSchema = z
  .discriminatedUnion('intent', [
    // End every other session (a lost phone, a shared computer).
    z.object({ intent: z.literal('sessions-revoke-others') }),
    z.object({ intent: z.literal('token-create') }),
    z.object({ intent: z.literal('token-revoke'), tokenId: z.string({ required_error: 'Kies een sleutel.' }).uuid('Kies een sleutel uit de lijst.') }),
    z.object({
      intent: z.literal('password-change'),
      currentPassword: z.string({ required_error: 'Vul uw huidige wachtwoord in.' }),
      password: passwordSchema,
      confirm: z.string({ required_error: 'Herhaal uw nieuwe wachtwoord.' }),
    }),
  ])
  // A union cannot hold a refined member, so the repeat is compared here.
  .superRefine((value, ctx) => {
    if (value.intent === 'password-change' && value.password !== value.confirm) {
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'De twee wachtwoorden zijn niet gelijk.' })
    }
  })

/** Fields the server never sends back into the page. */
export const passwordFields = ['currentPassword', 'password', 'confirm']
