import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { expect } from 'vitest'
import { signIn } from '#app/auth/session.server'
import { decideProposal, proposeClient } from '#app/features/proposals/proposals.server'
import { db } from '#db/client'
import { createClient, createEmployer, createUser } from '#db/seed/factories'
import type { SessionUser } from '#domain/session-user'
import { BASE_URL, bakerUri, publishBakeryPlacement, sessionUser } from './caseworker-fixtures'

/** What the trajectory tests (issue 13) set up the same way: a client, an accepted proposal, signed-in route calls. */
let baker: Promise<string> | undefined
const bakerOnce = () => (baker ??= bakerUri())

export const newClient = async (owner: SessionUser) =>
  (await createClient(db(), { organisationId: owner.organisation.id, caseworkerUserId: owner.id, displayName: 'R.T.', firstName: 'Rita', jobTargets: [await bakerOnce()], dutchLevel: 'A2', hoursAvailable: 19 })).id

/** A client of `owner` whom a verified employer accepted for a published placement: the proposal, placement and employer user. */
export async function acceptedProposal(owner: SessionUser, clientId: string) {
  const { organisation, sites } = await createEmployer(db())
  const employer = await sessionUser((await createUser(db(), { organisationId: organisation.id, role: 'employer' })).id)
  const placementId = await publishBakeryPlacement({ organisationId: organisation.id, userId: employer.id, siteId: sites[0]!.id }, await bakerOnce())
  const proposed = await db().transaction((tx) => proposeClient(tx, owner, { clientId, placementId, consent: true, share: ['firstName'] }, BASE_URL))
  if (proposed.kind !== 'proposed') throw new Error(proposed.kind)
  const decided = await db().transaction((tx) => decideProposal(tx, employer, proposed.id, { decision: 'accept' }, BASE_URL))
  expect(decided.kind).toBe('accepted')
  return { proposalId: proposed.id, placementId, employer }
}

const cookieFor = async (user: SessionUser) => (await signIn(new Request(`${BASE_URL}/inloggen`), user.id, 'password', '/')).headers.get('Set-Cookie')!.split(';')[0]!

type Handler = (args: ActionFunctionArgs & LoaderFunctionArgs) => Promise<unknown>

/** Calls a loader (no fields) or an action (fields posted as a form) as the signed-in user; a thrown Response is returned. */
export async function callRoute(run: Handler, user: SessionUser, path: string, params: Record<string, string>, fields?: [string, string][]) {
  const body = fields ? new FormData() : undefined
  for (const [name, value] of fields ?? []) body!.append(name, value)
  const request = new Request(`${BASE_URL}${path}`, { method: fields ? 'POST' : 'GET', headers: { Cookie: await cookieFor(user) }, body })
  try {
    return (await run({ request, params, context: { requestId: 'test', clientIp: '127.0.0.1' } })) as Response
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

/** A route under the client's trajectory. */
export const call = (run: Handler, user: SessionUser, clientId: string, fields?: [string, string][]) => callRoute(run, user, `/begeleider/clienten/${clientId}/traject`, { clientId }, fields)

export const errorsOf = async (response: Response) => ((await response.json()) as { error?: Record<string, string[]> }).error ?? {}

export const art60 = (overrides: Record<string, string> = {}): [string, string][] =>
  Object.entries({ intent: 'start', kind: 'twe_art60', entryReason: 'Wil in de voeding werken en heeft werkervaring nodig.', criteriaAssessedOn: '2026-11-02', startOn: '2026-11-03', workplace: 'geen', ...overrides })
