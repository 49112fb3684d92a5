import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { resetLinkIsUsable } from '#app/auth/password.server'
import { action as adminInvite, loader as adminInvitePage } from '#app/routes/admin+/gebruikers.nieuw'
import { loader as adminList } from '#app/routes/admin+/gebruikers._index'
import { loader as adminMember } from '#app/routes/admin+/gebruikers.$id'
import { action as staffInvite, loader as staffInvitePage } from '#app/routes/organisatie+/medewerkers.nieuw'
import { loader as staffList } from '#app/routes/organisatie+/medewerkers._index'
import { loader as staffMember } from '#app/routes/organisatie+/medewerkers.$id'
import { db } from '#db/client'
import { userRegions, users } from '#db/schema'
import { createEmployer, createOrganisation } from '#db/seed/factories'
import { address, answer, auditOf, body, context, fieldErrors, invitationToken, organisation, page, person, type Person } from './staff-support'

/**
 * Who sees and invites whom on the people pages, both ways, for each kind of actor: a platform admin, a regional
 * admin of REFREG13 (Gent), a coordinator of OCMW Gent and a plain caseworker.
 */
let gentId: string
let antwerpenId: string
let platform: Person, regional: Person, coordinator: Person, caseworker: Person
let gentTriage: Person, gentAdmin: Person, antwerpenCaseworker: Person, gentEmployer: Person, antwerpenEmployer: Person, outreach: Person
let gentEmployerOrgId: string

beforeAll(async () => {
  const [stapsteen, gent, antwerpen] = await Promise.all([organisation('stapsteen'), organisation('ocmw-44021'), organisation('ocmw-11002')])
  gentId = gent.id
  antwerpenId = antwerpen.id
  const partner = await createOrganisation(db(), { type: 'outreach_partner', name: 'Buurtwerk Gent', municipalities: ['44021'] })
  const { organisation: bakery } = await createEmployer(db(), { name: 'Bakkerij in Gent' })
  const { organisation: brewery } = await createEmployer(db(), { name: 'Brouwerij in Antwerpen', sites: [{ municipalityNis: '11002', postcode: '2000' }] })
  gentEmployerOrgId = bakery.id
  platform = await person(stapsteen.id, 'platform_admin')
  regional = await person(stapsteen.id, 'regional_admin', { regions: ['REFREG13'] })
  coordinator = await person(gent.id, 'triage_worker', { coordinator: true })
  caseworker = await person(gent.id, 'caseworker')
  gentTriage = await person(gent.id, 'triage_worker')
  // A regional admin working for the OCMW: a colleague, but never someone a coordinator or regional admin manages.
  gentAdmin = await person(gent.id, 'regional_admin', { regions: ['REFREG13'] })
  antwerpenCaseworker = await person(antwerpen.id, 'caseworker')
  gentEmployer = await person(bakery.id, 'employer')
  antwerpenEmployer = await person(brewery.id, 'employer')
  outreach = await person(partner.id, 'outreach_worker')
})

const ids = (rows: { id: string }[]) => rows.map((r) => r.id)

