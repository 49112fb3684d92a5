import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { db } from '#db/client'
import { insertApiToken } from '#db/queries/auth'
import { insertTrajectory } from '#db/queries/trajectories'
import { createClient, createOrganisation, createUser } from '#db/seed/factories'
import type { SessionUser } from '#domain/session-user'
import { digest, newSecret } from '#core/crypto.server'
import { BASE_URL, sessionUser } from './caseworker-fixtures'

/** What the sharing and export tests (issue 13) set up the same way: an OCMW's trajectory, a VDAB team, signed-in calls. */
export const GHENT = '44021'

export async function vdabCaseworker(municipalities = [GHENT]) {
  const organisation = await createOrganisation(db(), { type: 'vdab', name: 'VDAB-team Proefstad', municipalities })
  return sessionUser((await createUser(db(), { organisationId: organisation.id, role: 'caseworker' })).id)
}

/** A client of `owner` living in Ghent with a running TWE-art60 trajectory at an outside workplace: both ids. */
export async function startedTrajectory(owner: SessionUser) {
  const client = await createClient(db(), { organisationId: owner.organisation.id, caseworkerUserId: owner.id, displayName: 'R.T.', homeMunicipalityNis: GHENT })
  const started = await db().transaction((tx) =>
    insertTrajectory(tx, owner, client.id, {
      kind: 'twe_art60',
      entryReason: 'Wil in de voeding werken.',
      criteriaAssessedOn: '2026-11-02',
      startOn: '2026-11-03',
      contractStartOn: null,
      firstPhase: { externalWorkplace: 'Bakkerij Peeters, hulp in de winkel', plannedEndOn: null },
    }),
  )
  if (started.kind !== 'started') throw new Error(started.kind)
  return { clientId: client.id, trajectoryId: started.id }
}

export async function apiToken(user: SessionUser) {
  const token = `stp_${newSecret()}`
  await insertApiToken(db(), digest(token), user.id)
  return token
}

// One way to call a route as a signed-in user for every trajectory test.
export { callRoute } from './trajectory-fixtures'

/** GET /api/v1/trajectories/{id} with a bearer token. */
export async function callApi(run: (args: ActionFunctionArgs & LoaderFunctionArgs) => Promise<unknown>, token: string, id: string) {
  const request = new Request(`${BASE_URL}/api/v1/trajectories/${id}`, { headers: { Authorization: `Bearer ${token}` } })
  return (await run({ request, params: { id }, context: { requestId: 'test', clientIp: '127.0.0.1' } })) as Response
}
