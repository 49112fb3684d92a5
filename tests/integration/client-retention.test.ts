import { and, eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '#app/auth/session.server'
import { action as clientAction, loader as clientLoader } from '#app/routes/begeleider+/clienten.$clientId._index'
import { db } from '#db/client'
import { registerPrivacyWorkers } from '#app/features/privacy/privacy-worker.server'
import { anonymiseClosedClients, anonymiseDecidedProposals } from '#db/queries/client-retention'
import { getClient, listClients } from '#db/queries/clients'
import { createPlacement } from '#db/queries/placements'
import { getEmployerProposal } from '#db/queries/proposals'
import { proposeClient } from '#app/features/proposals/proposals.server'
import { loadSessionUser } from '#db/queries/users'
import { type SessionUser } from '#domain/session-user'
import { auditLog, clients, occupations, placements, proposals } from '#db/schema'
import { createClient, createEmployer, createOrganisation, createUser } from '#db/seed/factories'
import { jobQueue, startJobQueue } from '#core/jobs'
import { testDatabaseUrl } from '#tests/support/database'
import { eventually } from '#tests/support/eventually'

/** Issue 11, finding 10: client records and proposals were kept for ever. */
const BASE_URL = 'http://localhost:3000'
const monthsAgo = (months: number) => sql`now() - make_interval(months => ${months})`

let caseworker: SessionUser
let employer: SessionUser
let placementId: string

beforeAll(async () => {
  await registerPrivacyWorkers(await startJobQueue(testDatabaseUrl, { worker: true }))
  const ocmw = await createOrganisation(db(), { type: 'ocmw' })
  caseworker = (await loadSessionUser(db(), (await createUser(db(), { organisationId: ocmw.id, role: 'caseworker' })).id))!
  const { organisation, sites } = await createEmployer(db())
  employer = (await loadSessionUser(db(), (await createUser(db(), { organisationId: organisation.id, role: 'employer' })).id))!
  const [baker] = await db().select({ uri: occupations.uri }).from(occupations).where(eq(occupations.label, 'bakker'))
  placementId = await createPlacement(db(), { organisationId: organisation.id, actorUserId: employer.id }, {
    title: 'Hulp in de bakkerij', occupationUri: baker!.uri, description: 'Deeg afwegen.', tasks: [], competences: [], siteId: sites[0]!.id,
    hoursPerWeek: 19, schedule: ['day'], startDate: null, places: 3, fullUntil: null, dutchLevel: 'A2', support: [], instruments: ['WES'],
  })
})

const personal = { displayName: 'Yusuf Bewaartermijn', firstName: 'Yusuf', contact: 'yusuf@example.test', postcode: '9000', notes: 'Woont bij zijn zus', competences: ['Heftruck'] }

/** A client closed `closedMonthsAgo` (null: still open) with one proposal, decided `decidedMonthsAgo` (null: open). */
async function clientWithProposal(closedMonthsAgo: number | null, decidedMonthsAgo: number | null) {
  const client = await createClient(db(), { organisationId: caseworker.organisation.id, caseworkerUserId: caseworker.id, ...personal })
  if (closedMonthsAgo !== null) await db().update(clients).set({ closedAt: monthsAgo(closedMonthsAgo) }).where(eq(clients.id, client.id))
  const [proposal] = await db()
    .insert(proposals)
    .values({
      clientId: client.id, placementId, organisationId: caseworker.organisation.id, proposedByUserId: caseworker.id, clientConsented: true,
      sharedFirstName: 'Yusuf', sharedCompetences: ['Heftruck'], sharedDutchLevel: 'A2', sharedAvailability: '19 uur', message: 'Yusuf is gemotiveerd',
      ...(decidedMonthsAgo === null ? {} : { status: 'declined' as const, declineReason: 'other' as const, declineNote: 'Yusuf kwam niet', decidedAt: monthsAgo(decidedMonthsAgo) }),
    })
    .returning()
  return { client, proposal: proposal! }
}

const clientRow = async (id: string) => (await db().select().from(clients).where(eq(clients.id, id)))[0]!
const proposalRow = async (id: string) => (await db().select().from(proposals).where(eq(proposals.id, id)))[0]!
const noPersonalValue = (row: object) => expect(JSON.stringify(row)).not.toMatch(/Yusuf|Bewaartermijn|yusuf@|zus|Heftruck|gemotiveerd|19 uur/)

describe('the retention of client records and proposals', () => {
  it('anonymises a record closed longer ago than the period with its proposals, keeping what statistics need', async () => {
    const { client, proposal } = await clientWithProposal(25, 25)
    await db().insert(auditLog).values({ actorUserId: caseworker.id, organisationId: caseworker.organisation.id, action: 'client.read', subjectType: 'client', subjectId: client.id })
    expect(await db().transaction((tx) => anonymiseClosedClients(tx, 24))).toBeGreaterThanOrEqual(1)

    const after = await clientRow(client.id)
    expect(after).toMatchObject({ displayName: 'Geanonimiseerd', firstName: null, contact: null, postcode: null, notes: null, competences: [] })
    expect(after.anonymisedAt).not.toBeNull()
    noPersonalValue(after)
    // What statistics count stays.
    expect(after).toMatchObject({ homeMunicipalityNis: client.homeMunicipalityNis, jobTargets: client.jobTargets, dutchLevel: client.dutchLevel, hoursAvailable: client.hoursAvailable })
    const anonymisedProposal = await proposalRow(proposal.id)
    expect(anonymisedProposal).toMatchObject({ status: 'declined', declineReason: 'other', sharedDutchLevel: 'A2', clientId: client.id, placementId })
    noPersonalValue(anonymisedProposal)
    // Nothing that points at them breaks: the audit trail and the placement stay.
    expect(await db().$count(auditLog, and(eq(auditLog.subjectType, 'client'), eq(auditLog.subjectId, client.id)))).toBe(1)
    expect((await db().select({ places: placements.places }).from(placements).where(eq(placements.id, placementId)))[0]!.places).toBe(3)
    // The caseworker finds nothing left to read; the employer sees the decision, not the person.
    expect(await getClient(db(), caseworker, client.id)).toBeNull()
    expect((await listClients(db(), caseworker)).map((c) => c.id)).not.toContain(client.id)
    noPersonalValue((await getEmployerProposal(db(), employer, proposal.id))!)
  })

  it('keeps records closed more recently, records still open, and their open or recently decided proposals', async () => {
    const young = await clientWithProposal(23, null)
    const open = await clientWithProposal(null, 23)
    const pending = await clientWithProposal(null, null)
    await db().update(proposals).set({ createdAt: monthsAgo(30) }).where(eq(proposals.id, pending.proposal.id))
    await db().transaction((tx) => anonymiseClosedClients(tx, 24))
    await db().transaction((tx) => anonymiseDecidedProposals(tx, 24))
    for (const kept of [young, open, pending]) {
      expect(await clientRow(kept.client.id)).toMatchObject({ ...personal, anonymisedAt: null })
      expect(await proposalRow(kept.proposal.id)).toMatchObject({ sharedFirstName: 'Yusuf', message: 'Yusuf is gemotiveerd', anonymisedAt: null })
    }
  })

  it('anonymises a proposal decided longer ago than the period while the client stays open', async () => {
    const { client, proposal } = await clientWithProposal(null, 25)
    expect(await db().transaction((tx) => anonymiseDecidedProposals(tx, 24))).toBeGreaterThanOrEqual(1)
    const after = await proposalRow(proposal.id)
    expect(after).toMatchObject({ status: 'declined', declineReason: 'other', sharedFirstName: null, sharedCompetences: [], sharedAvailability: null, message: null, declineNote: null })
    expect(after.anonymisedAt).not.toBeNull()
    expect(await clientRow(client.id)).toMatchObject({ ...personal, anonymisedAt: null })
  })

  it('runs every night in the retention job, with the default of 24 months', async () => {
    const old = await clientWithProposal(null, null)
    const kept = await clientWithProposal(23, null)
    await db().update(clients).set({ closedAt: sql`now() - interval '24 months 10 days'` }).where(eq(clients.id, old.client.id))
    await jobQueue().send('intake-retention', {})
    await eventually(async () => (await clientRow(old.client.id)).anonymisedAt !== null)
    // An open proposal of a client closed that long ago is withdrawn and emptied with it.
    expect(await proposalRow(old.proposal.id)).toMatchObject({ status: 'withdrawn', sharedFirstName: null, message: null })
    expect((await proposalRow(old.proposal.id)).decidedAt).not.toBeNull()
    expect(await clientRow(kept.client.id)).toMatchObject({ ...personal, anonymisedAt: null })
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'client.anonymise')).orderBy(sql`${auditLog.at} desc`).limit(1)
    expect(entry!.details).toMatchObject({ months: 24 })
  })
})

