import { createCookie } from '@remix-run/node'
import { z } from 'zod'
import { cookieAttributes } from '#core/cookies'
import { seal, tryUnseal } from '#core/sealed'
import { cookieSecrets } from './cookie-secrets.server'

/** A one-time message shown after a redirect ("Je wachtwoord is gewijzigd."), carried in a cookie. */
export type Toast = { kind: 'success' | 'info'; message: string }

const toastSchema = z.object({ kind: z.enum(['success', 'info']), message: z.string() })

/**
 * Sealed, not just signed (issue 11, finding 3): messages name people and addresses ("Als amina@… bij een
 * account hoort …"), and a signed cookie is base64 JSON that any proxy log or shared browser could read.
 * Sealing them all keeps that true for every message to come, which a rule about what toasts may say would not.
 */
// Name and flags from core/cookies.ts: on a public portal Secure and __Host-prefixed.
const toastCookie = (signing: string) => {
  const { name, ...attributes } = cookieAttributes('stapsteen_toast')
  return createCookie(name, { httpOnly: true, sameSite: 'lax', secrets: [signing], ...attributes })
}

export async function withToast(toast: Toast, init: ResponseInit = {}) {
  const { signing, key } = await cookieSecrets('toast_key')
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', await toastCookie(signing).serialize(seal(key, Buffer.from(JSON.stringify(toast)))))
  return { ...init, headers }
}

/** Reads and clears the toast; the caller must send the returned Set-Cookie header. */
export async function takeToast(request: Request) {
  const { signing, key } = await cookieSecrets('toast_key')
  const cookie = toastCookie(signing)
  const sealed = await cookie.parse(request.headers.get('Cookie'))
  if (!sealed) return { toast: null, setCookie: null }
  // A cookie sealed with another key or changed on the way opens to nothing, and is cleared all the same.
  const plain = tryUnseal(key, sealed)
  const parsed = toastSchema.safeParse(plain && JSON.parse(plain.toString('utf8')))
  return { toast: parsed.success ? parsed.data : null, setCookie: await cookie.serialize('', { maxAge: 0 }) }
}

