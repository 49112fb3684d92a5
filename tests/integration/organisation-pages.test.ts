import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { signIn } from '#app/auth/session.server'
import { action as editAction, loader as editLoader } from '#app/routes/admin+/organisaties.$id'
import { loader as listLoader } from '#app/routes/admin+/organisaties._index'
import { action as createAction } from '#app/routes/admin+/organisaties.nieuw'
import { loader as csvLoader } from '#app/routes/admin+/organisaties[.csv]'
import { takeToast } from '#app/utils/toast.server'
import { db } from '#db/client'
import type { SessionUser } from '#domain/session-user'
import { auditLog, organisationMunicipalities, organisations } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'
import { sessionUser } from './intake-triage-support'
import { bySlug, platformAdmin, regionalAdmin } from './organisation-support'

const BASE_URL = 'http://localhost:3000'
const context = { requestId: 'test', clientIp: '127.0.0.1' }
const unique = () => randomBytes(3).toString('hex')

type Handler = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>

/** A page of the portal as the user's browser asks it: a GET, or a POST of the fields. Thrown responses are answers too. */
async function page(user: SessionUser, handler: Handler, path: string, fields?: Record<string, string | string[]>, params: Record<string, string> = {}) {
  const signedIn = await signIn(new Request(`${BASE_URL}/inloggen`), user.id, 'password', '/admin')
  const cookie = signedIn.headers.get('Set-Cookie')!.split(';')[0]!
  let body: URLSearchParams | undefined
  if (fields) {
    body = new URLSearchParams()
    for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item)
  }
  const request = new Request(`${BASE_URL}${path}`, {
    method: fields ? 'POST' : 'GET',
    headers: { Cookie: cookie, ...(fields ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
    body,
  })
  const answer = await handler({ request, params, context }).catch((thrown: unknown) => thrown)
  if (!(answer instanceof Response)) throw answer
  return answer
}

/** The toast a redirect carries, as the next page shows it. */
async function toastOf(response: Response) {
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  return (await takeToast(new Request(BASE_URL, { headers: { Cookie: cookies } }))).toast
}

const served = async (organisationId: string) =>
  (await db().select().from(organisationMunicipalities).where(eq(organisationMunicipalities.organisationId, organisationId))).map((m) => m.municipalityNis).sort()

describe('/admin/organisaties', () => {
  it('lists the organisations in scope with the filters of the address, and refuses staff', async () => {
    const response = await page(await regionalAdmin(), listLoader, '/admin/organisaties?soort=vdab&zonder=medewerkers&regio=REFREG01&status=iets')
    expect(response.status).toBe(200)
    const data = (await response.json()) as { values: Record<string, unknown>; rows: { slug: string }[]; total: number; regions: { code: string }[] }
    // REFREG01 is not the admin's region: that filter is left out, like the unknown status.
    expect(data.values).toEqual({ soort: 'vdab', regio: '', status: '', zoek: '', zonder: ['medewerkers'] })
    expect(data.regions.map((r) => r.code)).toEqual(['REFREG13'])
    expect(data.rows.map((r) => r.slug)).toContain('vdab-refreg13')
    expect(data.rows.map((r) => r.slug)).not.toContain('vdab-refreg01')

    const ocmw = await bySlug('ocmw-44021')
    const worker = await sessionUser((await createUser(db(), { organisationId: ocmw.id, role: 'triage_worker' })).id)
    expect((await page(worker, listLoader, '/admin/organisaties')).status).toBe(403)
  })

  it('downloads the filtered list as CSV, with formulas made harmless', async () => {
    const tag = unique()
    await createOrganisation(db(), { type: 'outreach_partner', name: `=HYPERLINK("x") ${tag}`, municipalities: ['44021'] })
    const response = await page(await platformAdmin(), csvLoader, `/admin/organisaties.csv?soort=outreach_partner&zoek=${tag}`)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const lines = (await response.text()).trim().split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"") ${tag}"`)
    expect(lines[1]).toContain('"Outreachpartner";"Gent";"1";"0";"nee";"actief";"nee"')
  })
})

describe('/admin/organisaties/nieuw', () => {
  it('answers 400 with the reason per field', async () => {
    const response = await page(await platformAdmin(), createAction, '/admin/organisaties/nieuw', {
      intent: 'save',
      slug: 'Niet Goed',
      name: 'X',
      type: 'employer',
      contactEmail: 'geen-adres',
      firstContactDays: '31',
    })
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: Record<string, string[]> }
    expect(error).toMatchObject({
      slug: [expect.stringContaining('kleine letters')],
      name: ['Een naam heeft minstens 2 tekens.'],
      type: ['Werkgevers beheer je niet hier: ze registreren zich zelf en worden geverifieerd onder /admin/werkgevers.'],
      contactEmail: ['Dit is geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.be.'],
      firstContactDays: ['Kies hoogstens 30 werkdagen.'],
    })
  })

  it('refuses what the database knows better: a slug in use, a municipality outside the admin’s regions', async () => {
    const response = await page(await regionalAdmin(), createAction, '/admin/organisaties/nieuw', {
      intent: 'save',
      slug: 'ocmw-44021',
      name: 'Nog een OCMW Gent',
      type: 'ocmw',
      municipalities: ['11002'],
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: Record<string, string[]> }).error).toEqual({
      slug: ['Deze slug is al in gebruik. Kies een andere.'],
      municipalities: ["Antwerpen (11002) ligt buiten jouw regio's; dat kan alleen een platformbeheerder toevoegen."],
    })
  })

  it('creates a VDAB team for a whole region, and goes to its page with a message', async () => {
    const slug = `vdab-gent-zuid-${unique()}`
    const response = await page(await regionalAdmin(), createAction, '/admin/organisaties/nieuw', {
      intent: 'save',
      slug,
      name: 'VDAB-team Gent-Zuid',
      type: 'vdab',
      wholeRegions: 'REFREG13',
      municipalities: ['44021'],
      dpoEmail: 'DPO@vdab.example.test',
    })
    const created = await bySlug(slug)
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`/admin/organisaties/${created.id}`)
    expect(await toastOf(response)).toEqual({ kind: 'success', message: 'VDAB-team Gent-Zuid is aangemaakt.' })
    expect(created).toMatchObject({ type: 'vdab', dpoEmail: 'dpo@vdab.example.test', contactEmail: null })
    expect(await served(created.id)).toHaveLength(20)
  })
})

