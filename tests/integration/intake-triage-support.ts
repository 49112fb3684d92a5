import { randomBytes } from 'node:crypto'
import { signIn } from '#app/auth/session.server'
import { todayIso } from '#domain/compensation-rules'
import { db } from '#db/client'
import { loadSessionUser } from '#db/queries/users'
import { type SessionUser } from '#domain/session-user'
import { createIntake, createOrganisation, createUser } from '#db/seed/factories'

/** Shared set-up of the triage tests: an OCMW and its VDAB team with triage workers, and a stranger. */
export const sessionUser = async (id: string): Promise<SessionUser> => (await loadSessionUser(db(), id))!

export async function triageWorker(organisationId: string, role: 'triage_worker' | 'caseworker' = 'triage_worker') {
  return sessionUser((await createUser(db(), { organisationId, role, name: `Medewerker ${randomBytes(3).toString('hex')}` })).id)
}

export async function triageWorld() {
  const suffix = randomBytes(3).toString('hex')
  const ocmw = await createOrganisation(db(), { type: 'ocmw', name: `OCMW Proefstad ${suffix}` })
  const vdab = await createOrganisation(db(), { type: 'vdab', name: `VDAB-team Proefregio ${suffix}` })
  const other = await createOrganisation(db(), { type: 'ocmw', name: `OCMW Elders ${suffix}` })
  const [ocmwUser, ocmwColleague, vdabUser, otherUser] = await Promise.all([
    triageWorker(ocmw.id),
    triageWorker(ocmw.id),
    triageWorker(vdab.id),
    triageWorker(other.id),
  ])
  const intake = (input: Parameters<typeof createIntake>[1] = {}) => createIntake(db(), { ocmwOrganisationId: ocmw.id, vdabOrganisationId: vdab.id, ...input })
  return { ocmw, vdab, other, ocmwUser, ocmwColleague, vdabUser, otherUser, intake }
}
export type TriageWorld = Awaited<ReturnType<typeof triageWorld>>

/** A request as the user's browser sends it, with a real session cookie (for route loaders). */
export async function requestAs(user: SessionUser, url: string) {
  const response = await signIn(new Request('http://localhost:3000/inloggen'), user.id, 'password', '/triage')
  const cookie = response.headers.get('Set-Cookie')!.split(';')[0]!
  return new Request(new URL(url, 'http://localhost:3000'), { headers: { Cookie: cookie } })
}

export const dayFromToday = (days: number) => {
  const [y, m, d] = todayIso().split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}
