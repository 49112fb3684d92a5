import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { digest, newSecret } from '#core/crypto.server'
import { resetLinkIsUsable } from '#app/auth/password.server'
import { getUser } from '#app/auth/session.server'
import { todayIso } from '#domain/compensation-rules'
import { action as setPassword, loader as setPasswordPage } from '#app/routes/_auth+/wachtwoord-nieuw'
import { action as login } from '#app/routes/_auth+/inloggen'
import { action as adminInvite } from '#app/routes/admin+/gebruikers.nieuw'
import { loader as adminList } from '#app/routes/admin+/gebruikers._index'
import { action as adminMemberAction, loader as adminMember } from '#app/routes/admin+/gebruikers.$id'
import { action as staffInvite } from '#app/routes/organisatie+/medewerkers.nieuw'
import { action as staffMemberAction } from '#app/routes/organisatie+/medewerkers.$id'
import { db } from '#db/client'
import { findApiTokenUser, insertApiToken } from '#db/queries/auth'
import { listQueue } from '#db/queries/intake-queue'
import { loadSessionUser } from '#db/queries/users'
import { apiTokens, sessions, users } from '#db/schema'
import { createIntake } from '#db/seed/factories'
import {
  address,
  answer,
  auditOf,
  BASE_URL,
  body,
  context,
  cookieFor,
  fieldErrors,
  invitationToken,
  organisation,
  page,
  PASSWORD,
  person,
  type Person,
} from './staff-support'

/** Changes to people on the people pages: resend, role, deactivate and reactivate, and the whole way in. */
let gentId: string
let antwerpenId: string
let platform: Person, regional: Person, coordinator: Person

beforeAll(async () => {
  const [stapsteen, gent, antwerpen] = await Promise.all([organisation('stapsteen'), organisation('ocmw-44021'), organisation('ocmw-11002')])
  gentId = gent.id
  antwerpenId = antwerpen.id
  platform = await person(stapsteen.id, 'platform_admin')
  regional = await person(stapsteen.id, 'regional_admin', { regions: ['REFREG13'] })
  coordinator = await person(gent.id, 'caseworker', { coordinator: true })
})

/** An action on one person's page, as `who`: the admins' page, or the coordinator's staff page. */
function act(who: Person, id: string, form: Record<string, string | string[]>) {
  const [path, action] = who.role.endsWith('_admin') ? ['/admin/gebruikers', adminMemberAction] : ['/organisatie/medewerkers', staffMemberAction]
  return answer(action({ request: page(who.cookie, `${path}/${id}`, form), params: { id }, context }))
}

async function invited(by: Person, values: Record<string, string>) {
  const email = address('invited')
  const [path, action] = by.role.endsWith('_admin') ? ['/admin/gebruikers/nieuw', adminInvite] : ['/organisatie/medewerkers/nieuw', staffInvite]
  const response = await answer(action({ request: page(by.cookie, path, { email, name: 'Uitgenodigd', organisationId: gentId, ...values }), params: {}, context }))
  expect(response.status, await response.clone().text()).toBe(302)
  const [user] = await db().select().from(users).where(eq(users.email, email))
  return user!
}

describe('resending an invitation', () => {
  it('mails a new link, stops the old one and audits it; not for someone who signed in already', async () => {
    const user = await invited(platform, { role: 'triage_worker' })
    const first = (await invitationToken(user.email)).token
    const response = await act(platform, user.id, { intent: 'resend' })
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`/admin/gebruikers/${user.id}`)
    const { token: second, mails } = await invitationToken(user.email)
    expect(mails).toHaveLength(2)
    expect(second).not.toBe(first)
    expect(await resetLinkIsUsable(first)).toBe(false)
    expect(await resetLinkIsUsable(second)).toBe(true)
    expect((await auditOf(user.id)).map((e) => [e.action, e.organisationId])).toEqual([
      ['user.invite', gentId],
      ['user.invite-resend', gentId],
    ])

    await cookieFor(user.id) // signing in sets lastLoginAt: no longer invited
    const refused = await act(platform, user.id, { intent: 'resend' })
    expect(refused.status).toBe(409)
    expect((await invitationToken(user.email)).mails).toHaveLength(2)
  })
})