describe('/admin/organisaties/:id', () => {
  it('is a 404 for an organisation of another region, to read and to post', async () => {
    const user = await regionalAdmin()
    const antwerpen = await bySlug('ocmw-11002')
    const path = `/admin/organisaties/${antwerpen.id}`
    expect((await page(user, editLoader, path, undefined, { id: antwerpen.id })).status).toBe(404)
    for (const intent of ['save', 'deactivate', 'reactivate']) {
      const response = await page(user, editAction, path, { intent, name: 'Overgenomen', type: 'ocmw', municipalities: ['44021'], confirm: 'on' }, { id: antwerpen.id })
      expect(response.status, intent).toBe(404)
    }
    expect(await bySlug('ocmw-11002')).toMatchObject({ name: 'OCMW Antwerpen', deactivatedAt: null })
    expect(await db().select().from(auditLog).where(eq(auditLog.subjectId, antwerpen.id))).toEqual([])
  })

  it('shows an organisation with what it serves outside the admin’s regions, which saving keeps', async () => {
    const user = await regionalAdmin()
    const partner = await createOrganisation(db(), { type: 'outreach_partner', name: `Buurtwerk ${unique()}`, municipalities: ['44021', '11002'], demo: true })
    const path = `/admin/organisaties/${partner.id}`
    const shown = await page(user, editLoader, path, undefined, { id: partner.id })
    const data = (await shown.json()) as { organisation: { demo: boolean; staff: number }; elsewhere: { nis: string }[]; groups: { code: string }[]; types: string[] }
    expect(data.organisation).toMatchObject({ demo: true, staff: 0 })
    expect(data.elsewhere.map((m) => m.nis)).toEqual(['11002'])
    expect(data.groups.map((g) => g.code)).toEqual(['REFREG13'])
    expect(data.types).not.toContain('platform')

    const wrong = await page(user, editAction, path, { intent: 'save', name: partner.name, type: 'outreach_partner', municipalities: ['11002'], dpoEmail: 'nee' }, { id: partner.id })
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({ form: 'save', result: { error: { dpoEmail: [expect.any(String)] } } })

    const saved = await page(
      user,
      editAction,
      path,
      { intent: 'save', name: 'Buurtwerk Gent', type: 'outreach_partner', municipalities: ['11002', '42010'], contactEmail: 'team@buurtwerk.example.test' },
      { id: partner.id },
    )
    expect(saved.status).toBe(302)
    expect(saved.headers.get('Location')).toBe(path)
    expect(await toastOf(saved)).toEqual({ kind: 'success', message: 'De gegevens van Buurtwerk Gent zijn bewaard.' })
    expect(await served(partner.id)).toEqual(['11002', '42010'])
    const [row] = await db().select().from(organisations).where(eq(organisations.id, partner.id))
    expect(row).toMatchObject({ name: 'Buurtwerk Gent', contactEmail: 'team@buurtwerk.example.test', slug: partner.slug })
  })

  it('deactivates only after the tick, and reactivates', async () => {
    const user = await platformAdmin()
    const ocmw = await createOrganisation(db(), { type: 'ocmw', name: `OCMW Proef ${unique()}`, municipalities: ['44021'] })
    const path = `/admin/organisaties/${ocmw.id}`
    const unconfirmed = await page(user, editAction, path, { intent: 'deactivate' }, { id: ocmw.id })
    expect(unconfirmed.status).toBe(400)
    expect(await unconfirmed.json()).toMatchObject({ form: 'active', result: { error: { confirm: ['Vink aan dat je begrijpt wat deactiveren doet.'] } } })
    expect((await bySlug(ocmw.slug)).deactivatedAt).toBeNull()

    const done = await page(user, editAction, path, { intent: 'deactivate', confirm: 'on' }, { id: ocmw.id })
    expect(done.status).toBe(302)
    expect((await toastOf(done))?.message).toContain(`${ocmw.name} is gedeactiveerd.`)
    expect((await bySlug(ocmw.slug)).deactivatedAt).toBeInstanceOf(Date)

    const back = await page(user, editAction, path, { intent: 'reactivate' }, { id: ocmw.id })
    expect(back.status).toBe(302)
    expect((await bySlug(ocmw.slug)).deactivatedAt).toBeNull()
    expect((await page(user, editAction, path, { intent: 'iets' }, { id: ocmw.id })).status).toBe(400)
  })

  it('does not let an admin deactivate the organisation they work for', async () => {
    const user = await platformAdmin()
    const own = await bySlug('stapsteen')
    const response = await page(user, editAction, `/admin/organisaties/${own.id}`, { intent: 'deactivate', confirm: 'on' }, { id: own.id })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ form: 'active', result: { error: { '': [expect.stringContaining('eigen organisatie')] } } })
    expect((await bySlug('stapsteen')).deactivatedAt).toBeNull()
  })
})
