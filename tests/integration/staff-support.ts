import { randomBytes } from 'node:crypto'
import { and, asc, eq } from 'drizzle-orm'
import { expect } from 'vitest'
import type { Role } from '#domain/permissions'
import { signIn } from '#app/auth/session.server'
import { db } from '#db/client'
import { findOrganisationBySlug } from '#db/queries/organisations'
import { auditLog, emailMessages } from '#db/schema'
import { createUser } from '#db/seed/factories'
import { deliveredMail } from '#tests/support/mail'

/**
 * Shared set-up of the people-management tests: the reference organisations, people in them, signed-in
 * requests, and what the pages answer.
 */
export const BASE_URL = 'http://localhost:3000'
// What the Express server gives every loader and action (server/http.ts).
export const context = { requestId: 'test', clientIp: '127.0.0.1' }
export const PASSWORD = 'een lange zin als wachtwoord'

export const unique = () => randomBytes(4).toString('hex')
export const address = (label: string) => `${label}-${unique()}@example.test`

export async function organisation(slug: string) {
  const found = await findOrganisationBySlug(db(), slug)
  if (!found) throw new Error(`no organisation ${slug}`)
  return found
}

/** A person with a password and a session; `cookie` signs a request in as them. */
export async function person(organisationId: string, role: Role, extra: { coordinator?: boolean; regions?: string[] } = {}) {
  const user = await createUser(db(), { organisationId, role, password: PASSWORD, email: address(role), ...extra })
  return { ...user, cookie: await cookieFor(user.id) }
}
export type Person = Awaited<ReturnType<typeof person>>

export async function cookieFor(userId: string) {
  const response = await signIn(new Request(`${BASE_URL}/inloggen`), userId, 'password', '/')
  return response.headers.get('Set-Cookie')!.split(';')[0]!
}

type FormValues = Record<string, string | string[]>

/** A GET of a page, or a POST of a form, as the user of the cookie. */
export function page(cookie: string, path: string, form?: FormValues) {
  const body = form ? new URLSearchParams(Object.entries(form).flatMap(([name, value]) => [value].flat().map((v) => [name, v]))) : undefined
  return new Request(`${BASE_URL}${path}`, {
    method: form ? 'POST' : 'GET',
    headers: { Cookie: cookie, ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
    body,
  })
}

/** What a loader or action answers, returned or thrown (a redirect, a 403, a 404). */
export async function answer(pending: Promise<unknown>): Promise<Response> {
  try {
    return (await pending) as Response
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
}

/** The JSON of a 200 or 400 answer, the status checked first. */
export async function body<T = any>(pending: Promise<unknown>, status = 200): Promise<T> {
  const response = await answer(pending)
  expect(response.status, await response.clone().text()).toBe(status)
  return response.json() as Promise<T>
}

/** The field errors of a Conform reply (400). */
export const fieldErrors = async (pending: Promise<unknown>) => (await body<{ error: Record<string, string[]> }>(pending, 400)).error

/** The set-password token of the newest invitation mail to the address. */
export async function invitationToken(to: string) {
  const mails = await db()
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.to, to), eq(emailMessages.template, 'user-invitation')))
    .orderBy(asc(emailMessages.createdAt))
  const newest = mails.at(-1)
  const match = /\/wachtwoord-nieuw\?token=([\w-]+)/.exec(newest ? (await deliveredMail(newest.id)).text : '')
  expect(match, `no invitation link to ${to}`).not.toBeNull()
  return { token: match![1]!, mails }
}

export const auditOf = (subjectId: string) => db().select().from(auditLog).where(eq(auditLog.subjectId, subjectId)).orderBy(asc(auditLog.id))
