import { randomBytes, randomInt } from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { digest } from '#core/crypto.server'
import { verifyLogin } from '#app/auth/password.server'
import { signIn } from '#app/auth/session.server'
import { registrationMessages, type RegistrationInput } from '#domain/employer-registration'
import { action as decideAction, loader as employerLoader } from '#app/routes/admin+/werkgevers.$id'
import { action as organisationAction } from '#app/routes/werkgever+/organisatie'
import { confirmationLinkIsUsable, confirmEmail, registerEmployer, resendConfirmation } from '#app/features/employers/employer-registration.server'
import { approveEmployer, rejectEmployer } from '#app/features/employers/employer-verification.server'
import { db } from '#db/client'
import { getEmployerForVerification, listEmployersForVerification } from '#db/queries/employer-verification'
import { loadSessionUser } from '#db/queries/users'
import { auditLog, emailMessages, employerProfiles, employerSites, occupations, organisations, placements, users } from '#db/schema'
import { createEmployer, createOrganisation, createUser, enterpriseNumberFrom } from '#db/seed/factories'
import { startJobQueue, stopJobQueue } from '#core/jobs'
import { testDatabaseUrl } from '#tests/support/database'
import { deliveredMail } from '#tests/support/mail'

const BASE_URL = 'http://localhost:3000'
// What the Express server gives every loader and action (server/http.ts).
const context = { requestId: 'test', clientIp: '127.0.0.1' }
const PASSWORD = 'een lange zin als wachtwoord'
const GENT = { nis: '44021', region: 'REFREG13' }

const unique = () => randomBytes(4).toString('hex')
const freshIp = () => `10.${[1, 2, 3].map(() => randomBytes(1)[0]!).join('.')}`

/** A valid registration with a KBO number and address of its own; a test overrides what it cares about. */
function registration(overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  const id = unique()
  return {
    organisationName: `Bakkerij ${id} bv`,
    enterpriseNumber: enterpriseNumberFrom(randomInt(1_000_000, 19_999_999)),
    employerType: 'private',
    sector: 'Voeding',
    contactName: 'An Peeters',
    contactEmail: `an-${id}@example.test`,
    contactPhone: '09 123 45 67',
    password: PASSWORD,
    passwordConfirm: PASSWORD,
    sites: [{ name: 'Winkel Gent', street: 'Veldstraat 12', postcode: '9000' }],
    ...overrides,
  }
}

async function register(overrides: Partial<RegistrationInput> = {}) {
  const input = registration(overrides)
  const result = await registerEmployer(input, BASE_URL)
  if (!result.ok) throw new Error(`registration refused: ${JSON.stringify(result.fieldErrors)}`)
  if (result.kind !== 'created') throw new Error('the address already had an account')
  return { ...input, ...result }
}

const mailsTo = (to: string, template: string) =>
  db()
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.to, to), eq(emailMessages.template, template)))

async function confirmationToken(email: string) {
  const [queued] = await mailsTo(email, 'verify-email')
  const text = queued ? (await deliveredMail(queued.id)).text : ''
  const match = /\/e-mail-bevestigen\?token=([\w-]+)/.exec(text)
  expect(match, `no confirmation link in:\n${text}`).not.toBeNull()
  return match![1]!
}

async function regionalAdmin(region: string) {
  const platform = await createOrganisation(db(), { type: 'platform' })
  const user = await createUser(db(), { organisationId: platform.id, role: 'regional_admin', password: PASSWORD, regions: [region] })
  const session = (await loadSessionUser(db(), user.id))!
  const response = await signIn(new Request(`${BASE_URL}/inloggen`), user.id, 'password', '/admin')
  return { user, session, cookie: response.headers.get('Set-Cookie')!.split(';')[0]! }
}

