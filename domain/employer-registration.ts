import { z } from 'zod'
import { emailSchema, passwordSchema } from './password-policy'
import type { employerTypes } from './values'
import { checkKbo } from './kbo'
import { employerTypeLabels } from './placement-values'

/**
 * What an organisation fills in to become an employer on Stapsteen. One schema for the browser (Conform
 * validates while typing) and the server; the checks that need the database (is the KBO number already
 * registered, does the postcode lie in Flanders) are added by the server as field errors, the breached-password
 * list by the server's `withPasswordPolicy`.
 */
export type EmployerType = (typeof employerTypes)[number]
export const employerTypeValues = Object.keys(employerTypeLabels) as [EmployerType, ...EmployerType[]]

export const MAX_SITES = 10
/** How long the link in the confirmation mail works. */
export const CONFIRM_LINK_HOURS = 48

/** Accepts what the KBO prints (0xxx.xxx.xxx), with spaces or "BE" before it; answers the printed form. */
export const enterpriseNumberSchema = z
  .string({ required_error: 'Vul het ondernemingsnummer in, bv. 0123.456.749.' })
  .transform((value, ctx) => {
    const check = checkKbo(value)
    if (check.ok) return check.value
    ctx.addIssue({ code: 'custom', message: check.reason })
    return z.NEVER
  })

// Loose on purpose: people write 09/123.45.67, 0470 12 34 56 or +32 470 12 34 56. We check only that it
// can be a Belgian number (a zone or mobile prefix and 8 or 9 digits after the leading 0).
const BELGIAN_PHONE = /^(?:\+32|0032|0)[1-9]\d{7,8}$/
export const phoneSchema = z
  .string()
  .trim()
  .max(30, 'Dit telefoonnummer is te lang.')
  .refine((value) => BELGIAN_PHONE.test(value.replace(/[\s./()-]/g, '')), {
    message: 'Dit is geen Belgisch telefoonnummer. Schrijf het bv. als 09 123 45 67 of +32 470 12 34 56.',
  })

const requiredText = (message: string, max = 120) =>
  z.string({ required_error: message }).trim().min(1, message).max(max, `Gebruik hoogstens ${max} tekens.`)

/** One place where the employer hosts people. The server checks that the postcode lies in Flanders. */
export const siteSchema = z.object({
  name: requiredText('Geef de vestiging een naam, bv. "Winkel Gent" of "Hoofdzetel".'),
  street: requiredText('Vul straat en huisnummer in.', 200),
  postcode: z
    .string({ required_error: 'Vul de postcode in.' })
    .trim()
    .regex(/^\d{4}$/, 'Een postcode heeft 4 cijfers, bv. 9000.'),
  // Only asked when the postcode lies in two municipalities (1804: Vilvoorde and Zemst).
  municipalityNis: z.string().optional(),
})
export type SiteInput = z.infer<typeof siteSchema>

/** The one contact person of the employer (employers want one contact, not a list). */
export const contactSchema = z.object({
  sector: requiredText('Vul de sector in, bv. "Horeca" of "Zorg".'),
  contactName: requiredText('Vul de naam van de contactpersoon in.'),
  contactEmail: z.string({ required_error: 'Vul het e-mailadres van de contactpersoon in.' }).pipe(emailSchema),
  contactPhone: phoneSchema.optional(),
})

export const registrationSchema = contactSchema
  .extend({
    organisationName: requiredText('Vul de naam van uw organisatie in.', 200),
    enterpriseNumber: enterpriseNumberSchema,
    employerType: z.enum(employerTypeValues, { errorMap: () => ({ message: 'Kies het soort organisatie.' }) }),
    password: z.string({ required_error: 'Kies een wachtwoord van minstens 12 tekens.' }).pipe(passwordSchema),
    passwordConfirm: z.string({ required_error: 'Herhaal het wachtwoord.' }),
    sites: z
      .array(siteSchema, { required_error: 'Voeg minstens één vestiging toe.' })
      .min(1, 'Voeg minstens één vestiging toe.')
      .max(MAX_SITES, `U kan hoogstens ${MAX_SITES} vestigingen opgeven. Meer vestigingen voegt u later toe.`),
  })
  .refine((value) => value.password === value.passwordConfirm, {
    path: ['passwordConfirm'],
    message: 'De twee wachtwoorden zijn niet gelijk.',
  })
export type RegistrationInput = z.infer<typeof registrationSchema>

/** The field errors the server adds after looking in the database. */
export const registrationMessages = {
  kboTaken: 'Dit ondernemingsnummer is al geregistreerd; log in of vraag een nieuw wachtwoord.',
  unknownPostcode: (postcode: string) => `Postcode ${postcode} ligt niet in Vlaanderen of bestaat niet. Kijk de postcode na.`,
  chooseMunicipality: (postcode: string, names: string[]) =>
    `Postcode ${postcode} ligt in ${names.join(' en ')}. Kies de gemeente.`,
}

/** Verification status in plain words, for the employer ("u") and for the admin's lists. */
export const verificationStatusLabels = {
  pending: 'Wacht op verificatie',
  verified: 'Geverifieerd',
  rejected: 'Geweigerd',
} as const

/** What the verification means for the employer's placements, on its home and organisation pages. */
export const verificationStatusTexts = {
  pending: 'Een regionale beheerder kijkt uw gegevens na. Tot dan zijn uw plaatsen niet zichtbaar.',
  verified: 'Uw organisatie is geverifieerd. Uw gepubliceerde plaatsen zijn zichtbaar voor trajectbegeleiders van het OCMW en bemiddelaars van VDAB.',
  rejected: 'Een regionale beheerder heeft uw organisatie niet goedgekeurd. Daarom blijven uw plaatsen onzichtbaar.',
} as const

export const REJECT_REASON_MIN = 10
export const rejectReasonSchema = z
  .string({ required_error: 'Schrijf waarom je de werkgever weigert. De werkgever krijgt deze uitleg in een e-mail.' })
  .trim()
  .min(REJECT_REASON_MIN, `Schrijf een reden van minstens ${REJECT_REASON_MIN} tekens. De werkgever krijgt deze uitleg in een e-mail.`)
  .max(2000, 'Houd de reden korter dan 2000 tekens.')
