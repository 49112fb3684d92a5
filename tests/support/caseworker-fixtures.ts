import { eq } from 'drizzle-orm'
import { afterAll, beforeAll } from 'vitest'
import { startJobQueue, stopJobQueue } from '#core/jobs'
import { db } from '#db/client'
import { createPlacement, setPlacementStatus } from '#db/queries/placements'
import { loadSessionUser } from '#db/queries/users'
import { occupations } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'
import { testDatabaseUrl } from './database'

/** What the caseworkers' tests (clients, proposals, trajectories) set up the same way. */
export const BASE_URL = 'http://localhost:3000'

/** Proposals, decisions and their mails are pg-boss jobs in the caller's transaction: the queue must run (not work). */
export function withJobQueue() {
  beforeAll(() => startJobQueue(testDatabaseUrl, { worker: false }).then(() => undefined))
  afterAll(() => stopJobQueue())
}

export async function bakerUri() {
  const [row] = await db().select({ uri: occupations.uri }).from(occupations).where(eq(occupations.label, 'bakker'))
  return row!.uri
}

export const sessionUser = async (id: string) => (await loadSessionUser(db(), id))!

export async function caseworker(type: 'ocmw' | 'vdab' = 'ocmw') {
  const organisation = await createOrganisation(db(), { type, name: `${type.toUpperCase()} Proefstad` })
  return sessionUser((await createUser(db(), { organisationId: organisation.id, role: 'caseworker' })).id)
}

/** A published bakery placement of the employer (19 hours, A2, TWE-art60): its id. */
export function publishBakeryPlacement(employer: { organisationId: string; userId: string; siteId: string }, baker: string, options: { places?: number; status?: 'published' | 'draft'; title?: string } = {}) {
  const actor = { organisationId: employer.organisationId, actorUserId: employer.userId }
  return db().transaction(async (tx) => {
    const id = await createPlacement(tx, actor, {
      title: options.title ?? 'Hulp in de bakkerij', occupationUri: baker, description: 'Deeg afwegen en ovens laden.', tasks: [], competences: [], siteId: employer.siteId,
      hoursPerWeek: 19, schedule: ['day'], startDate: null, places: options.places ?? 2, fullUntil: null, dutchLevel: 'A2', support: [], instruments: ['TWE_ART60'],
    })
    if ((options.status ?? 'published') === 'published') await setPlacementStatus(tx, actor, id, 'published')
    return id
  })
}