/** A request to a page of the portal as the user of the session cookie; a POST when there is a form. */
const pageRequest = (cookie: string, path: string, form?: Record<string, string>) =>
  new Request(`${BASE_URL}${path}`, {
    method: form ? 'POST' : 'GET',
    headers: { Cookie: cookie, ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
    body: form ? new URLSearchParams(form) : undefined,
  })
/** The status of the Response a loader or action throws (a redirect, a 404). */
const thrownStatus = (promise: Promise<unknown>) => promise.then(() => 'no error', (error: unknown) => (error as Response).status)

async function submittedPlacement(organisationId: string, title: string, siteId?: string) {
  const [occupation] = await db().select({ uri: occupations.uri }).from(occupations).limit(1)
  const [row] = await db()
    .insert(placements)
    .values({
      organisationId,
      siteId,
      title,
      occupationUri: occupation!.uri,
      description: 'Meehelpen in de bakkerij.',
      municipalityNis: GENT.nis,
      lat: 51.07,
      lon: 3.72,
      hoursPerWeek: 30,
      places: 1,
      dutchLevel: 'A2',
      instruments: ['TWE_ART60'],
      status: 'submitted',
    })
    .returning({ id: placements.id })
  return row!.id
}

describe('registering an employer', () => {
  it('creates the organisation, pending profile, sites, unconfirmed user and audit entry, and mails a link', async () => {
    const input = await register({
      sites: [
        { name: 'Winkel Gent', street: 'Veldstraat 12', postcode: '9000' },
        { name: 'Depot Zemst', street: 'Brusselsesteenweg 1', postcode: '1804', municipalityNis: '23096' },
      ],
    })
    const [organisation] = await db().select().from(organisations).where(eq(organisations.id, input.organisationId))
    expect(organisation).toMatchObject({ type: 'employer', employerType: 'private', name: input.organisationName, enterpriseNumber: input.enterpriseNumber })
    expect(organisation!.slug).toBe(input.organisationName.toLowerCase().replace(/ /g, '-'))
    const [profile] = await db().select().from(employerProfiles).where(eq(employerProfiles.organisationId, input.organisationId))
    expect(profile).toMatchObject({ verificationStatus: 'pending', sector: 'Voeding', contactName: 'An Peeters', contactPhone: '09 123 45 67' })
    const sites = await db().select().from(employerSites).where(eq(employerSites.organisationId, input.organisationId))
    expect(sites.map((s) => [s.postcode, s.municipalityNis]).sort()).toEqual([
      ['1804', '23096'],
      ['9000', GENT.nis],
    ])
    expect(sites.find((s) => s.postcode === '9000')).toMatchObject({ lat: 51.0745, lon: 3.7255 })
    const [user] = await db().select().from(users).where(eq(users.id, input.userId))
    expect(user).toMatchObject({ role: 'employer', organisationId: input.organisationId, email: input.contactEmail, emailVerifiedAt: null })
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/)
    const entries = await db().select().from(auditLog).where(eq(auditLog.subjectId, input.organisationId))
    expect(entries.map((e) => e.action)).toEqual(['employer.registered'])
    const token = await confirmationToken(input.contactEmail)
    expect(token.length).toBeGreaterThanOrEqual(40)
    const [mail] = await mailsTo(input.contactEmail, 'verify-email')
    expect(mail!.subject).toBe('Bevestig uw e-mailadres voor Stapsteen')
    expect(mail!.text).toContain('Deze link werkt 48 uur en maar één keer.')
  })

  it('makes nothing at all when a step fails halfway (one transaction)', async () => {
    const input = registration()
    await stopJobQueue() // sending the mail is the last step; without a queue it throws
    await expect(registerEmployer(input, BASE_URL)).rejects.toThrow('The job queue is not started.')
    await startJobQueue(testDatabaseUrl, { worker: false })
    expect(await db().select().from(organisations).where(eq(organisations.enterpriseNumber, input.enterpriseNumber))).toEqual([])
    expect(await db().select().from(users).where(eq(users.email, input.contactEmail))).toEqual([])
  })

  // Issue 11, finding 8: an address that has an account used to be refused at the field ("this address has an
  // account"), which told anyone which addresses do. It is no field error any more (see the test after this one).
  it('refuses a KBO number that is already registered, and unknown or ambiguous postcodes', async () => {
    const first = await register()
    const result = await registerEmployer(
      registration({
        enterpriseNumber: first.enterpriseNumber,
        contactEmail: first.contactEmail.toUpperCase(),
        sites: [
          { name: 'Nergens', street: 'Straat 1', postcode: '9999' },
          { name: 'Cargovil', street: 'Straat 2', postcode: '1804' },
        ],
      }),
      BASE_URL,
    )
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        enterpriseNumber: ['Dit ondernemingsnummer is al geregistreerd; log in of vraag een nieuw wachtwoord.'],
        'sites[0].postcode': ['Postcode 9999 ligt niet in Vlaanderen of bestaat niet. Kijk de postcode na.'],
        'sites[1].municipalityNis': ['Postcode 1804 ligt in Vilvoorde en Zemst. Kies de gemeente.'],
      },
    })
  })

  it('lets only one of two simultaneous registrations of one KBO number through', async () => {
    const first = registration()
    const second = registration({ enterpriseNumber: first.enterpriseNumber })
    const results = await Promise.all([registerEmployer(first, BASE_URL), registerEmployer(second, BASE_URL)])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, fieldErrors: { enterpriseNumber: [registrationMessages.kboTaken] } })
  })

  it('makes nothing for an address that has an account, and mails its owner a way in instead', async () => {
    const first = await register()
    const again = registration({ contactEmail: first.contactEmail.toUpperCase() })
    expect(await registerEmployer(again, BASE_URL)).toEqual({ ok: true, kind: 'address-has-account' })
    expect(await db().select().from(organisations).where(eq(organisations.enterpriseNumber, again.enterpriseNumber))).toEqual([])
    const [mail] = await mailsTo(first.contactEmail, 'registration-attempt')
    expect(mail!.subject).toBe('Iemand wilde een account maken met uw e-mailadres')
    expect(mail!.text).toContain(`${BASE_URL}/inloggen`)
    expect(mail!.text).toContain(`${BASE_URL}/wachtwoord-vergeten`)
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'user.registration-attempted'), eq(auditLog.subjectId, first.userId)))
    expect(entry).toMatchObject({ actorUserId: null, organisationId: first.organisationId, details: null })
  })

  it('lets one of two simultaneous registrations of one address through; the other mails the owner', async () => {
    const first = registration()
    const second = registration({ contactEmail: first.contactEmail })
    const results = await Promise.all([registerEmployer(first, BASE_URL), registerEmployer(second, BASE_URL)])
    expect(results.map((r) => r.ok && r.kind).sort()).toEqual(['address-has-account', 'created'])
    expect(await mailsTo(first.contactEmail, 'registration-attempt')).toHaveLength(1)
  })

  it('gives organisations with the same name their own slug', async () => {
    const name = `Schrijnwerkerij ${unique()}`
    const [a, b] = [await register({ organisationName: name }), await register({ organisationName: name })]
    const slugs = await db().select({ slug: organisations.slug }).from(organisations).where(inArray(organisations.id, [a.organisationId, b.organisationId]))
    expect(slugs.map((s) => s.slug).sort()).toEqual([name.toLowerCase().replace(' ', '-'), `${name.toLowerCase().replace(' ', '-')}-2`])
  })
})

