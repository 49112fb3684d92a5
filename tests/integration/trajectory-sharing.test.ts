import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { logger } from '#core/logger'
import { loader as apiLoader } from '#app/routes/api+/v1.trajectories.$id'
import { action as shareAction, loader as shareLoader } from '#app/routes/begeleider+/clienten.$clientId.traject.delen'
import { action as noteAction, loader as notesLoader } from '#app/routes/begeleider+/clienten.$clientId.traject.notities'
import { loader as ownerExportLoader } from '#app/routes/begeleider+/clienten.$clientId.traject[.json]'
import { loader as sharedPageLoader } from '#app/routes/begeleider+/gedeelde-trajecten.$trajectoryId._index'
import { loader as sharedExportLoader } from '#app/routes/begeleider+/gedeelde-trajecten.$trajectoryId.traject[.json]'
import { loader as sharedListLoader } from '#app/routes/begeleider+/gedeelde-trajecten._index'
import { db } from '#db/client'
import { insertHandOverShare } from '#db/queries/trajectory-shares'
import { auditLog, trajectoryNotes, trajectoryShares } from '#db/schema'
import type { SessionUser } from '#domain/session-user'
import { createUser } from '#db/seed/factories'
import { caseworker, sessionUser } from '#tests/support/caseworker-fixtures'
import { apiToken, callApi, callRoute, startedTrajectory, vdabCaseworker } from '#tests/support/trajectory-sharing'

const sharedPage = (user: SessionUser, trajectoryId: string) => callRoute(sharedPageLoader, user, `/begeleider/gedeelde-trajecten/${trajectoryId}`, { trajectoryId })
const sharedExport = (user: SessionUser, trajectoryId: string) => callRoute(sharedExportLoader, user, `/begeleider/gedeelde-trajecten/${trajectoryId}/traject.json`, { trajectoryId })
const sharedList = async (user: SessionUser) => ((await (await callRoute(sharedListLoader, user, '/begeleider/gedeelde-trajecten', {})).json()) as { trajectories: { id: string }[] }).trajectories
const share = (user: SessionUser, clientId: string, fields: [string, string][]) => callRoute(shareAction, user, `/begeleider/clienten/${clientId}/traject/delen`, { clientId }, fields)
const consent = (user: SessionUser, clientId: string, organisationId: string) => share(user, clientId, [['intent', 'consent'], ['organisationId', organisationId], ['consentOn', '2026-11-20']])
const note = (user: SessionUser, clientId: string, body: string, confidential: 'yes' | 'no') =>
  callRoute(noteAction, user, `/begeleider/clienten/${clientId}/traject/notities`, { clientId }, [['body', body], ['confidential', confidential]])

// The API logs each request; the lines are not what this file tests.
beforeAll(() => void vi.spyOn(logger(), 'info').mockImplementation(() => undefined))

/** What a VDAB reader gets on each of the three ways in: the statuses of the page, the download and the API. */
async function readerStatuses(reader: SessionUser, token: string, trajectoryId: string) {
  return [(await sharedPage(reader, trajectoryId)).status, (await sharedExport(reader, trajectoryId)).status, (await callApi(apiLoader, token, trajectoryId)).status]
}

