import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { organisationAdminFor } from '#app/features/organisations/organisation-admin'
import { db } from '#db/client'
import { listAuditEntries } from '#db/queries/audit'
import { getManagedOrganisation, listManagedOrganisations, type OrganisationFilters, setOrganisationActive } from '#db/queries/organisation-admin'
import { createManagedOrganisation, type OrganisationValues, updateManagedOrganisation } from '#db/queries/organisation-changes'
import { loadSessionUser } from '#db/queries/users'
import { auditLog, organisations } from '#db/schema'
import { createEmployer, createIntake, createOrganisation, createUser } from '#db/seed/factories'
import { bySlug, platformAdmin, regionalAdmin } from './organisation-support'

// Reference data: OCMW Gent (44021) and the VDAB team of Regio Gent (REFREG13); Antwerpen (11002) is in REFREG01.
const GENT = '44021'
const GENT_REGION_TOO = ['42010', '43002']
const ANTWERPEN = '11002'

const unique = () => randomBytes(3).toString('hex')

const everything = { limit: 2000, offset: 0 }
const list = async (user: Awaited<ReturnType<typeof platformAdmin>>, filters: OrganisationFilters = {}) =>
  listManagedOrganisations(db(), organisationAdminFor(user), filters, everything)
const slugs = (result: { rows: { slug: string }[] }) => result.rows.map((r) => r.slug)

const values = (overrides: Partial<OrganisationValues> = {}): OrganisationValues => ({
  name: `OCMW-cluster ${unique()}`,
  type: 'ocmw',
  municipalities: [GENT],
  ...overrides,
})
const auditOf = (organisationId: string) => db().select().from(auditLog).where(and(eq(auditLog.subjectType, 'organisation'), eq(auditLog.subjectId, organisationId)))