describe('the list of people', () => {
  it('shows a platform admin everyone, admins too, and filters by organisation, role, status and text', async () => {
    const all = await body(adminList({ request: page(platform.cookie, '/admin/gebruikers'), params: {}, context }))
    expect(all.reach).toBe('all')
    expect(ids(all.rows)).toEqual(expect.arrayContaining([platform.id, regional.id, gentAdmin.id, antwerpenCaseworker.id, antwerpenEmployer.id, outreach.id]))
    const gent = await body(adminList({ request: page(platform.cookie, `/admin/gebruikers?organisatie=${gentId}`), params: {}, context }))
    expect(gent.organisation).toMatchObject({ id: gentId, name: 'OCMW Gent' })
    expect(ids(gent.rows).sort()).toEqual([coordinator.id, caseworker.id, gentTriage.id, gentAdmin.id].sort())
    const triage = await body(adminList({ request: page(platform.cookie, `/admin/gebruikers?organisatie=${gentId}&rol=triage_worker`), params: {}, context }))
    expect(ids(triage.rows).sort()).toEqual([coordinator.id, gentTriage.id].sort())
    expect(triage.rows.find((r: { id: string }) => r.id === coordinator.id)).toMatchObject({ coordinator: true, organisationName: 'OCMW Gent', status: 'active' })
    const found = await body(adminList({ request: page(platform.cookie, `/admin/gebruikers?zoek=${encodeURIComponent(outreach.email.toUpperCase())}`), params: {}, context }))
    expect(ids(found.rows)).toEqual([outreach.id])
  })

  it('shows a regional admin the staff and employers of their regions, never admins or another region', async () => {
    const list = await body(adminList({ request: page(regional.cookie, '/admin/gebruikers'), params: {}, context }))
    expect(list.reach).toBe('regions')
    expect(list.roles).toEqual(['caseworker', 'triage_worker', 'outreach_worker', 'employer'])
    expect(ids(list.rows)).toEqual(expect.arrayContaining([coordinator.id, caseworker.id, gentTriage.id, gentEmployer.id, outreach.id]))
    for (const hidden of [platform, regional, gentAdmin, antwerpenCaseworker, antwerpenEmployer]) expect(ids(list.rows)).not.toContain(hidden.id)
    // Another region's organisation does not exist for them, nor does its person or an admin of their own region.
    expect((await answer(adminList({ request: page(regional.cookie, `/admin/gebruikers?organisatie=${antwerpenId}`), params: {}, context }))).status).toBe(404)
    for (const hidden of [antwerpenCaseworker, gentAdmin]) {
      const request = page(regional.cookie, `/admin/gebruikers/${hidden.id}`)
      expect((await answer(adminMember({ request, params: { id: hidden.id }, context }))).status).toBe(404)
    }
  })

  it("shows a coordinator their own organisation's staff only, on the staff page and not on the admins' page", async () => {
    const list = await body(staffList({ request: page(coordinator.cookie, '/organisatie/medewerkers'), params: {}, context }))
    expect(list.reach).toBe('organisation')
    expect(ids(list.rows).sort()).toEqual([coordinator.id, caseworker.id, gentTriage.id].sort())
    const request = page(coordinator.cookie, `/organisatie/medewerkers/${antwerpenCaseworker.id}`)
    expect((await answer(staffMember({ request, params: { id: antwerpenCaseworker.id }, context }))).status).toBe(404)
    expect((await answer(adminList({ request: page(coordinator.cookie, '/admin/gebruikers'), params: {}, context }))).status).toBe(403)
  })

  it('refuses a plain caseworker both pages, and an admin the staff page (403)', async () => {
    for (const [who, path, loader] of [
      [caseworker, '/admin/gebruikers', adminList],
      [caseworker, '/organisatie/medewerkers', staffList],
      [caseworker, '/organisatie/medewerkers/nieuw', staffInvitePage],
      [regional, '/organisatie/medewerkers', staffList],
      [platform, '/organisatie/medewerkers', staffList],
    ] as const) {
      expect((await answer(loader({ request: page(who.cookie, path), params: {}, context }))).status, `${who.role} ${path}`).toBe(403)
    }
    const invite = page(caseworker.cookie, '/organisatie/medewerkers/nieuw', { email: address('x'), name: 'X', role: 'caseworker', organisationId: gentId })
    expect((await answer(staffInvite({ request: invite, params: {}, context }))).status).toBe(403)
  })
})