describe('changing a role', () => {
  it('changes role and coordinator mark and audits field names and both roles', async () => {
    const user = await invited(platform, { role: 'caseworker' })
    const response = await act(regional, user.id, { intent: 'update', role: 'triage_worker', coordinator: 'on' })
    expect(response.status).toBe(302)
    const [after] = await db().select().from(users).where(eq(users.id, user.id))
    expect(after).toMatchObject({ role: 'triage_worker', coordinator: true })
    const entry = (await auditOf(user.id)).find((e) => e.action === 'user.update')
    expect(entry).toMatchObject({
      actorUserId: regional.id,
      organisationId: gentId,
      details: { fields: ['role', 'coordinator'], role: { from: 'caseworker', to: 'triage_worker' }, coordinator: { from: false, to: true } },
    })
  })

  it('refuses a role beyond the actor or the organisation, bad input, and the own role', async () => {
    const user = await invited(platform, { role: 'caseworker' })
    expect((await fieldErrors(act(regional, user.id, { intent: 'update', role: 'regional_admin', regions: 'REFREG13' }))).role).toHaveLength(1)
    expect((await fieldErrors(act(coordinator, user.id, { intent: 'update', role: 'outreach_worker' }))).role).toEqual([
      'In OCMW Gent kan je kiezen uit: trajectbegeleider / bemiddelaar, triagemedewerker.',
    ])
    expect(await fieldErrors(act(platform, user.id, { intent: 'update', role: 'employer', coordinator: 'on' }))).toMatchObject({ coordinator: expect.any(Array) })
    expect((await answer(act(platform, user.id, { intent: 'promote' }))).status).toBe(400)
    const own = await act(coordinator, coordinator.id, { intent: 'update', role: 'triage_worker', coordinator: 'on' })
    expect(own.status).toBe(403)
    expect((await own.json()).error['']).toEqual([expect.stringMatching(/^Je eigen rol wijzigen of jezelf deactiveren kan niet/)])
    const [unchanged] = await db().select().from(users).where(eq(users.id, coordinator.id))
    expect(unchanged).toMatchObject({ role: 'caseworker', coordinator: true })
    expect((await auditOf(user.id)).map((e) => e.action)).toEqual(['user.invite'])
  })

  it('gives and takes regions with the regional admin role', async () => {
    const admin = await invited(platform, { role: 'regional_admin', regions: 'REFREG13', organisationId: gentId })
    expect((await act(platform, admin.id, { intent: 'update', role: 'regional_admin', regions: ['REFREG13', 'REFREG12'] })).status).toBe(302)
    expect((await loadSessionUser(db(), admin.id))!.regionCodes).toEqual(['REFREG12', 'REFREG13'])
    expect((await act(platform, admin.id, { intent: 'update', role: 'triage_worker' })).status).toBe(302)
    expect((await loadSessionUser(db(), admin.id))!.regionCodes).toEqual([])
    const entry = (await auditOf(admin.id)).at(-1)
    expect(entry!.details).toMatchObject({ fields: ['role', 'regions'], regions: { from: ['REFREG12', 'REFREG13'], to: [] } })
  })
})