describe('confirming the e-mail address', () => {
  it('refuses to log in until the address is confirmed, without telling someone who lacks the password', async () => {
    const input = await register()
    expect(await verifyLogin(input.contactEmail, 'not the password at all', freshIp())).toEqual({ ok: false, reason: 'invalid' })
    expect(await verifyLogin(input.contactEmail, PASSWORD, freshIp())).toEqual({ ok: false, reason: 'email-unconfirmed' })
    expect(await confirmEmail(await confirmationToken(input.contactEmail), BASE_URL)).toBe(true)
    expect(await verifyLogin(input.contactEmail, PASSWORD, freshIp())).toEqual({ ok: true, userId: input.userId })
  })

  it('uses a link once, then tells the admins of the employer’s regions only', async () => {
    const gent = await regionalAdmin(GENT.region)
    const antwerp = await regionalAdmin('REFREG01')
    const input = await register()
    const token = await confirmationToken(input.contactEmail)
    expect(await confirmationLinkIsUsable(token)).toBe(true)
    expect(await mailsTo(gent.user.email, 'employer-awaiting-verification')).toHaveLength(0)

    expect(await confirmEmail(token, BASE_URL)).toBe(true)
    expect(await confirmationLinkIsUsable(token)).toBe(false)
    expect(await confirmEmail(token, BASE_URL)).toBe(false)
    const [user] = await db().select().from(users).where(eq(users.id, input.userId))
    expect(user!.emailVerifiedAt).toBeInstanceOf(Date)
    const confirmed = await db().select().from(auditLog).where(and(eq(auditLog.action, 'user.email-confirmed'), eq(auditLog.subjectId, input.userId)))
    expect(confirmed).toHaveLength(1)

    const [notice] = await mailsTo(gent.user.email, 'employer-awaiting-verification')
    expect(notice!.subject).toBe(`Nieuwe werkgever om na te kijken: ${input.organisationName}`)
    expect(notice!.text).toContain(`${BASE_URL}/admin/werkgevers/${input.organisationId}`)
    expect(await mailsTo(antwerp.user.email, 'employer-awaiting-verification')).toHaveLength(0)
  })

  it('refuses an expired link and a made-up one', async () => {
    const input = await register()
    const token = await confirmationToken(input.contactEmail)
    await db().execute(sql`update email_verification_tokens set expires_at = now() - interval '1 second' where token_hash = ${digest(token)}`)
    expect(await confirmationLinkIsUsable(token)).toBe(false)
    expect(await confirmEmail(token, BASE_URL)).toBe(false)
    expect(await confirmEmail(`${token}x`, BASE_URL)).toBe(false)
  })

  it('sends a new link only to an address that still waits, and says nothing either way', async () => {
    const waiting = await register()
    await resendConfirmation(waiting.contactEmail, BASE_URL)
    expect(await mailsTo(waiting.contactEmail, 'verify-email')).toHaveLength(2)

    const done = await register()
    await confirmEmail(await confirmationToken(done.contactEmail), BASE_URL)
    await expect(resendConfirmation(done.contactEmail, BASE_URL)).resolves.toBeUndefined()
    await expect(resendConfirmation(`nobody-${unique()}@example.test`, BASE_URL)).resolves.toBeUndefined()
    expect(await mailsTo(done.contactEmail, 'verify-email')).toHaveLength(1)
  })
})