describe('scope', () => {
  it('lets a platform admin reach every organisation except employers', async () => {
    const user = await platformAdmin()
    const { organisation: employer } = await createEmployer(db())
    const result = await list(user)
    expect(result.total).toBeGreaterThanOrEqual(285 + 15 + 1)
    expect(slugs(result)).toEqual(expect.arrayContaining(['ocmw-44021', 'vdab-refreg13', 'ocmw-11002', 'stapsteen']))
    expect(result.rows.every((r) => (r.type as string) !== 'employer')).toBe(true)
    expect(await getManagedOrganisation(db(), organisationAdminFor(user), (await bySlug('ocmw-11002')).id)).toMatchObject({ slug: 'ocmw-11002' })
    expect(await getManagedOrganisation(db(), organisationAdminFor(user), employer.id)).toBeUndefined()
  })

  it('lets a regional admin of REFREG13 reach OCMW Gent and VDAB-team Regio Gent, and nothing of another region', async () => {
    const user = await regionalAdmin()
    const admin = organisationAdminFor(user)
    const result = await list(user)
    expect(slugs(result)).toEqual(expect.arrayContaining(['ocmw-44021', 'vdab-refreg13']))
    expect(slugs(result)).not.toContain('ocmw-11002')
    expect(slugs(result)).not.toContain('stapsteen')
    const gent = await getManagedOrganisation(db(), admin, (await bySlug('ocmw-44021')).id)
    expect(gent).toMatchObject({ name: 'OCMW Gent', type: 'ocmw', municipalities: [{ nis: GENT, name: 'Gent', regionCode: 'REFREG13' }] })

    const antwerpen = await bySlug('ocmw-11002')
    expect(await getManagedOrganisation(db(), admin, antwerpen.id)).toBeUndefined()
    expect(await db().transaction((tx) => updateManagedOrganisation(tx, admin, antwerpen.id, values({ municipalities: [ANTWERPEN] })))).toEqual({ kind: 'not-found' })
    expect(await db().transaction((tx) => setOrganisationActive(tx, admin, antwerpen.id, false))).toEqual({ kind: 'not-found' })
    expect(await getManagedOrganisation(db(), admin, (await bySlug('stapsteen')).id)).toBeUndefined()
    expect(await getManagedOrganisation(db(), admin, 'not-a-uuid')).toBeUndefined()
    expect((await bySlug('ocmw-11002')).deactivatedAt).toBeNull()
  })

  it('lets a regional admin add and remove municipalities only in their regions; what is served elsewhere stays', async () => {
    const user = await regionalAdmin()
    const admin = organisationAdminFor(user)
    const partner = await createOrganisation(db(), { type: 'outreach_partner', municipalities: [GENT, ANTWERPEN] })

    const moved = await db().transaction((tx) => updateManagedOrganisation(tx, admin, partner.id, values({ name: partner.name, type: 'outreach_partner', municipalities: GENT_REGION_TOO })))
    expect(moved).toMatchObject({ kind: 'saved', changed: ['municipalities'] })
    const served = (await getManagedOrganisation(db(), admin, partner.id))!.municipalities.map((m) => m.nis).sort()
    expect(served).toEqual([...GENT_REGION_TOO, ANTWERPEN].sort())

    const outside = await db().transaction((tx) => updateManagedOrganisation(tx, admin, partner.id, values({ type: 'outreach_partner', municipalities: [GENT, '11001'] })))
    expect(outside).toEqual({ kind: 'invalid', fieldErrors: { municipalities: ["Aartselaar (11001) ligt buiten jouw regio's; dat kan alleen een platformbeheerder toevoegen."] } })
    const none = await db().transaction((tx) => updateManagedOrganisation(tx, admin, partner.id, values({ type: 'outreach_partner', municipalities: [ANTWERPEN] })))
    expect(none).toMatchObject({ kind: 'invalid', fieldErrors: { municipalities: [expect.stringContaining('Laat minstens één gemeente in jouw regio')] } })
    const created = await db().transaction((tx) => createManagedOrganisation(tx, admin, { slug: `partner-${unique()}`, ...values({ type: 'outreach_partner', municipalities: [ANTWERPEN] }) }))
    expect(created).toMatchObject({ kind: 'invalid', fieldErrors: { municipalities: [expect.stringContaining('Antwerpen (11002) ligt buiten')] } })
  })

  it('keeps platform teams for platform admins', async () => {
    const admin = organisationAdminFor(await regionalAdmin())
    const slug = `team-${unique()}`
    const created = await db().transaction((tx) => createManagedOrganisation(tx, admin, { slug, ...values({ type: 'platform', municipalities: [] }) }))
    expect(created).toEqual({ kind: 'invalid', fieldErrors: { type: ['Een platformteam maakt of wijzigt alleen een platformbeheerder.'] } })
    const gent = await bySlug('ocmw-44021')
    const changed = await db().transaction((tx) => updateManagedOrganisation(tx, admin, gent.id, values({ name: gent.name, type: 'platform', municipalities: [] })))
    expect(changed).toMatchObject({ kind: 'invalid', fieldErrors: { type: ['Een platformteam maakt of wijzigt alleen een platformbeheerder.'] } })
    expect(await bySlug(slug)).toBeUndefined()

    const platformWide = organisationAdminFor(await platformAdmin())
    expect(await db().transaction((tx) => createManagedOrganisation(tx, platformWide, { slug, ...values({ type: 'platform', municipalities: [] }) }))).toMatchObject({ kind: 'saved' })
  })
})