describe('closing a client record', () => {
  const cookie = async () => (await signIn(new Request(`${BASE_URL}/inloggen`), caseworker.id, 'password', '/')).headers.get('Set-Cookie')!.split(';')[0]!
  async function submit(clientId: string, intent: string, user: SessionUser = caseworker) {
    const cookieHeader = user === caseworker ? await cookie() : (await signIn(new Request(`${BASE_URL}/inloggen`), user.id, 'password', '/')).headers.get('Set-Cookie')!.split(';')[0]!
    const body = new FormData()
    body.append('intent', intent)
    const request = new Request(`${BASE_URL}/begeleider/clienten/${clientId}`, { method: 'POST', headers: { Cookie: cookieHeader }, body })
    try {
      return (await clientAction({ request, params: { clientId }, context: { requestId: 'test', clientIp: '127.0.0.1' } })) as Response
    } catch (thrown) {
      if (thrown instanceof Response) return thrown
      throw thrown
    }
  }

  it('starts the retention clock, withdraws open proposals, refuses new ones, and can be undone', async () => {
    const { client, proposal } = await clientWithProposal(null, null)
    expect((await submit(client.id, 'close')).status).toBe(302)
    expect((await clientRow(client.id)).closedAt).not.toBeNull()
    expect((await proposalRow(proposal.id)).status).toBe('withdrawn')
    const [closing] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'client.close'), eq(auditLog.subjectId, client.id)))
    expect(closing!.details).toEqual({ withdrawnProposalIds: [proposal.id] })
    const propose = () => db().transaction((tx) => proposeClient(tx, caseworker, { clientId: client.id, placementId, consent: true, share: [] }, BASE_URL))
    expect(await propose()).toEqual({ kind: 'client-closed' })

    const request = new Request(`${BASE_URL}/begeleider/clienten/${client.id}`, { headers: { Cookie: await cookie() } })
    const page = (await clientLoader({ request, params: { clientId: client.id }, context: { requestId: 'test', clientIp: '127.0.0.1' } })) as Response
    expect(await page.json()).toMatchObject({ retentionMonths: 24, client: { id: client.id } })

    expect((await submit(client.id, 'reopen')).status).toBe(302)
    expect((await clientRow(client.id)).closedAt).toBeNull()
  })

  it('is refused for another organisation’s client and for an unknown intent', async () => {
    const { client } = await clientWithProposal(null, null)
    const outsider = (await loadSessionUser(db(), (await createUser(db(), { organisationId: (await createOrganisation(db(), { type: 'ocmw' })).id, role: 'caseworker' })).id))!
    expect((await submit(client.id, 'close', outsider)).status).toBe(404)
    expect((await submit(client.id, 'erase')).status).toBe(400)
    expect((await clientRow(client.id)).closedAt).toBeNull()
  })
})