describe("the regional admin's verification", () => {
  it('shows an employer only to admins of a region where it has a site', async () => {
    const gent = await regionalAdmin(GENT.region)
    const antwerp = await regionalAdmin('REFREG01')
    const input = await register()

    expect((await listEmployersForVerification(db(), gent.session.regionCodes)).map((e) => e.id)).toContain(input.organisationId)
    const listed = await getEmployerForVerification(db(), input.organisationId, gent.session.regionCodes)
    expect(listed).toMatchObject({ status: 'pending', emailConfirmed: false, enterpriseNumber: input.enterpriseNumber, sites: [{ municipality: 'Gent' }] })
    expect((await listEmployersForVerification(db(), antwerp.session.regionCodes)).map((e) => e.id)).not.toContain(input.organisationId)
    expect(await getEmployerForVerification(db(), input.organisationId, antwerp.session.regionCodes)).toBeUndefined()

    // The pages answer 404 to the other admin, also to a decision, which changes nothing.
    expect(await thrownStatus(employerLoader({ request: pageRequest(antwerp.cookie, `/admin/werkgevers/${input.organisationId}`), params: { id: input.organisationId }, context }))).toBe(404)
    const post = pageRequest(antwerp.cookie, `/admin/werkgevers/${input.organisationId}`, { intent: 'approve' })
    expect(await thrownStatus(decideAction({ request: post, params: { id: input.organisationId }, context }))).toBe(404)
    expect(await thrownStatus(employerLoader({ request: pageRequest(gent.cookie, '/admin/werkgevers/geen-uuid'), params: { id: 'geen-uuid' }, context }))).toBe(404)
    expect(await approveEmployer(antwerp.session, input.organisationId, BASE_URL)).toBeUndefined()
    const [profile] = await db().select().from(employerProfiles).where(eq(employerProfiles.organisationId, input.organisationId))
    expect(profile!.verificationStatus).toBe('pending')
  })

  it('approving publishes the placements that waited and mails the contact', async () => {
    const gent = await regionalAdmin(GENT.region)
    const input = await register()
    const waiting = [await submittedPlacement(input.organisationId, 'Hulp in de bakkerij'), await submittedPlacement(input.organisationId, 'Verkoper')]

    expect(await approveEmployer(gent.session, input.organisationId, BASE_URL)).toEqual({ name: input.organisationName, published: 2 })
    const rows = await db().select().from(placements).where(inArray(placements.id, waiting))
    expect(rows.map((p) => p.status)).toEqual(['published', 'published'])
    expect(rows.every((p) => p.publishedAt instanceof Date)).toBe(true)
    const [profile] = await db().select().from(employerProfiles).where(eq(employerProfiles.organisationId, input.organisationId))
    expect(profile).toMatchObject({ verificationStatus: 'verified', verifiedBy: gent.user.id })
    expect(profile!.verifiedAt).toBeInstanceOf(Date)
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'employer.verified'), eq(auditLog.subjectId, input.organisationId)))
    expect(entry).toMatchObject({ actorUserId: gent.user.id, details: { publishedPlacements: expect.arrayContaining(waiting) } })
    const [mail] = await mailsTo(input.contactEmail, 'employer-verified')
    expect(mail!.text).toContain('Hulp in de bakkerij')
    expect(mail!.text).toContain('Verkoper')
    // Decided once: approving again changes nothing.
    expect(await approveEmployer(gent.session, input.organisationId, BASE_URL)).toBeUndefined()
  })

  it('rejecting needs a reason of 10 characters, keeps placements hidden and mails the reason', async () => {
    const gent = await regionalAdmin(GENT.region)
    const input = await register()
    const placementId = await submittedPlacement(input.organisationId, 'Magazijnier')
    const params = { id: input.organisationId }

    const tooShort = await decideAction({ request: pageRequest(gent.cookie, `/admin/werkgevers/${input.organisationId}`, { intent: 'reject', reason: 'Nee.' }), params, context })
    expect((tooShort as Response).status).toBe(400)
    const reply = (await (tooShort as Response).json()) as { error: Record<string, string[]> }
    expect(reply.error.reason?.[0]).toContain('Schrijf een reden van minstens 10 tekens.')
    expect(await mailsTo(input.contactEmail, 'employer-rejected')).toHaveLength(0)

    const reason = 'Het ondernemingsnummer hoort bij een andere organisatie.'
    const redirect = await thrownStatus(decideAction({ request: pageRequest(gent.cookie, `/admin/werkgevers/${input.organisationId}`, { intent: 'reject', reason }), params, context }))
    expect(redirect).toBe(302)
    const [profile] = await db().select().from(employerProfiles).where(eq(employerProfiles.organisationId, input.organisationId))
    expect(profile).toMatchObject({ verificationStatus: 'rejected', verificationReason: reason })
    const [placement] = await db().select().from(placements).where(eq(placements.id, placementId))
    expect(placement!.status).toBe('submitted')
    const [mail] = await mailsTo(input.contactEmail, 'employer-rejected')
    expect(mail!.text).toContain(reason)
    expect(mail!.text).toContain('Ook de plaatsen die u al indiende')
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'employer.rejected'), eq(auditLog.subjectId, input.organisationId)))
    expect(entry).toMatchObject({ actorUserId: gent.user.id, details: { reason } })

    // A rejected employer cannot be rejected again, but can still be approved later.
    expect(await rejectEmployer(gent.session, input.organisationId, reason, BASE_URL)).toBeUndefined()
    expect(await approveEmployer(gent.session, input.organisationId, BASE_URL)).toEqual({ name: input.organisationName, published: 1 })
  })
})