describe('the invitation form', () => {
  it('offers a regional admin the organisations of their region only, narrowed by a search', async () => {
    const form = await body(adminInvitePage({ request: page(regional.cookie, '/admin/gebruikers/nieuw?zoek=gent'), params: {}, context }))
    const offered = form.choices.rows.map((o: { id: string }) => o.id)
    expect(offered).toContain(gentId)
    expect(offered).toContain(gentEmployerOrgId)
    expect(offered).not.toContain(antwerpenId)
    expect(form.regions).toEqual([])
    const chosen = await body(adminInvitePage({ request: page(regional.cookie, `/admin/gebruikers/nieuw?organisatie=${gentId}`), params: {}, context }))
    expect(chosen.roles).toEqual(['caseworker', 'triage_worker'])
    expect((await answer(adminInvitePage({ request: page(regional.cookie, `/admin/gebruikers/nieuw?organisatie=${antwerpenId}`), params: {}, context }))).status).toBe(404)
  })

  it('offers a platform admin the 15 regions and at most 50 organisations at a time', async () => {
    const form = await body(adminInvitePage({ request: page(platform.cookie, '/admin/gebruikers/nieuw'), params: {}, context }))
    expect(form.regions).toHaveLength(15)
    expect(form.choices.rows).toHaveLength(50)
    expect(form.choices.more).toBe(true)
    expect(form.roles).toHaveLength(6)
  })

  it("gives a coordinator their own organisation and its staff roles, nothing to choose", async () => {
    const form = await body(staffInvitePage({ request: page(coordinator.cookie, '/organisatie/medewerkers/nieuw'), params: {}, context }))
    expect(form.chosen).toMatchObject({ id: gentId })
    expect(form.choices.rows.map((o: { id: string }) => o.id)).toEqual([gentId])
    expect(form.roles).toEqual(['caseworker', 'triage_worker'])
  })
})

