import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '#app/auth/session.server'
import { declineReasonLabels, MAX_OPEN_PROPOSALS, type ShareField } from '#domain/proposal-form'
import * as clientProposalsRoute from '#app/routes/begeleider+/clienten.$clientId.voorstellen._index'
import { action as withdrawAction } from '#app/routes/begeleider+/clienten.$clientId.voorstellen._index'
import { action as proposeAction } from '#app/routes/begeleider+/clienten.$clientId.voorstellen.nieuw'
import * as employerProposalRoute from '#app/routes/werkgever+/voorstellen.$id'
import { action as decideAction, loader as proposalLoader } from '#app/routes/werkgever+/voorstellen.$id'
import { loader as proposalsLoader } from '#app/routes/werkgever+/voorstellen._index'
import { db } from '#db/client'
import { getOwnPlacement, placementHistory } from '#db/queries/placements'
import { getEmployerProposal, listClientProposals, listEmployerProposals, listPlacementProposals, withdrawProposal } from '#db/queries/proposals'
import { decideProposal, proposeClient } from '#app/features/proposals/proposals.server'
import { type SessionUser } from '#domain/session-user'
import { auditLog, clients, emailMessages, proposals } from '#db/schema'
import { createClient, createEmployer, createUser } from '#db/seed/factories'
import { BASE_URL, bakerUri, caseworker, publishBakeryPlacement, sessionUser, withJobQueue } from '#tests/support/caseworker-fixtures'
import { errorSummaryIn, renderAfterPost, summaryLinks } from '#tests/support/render-page'

let baker: string

withJobQueue()
beforeAll(async () => {
  baker = await bakerUri()
})

/** A verified employer with one user; `colleague()` adds another user of the same organisation. */
async function employer() {
  const { organisation, sites } = await createEmployer(db())
  const user = await sessionUser((await createUser(db(), { organisationId: organisation.id, role: 'employer' })).id)
  const colleague = async () => sessionUser((await createUser(db(), { organisationId: organisation.id, role: 'employer' })).id)
  const placement = (places = 2, status: 'published' | 'draft' = 'published') =>
    publishBakeryPlacement({ organisationId: organisation.id, userId: user.id, siteId: sites[0]!.id }, baker, { places, status, title: `Hulp in de bakkerij ${Math.random().toString(36).slice(2, 7)}` })
  return { organisation, user, colleague, placement }
}

/** Everything a client record holds that an employer must never see. */
const secret = { displayName: 'A.B. (dossier 4711)', contact: 'amina.private@example.test', notes: 'Vertrouwelijke notitie', postcode: '9050' }

const client = (owner: SessionUser) =>
  createClient(db(), {
    organisationId: owner.organisation.id, caseworkerUserId: owner.id, firstName: 'Amina', jobTargets: [baker],
    competences: ['Op tijd komen', 'Deeg kneden'], dutchLevel: 'A2', hoursAvailable: 19.5, ...secret,
  })

const propose = (user: SessionUser, clientId: string, placementId: string, options: { share?: ShareField[]; consent?: boolean; message?: string } = {}) =>
  db().transaction((tx) => proposeClient(tx, user, { clientId, placementId, consent: options.consent ?? true, share: options.share ?? ['firstName', 'dutchLevel'], message: options.message }, BASE_URL))

const decide = (user: SessionUser, id: string, decision: Parameters<typeof decideProposal>[3]) => db().transaction((tx) => decideProposal(tx, user, id, decision, BASE_URL))

const proposedId = (outcome: Awaited<ReturnType<typeof propose>>) => {
  if (outcome.kind !== 'proposed') throw new Error(`expected a proposal, got ${outcome.kind}`)
  return outcome.id
}

const mailsTo = (addresses: string[]) => db().select().from(emailMessages).where(inArray(emailMessages.to, addresses))
const row = async (id: string) => (await db().select().from(proposals).where(eq(proposals.id, id)))[0]!