describe("the employer's own organisation page", () => {
  async function employerWithTwoSites() {
    const { organisation, sites } = await createEmployer(db(), {
      sites: [
        { municipalityNis: GENT.nis, postcode: '9000', name: 'Winkel', street: 'Veldstraat 1' },
        { municipalityNis: GENT.nis, postcode: '9050', name: 'Atelier', street: 'Brusselsesteenweg 2' },
      ],
    })
    const user = await createUser(db(), { organisationId: organisation.id, role: 'employer' })
    const response = await signIn(new Request(`${BASE_URL}/inloggen`), user.id, 'password', '/werkgever')
    const cookie = response.headers.get('Set-Cookie')!.split(';')[0]!
    const post = (form: Record<string, string>) => organisationAction({ request: pageRequest(cookie, '/werkgever/organisatie', form), params: {}, context })
    return { organisation, sites, user, post }
  }
  const errorsOf = async (answer: unknown) => {
    expect((answer as Response).status).toBeGreaterThanOrEqual(400)
    return ((await (answer as Response).json()) as { result: { error: Record<string, string[]> } }).result.error
  }
  const auditActions = async (organisationId: string) =>
    (await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.organisationId, organisationId))).map((e) => e.action)

  it('adds a site in a Flemish municipality, and explains an unknown postcode next to the field', async () => {
    const { organisation, post } = await employerWithTwoSites()
    const unknown = await post({ intent: 'add-site', name: 'Loods', street: 'Kaai 3', postcode: '7000' })
    expect(await errorsOf(unknown)).toEqual({ postcode: ['Postcode 7000 ligt niet in Vlaanderen of bestaat niet. Kijk de postcode na.'] })
    const ambiguous = await post({ intent: 'add-site', name: 'Loods', street: 'Kaai 3', postcode: '1804' })
    expect(await errorsOf(ambiguous)).toEqual({ municipalityNis: ['Postcode 1804 ligt in Vilvoorde en Zemst. Kies de gemeente.'] })

    expect(await thrownStatus(post({ intent: 'add-site', name: 'Loods', street: 'Kaai 3', postcode: '1804', municipalityNis: '23088' }))).toBe(302)
    const sites = await db().select().from(employerSites).where(eq(employerSites.organisationId, organisation.id))
    expect(sites.find((s) => s.name === 'Loods')).toMatchObject({ postcode: '1804', municipalityNis: '23088', street: 'Kaai 3' })
    expect(await auditActions(organisation.id)).toEqual(['employer.site-added'])
  })

  it('changes its own sites and profile only', async () => {
    const mine = await employerWithTwoSites()
    const theirs = await employerWithTwoSites()
    const site = mine.sites[0]!
    expect(await thrownStatus(mine.post({ intent: 'edit-site', siteId: site.id, name: 'Winkel centrum', street: 'Veldstraat 3', postcode: '9000' }))).toBe(302)
    const [edited] = await db().select().from(employerSites).where(eq(employerSites.id, site.id))
    expect(edited).toMatchObject({ name: 'Winkel centrum', street: 'Veldstraat 3' })
    // Another organisation's site id changes nothing.
    const foreign = theirs.sites[0]!
    expect(await thrownStatus(mine.post({ intent: 'edit-site', siteId: foreign.id, name: 'Overgenomen', street: 'Straat 1', postcode: '9000' }))).toBe(404)
    expect(await errorsOf(await mine.post({ intent: 'remove-site', siteId: foreign.id }))).toEqual({ '': ['Deze vestiging bestaat niet meer.'] })
    expect(await db().select().from(employerSites).where(eq(employerSites.organisationId, theirs.organisation.id))).toHaveLength(2)

    const badPhone = await mine.post({ intent: 'profile', sector: 'Horeca', contactName: 'Tom', contactEmail: 'tom@example.test', contactPhone: '12' })
    expect(Object.keys(await errorsOf(badPhone))).toEqual(['contactPhone'])
    expect(await thrownStatus(mine.post({ intent: 'profile', sector: 'Horeca', contactName: 'Tom', contactEmail: 'Tom@Example.test' }))).toBe(302)
    const [profile] = await db().select().from(employerProfiles).where(eq(employerProfiles.organisationId, mine.organisation.id))
    expect(profile).toMatchObject({ sector: 'Horeca', contactName: 'Tom', contactEmail: 'tom@example.test', contactPhone: null })
    expect(await auditActions(mine.organisation.id)).toEqual(['employer.site-updated', 'employer.profile-updated'])
  })

  it('removes a site only when no placement uses it and another site remains', async () => {
    const { organisation, sites, post } = await employerWithTwoSites()
    const [used, free] = [sites[0]!, sites[1]!]
    await submittedPlacement(organisation.id, 'Verkoper', used.id)
    expect(await errorsOf(await post({ intent: 'remove-site', siteId: used.id }))).toEqual({ '': ['Deze vestiging kan niet weg: er hoort nog een plaats bij.'] })
    expect(await thrownStatus(post({ intent: 'remove-site', siteId: free.id }))).toBe(302)
    await db().delete(placements).where(eq(placements.organisationId, organisation.id))
    expect(await errorsOf(await post({ intent: 'remove-site', siteId: used.id }))).toEqual({ '': ['Dit is uw enige vestiging. Voeg eerst een andere toe.'] })
    expect((await db().select().from(employerSites).where(eq(employerSites.organisationId, organisation.id))).map((s) => s.id)).toEqual([used.id])
  })
})
