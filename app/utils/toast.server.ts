import { createCookieSessionStorage, type SessionStorage } from '@remix-run/node'
import { db } from '../../db/client'
import { sharedSecret } from '../../db/queries/settings'
import { cookieAttributes } from '../../server/cookies'

/** A one-time message shown after a redirect ("Je wachtwoord is gewijzigd."), carried in a signed cookie. */
export type Toast = { kind: 'success' | 'info'; message: string }

let storage: Promise<SessionStorage> | undefined
const toastStorage = () =>
  (storage ??= sharedSecret(db(), 'cookie_secret').then((secret) =>
    createCookieSessionStorage({
      cookie: { ...cookieAttributes('stapsteen_toast'), httpOnly: true, sameSite: 'lax', secrets: [secret] },
    }),
  ))

export async function withToast(toast: Toast, init: ResponseInit = {}) {
  const store = await toastStorage()
  const session = await store.getSession()
  session.flash('toast', toast)
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', await store.commitSession(session))
  return { ...init, headers }
}

/** Reads and clears the toast; the caller must send the returned Set-Cookie header. */
export async function takeToast(request: Request) {
  const store = await toastStorage()
  const session = await store.getSession(request.headers.get('Cookie'))
  const toast = (session.get('toast') as Toast | undefined) ?? null
  return { toast, setCookie: toast ? await store.commitSession(session) : null }
}
