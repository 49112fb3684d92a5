import { createCookie, redirect } from '@remix-run/node'
import { db } from '#db/client'
import { audit } from '#db/queries/audit'
import { deleteSession, insertSession, useSession } from '#db/queries/auth'
import { loadSessionUser, recordLogin } from '#db/queries/users'
import { type SessionUser } from '#domain/session-user'
import { cookieAttributes, SESSION_COOKIE } from '#core/cookies'
import { digest, newSecret } from '#core/crypto.server'
import { hasPermission, type Permission } from '#domain/permissions'

/**
 * Database-backed sessions (docs/decisions/0003-sessions.md). The cookie holds a random secret; the database
 * holds its digest, the user and the timestamps, so a session can be revoked at once and expires after
 * 30 idle minutes. How the user proved who they are (password today, OIDC later) is only `authMethod`.
 */
const sessionCookie = (request: Request) => {
  const { name, ...attributes } = cookieAttributes(SESSION_COOKIE, request)
  return createCookie(name, { httpOnly: true, sameSite: 'lax', ...attributes })
}

export async function readSessionSecret(request: Request): Promise<string | undefined> {
  const value = await sessionCookie(request).parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 20 ? value : undefined
}

/** Starts a session for a user whose identity was proved by `authMethod` and sends them to `redirectTo`. */
export async function signIn(request: Request, userId: string, authMethod: string, redirectTo: string) {
  const secret = newSecret()
  await db().transaction(async (tx) => {
    await insertSession(tx, digest(secret), userId, authMethod)
    await recordLogin(tx, userId)
    await audit(tx, { actorUserId: userId, action: 'session.start', subjectType: 'user', subjectId: userId, details: { authMethod } })
  })
  return redirect(redirectTo, { headers: { 'Set-Cookie': await sessionCookie(request).serialize(secret) } })
}

export async function signOut(request: Request, redirectTo = '/') {
  const secret = await readSessionSecret(request)
  if (secret) {
    await db().transaction(async (tx) => {
      const userId = await deleteSession(tx, digest(secret))
      if (userId) await audit(tx, { actorUserId: userId, action: 'session.end', subjectType: 'user', subjectId: userId })
    })
  }
  return redirect(redirectTo, { headers: { 'Set-Cookie': await sessionCookie(request).serialize('', { maxAge: 0 }) } })
}

const cache = new WeakMap<Request, Promise<SessionUser | undefined>>()

/** The signed-in user, or undefined; looked up once per request however many loaders ask. */
export function getUser(request: Request): Promise<SessionUser | undefined> {
  let pending = cache.get(request)
  if (!pending) {
    pending = (async () => {
      const secret = await readSessionSecret(request)
      if (!secret) return undefined
      const userId = await useSession(db(), digest(secret))
      return userId ? loadSessionUser(db(), userId) : undefined
    })()
    cache.set(request, pending)
  }
  return pending
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request)
  if (user) return user
  const url = new URL(request.url)
  const back = url.pathname + url.search
  throw redirect(`/inloggen?redirectTo=${encodeURIComponent(back)}`)
}

/** The first line of every protected loader and action: signed in, and allowed to do this. */
export function requireUserWithPermission(request: Request, permission: Permission): Promise<SessionUser> {
  return requireUserWithAnyPermission(request, [permission])
}

/**
 * For pages with one permission per scope (`audit:read-all` or `audit:read-region`): signed in and holding at
 * least one of them. Which records the user then sees is decided in the query functions.
 */
export async function requireUserWithAnyPermission(request: Request, permissions: readonly Permission[]): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!permissions.some((permission) => hasPermission(user, permission))) {
    throw new Response('U hebt geen toegang tot deze pagina.', { status: 403, statusText: 'Forbidden' })
  }
  return user
}