describe('deactivating', () => {
  it('ends sessions and API tokens at once, keeps the account and its history, and can be undone', async () => {
    const member = await person(gentId, 'caseworker')
    const token = newSecret()
    await insertApiToken(db(), digest(token), member.id)
    const asMember = () => new Request(`${BASE_URL}/begeleider`, { headers: { Cookie: member.cookie } })
    expect(await getUser(asMember())).toMatchObject({ id: member.id })
    expect(await findApiTokenUser(db(), digest(token))).toMatchObject({ id: member.id })

    // The confirmation step is a page of its own, so it works without JavaScript.
    const confirm = await body(adminMember({ request: page(regional.cookie, `/admin/gebruikers/${member.id}?bevestigen=deactiveren`), params: { id: member.id }, context }))
    expect(confirm.confirmDeactivation).toBe(true)
    const response = await act(coordinator, member.id, { intent: 'deactivate' })
    expect(response.status).toBe(302)

    expect(await getUser(asMember())).toBeUndefined()
    expect(await findApiTokenUser(db(), digest(token))).toBeUndefined()
    expect(await db().select().from(sessions).where(eq(sessions.userId, member.id))).toEqual([])
    const [revoked] = await db().select().from(apiTokens).where(eq(apiTokens.userId, member.id))
    expect(revoked!.revokedAt).toBeInstanceOf(Date)
    const [kept] = await db().select().from(users).where(eq(users.id, member.id))
    expect(kept!.disabledAt).toBeInstanceOf(Date)
    expect((await auditOf(member.id)).find((e) => e.action === 'user.deactivate')).toMatchObject({
      actorUserId: coordinator.id,
      organisationId: gentId,
      details: { sessions: 1, apiTokens: 1 },
    })
    const list = await body(adminList({ request: page(platform.cookie, `/admin/gebruikers?status=gedeactiveerd&organisatie=${gentId}`), params: {}, context }))
    expect(list.rows.map((r: { id: string }) => r.id)).toEqual([member.id])

    expect((await act(coordinator, member.id, { intent: 'reactivate' })).status).toBe(302)
    expect(await loadSessionUser(db(), member.id)).toMatchObject({ id: member.id })
    expect(await findApiTokenUser(db(), digest(token))).toBeUndefined()
    expect((await auditOf(member.id)).map((e) => e.action)).toContain('user.reactivate')
  })

  it('refuses to deactivate oneself, and anyone outside the scope does not exist (404)', async () => {
    const own = await act(platform, platform.id, { intent: 'deactivate' })
    expect(own.status).toBe(403)
    expect(await loadSessionUser(db(), platform.id)).toMatchObject({ id: platform.id })
    const stranger = await person(antwerpenId, 'caseworker')
    expect((await act(coordinator, stranger.id, { intent: 'deactivate' })).status).toBe(404)
    expect((await act(regional, stranger.id, { intent: 'deactivate' })).status).toBe(404)
    expect((await act(coordinator, platform.id, { intent: 'deactivate' })).status).toBe(404)
    expect((await act(regional, 'geen-uuid', { intent: 'deactivate' })).status).toBe(404)
    expect(await loadSessionUser(db(), stranger.id)).toMatchObject({ id: stranger.id })
  })
})

describe('the way in', () => {
  it("takes an invited coordinator and the triage worker they invite to Gent's intakes", async () => {
    const chooseAndSignIn = async (email: string) => {
      const { token } = await invitationToken(email)
      const form = await body(setPasswordPage({ request: new Request(`${BASE_URL}/wachtwoord-nieuw?token=${token}`), params: {}, context }))
      expect(form.state).toBe('first')
      const saved = await answer(
        setPassword({ request: page('', '/wachtwoord-nieuw', { token, password: PASSWORD, confirm: PASSWORD }), params: {}, context }),
      )
      expect(saved.headers.get('Location')).toBe('/inloggen')
      const signedIn = await answer(login({ request: page('', '/inloggen', { email, password: PASSWORD }), params: {}, context }))
      expect(signedIn.status).toBe(302)
      return { location: signedIn.headers.get('Location'), cookie: signedIn.headers.get('Set-Cookie')!.split(';')[0]! }
    }

    const lead = await invited(platform, { role: 'caseworker', coordinator: 'on' })
    const leadIn = await chooseAndSignIn(lead.email)
    expect(leadIn.location).toBe('/begeleider')
    const asLead = { ...lead, cookie: leadIn.cookie } as Person
    const worker = await invited(asLead, { role: 'triage_worker' })
    expect(worker.invitedByUserId).toBe(lead.id)
    const workerIn = await chooseAndSignIn(worker.email)
    expect(workerIn.location).toBe('/triage')

    const intake = await createIntake(db(), { ocmwOrganisationId: gentId })
    const session = await getUser(new Request(`${BASE_URL}/triage`, { headers: { Cookie: workerIn.cookie } }))
    expect(session).toMatchObject({ id: worker.id, role: 'triage_worker', organisation: { id: gentId } })
    const { rows } = await listQueue(db(), session!, 'open', todayIso())
    expect(rows.map((r) => r.id)).toContain(intake.id)
  })
})
