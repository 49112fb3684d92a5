import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { action as noteAction } from '#app/routes/begeleider+/clienten.$clientId.traject.notities'
import { action as moveAction, loader as moveLoader } from '#app/routes/begeleider+/clienten.$clientId.traject.verhuis'
import { loader as sharedPageLoader } from '#app/routes/begeleider+/gedeelde-trajecten.$trajectoryId._index'
import { action as decideAction, loader as transferLoader } from '#app/routes/begeleider+/overdrachten.$transferId'
import { loader as transfersLoader } from '#app/routes/begeleider+/overdrachten._index'
import { db } from '#db/client'
import { anonymiseClosedClients } from '#db/queries/client-retention'
import { auditLog, clients, emailMessages, popVersions, trajectories, trajectoryPhases, trajectoryShares, trajectoryTransfers } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'
import { brusselsDate } from '#domain/intake-working-days'
import type { SessionUser } from '#domain/session-user'
import { caseworker, sessionUser, withJobQueue } from '#tests/support/caseworker-fixtures'
import { errorsOf } from '#tests/support/trajectory-fixtures'
import { callRoute, GHENT, startedTrajectory, vdabCaseworker } from '#tests/support/trajectory-sharing'

const ANTWERP = '11002'
const NOTE = 'Werkt graag met deeg. Afspraak bij de bakkerij op vrijdag.'

withJobQueue()

/** A begeleider of an OCMW serving Antwerp: the receiving side. */
async function receiver() {
  const organisation = await createOrganisation(db(), { type: 'ocmw', name: 'OCMW Nieuwstad', municipalities: [ANTWERP] })
  return sessionUser((await createUser(db(), { organisationId: organisation.id, role: 'caseworker' })).id)
}

const movePage = (user: SessionUser, clientId: string, search = '') => callRoute(moveLoader, user, `/begeleider/clienten/${clientId}/traject/verhuis${search}`, { clientId })
const move = (user: SessionUser, clientId: string, fields: [string, string][]) => callRoute(moveAction, user, `/begeleider/clienten/${clientId}/traject/verhuis`, { clientId }, fields)
const request = (user: SessionUser, clientId: string, organisationId: string, note = NOTE, municipalityNis = ANTWERP) =>
  move(user, clientId, [['intent', 'request'], ['municipalityNis', municipalityNis], ['organisationId', organisationId], ['note', note]])
const transferPage = (user: SessionUser, transferId: string) => callRoute(transferLoader, user, `/begeleider/overdrachten/${transferId}`, { transferId })
const decide = (user: SessionUser, transferId: string, fields: [string, string][]) => callRoute(decideAction, user, `/begeleider/overdrachten/${transferId}`, { transferId }, fields)
const sharedPage = (user: SessionUser, trajectoryId: string) => callRoute(sharedPageLoader, user, `/begeleider/gedeelde-trajecten/${trajectoryId}`, { trajectoryId })
const transferOf = async (trajectoryId: string) => (await db().select().from(trajectoryTransfers).where(eq(trajectoryTransfers.trajectoryId, trajectoryId)))[0]!
const activeShares = (trajectoryId: string) => db().select().from(trajectoryShares).where(and(eq(trajectoryShares.trajectoryId, trajectoryId), sql`${trajectoryShares.revokedAt} is null`))
const mailsTo = (email: string) => db().select().from(emailMessages).where(eq(emailMessages.to, email))

/** A running trajectory with a POP and two notes, one confidential: the ids. */
async function withHistory(owner: SessionUser) {
  const started = await startedTrajectory(owner)
  const [client] = await db().select().from(clients).where(eq(clients.id, started.clientId))
  await db().insert(popVersions).values({ trajectoryId: started.trajectoryId, version: 1, jobTargets: client!.jobTargets, competences: ['Op tijd komen'], actions: 'Meelopen.', agreements: 'Vrijdag.' })
  const note = (body: string, confidential: string) => callRoute(noteAction, owner, `/begeleider/clienten/${started.clientId}/traject/notities`, { clientId: started.clientId }, [['body', body], ['confidential', confidential]])
  expect((await note('Gewone notitie over de bakkerij.', 'no')).status).toBe(302)
  expect((await note('Schulden en een moeilijke thuissituatie.', 'yes')).status).toBe(302)
  return started
}