describe('filters', () => {
  it('finds organisations without staff, without a contact address, by type, region and name', async () => {
    const user = await platformAdmin()
    const tag = `Filtertest ${unique()}`
    const staffed = await createOrganisation(db(), { type: 'ocmw', name: `${tag} bemand`, municipalities: [GENT], contactEmail: 'triage@bemand.example.test' })
    await createUser(db(), { organisationId: staffed.id, role: 'triage_worker' })
    const onlyDisabled = await createOrganisation(db(), { type: 'vdab', name: `${tag} uitgeschakeld`, municipalities: [ANTWERPEN] })
    await createUser(db(), { organisationId: onlyDisabled.id, role: 'caseworker', disabledAt: new Date() })
    const empty = await createOrganisation(db(), { type: 'outreach_partner', name: `${tag} leeg`, municipalities: [GENT], contactEmail: 'hallo@leeg.example.test' })

    const named = (filters: OrganisationFilters) => list(user, { query: tag, ...filters }).then((r) => r.rows.map((row) => row.name).sort())
    expect(await named({})).toEqual([`${tag} bemand`, `${tag} leeg`, `${tag} uitgeschakeld`])
    expect(await named({ withoutStaff: true })).toEqual([`${tag} leeg`, `${tag} uitgeschakeld`])
    expect(await named({ withoutContact: true })).toEqual([`${tag} uitgeschakeld`])
    expect(await named({ withoutStaff: true, withoutContact: true })).toEqual([`${tag} uitgeschakeld`])
    expect(await named({ type: 'outreach_partner' })).toEqual([`${tag} leeg`])
    expect(await named({ regionCode: 'REFREG13' })).toEqual([`${tag} bemand`, `${tag} leeg`])
    expect(await named({ regionCode: 'REFREG01' })).toEqual([`${tag} uitgeschakeld`])
    const row = (await list(user, { query: tag, type: 'ocmw' })).rows[0]!
    expect(row).toMatchObject({ staff: 1, area: { count: 1, regions: [], municipalities: [{ nis: GENT, name: 'Gent' }] } })

    const vdab = await list(user, { type: 'vdab', regionCode: 'REFREG13' })
    expect(vdab.rows.every((r) => r.type === 'vdab')).toBe(true)
    expect(vdab.rows.find((r) => r.slug === 'vdab-refreg13')!.area).toMatchObject({ count: 20, regions: [{ code: 'REFREG13', name: 'Regio Gent' }], municipalities: [] })
    // A name with LIKE wildcards matches literally.
    expect((await list(user, { query: '%' })).total).toBe(0)
  })

  it('pages the list and counts every match', async () => {
    const user = await platformAdmin()
    const admin = organisationAdminFor(user)
    const first = await listManagedOrganisations(db(), admin, { type: 'ocmw' }, { limit: 50, offset: 0 })
    const second = await listManagedOrganisations(db(), admin, { type: 'ocmw' }, { limit: 50, offset: 50 })
    expect(first.rows).toHaveLength(50)
    expect(first.total).toBeGreaterThanOrEqual(285)
    expect(second.total).toBe(first.total)
    expect(second.rows.filter((row) => first.rows.some((other) => other.id === row.id))).toEqual([])
  })
})

