import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApiToken } from '#app/auth/api-token.server'
import { digest } from '#core/crypto.server'
import { action, loader } from '#app/routes/account'
import { db } from '#db/client'
import { findApiTokenUser } from '#db/queries/auth'
import { auditLog } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'
import { requestAs, sessionUser } from './intake-triage-support'

/** Issue 10: every signed-in user sees and revokes their own API keys and, where their role uses the API, makes one. */
type User = Awaited<ReturnType<typeof sessionUser>>
let caseworker: User
let employer: User
let colleague: User

beforeAll(async () => {
  const ocmw = await createOrganisation(db(), { type: 'ocmw' })
  const company = await createOrganisation(db(), { type: 'employer' })
  caseworker = await sessionUser((await createUser(db(), { role: 'caseworker', organisationId: ocmw.id })).id)
  colleague = await sessionUser((await createUser(db(), { role: 'caseworker', organisationId: ocmw.id })).id)
  employer = await sessionUser((await createUser(db(), { role: 'employer', organisationId: company.id })).id)
})

async function post(user: User, fields: Record<string, string>) {
  const get = await requestAs(user, '/account')
  const request = new Request(get.url, { method: 'POST', headers: get.headers, body: new URLSearchParams(fields) })
  return (await action({ request, params: {}, context: {} as never }).catch((thrown: unknown) => thrown)) as Response
}

const tokensOf = async (user: User) => {
  const data = (await (await loader({ request: await requestAs(user, '/account'), params: {}, context: {} as never })).json()) as {
    tokens: { id: string; revokedAt: string | null }[]
    mayCreateToken: boolean
  }
  return data
}

describe('API keys on the account page', () => {
  it('makes a key shown once, not cached, that works for the API until it is revoked', async () => {
    const response = await post(caseworker, { intent: 'token-create' })
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const { newToken } = (await response.json()) as { newToken: string }
    expect(newToken).toMatch(/^stp_[A-Za-z0-9_-]{43}$/)
    expect((await findApiTokenUser(db(), digest(newToken)))?.id).toBe(caseworker.id)

    const { tokens, mayCreateToken } = await tokensOf(caseworker)
    expect(mayCreateToken).toBe(true)
    expect(tokens).toHaveLength(1)
    expect(JSON.stringify(tokens)).not.toContain(digest(newToken))

    const revoked = await post(caseworker, { intent: 'token-revoke', tokenId: tokens[0]!.id })
    expect(revoked.status).toBe(302)
    expect(revoked.headers.get('Set-Cookie')).toMatch(/stapsteen_toast=/)
    expect(await findApiTokenUser(db(), digest(newToken))).toBeUndefined()
    const entries = await db().select().from(auditLog).where(eq(auditLog.subjectId, tokens[0]!.id))
    expect(entries.map((e) => e.action)).toEqual(['api-token.revoke'])
  })

  it('never revokes another person’s key, and says so with 404', async () => {
    const token = await db().transaction((tx) => createApiToken(tx, colleague.id, 'cli'))
    const [theirs] = (await tokensOf(colleague)).tokens
    expect((await post(caseworker, { intent: 'token-revoke', tokenId: theirs!.id })).status).toBe(404)
    expect((await findApiTokenUser(db(), digest(token)))?.id).toBe(colleague.id)
  })

  it('lets a role without API access see and revoke its keys, but not make one', async () => {
    await db().transaction((tx) => createApiToken(tx, employer.id, 'cli'))
    const { tokens, mayCreateToken } = await tokensOf(employer)
    expect(mayCreateToken).toBe(false)
    expect((await post(employer, { intent: 'token-create' })).status).toBe(403)
    expect((await post(employer, { intent: 'token-revoke', tokenId: tokens[0]!.id })).status).toBe(302)
  })

  it('answers a wrong form with 400 naming the field', async () => {
    const response = await post(caseworker, { intent: 'token-revoke', tokenId: 'not-an-id' })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: Record<string, string[]> }
    expect(body.error.tokenId).toEqual(['Kies een sleutel uit de lijst.'])
    expect((await post(caseworker, { intent: 'delete-everything' })).status).toBe(400)
  })
})