describe('sharing a trajectory with a VDAB team', () => {
  it('is readable by the team only with recorded consent, and no longer once revoked', async () => {
    const owner = await caseworker('ocmw')
    const vdab = await vdabCaseworker()
    const token = await apiToken(vdab)
    const { clientId, trajectoryId } = await startedTrajectory(owner)

    expect(await readerStatuses(vdab, token, trajectoryId)).toEqual([404, 404, 404])
    expect(await sharedList(vdab)).toEqual([])

    const shared = await consent(owner, clientId, vdab.organisation.id)
    expect(shared.status).toBe(302)
    const [row] = await db().select().from(trajectoryShares).where(eq(trajectoryShares.trajectoryId, trajectoryId))
    expect(row).toMatchObject({ organisationId: vdab.organisation.id, basis: 'consent', consentOn: '2026-11-20', recordedByUserId: owner.id, revokedAt: null })

    expect(await readerStatuses(vdab, token, trajectoryId)).toEqual([200, 200, 200])
    expect((await sharedList(vdab)).map((t) => t.id)).toEqual([trajectoryId])
    const download = await sharedExport(vdab, trajectoryId)
    expect(download.headers.get('Content-Disposition')).toBe(`attachment; filename="traject-${trajectoryId}.json"`)
    expect(((await download.json()) as { id: string }).id).toBe(trajectoryId)
    const reads = await db().select().from(auditLog).where(and(eq(auditLog.action, 'trajectory.export'), eq(auditLog.subjectId, trajectoryId), eq(auditLog.actorUserId, vdab.id)))
    expect(reads.map((r) => r.details).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      ['api', 'download', 'download', 'page'].map((channel) => ({ channel, access: 'shared', clientId })),
    )

    const revoked = await share(owner, clientId, [['intent', 'revoke'], ['shareId', row!.id]])
    expect(revoked.status).toBe(302)
    expect(await readerStatuses(vdab, token, trajectoryId)).toEqual([404, 404, 404])
    expect(await sharedList(vdab)).toEqual([])
    const changes = await db().select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(and(eq(auditLog.subjectId, trajectoryId), eq(auditLog.actorUserId, owner.id)))
    expect(changes.filter((c) => c.action.startsWith('trajectory.share'))).toEqual([
      { action: 'trajectory.share', details: { shareId: row!.id, organisationId: vdab.organisation.id, basis: 'consent' } },
      { action: 'trajectory.share-revoke', details: { shareId: row!.id, organisationId: vdab.organisation.id } },
    ])
  })

  it('only with an active VDAB team serving the client’s municipality, and only by the owning organisation', async () => {
    const owner = await caseworker('ocmw')
    const { clientId, trajectoryId } = await startedTrajectory(owner)
    const elsewhere = await vdabCaseworker(['11002'])
    const refused = await consent(owner, clientId, elsewhere.organisation.id)
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: Record<string, string[]> }).error.organisationId).toEqual(['Kies een VDAB-team dat de gemeente van de cliënt bedient.'])

    const team = await vdabCaseworker()
    const page = (await (await callRoute(shareLoader, owner, `/begeleider/clienten/${clientId}/traject/delen`, { clientId })).json()) as { teams: { id: string }[] }
    expect(page.teams.map((t) => t.id)).toContain(team.organisation.id)
    expect(page.teams.map((t) => t.id)).not.toContain(elsewhere.organisation.id)

    const otherOcmw = await caseworker('ocmw')
    expect((await consent(otherOcmw, clientId, team.organisation.id)).status).toBe(404)
    expect((await callRoute(shareLoader, otherOcmw, `/begeleider/clienten/${clientId}/traject/delen`, { clientId })).status).toBe(404)
    expect((await callRoute(ownerExportLoader, otherOcmw, `/begeleider/clienten/${clientId}/traject.json`, { clientId })).status).toBe(404)
    expect((await sharedPage(otherOcmw, trajectoryId)).status).toBe(404)
    expect(await db().select().from(trajectoryShares).where(eq(trajectoryShares.trajectoryId, trajectoryId))).toEqual([])

    expect((await consent(owner, clientId, team.organisation.id)).status).toBe(302)
    expect((await consent(owner, clientId, team.organisation.id)).status).toBe(409)
  })

  it('opens the trajectory to the team that took the client over by warm hand-over', async () => {
    const owner = await caseworker('ocmw')
    const vdab = await vdabCaseworker()
    const { trajectoryId } = await startedTrajectory(owner)
    const first = await db().transaction((tx) => insertHandOverShare(tx, { actorUserId: owner.id, trajectoryId, organisationId: vdab.organisation.id }))
    const again = await db().transaction((tx) => insertHandOverShare(tx, { actorUserId: owner.id, trajectoryId, organisationId: vdab.organisation.id }))
    expect(again).toBe(first)
    expect(await db().select({ basis: trajectoryShares.basis, consentOn: trajectoryShares.consentOn }).from(trajectoryShares).where(eq(trajectoryShares.trajectoryId, trajectoryId))).toEqual([
      { basis: 'hand_over', consentOn: null },
    ])
    expect((await sharedPage(vdab, trajectoryId)).status).toBe(200)
  })
})

describe('notes and the confidential zone', () => {
  it('shows a confidential note to the owning organisation only, never to the VDAB reader', async () => {
    const owner = await caseworker('ocmw')
    const colleague = await sessionUser((await createUser(db(), { organisationId: owner.organisation.id, role: 'caseworker' })).id)
    const vdab = await vdabCaseworker()
    const token = await apiToken(vdab)
    const { clientId, trajectoryId } = await startedTrajectory(owner)
    const secret = 'Schuldbemiddeling loopt, zie dossier sociale dienst'
    const open = 'Komt altijd op tijd en werkt graag in team'
    expect((await note(owner, clientId, secret, 'yes')).status).toBe(302)
    expect((await note(owner, clientId, open, 'no')).status).toBe(302)
    expect(await db().select({ confidential: trajectoryNotes.confidential }).from(trajectoryNotes).where(eq(trajectoryNotes.trajectoryId, trajectoryId))).toHaveLength(2)

    const ownerPage = await (await callRoute(notesLoader, owner, `/begeleider/clienten/${clientId}/traject/notities`, { clientId })).text()
    expect(ownerPage).toContain(secret)
    expect(ownerPage).toContain(open)
    expect(await (await callRoute(notesLoader, colleague, `/begeleider/clienten/${clientId}/traject/notities`, { clientId })).text()).toContain(secret)

    await consent(owner, clientId, vdab.organisation.id)
    const readerViews = [await (await sharedPage(vdab, trajectoryId)).text(), await (await sharedExport(vdab, trajectoryId)).text(), await (await callApi(apiLoader, token, trajectoryId)).text()]
    for (const view of readerViews) {
      expect(view).toContain(open)
      expect(view).not.toContain(secret)
    }
    expect((await callRoute(notesLoader, vdab, `/begeleider/clienten/${clientId}/traject/notities`, { clientId })).status).toBe(404)
    expect((await note(vdab, clientId, 'van VDAB', 'no')).status).toBe(404)
  })

  it('asks whether a note is confidential instead of assuming it', async () => {
    const owner = await caseworker('ocmw')
    const { clientId, trajectoryId } = await startedTrajectory(owner)
    const response = await callRoute(noteAction, owner, `/begeleider/clienten/${clientId}/traject/notities`, { clientId }, [['body', 'Iets']])
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: Record<string, string[]> }).error.confidential).toEqual(['Kies of de notitie vertrouwelijk is.'])
    expect(await db().select().from(trajectoryNotes).where(eq(trajectoryNotes.trajectoryId, trajectoryId))).toEqual([])
  })
})
