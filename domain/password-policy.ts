import { z } from 'zod'

/**
 * OWASP ASVS L2 (2.1.1, 2.1.2): at least 12 characters, at most 128, any characters allowed. Checked in the browser
 * too; the server adds `passwordRefusal` (password-policy.server.ts: breached list, e-mail address, name).
 */
export const passwordSchema = z
  .string({ required_error: 'Vul een wachtwoord in.' })
  .min(12, 'Het wachtwoord moet minstens 12 tekens lang zijn.')
  .max(128, 'Het wachtwoord mag hoogstens 128 tekens lang zijn.')

/** Said above every form that sets a password; neutral wording, as staff pages say "je" and public ones "u". */
export const passwordAdvice = 'Kies een wachtwoord van minstens 12 tekens, zonder naam of e-mailadres erin. Een zin van een paar woorden werkt goed.'

export const emailSchema = z
  .string({ required_error: 'Vul het e-mailadres in.' })
  .trim()
  .toLowerCase()
  .email('Dit is geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.be.')
  .max(254, 'Dit e-mailadres is te lang.')
