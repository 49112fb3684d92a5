import { createHmac } from 'node:crypto'
import { db } from '#db/client'
import { countAttempt } from '#db/queries/rate-limit'
import { sharedSecret } from '#db/queries/settings'

/**
 * The rate limits of the public forms, counted in the database (db/queries/rate-limit.ts) so every web process
 * shares them. What is counted (a client address, an e-mail address) is stored only as a keyed hash: the table
 * recognises an address without holding it.
 */
export type Limit = { name: string; max: number; windowMinutes: number }

/** The intake form: a bot filling queues from one address. Outreach workers (signed in) are not counted. */
export const INTAKE_LIMIT: Limit = { name: 'intake-client', max: 10, windowMinutes: 10 }

/**
 * The forms that mail an address someone typed (forgot password, a new confirmation link, employer
 * registration), counted together. Per client address: one source sending to many addresses. Per e-mail
 * address: many sources flooding one inbox. A person who does not get the mail tries again two or three times;
 * an office (or a workshop for employers) behind one address sends a few dozen an hour.
 */
export const MAIL_FORM_LIMITS = {
  perClient: { name: 'mail-form-client', max: 30, windowMinutes: 60 },
  perEmail: { name: 'mail-form-email', max: 5, windowMinutes: 60 },
} satisfies Record<string, Limit>

let secret: Promise<string> | undefined
/** The row key of `subject` under `limit`: the limit's name and a keyed hash of the subject. */
export async function limitKey(limit: Limit, subject: string) {
  const key = await (secret ??= sharedSecret(db(), 'rate_limit_key'))
  return `${limit.name}:${createHmac('sha256', key).update(subject).digest('base64url')}`
}

/** Counts one attempt of `subject` against `limit`; true when that makes one too many. */
export async function overLimit(limit: Limit, subject: string) {
  return (await countAttempt(db(), await limitKey(limit, subject), limit.windowMinutes)) > limit.max
}

/**
 * One submission of a form that sends mail. Both are counted, also when one is already over, so a flood keeps
 * its window full. The answer is the same whether or not the address has an account: it reveals nothing.
 */
export async function mailFormLimited(clientIp: string, email: string) {
  const [client, address] = await Promise.all([
    overLimit(MAIL_FORM_LIMITS.perClient, clientIp),
    overLimit(MAIL_FORM_LIMITS.perEmail, email.trim().toLowerCase()),
  ])
  return client || address
}

export const mailFormLimitMessage = 'Te veel aanvragen voor dit e-mailadres of vanaf dit netwerk. Probeer het over een uur opnieuw.'