describe('a caseworker proposes a client', () => {
  it('stores only what was ticked, audits it and mails the employer without personal data', async () => {
    const cw = await caseworker()
    const emp = await employer()
    const person = await client(cw)
    const placementId = await emp.placement()
    const id = proposedId(await propose(cw, person.id, placementId, { share: ['firstName', 'dutchLevel'], message: 'Kan maandag kennismaken.' }))
    expect(await row(id)).toMatchObject({
      status: 'open', clientConsented: true, organisationId: cw.organisation.id, proposedByUserId: cw.id,
      sharedFirstName: 'Amina', sharedDutchLevel: 'A2', sharedCompetences: [], sharedAvailability: null, message: 'Kan maandag kennismaken.',
    })
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'proposal.create')))
    expect(entry).toMatchObject({ actorUserId: cw.id, organisationId: cw.organisation.id, details: { clientId: person.id, placementId, shared: ['firstName', 'dutchLevel'] } })

    const contact = `contact-${emp.organisation.slug}@example.test`
    const mails = await mailsTo([contact, emp.user.email])
    expect(mails.map((m) => m.to).sort()).toEqual([contact, emp.user.email].sort())
    for (const mail of mails) {
      expect(mail.template).toBe('proposal-received')
      expect(mail.text).toContain(`${BASE_URL}/werkgever/voorstellen/${id}`)
      expect(mail.text).toContain('OCMW Proefstad')
      for (const value of ['Amina', ...Object.values(secret), person.id]) expect(`${mail.html}${mail.text}`).not.toContain(value)
    }
  })

  it('shares competences and availability as they were at the time of the proposal', async () => {
    const cw = await caseworker()
    const person = await client(cw)
    const id = proposedId(await propose(cw, person.id, await (await employer()).placement(), { share: ['competences', 'availability'] }))
    await db().update(clients).set({ competences: ['Iets anders'] }).where(eq(clients.id, person.id))
    expect(await row(id)).toMatchObject({ sharedFirstName: null, sharedDutchLevel: null, sharedCompetences: ['Op tijd komen', 'Deeg kneden'], sharedAvailability: 'Tot 19,5 uur per week' })
  })

  it('requires the client’s consent', async () => {
    const cw = await caseworker()
    const person = await client(cw)
    expect(await propose(cw, person.id, await (await employer()).placement(), { consent: false })).toEqual({ kind: 'no-consent' })
    expect(await listClientProposals(db(), cw, person.id)).toEqual([])
  })

  it(`allows at most ${MAX_OPEN_PROPOSALS} open proposals per client; a withdrawn one frees a place`, async () => {
    const cw = await caseworker()
    const emp = await employer()
    const person = await client(cw)
    const ids = []
    for (let i = 0; i < MAX_OPEN_PROPOSALS; i++) ids.push(proposedId(await propose(cw, person.id, await emp.placement())))
    const fourth = await emp.placement()
    expect(await propose(cw, person.id, fourth)).toEqual({ kind: 'too-many' })
    expect(await withdrawProposal(db(), cw, ids[0]!)).toEqual({ kind: 'withdrawn' })
    expect(await row(ids[0]!)).toMatchObject({ status: 'withdrawn', decidedByUserId: cw.id })
    const [withdrawal] = await db().select().from(auditLog).where(and(eq(auditLog.subjectId, ids[0]!), eq(auditLog.action, 'proposal.withdraw')))
    expect(withdrawal?.actorUserId).toBe(cw.id)
    expect((await propose(cw, person.id, fourth)).kind).toBe('proposed')
  })

  it('refuses a second open proposal for the same placement, also when both arrive at once', async () => {
    const cw = await caseworker()
    const emp = await employer()
    const person = await client(cw)
    const placementId = await emp.placement()
    const outcomes = await Promise.all([propose(cw, person.id, placementId), propose(cw, person.id, placementId)])
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['duplicate', 'proposed'])
    expect(await propose(cw, person.id, placementId)).toEqual({ kind: 'duplicate' })
    expect(await listClientProposals(db(), cw, person.id)).toHaveLength(1)
  })

  it('refuses a placement that is not published or has no place left', async () => {
    const cw = await caseworker()
    const emp = await employer()
    const person = await client(cw)
    expect(await propose(cw, person.id, await emp.placement(2, 'draft'))).toEqual({ kind: 'placement-unavailable' })
    expect(await propose(cw, person.id, '00000000-0000-4000-8000-000000000000')).toEqual({ kind: 'placement-unavailable' })
    const full = await emp.placement(1)
    proposedId(await propose(cw, person.id, full))
    const other = await client(cw)
    const [open] = await listPlacementProposals(db(), emp.user, full)
    expect((await decide(emp.user, open!.id, { decision: 'accept' })).kind).toBe('accepted')
    expect(await propose(cw, other.id, full)).toEqual({ kind: 'placement-unavailable' })
  })

  it('keeps clients and proposals inside the caseworker’s organisation', async () => {
    const cw = await caseworker()
    const outsider = await caseworker()
    const person = await client(cw)
    const id = proposedId(await propose(cw, person.id, await (await employer()).placement()))
    expect(await propose(outsider, person.id, await (await employer()).placement())).toEqual({ kind: 'client-not-found' })
    expect(await listClientProposals(db(), outsider, person.id)).toEqual([])
    expect(await withdrawProposal(db(), outsider, id)).toEqual({ kind: 'not-found' })
    expect((await row(id)).status).toBe('open')
  })
})