describe('changes', () => {
  it('creates, updates, deactivates and reactivates, each audited with the organisation as organisationId', async () => {
    const user = await platformAdmin()
    const admin = organisationAdminFor(user)
    const slug = `ocmw-cluster-${unique()}`
    const created = await db().transaction((tx) => createManagedOrganisation(tx, admin, { slug, ...values({ name: 'OCMW-cluster Test', municipalities: [GENT, ...GENT_REGION_TOO] }) }))
    expect(created).toMatchObject({ kind: 'saved', created: true })
    const id = created.kind === 'saved' ? created.id : ''
    expect(await getManagedOrganisation(db(), admin, id)).toMatchObject({ slug, name: 'OCMW-cluster Test', type: 'ocmw', contactEmail: null, firstContactDays: null })

    const dpo = 'dpo.persoonlijk@cluster.example.test'
    const updated = await db().transaction((tx) =>
      updateManagedOrganisation(tx, admin, id, { name: 'OCMW-cluster Kanaalzone', type: 'ocmw', municipalities: [GENT, '42010'], dpoEmail: dpo, contactEmail: null, firstContactDays: 5 }),
    )
    expect(updated).toMatchObject({ kind: 'saved', changed: ['name', 'firstContactDays', 'dpoEmail', 'municipalities'] })
    // The same values again change nothing, and log nothing.
    const again = await db().transaction((tx) =>
      updateManagedOrganisation(tx, admin, id, { name: 'OCMW-cluster Kanaalzone', type: 'ocmw', municipalities: ['42010', GENT], dpoEmail: dpo, contactEmail: null, firstContactDays: 5 }),
    )
    expect(again).toMatchObject({ kind: 'saved', changed: [] })

    const member = await createUser(db(), { organisationId: id, role: 'triage_worker' })
    await createIntake(db(), { ocmwOrganisationId: id })
    await createIntake(db(), { handlingOrganisationId: id, status: 'closed' })
    expect(await getManagedOrganisation(db(), admin, id)).toMatchObject({ staff: 1, openIntakes: 1 })
    expect(await loadSessionUser(db(), member.id)).toBeDefined()
    expect(await db().transaction((tx) => setOrganisationActive(tx, admin, id, false))).toEqual({ kind: 'done', name: 'OCMW-cluster Kanaalzone', changed: true })
    const [stored] = await db().select().from(organisations).where(eq(organisations.id, id))
    expect(stored!.deactivatedAt).toBeInstanceOf(Date)
    expect(await loadSessionUser(db(), member.id)).toBeUndefined()
    expect(await db().transaction((tx) => setOrganisationActive(tx, admin, id, false))).toMatchObject({ kind: 'done', changed: false })
    expect(await db().transaction((tx) => setOrganisationActive(tx, admin, id, true))).toMatchObject({ kind: 'done', changed: true })
    expect(await loadSessionUser(db(), member.id)).toBeDefined()

    const entries = await auditOf(id)
    expect(entries.map((e) => e.action)).toEqual(['organisation.create', 'organisation.update', 'organisation.deactivate', 'organisation.reactivate'])
    expect(entries.every((e) => e.organisationId === id && e.actorUserId === user.id)).toBe(true)
    expect(entries[0]!.details).toEqual({ slug, name: 'OCMW-cluster Test', type: 'ocmw', municipalities: 3 })
    expect(entries[1]!.details).toEqual({
      fields: ['name', 'firstContactDays', 'dpoEmail', 'municipalities'],
      from: { name: 'OCMW-cluster Test', firstContactDays: null },
      to: { name: 'OCMW-cluster Kanaalzone', firstContactDays: 5 },
      removed: ['43002'],
    })
    // An address can name a person: the log says it changed, never what it is.
    expect(JSON.stringify(entries)).not.toContain(dpo)
    expect(entries[2]!.details).toEqual({ openIntakes: 1, staff: 1 })
  })

  it('shows the changes to the regional admins of the regions the organisation serves', async () => {
    const platformWide = organisationAdminFor(await platformAdmin())
    const slug = `outreach-${unique()}`
    const created = await db().transaction((tx) => createManagedOrganisation(tx, platformWide, { slug, ...values({ type: 'outreach_partner', municipalities: [GENT] }) }))
    const id = created.kind === 'saved' ? created.id : ''
    const seen = async (regions: string[]) => (await listAuditEntries(db(), await regionalAdmin(regions), { subjectId: id })).entries.map((e) => e.action)
    expect(await seen(['REFREG13'])).toEqual(['organisation.create'])
    expect(await seen(['REFREG01'])).toEqual([])
  })

  it('refuses a type that does not fit the roles of its accounts, and says which', async () => {
    const admin = organisationAdminFor(await platformAdmin())
    const ocmw = await createOrganisation(db(), { type: 'ocmw', name: `OCMW Typetest ${unique()}`, municipalities: [GENT] })
    await createUser(db(), { organisationId: ocmw.id, role: 'triage_worker' })
    await createUser(db(), { organisationId: ocmw.id, role: 'triage_worker', disabledAt: new Date() })
    await createUser(db(), { organisationId: ocmw.id, role: 'caseworker' })
    const refused = await db().transaction((tx) => updateManagedOrganisation(tx, admin, ocmw.id, values({ name: ocmw.name, type: 'outreach_partner' })))
    expect(refused).toEqual({ kind: 'invalid', fieldErrors: { type: [expect.stringMatching(/Triagemedewerker \(2\)/)] } })
    expect(JSON.stringify(refused)).toContain('Trajectbegeleider / bemiddelaar (1)')
    expect((await getManagedOrganisation(db(), admin, ocmw.id))!.type).toBe('ocmw')
    // Triage workers and caseworkers work for a VDAB team too.
    expect(await db().transaction((tx) => updateManagedOrganisation(tx, admin, ocmw.id, values({ name: ocmw.name, type: 'vdab' })))).toMatchObject({ kind: 'saved', changed: ['type'] })
  })

  it('refuses a slug in use and NIS codes that do not exist', async () => {
    const admin = organisationAdminFor(await platformAdmin())
    const result = await db().transaction((tx) => createManagedOrganisation(tx, admin, { slug: 'ocmw-44021', ...values({ municipalities: [GENT, '99999', '99998'] }) }))
    expect(result).toEqual({
      kind: 'invalid',
      fieldErrors: { slug: ['Deze slug is al in gebruik. Kies een andere.'], municipalities: ['Deze NIS-codes bestaan niet: 99999, 99998.'] },
    })
  })

  it('does not let an admin deactivate their own organisation', async () => {
    const ownOcmw = await bySlug('ocmw-44021')
    const colleague = await createUser(db(), { organisationId: ownOcmw.id, role: 'regional_admin', regions: ['REFREG13'] })
    const admin = organisationAdminFor((await loadSessionUser(db(), colleague.id))!)
    expect(await db().transaction((tx) => setOrganisationActive(tx, admin, ownOcmw.id, false))).toEqual({ kind: 'own' })
    expect((await bySlug('ocmw-44021')).deactivatedAt).toBeNull()
  })
})
