import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { createCookie } from '@remix-run/node'
import { z } from 'zod'
import { newSecret } from '#core/crypto.server'
import { cookieSecrets } from '#app/utils/cookie-secrets.server'
import { intakeLanguages } from '#domain/values'
import { cookieAttributes } from '#core/cookies'
import { seal, tryUnseal } from '#core/sealed'
import type { IntakeLanguage } from '#domain/intake-languages'
import { type IntakeAnswers, parseAnswers } from './intake-steps'

/**
 * The answers of a form in progress live only in the person's browser, in a cookie the server signs and
 * encrypts (docs/decisions/0008-intake-form-state.md): an abandoned form leaves nothing in the database, and
 * whoever reads the cookie (a shared computer at a community centre) reads nothing.
 */
export type IntakeDraft = {
  /** Generated when the form starts; the summary sends it, and the intakes table takes it once. */
  submissionKey: string
  /** The resident's status link secret; only its digest reaches the database, at submission. */
  statusToken: string
  language: IntakeLanguage
  channelId: string | null
  assisted: boolean
  answers: IntakeAnswers
  /** After submission the answers are dropped; the key still finds the intake for the confirmation page. */
  submitted: boolean
}

/** Idle time after which the cookie is gone and its content refused: a form left open does not stay readable. */
export const DRAFT_IDLE_MINUTES = 60

const stored = z.object({
  submissionKey: z.string().min(32),
  statusToken: z.string().min(43),
  language: z.enum(intakeLanguages),
  channelId: z.string().uuid().nullable(),
  assisted: z.boolean(),
  answers: z.unknown(),
  submitted: z.boolean(),
  savedAt: z.number(),
})

const draftSecrets = () => cookieSecrets('intake_draft_key')

// On a public portal the __Host- prefix requires Path=/ (core/cookies.ts); on localhost it stays on the form.
const draftCookie = (request: Request, signing: string) => {
  const { name, ...attributes } = cookieAttributes('stapsteen_intake', request, '/aanmelden')
  return createCookie(name, { httpOnly: true, sameSite: 'lax', maxAge: DRAFT_IDLE_MINUTES * 60, secrets: [signing], ...attributes })
}

// Compressed (the field names repeat), then sealed: a changed cookie opens to nothing. The step schemas' length
// limits keep even the longest answers within one cookie.
const sealDraft = (key: Buffer, value: unknown) => seal(key, deflateRawSync(JSON.stringify(value)))

function openDraft(key: Buffer, sealed: unknown): unknown {
  const plain = tryUnseal(key, sealed)
  return plain && JSON.parse(inflateRawSync(plain).toString('utf8'))
}

export function newDraft(init: { language: IntakeLanguage; channelId?: string | null; assisted?: boolean }): IntakeDraft {
  return {
    submissionKey: newSecret(),
    statusToken: newSecret(),
    language: init.language,
    channelId: init.channelId ?? null,
    assisted: init.assisted ?? false,
    answers: {},
    submitted: false,
  }
}

/** The draft of this browser, or undefined when there is none, it expired, or it was tampered with. */
export async function readDraft(request: Request): Promise<IntakeDraft | undefined> {
  const { signing, key } = await draftSecrets()
  const parsed = stored.safeParse(openDraft(key, await draftCookie(request, signing).parse(request.headers.get('Cookie'))))
  if (!parsed.success || Date.now() - parsed.data.savedAt > DRAFT_IDLE_MINUTES * 60_000) return undefined
  const { savedAt: _, answers, ...draft } = parsed.data
  return { ...draft, answers: parseAnswers(answers) }
}

/** The Set-Cookie header that stores the draft. */
export async function commitDraft(request: Request, draft: IntakeDraft): Promise<string> {
  const { signing, key } = await draftSecrets()
  return draftCookie(request, signing).serialize(sealDraft(key, { ...draft, savedAt: Date.now() }))
}

/** The Set-Cookie header that removes the draft from the browser. */
export async function clearDraft(request: Request): Promise<string> {
  const { signing } = await draftSecrets()
  return draftCookie(request, signing).serialize('', { maxAge: 0 })
}