describe('the employer', () => {
  it('sees the shared snapshot and the proposer, never the client record', async () => {
    const cw = await caseworker()
    const emp = await employer()
    const person = await client(cw)
    const placementId = await emp.placement()
    const id = proposedId(await propose(cw, person.id, placementId, { share: ['dutchLevel'] }))
    const [seen] = await listEmployerProposals(db(), emp.user)
    expect(seen).toMatchObject({ id, status: 'open', sharedFirstName: null, sharedDutchLevel: 'A2', placement: { id: placementId }, proposer: { organisation: 'OCMW Proefstad', email: cw.email } })
    const clientColumns = Object.keys(getTableColumns(clients)).filter((key) => !['id', 'organisationId', 'createdAt', 'updatedAt'].includes(key))
    for (const view of [seen!, (await getEmployerProposal(db(), emp.user, id))!, (await listPlacementProposals(db(), emp.user, placementId))[0]!]) {
      expect(Object.keys(view).filter((key) => clientColumns.includes(key) || key === 'clientId')).toEqual([])
      const text = JSON.stringify(view)
      for (const value of ['Amina', 'Deeg kneden', ...Object.values(secret), person.id]) expect(text).not.toContain(value)
    }
  })

  it('of another organisation can neither see nor decide', async () => {
    const cw = await caseworker()
    const owner = await employer()
    const other = await employer()
    const id = proposedId(await propose(cw, (await client(cw)).id, await owner.placement()))
    expect(await listEmployerProposals(db(), other.user)).toEqual([])
    expect(await getEmployerProposal(db(), other.user, id)).toBeUndefined()
    expect(await decide(other.user, id, { decision: 'accept' })).toEqual({ kind: 'not-found' })
    expect(await decide(other.user, id, { decision: 'decline', reason: 'other', note: 'x' })).toEqual({ kind: 'not-found' })
    expect((await row(id)).status).toBe('open')
  })

  it('accepting fills a place with history, and the last place marks the placement filled', async () => {
    const cw = await caseworker()
    const emp = await employer()
    const placementId = await emp.placement(2)
    const first = proposedId(await propose(cw, (await client(cw)).id, placementId))
    const second = proposedId(await propose(cw, (await client(cw)).id, placementId))

    expect(await decide(emp.user, first, { decision: 'accept' })).toEqual({ kind: 'accepted', placesLeft: 1 })
    expect(await getOwnPlacement(db(), emp.organisation.id, placementId)).toMatchObject({ places: 1, status: 'published' })
    expect(await decide(emp.user, second, { decision: 'accept' })).toEqual({ kind: 'accepted', placesLeft: 0 })
    expect(await getOwnPlacement(db(), emp.organisation.id, placementId)).toMatchObject({ places: 0, status: 'filled' })

    const history = await placementHistory(db(), emp.organisation.id, placementId)
    expect(history.slice(2).map((h) => [h.from, h.to, h.note, h.actor])).toEqual([
      ['published', 'published', 'Eén plaats ingevuld via een aanvaard voorstel. Nog 1 plaats vrij.', emp.user.name],
      ['published', 'filled', 'Eén plaats ingevuld via een aanvaard voorstel. Alle plaatsen zijn ingevuld.', emp.user.name],
    ])
    expect(await row(first)).toMatchObject({ status: 'accepted', decidedByUserId: emp.user.id, declineReason: null })
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.subjectId, second), eq(auditLog.action, 'proposal.accept')))
    expect(audits.map((a) => a.details)).toEqual([{ placementId, placesLeft: 0 }])
    const indexJobs = await db().execute<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = 'search-index' and data->'placementIds' ? ${placementId}`)
    expect(indexJobs[0]!.n).toBeGreaterThanOrEqual(2)

    const mails = await mailsTo([cw.email])
    expect(mails.filter((m) => m.template === 'proposal-decided')).toHaveLength(2)
    expect(mails.find((m) => m.template === 'proposal-decided')?.subject).toMatch(/aanvaardt je voorstel voor "Hulp in de bakkerij/)
    expect(mails[0]!.text).toContain(`${BASE_URL}/begeleider/clienten/`)
  })

  it('declines with a reason and a note, which reach the caseworker; the places stay', async () => {
    const cw = await caseworker()
    const emp = await employer()
    const placementId = await emp.placement(2)
    const id = proposedId(await propose(cw, (await client(cw)).id, placementId))
    expect(await decide(emp.user, id, { decision: 'decline', reason: 'dutch_level', note: 'Veel klantencontact aan de toonbank.' })).toEqual({ kind: 'declined', placesLeft: null })
    expect(await row(id)).toMatchObject({ status: 'declined', declineReason: 'dutch_level', declineNote: 'Veel klantencontact aan de toonbank.', decidedByUserId: emp.user.id })
    expect((await getOwnPlacement(db(), emp.organisation.id, placementId))?.places).toBe(2)
    const audits = await db().select().from(auditLog).where(eq(auditLog.subjectId, id))
    expect(audits.map((a) => [a.action, a.details])).toContainEqual(['proposal.decline', { placementId, reason: 'dutch_level' }])
    const [mail] = (await mailsTo([cw.email])).filter((m) => m.template === 'proposal-decided')
    expect(mail?.text).toContain(declineReasonLabels.dutch_level)
    expect(mail?.text).toContain('Veel klantencontact aan de toonbank.')
    // Decided is decided: no second decision, no withdrawal.
    expect(await decide(emp.user, id, { decision: 'accept' })).toEqual({ kind: 'not-open', status: 'declined' })
    expect(await withdrawProposal(db(), cw, id)).toEqual({ kind: 'not-open', status: 'declined' })
  })

  it('gives the last place to exactly one of two users accepting at once', async () => {
    const cw = await caseworker()
    const emp = await employer()
    const colleague = await emp.colleague()
    const placementId = await emp.placement(1)
    const a = proposedId(await propose(cw, (await client(cw)).id, placementId))
    const b = proposedId(await propose(cw, (await client(cw)).id, placementId))
    const outcomes = await Promise.all([decide(emp.user, a, { decision: 'accept' }), decide(colleague, b, { decision: 'accept' })])
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['accepted', 'no-place'])
    expect(await getOwnPlacement(db(), emp.organisation.id, placementId)).toMatchObject({ places: 0, status: 'filled' })
    expect([(await row(a)).status, (await row(b)).status].sort()).toEqual(['accepted', 'open'])
  })
})

describe('the routes', () => {
  const cookieFor = async (user: SessionUser) => (await signIn(new Request(`${BASE_URL}/inloggen`), user.id, 'password', '/')).headers.get('Set-Cookie')!.split(';')[0]!

  async function post(run: (args: ActionFunctionArgs) => Promise<unknown>, user: SessionUser, path: string, params: Record<string, string>, fields: [string, string][]) {
    const body = new FormData()
    for (const [name, value] of fields) body.append(name, value)
    const request = new Request(`${BASE_URL}${path}`, { method: 'POST', headers: { Cookie: await cookieFor(user) }, body })
    try {
      return (await run({ request, params, context: { requestId: 'test', clientIp: '127.0.0.1' } })) as Response
    } catch (thrown) {
      if (thrown instanceof Response) return thrown
      throw thrown
    }
  }

  it('answer a missing consent with a field error, a double submission with the proposal, a bad id with 404', async () => {
    const cw = await caseworker()
    const person = await client(cw)
    const placementId = await (await employer()).placement()
    const path = `/begeleider/clienten/${person.id}/voorstellen/nieuw?plaats=${placementId}`
    const fields: [string, string][] = [['placementId', placementId], ['share', 'firstName']]
    const refused = await post(proposeAction, cw, path, { clientId: person.id }, fields)
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: Record<string, string[]> }).error.consent?.[0]).toMatch(/^Vink aan dat de cliënt akkoord gaat/)

    for (let i = 0; i < 2; i++) {
      const response = await post(proposeAction, cw, path, { clientId: person.id }, [...fields, ['consent', 'on']])
      expect(response.status).toBe(302)
      expect(response.headers.get('Location')).toBe(`/begeleider/clienten/${person.id}/voorstellen`)
    }
    expect(await listClientProposals(db(), cw, person.id)).toHaveLength(1)
    expect((await post(proposeAction, cw, path, { clientId: 'niet-een-id' }, fields)).status).toBe(404)
    expect((await post(proposeAction, await caseworker(), path, { clientId: person.id }, fields)).status).toBe(404)
  })

  it('answer a withdrawal with the list, a second one with 409 and a tampered id with 400', async () => {
    const cw = await caseworker()
    const person = await client(cw)
    const id = proposedId(await propose(cw, person.id, await (await employer()).placement()))
    const path = `/begeleider/clienten/${person.id}/voorstellen`
    const withdraw = (proposalId: string) => post(withdrawAction, cw, path, { clientId: person.id }, [['intent', 'withdraw'], ['proposalId', proposalId]])
    const done = await withdraw(id)
    expect(done.status).toBe(302)
    expect(done.headers.get('Location')).toBe(path)
    const again = await withdraw(id)
    expect(again.status).toBe(409)
    expect(await again.json()).toEqual({ error: 'Dit voorstel is al ingetrokken.' })
    expect((await withdraw('../../etc')).status).toBe(400)
  })

  it('answer a stale decision with 409, a decline without reason with a field error, another employer with 404', async () => {
    const cw = await caseworker()
    const emp = await employer()
    const id = proposedId(await propose(cw, (await client(cw)).id, await emp.placement()))
    const path = `/werkgever/voorstellen/${id}`
    const noReason = await post(decideAction, emp.user, path, { id }, [['intent', 'decline']])
    expect(noReason.status).toBe(400)
    expect(((await noReason.json()) as { result: { error: Record<string, string[]> } }).result.error.reason).toEqual(['Kies waarom u het voorstel afwijst.'])
    const noNote = await post(decideAction, emp.user, path, { id }, [['intent', 'decline'], ['reason', 'other']])
    expect(((await noNote.json()) as { result: { error: Record<string, string[]> } }).result.error.note?.[0]).toMatch(/^Schrijf kort waarom/)

    expect((await post(decideAction, (await employer()).user, path, { id }, [['intent', 'accept']])).status).toBe(404)
    expect((await post(decideAction, emp.user, '/werkgever/voorstellen/x', { id: 'x' }, [['intent', 'accept']])).status).toBe(404)
    const accepted = await post(decideAction, emp.user, path, { id }, [['intent', 'accept']])
    expect(accepted.status).toBe(302)
    const stale = await post(decideAction, emp.user, path, { id }, [['intent', 'decline'], ['reason', 'no_capacity']])
    expect(stale.status).toBe(409)
    expect(await stale.json()).toEqual({ error: 'Over dit voorstel is intussen beslist: het is aanvaard.' })
  })

  it('show a mistake or a stale page with the error summary, focused, a missing reason linked to its field (issue 16, point 7)', async () => {
    const cw = await caseworker()
    const emp = await employer()
    const person = await client(cw)
    const id = proposedId(await propose(cw, person.id, await emp.placement()))
    const request = async (user: SessionUser, path: string, fields: [string, string][]) =>
      new Request(`${BASE_URL}${path}`, { method: 'POST', headers: { Cookie: await cookieFor(user) }, body: new URLSearchParams(fields) })
    const decision = async (fields: [string, string][]) =>
      renderAfterPost(employerProposalRoute, '/werkgever/voorstellen/:id', await request(emp.user, `/werkgever/voorstellen/${id}`, fields))

    const noReason = await decision([['intent', 'decline']])
    expect(noReason.status).toBe(400)
    expect(summaryLinks(errorSummaryIn(noReason.html)!)).toEqual([{ target: 'decline-reason', text: 'Kies waarom u het voorstel afwijst.' }])
    expect(noReason.html).toMatch(/<fieldset id="decline-reason"/)

    // The caseworker withdrew it meanwhile: the employer's page says so above its heading, and the buttons are gone.
    expect(await db().transaction((tx) => withdrawProposal(tx, cw, id))).toEqual({ kind: 'withdrawn' })
    const stale = await decision([['intent', 'accept']])
    expect(stale.status).toBe(409)
    const summary = errorSummaryIn(stale.html)!
    expect(summary).toMatch(/^<section tabindex="-1" autofocus=""[^>]*><h2 [^>]*>Er is een probleem<\/h2><p role="alert"[^>]*>Over dit voorstel is intussen beslist: het is ingetrokken.<\/p><\/section>$/)
    expect(stale.html.indexOf(summary)).toBeLessThan(stale.html.indexOf('<h1'))
    expect(stale.html.match(/autofocus/g)).toHaveLength(1)
    expect(stale.html).not.toContain('Voorstel aanvaarden')

    const again = await renderAfterPost(
      clientProposalsRoute,
      '/begeleider/clienten/:clientId/voorstellen',
      await request(cw, `/begeleider/clienten/${person.id}/voorstellen`, [['intent', 'withdraw'], ['proposalId', id]]),
    )
    expect(again.status).toBe(409)
    expect(errorSummaryIn(again.html)).toMatch(/^<section tabindex="-1" autofocus=""[^>]*>.*<p role="alert"[^>]*>Dit voorstel is al ingetrokken.<\/p><\/section>$/)
    expect(again.html.indexOf(errorSummaryIn(again.html)!)).toBeLessThan(again.html.indexOf('<h1'))
  })

  it('audit every employer read of proposal snapshots with ids only, and no read of a proposal not theirs (issue 11, finding 10)', async () => {
    const cw = await caseworker()
    const emp = await employer()
    const placementId = await emp.placement()
    const person = await client(cw)
    const id = proposedId(await propose(cw, person.id, placementId, { share: ['firstName', 'competences'], message: 'Amina kan meteen starten' }))
    const reads = (user: SessionUser) =>
      db().select().from(auditLog).where(and(eq(auditLog.action, 'proposal.read'), eq(auditLog.actorUserId, user.id))).orderBy(auditLog.at, auditLog.id)
    const get = async (run: (args: LoaderFunctionArgs) => Promise<unknown>, user: SessionUser, path: string, params: Record<string, string>) => {
      const request = new Request(`${BASE_URL}${path}`, { headers: { Cookie: await cookieFor(user) } })
      try {
        return (await run({ request, params, context: { requestId: 'test', clientIp: '127.0.0.1' } })) as Response
      } catch (thrown) {
        if (thrown instanceof Response) return thrown
        throw thrown
      }
    }
    expect((await get(proposalsLoader, emp.user, '/werkgever/voorstellen', {})).status).toBe(200)
    expect((await get(proposalsLoader, emp.user, `/werkgever/voorstellen?plaats=${placementId}`, {})).status).toBe(200)
    expect((await get(proposalLoader, emp.user, `/werkgever/voorstellen/${id}`, { id })).status).toBe(200)
    expect((await post(decideAction, emp.user, `/werkgever/voorstellen/${id}`, { id }, [['intent', 'accept']])).status).toBe(302)
    const entries = await reads(emp.user)
    expect(entries.map((e) => [e.subjectId, e.details])).toEqual([
      [null, { purpose: 'view', count: 1, proposalIds: [id] }],
      [null, { purpose: 'view', placementId, count: 1, proposalIds: [id] }],
      [id, { purpose: 'view', count: 1, proposalIds: [id] }],
      [id, { purpose: 'decide', count: 1, proposalIds: [id] }],
    ])
    expect(entries.every((e) => e.subjectType === 'proposal' && e.organisationId === emp.organisation.id)).toBe(true)
    const logged = JSON.stringify(entries)
    for (const value of ['Amina', 'Deeg kneden', 'Op tijd komen', 'meteen starten', ...Object.values(secret), person.id]) expect(logged).not.toContain(value)

    const other = await employer()
    expect((await get(proposalLoader, other.user, `/werkgever/voorstellen/${id}`, { id })).status).toBe(404)
    expect(await reads(other.user)).toEqual([])
  })
})