/** As withHistory, and proposed to `to`: the ids with the transfer's. */
async function proposed(owner: SessionUser, to: SessionUser) {
  const started = await withHistory(owner)
  expect((await request(owner, started.clientId, to.organisation.id)).status).toBe(302)
  return { ...started, transferId: (await transferOf(started.trajectoryId)).id }
}

describe('moving house: the trajectory goes to the new municipality’s team', () => {
  it('is proposed with a note, read by the receiver without confidential notes, and taken over on acceptance', async () => {
    const owner = await caseworker('ocmw')
    const to = await receiver()
    const { clientId, trajectoryId } = await withHistory(owner)
    expect((await sharedPage(to, trajectoryId)).status).toBe(404)

    const page = (await (await movePage(owner, clientId, '?gemeente=Antwerpen')).json()) as { step: { municipality: { nis: string }; targets: { id: string }[] } }
    expect(page.step.municipality.nis).toBe(ANTWERP)
    expect(page.step.targets.map((t) => t.id)).toContain(to.organisation.id)
    expect(page.step.targets.map((t) => t.id)).not.toContain(owner.organisation.id)

    expect((await request(owner, clientId, to.organisation.id)).status).toBe(302)
    const transfer = await transferOf(trajectoryId)
    expect(transfer).toMatchObject({ status: 'pending', fromOrganisationId: owner.organisation.id, toOrganisationId: to.organisation.id, newMunicipalityNis: ANTWERP, note: NOTE })
    expect((await activeShares(trajectoryId)).map((s) => [s.organisationId, s.basis])).toEqual([[to.organisation.id, 'hand_over']])
    const [invitation] = await mailsTo(to.email)
    expect(invitation).toMatchObject({ template: 'trajectory-transfer-requested' })
    expect(invitation!.html).toContain(`/begeleider/overdrachten/${transfer.id}`)
    expect(invitation!.html).not.toContain('R.T.')
    expect(invitation!.html).not.toContain('deeg')

    const list = (await (await callRoute(transfersLoader, to, '/begeleider/overdrachten', {})).json()) as { transfers: { id: string; status: string }[] }
    expect(list.transfers).toEqual([expect.objectContaining({ id: transfer.id, status: 'pending' })])
    const detail = (await (await transferPage(to, transfer.id)).json()) as { transfer: { note: string; trajectoryId: string } }
    expect(detail.transfer).toMatchObject({ note: NOTE, trajectoryId })
    const shared = await (await sharedPage(to, trajectoryId)).text()
    expect(shared).toContain('Gewone notitie over de bakkerij.')
    expect(shared).not.toContain('Schulden')

    const today = brusselsDate()
    const accepted = await decide(to, transfer.id, [['intent', 'accept']])
    expect(accepted.status).toBe(302)
    const [newClient] = await db().select().from(clients).where(eq(clients.organisationId, to.organisation.id))
    expect(accepted.headers.get('Location')).toBe(`/begeleider/clienten/${newClient!.id}/traject`)
    expect(newClient).toMatchObject({ displayName: 'R.T.', homeMunicipalityNis: ANTWERP, caseworkerUserId: to.id, contact: null, notes: null, postcode: null })
    const [created] = await db().select().from(trajectories).where(eq(trajectories.clientId, newClient!.id))
    expect(created).toMatchObject({ organisationId: to.organisation.id, kind: 'twe_art60', status: 'active', entryReason: 'Wil in de voeding werken.', criteriaAssessedOn: '2026-11-02', startOn: '2026-11-03', begeleiderUserId: to.id })
    const [pop] = await db().select().from(popVersions).where(eq(popVersions.trajectoryId, created!.id))
    expect(pop).toMatchObject({ version: 1, competences: ['Op tijd komen'], actions: 'Meelopen.', agreements: 'Vrijdag.', changeNote: 'Overgenomen van OCMW Proefstad na verhuis' })
    const [old] = await db().select().from(trajectories).where(eq(trajectories.id, trajectoryId))
    expect(old).toMatchObject({ status: 'stopped', stopReason: 'moved', endedOn: today, clientId, organisationId: owner.organisation.id })
    expect(await db().select({ endedOn: trajectoryPhases.endedOn }).from(trajectoryPhases).where(eq(trajectoryPhases.trajectoryId, trajectoryId))).toEqual([{ endedOn: today }])
    expect(await transferOf(trajectoryId)).toMatchObject({ status: 'accepted', decidedByUserId: to.id, newTrajectoryId: created!.id })
    expect((await activeShares(trajectoryId)).map((s) => s.organisationId)).toEqual([to.organisation.id])
    expect((await sharedPage(to, trajectoryId)).status).toBe(200)
    expect((await mailsTo(owner.email)).map((m) => m.template)).toEqual(['trajectory-transfer-decided'])

    const audits = await db().select({ action: auditLog.action, organisationId: auditLog.organisationId, details: auditLog.details }).from(auditLog).where(eq(auditLog.actorUserId, to.id))
    expect(audits.filter((a) => a.action === 'trajectory.transfer-accept')).toEqual([
      { action: 'trajectory.transfer-accept', organisationId: to.organisation.id, details: { transferId: transfer.id, fromTrajectoryId: trajectoryId, newTrajectoryId: created!.id } },
    ])
    expect(audits.filter((a) => a.action === 'trajectory.stop')).toEqual([{ action: 'trajectory.stop', organisationId: owner.organisation.id, details: { transferId: transfer.id, stopReason: 'moved' } }])
    const sent = await db().select({ details: auditLog.details }).from(auditLog).where(and(eq(auditLog.action, 'trajectory.transfer-request'), eq(auditLog.subjectId, trajectoryId)))
    expect(JSON.stringify(sent)).not.toContain('deeg')

    // Decided: the receiver reads the outcome, a second decision changes nothing.
    expect((await decide(to, transfer.id, [['intent', 'accept']])).status).toBe(400)
    expect(await db().select().from(clients).where(eq(clients.organisationId, to.organisation.id))).toHaveLength(1)
  })

  it('is declined with a reason: the share is revoked, nothing is created, the sender reads why', async () => {
    const owner = await caseworker('ocmw')
    const to = await receiver()
    const { clientId, trajectoryId, transferId } = await proposed(owner, to)

    const noReason = await decide(to, transferId, [['intent', 'decline']])
    expect(noReason.status).toBe(400)
    expect((await errorsOf(noReason)).reason).toEqual(['Schrijf waarom je het traject niet overneemt.'])
    expect((await decide(to, transferId, [['intent', 'decline'], ['reason', 'De cliënt woont niet in onze gemeente.']])).status).toBe(302)

    expect(await transferOf(trajectoryId)).toMatchObject({ status: 'declined', declineReason: 'De cliënt woont niet in onze gemeente.', decidedByUserId: to.id, newTrajectoryId: null })
    expect(await activeShares(trajectoryId)).toEqual([])
    expect((await sharedPage(to, trajectoryId)).status).toBe(404)
    expect((await transferPage(to, transferId)).status).toBe(404)
    expect(await db().select().from(clients).where(eq(clients.organisationId, to.organisation.id))).toEqual([])
    const [still] = await db().select().from(trajectories).where(eq(trajectories.id, trajectoryId))
    expect(still).toMatchObject({ status: 'active', endedOn: null })
    const [mail] = await mailsTo(owner.email)
    expect(mail!.template).toBe('trajectory-transfer-decided')
    expect(mail!.html).not.toContain('woont niet')
    const page = (await (await movePage(owner, clientId)).json()) as { transfers: { status: string; declineReason: string }[]; open: boolean }
    expect(page).toMatchObject({ open: true, transfers: [{ status: 'declined', declineReason: 'De cliënt woont niet in onze gemeente.' }] })
    // Declined, the sender can propose again.
    expect((await request(owner, clientId, to.organisation.id)).status).toBe(302)
  })

  it('refuses a missing note, the own organisation, an organisation not serving the municipality, a second pending transfer and a closed trajectory', async () => {
    const owner = await caseworker('ocmw')
    const to = await receiver()
    const { clientId, trajectoryId } = await withHistory(owner)

    expect((await errorsOf(await request(owner, clientId, to.organisation.id, '  '))).note).toEqual(['Schrijf een overdrachtsnota voor het nieuwe team.'])
    expect((await errorsOf(await request(owner, clientId, owner.organisation.id))).organisationId).toHaveLength(1)
    const ghentTeam = await vdabCaseworker([GHENT])
    expect((await errorsOf(await request(owner, clientId, ghentTeam.organisation.id))).organisationId).toHaveLength(1)
    const off = await createOrganisation(db(), { type: 'ocmw', municipalities: [ANTWERP], deactivatedAt: new Date() })
    expect((await errorsOf(await request(owner, clientId, off.id))).organisationId).toHaveLength(1)
    expect(await db().select().from(trajectoryTransfers).where(eq(trajectoryTransfers.trajectoryId, trajectoryId))).toEqual([])

    expect((await request(owner, clientId, to.organisation.id)).status).toBe(302)
    const second = await request(owner, clientId, (await receiver()).organisation.id)
    expect(second.status).toBe(400)
    expect(((await second.json()) as { error: Record<string, string[]> }).error['']).toEqual(['Er wacht al een overdracht op antwoord. Trek ze eerst in.'])

    // Withdrawn: the receiver no longer reads the trajectory.
    expect((await move(owner, clientId, [['intent', 'withdraw']])).status).toBe(302)
    expect(await transferOf(trajectoryId)).toMatchObject({ status: 'withdrawn', decidedByUserId: owner.id })
    expect(await activeShares(trajectoryId)).toEqual([])
    expect((await sharedPage(to, trajectoryId)).status).toBe(404)

    await db().update(trajectories).set({ status: 'ended', endedOn: '2026-11-30' }).where(eq(trajectories.id, trajectoryId))
    expect((await request(owner, clientId, to.organisation.id)).status).toBe(404)
    expect(((await (await movePage(owner, clientId, '?gemeente=Antwerpen')).json()) as { step: unknown }).step).toBeNull()
  })

  it('cannot be accepted once the sender’s trajectory no longer runs', async () => {
    const owner = await caseworker('ocmw')
    const to = await receiver()
    const { clientId, trajectoryId, transferId } = await proposed(owner, to)
    await db().update(trajectories).set({ status: 'ended', endedOn: '2026-11-30' }).where(eq(trajectories.id, trajectoryId))
    const refused = await decide(to, transferId, [['intent', 'accept']])
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: Record<string, string[]> }).error['']).toEqual(['Het traject loopt niet meer bij de andere organisatie: je kunt het niet overnemen.'])
    expect(await db().select().from(clients).where(eq(clients.organisationId, to.organisation.id))).toEqual([])
    expect(await transferOf(trajectoryId)).toMatchObject({ status: 'pending', newTrajectoryId: null })
    // The sender can still withdraw it, and the receiver stops reading.
    expect((await move(owner, clientId, [['intent', 'withdraw']])).status).toBe(302)
    expect(await transferOf(trajectoryId)).toMatchObject({ status: 'withdrawn' })
    expect((await sharedPage(to, trajectoryId)).status).toBe(404)
    expect((await move(owner, clientId, [['intent', 'withdraw']])).status).toBe(400)
  })

  it('is not found for another organisation: the sender’s page, the transfer, the decision', async () => {
    const owner = await caseworker('ocmw')
    const to = await receiver()
    const third = await receiver()
    const { clientId, trajectoryId, transferId } = await proposed(owner, to)

    expect((await movePage(to, clientId)).status).toBe(404)
    expect((await request(third, clientId, to.organisation.id)).status).toBe(404)
    expect((await transferPage(third, transferId)).status).toBe(404)
    expect((await transferPage(owner, transferId)).status).toBe(404)
    expect((await transferPage(third, 'not-a-uuid')).status).toBe(404)
    expect((await decide(third, transferId, [['intent', 'accept']])).status).toBe(404)
    expect((await sharedPage(third, trajectoryId)).status).toBe(404)
    const list = (await (await callRoute(transfersLoader, third, '/begeleider/overdrachten', {})).json()) as { transfers: unknown[] }
    expect(list.transfers).toEqual([])
    expect(await transferOf(trajectoryId)).toMatchObject({ status: 'pending' })
  })

  it('loses the note and the decline reason when the client is anonymised', async () => {
    const owner = await caseworker('ocmw')
    const to = await receiver()
    const { clientId, trajectoryId, transferId } = await proposed(owner, to)
    expect((await decide(to, transferId, [['intent', 'decline'], ['reason', 'Geen plaats.']])).status).toBe(302)
    await db().update(trajectories).set({ status: 'stopped', stopReason: 'moved', endedOn: '2026-11-30' }).where(eq(trajectories.id, trajectoryId))
    await db().update(clients).set({ closedAt: sql`now() - interval '25 months'` }).where(eq(clients.id, clientId))
    expect(await db().transaction((tx) => anonymiseClosedClients(tx, 24))).toBeGreaterThanOrEqual(1)
    expect(await transferOf(trajectoryId)).toMatchObject({ status: 'declined', note: '', declineReason: null, newMunicipalityNis: ANTWERP })
  })
})