describe('inviting', () => {
  it('makes an account without a password, audits it and mails a working 7-day link', async () => {
    const email = address('coordinator')
    const form = { email, name: 'Nora Gent', role: 'caseworker', coordinator: 'on', organisationId: gentId }
    const response = await answer(adminInvite({ request: page(platform.cookie, '/admin/gebruikers/nieuw', form), params: {}, context }))
    expect(response.status).toBe(302)
    const [user] = await db().select().from(users).where(eq(users.email, email))
    expect(response.headers.get('Location')).toBe(`/admin/gebruikers/${user!.id}`)
    expect(user).toMatchObject({ role: 'caseworker', coordinator: true, organisationId: gentId, passwordHash: null, invitedByUserId: platform.id, lastLoginAt: null })
    const [entry] = await auditOf(user!.id)
    expect(entry).toMatchObject({ action: 'user.invite', actorUserId: platform.id, organisationId: gentId, details: { role: 'caseworker', coordinator: true, regions: [] } })
    const { token, mails } = await invitationToken(email)
    expect(mails[0]!.subject).toBe('Uw account op Stapsteen voor OCMW Gent')
    expect(mails[0]!.text).toContain(`${platform.name} heeft een account voor u gemaakt op Stapsteen, voor OCMW Gent. Uw rol: Trajectbegeleider / bemiddelaar, coördinator.`)
    expect(await resetLinkIsUsable(token)).toBe(true)
    const [link] = await db().execute<{ hours: number }>(
      sql`select round(extract(epoch from expires_at - now()) / 3600)::int as hours from password_reset_tokens where user_id = ${user!.id}`,
    )
    expect(link!.hours).toBe(7 * 24)
    const details = await body(adminMember({ request: page(platform.cookie, `/admin/gebruikers/${user!.id}`), params: { id: user!.id }, context }))
    expect(details.member).toMatchObject({ status: 'invited', invitedBy: platform.name, lastLoginAt: null })
  })

  it('gives a regional admin made by a platform admin their regions', async () => {
    const email = address('regio')
    const form = { email, name: 'Regio Beheer', role: 'regional_admin', regions: ['REFREG13', 'REFREG01'], organisationId: (await organisation('stapsteen')).id }
    expect((await answer(adminInvite({ request: page(platform.cookie, '/admin/gebruikers/nieuw', form), params: {}, context }))).status).toBe(302)
    const [user] = await db().select().from(users).where(eq(users.email, email))
    const regions = await db().select().from(userRegions).where(eq(userRegions.userId, user!.id))
    expect(regions.map((r) => r.regionCode).sort()).toEqual(['REFREG01', 'REFREG13'])
  })

  it('refuses roles that do not fit the organisation or the actor, organisations outside their scope, and a used address (400)', async () => {
    const stapsteen = (await organisation('stapsteen')).id
    const attempt = (who: Person, invite: typeof adminInvite, values: Record<string, string>) => {
      const path = invite === adminInvite ? '/admin/gebruikers/nieuw' : '/organisatie/medewerkers/nieuw'
      return fieldErrors(invite({ request: page(who.cookie, path, { email: address('x'), name: 'Iemand', ...values }), params: {}, context }))
    }
    expect(await attempt(platform, adminInvite, { role: 'caseworker', organisationId: stapsteen })).toEqual({
      role: ['In Stapsteen platformteam kan je kiezen uit: regionale beheerder, platformbeheerder.'],
    })
    expect((await attempt(regional, adminInvite, { role: 'caseworker', organisationId: antwerpenId })).organisationId).toEqual(['Kies een organisatie uit de lijst.'])
    expect((await attempt(regional, adminInvite, { role: 'regional_admin', regions: 'REFREG13', organisationId: gentId })).role).toEqual([
      'In OCMW Gent kan je kiezen uit: trajectbegeleider / bemiddelaar, triagemedewerker.',
    ])
    expect((await attempt(coordinator, staffInvite, { role: 'platform_admin', organisationId: gentId })).role).toHaveLength(1)
    expect((await attempt(coordinator, staffInvite, { role: 'caseworker', organisationId: antwerpenId })).organisationId).toEqual(['Kies een organisatie uit de lijst.'])
    expect((await attempt(coordinator, staffInvite, { role: 'caseworker', organisationId: gentEmployerOrgId })).organisationId).toEqual(['Kies een organisatie uit de lijst.'])
    expect((await attempt(platform, adminInvite, { role: 'caseworker', organisationId: gentId, email: caseworker.email.toUpperCase() })).email).toEqual([
      'Er bestaat al een account met dit e-mailadres.',
    ])
    expect(await attempt(platform, adminInvite, { role: 'caseworker', organisationId: gentId, email: 'geen adres', name: '' })).toEqual({
      email: ['Dit is geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.be.'],
      name: ['Vul de naam in.'],
    })
    // Nothing was made by any refused invitation.
    expect(await db().select().from(users).where(eq(users.name, 'Iemand'))).toEqual([])
  })

  it('lets a regional admin invite staff and employer accounts of their region, and a coordinator staff of their own organisation', async () => {
    const invite = async (who: Person, action: typeof adminInvite, path: string, values: Record<string, string>) => {
      const email = address('invited')
      const response = await answer(action({ request: page(who.cookie, path, { email, name: 'Nieuw', ...values }), params: {}, context }))
      expect(response.status, await response.clone().text()).toBe(302)
      const [user] = await db().select().from(users).where(eq(users.email, email))
      return user!
    }
    expect(await invite(regional, adminInvite, '/admin/gebruikers/nieuw', { role: 'triage_worker', coordinator: 'on', organisationId: gentId })).toMatchObject({
      role: 'triage_worker',
      coordinator: true,
      invitedByUserId: regional.id,
    })
    expect(await invite(regional, adminInvite, '/admin/gebruikers/nieuw', { role: 'employer', organisationId: gentEmployerOrgId })).toMatchObject({ role: 'employer' })
    const made = await invite(coordinator, staffInvite, '/organisatie/medewerkers/nieuw', { role: 'triage_worker', organisationId: gentId })
    expect(made).toMatchObject({ role: 'triage_worker', coordinator: false, organisationId: gentId, invitedByUserId: coordinator.id })
    expect((await auditOf(made.id))[0]).toMatchObject({ action: 'user.invite', organisationId: gentId })
  })
})
