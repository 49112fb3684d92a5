import { dictionary } from '@zxcvbn-ts/language-common'
import { z } from 'zod'

/**
 * The server's half of the password policy (OWASP ASVS 2.1.7, 2.1.1): the length rules are `passwordSchema`
 * (domain/password-policy.ts, checked in the browser too); this half needs the list of breached passwords,
 * which stays out of the browser's bundle, and the account's e-mail address and name. Every place that sets a
 * password parses its form with `withPasswordPolicy(schema, …)`: /wachtwoord-nieuw, the account page, employer
 * registration.
 *
 * The list is the "passwords-common" dictionary of @zxcvbn-ts/language-common (about 49,000 passwords that
 * occur most often in published breaches), shipped in the package: no network call, no data leaves the server.
 */
export const passwordMessages = {
  breached: 'Dit wachtwoord komt voor in lijsten van gelekte wachtwoorden; kies een ander.',
  email: 'Dit wachtwoord bevat het e-mailadres van het account; kies een ander.',
  name: 'Dit wachtwoord bevat de naam van de accounthouder; kies een ander.',
}

const breached = new Set(dictionary['passwords-common'])

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
const lettersOnly = (text: string) => fold(text).replace(/\P{L}/gu, '')

// Lists hold "password", attackers try "P@ssw0rd2024!" too: the common decorations are undone before looking up.
const EDGES = /^[^\p{L}]+|[^\p{L}]+$/gu
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '@': 'a', $: 's', '!': 'i' }
const unleet = (text: string) => [...text].map((c) => LEET[c] ?? c).join('')

function isBreached(password: string) {
  const whole = fold(password)
  const core = whole.replace(EDGES, '')
  const candidates = [whole, core, unleet(core), unleet(core).replaceAll('i', 'l')]
  return candidates.some((candidate) => candidate.length > 0 && breached.has(candidate))
}

// Name parts shorter than four letters ("Jan", "Eva") hide inside ordinary words ("januari", "gevaar").
const MIN_NAME_PART = 4

function containsName(password: string, name: string) {
  const haystack = lettersOnly(password)
  const parts = [lettersOnly(name), ...fold(name).split(/\P{L}+/u)]
  return parts.some((part) => part.length >= MIN_NAME_PART && haystack.includes(part))
}

type Owner = { email: string; name: string }

/** Why this password may not be chosen for this account, in Dutch; undefined when it may. */
export function passwordRefusal(password: string, owner: Owner): string | undefined {
  if (isBreached(password)) return passwordMessages.breached
  if (fold(password).includes(fold(owner.email.trim()))) return passwordMessages.email
  if (containsName(password, owner.name)) return passwordMessages.name
  return undefined
}

/**
 * A form's schema with this half of the policy added at its `password` field, for the server to parse with. A
 * refinement, so the reason shows next to the length rule's ("Welkom123!" is too short and breached).
 */
export function withPasswordPolicy<T extends z.ZodTypeAny>(schema: T, pick: (value: z.output<T>) => (Owner & { password: string }) | undefined) {
  return schema.superRefine((value, ctx) => {
    const picked = pick(value)
    const refusal = picked && passwordRefusal(picked.password, picked)
    if (refusal) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['password'], message: refusal })
  })
}
