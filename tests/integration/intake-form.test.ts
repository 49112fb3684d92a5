import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import { and, count, eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '#app/auth/session.server'
import { commitDraft, newDraft, readDraft } from '#app/features/intake/intake-draft.server'
import { firstMissingStep, parseAnswers } from '#app/features/intake/intake-steps'
import { addWorkingDays, brusselsDate } from '#domain/intake-working-days'
import { REFERENCE_PATTERN } from '#domain/intake-reference'
import { action as startAction } from '#app/routes/aanmelden+/_index'
import { loader as channelLoader } from '#app/routes/aanmelden+/k.$code'
import { action as stepAction, loader as stepLoader } from '#app/routes/aanmelden+/$step'
import * as summaryRoute from '#app/routes/aanmelden+/controle'
import { loader as summaryLoader } from '#app/routes/aanmelden+/controle'
import { i18nConfig } from '#app/i18n'
import { action as assistedStart } from '#app/routes/partner+/aanmelden'
import { INTAKE_LIMIT, limitKey } from '#app/utils/rate-limit.server'
import { db } from '#db/client'
import { countAttempt } from '#db/queries/rate-limit'
import { contactMoments, intakeBarriers } from '#domain/values'
import { auditLog, emailMessages, intakeChannels, intakeEvents, intakes, organisations, rateLimits, triageSettings } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'
import { BASE_URL, confirmation, fillIn, freshIp, IntakeBrowser, location, submit } from './intake-browser'
import { deliveredMail } from '#tests/support/mail'
import { cookieHeader } from '#tests/support/cookie-jar'
import { errorSummaryIn, renderAfterPost } from '#tests/support/render-page'
import { personsHoneypot } from './public-forms-support'

// Gent (44021) lies in REFREG13, like Destelbergen (44013). The test's OCMW and VDAB team have a triage worker,
// so the form routes to them rather than to the reference OCMW Gent and VDAB-team Regio Gent, which have no staff.
let ocmw: { id: string; name: string }
let vdab: { id: string; name: string }
beforeAll(async () => {
  ocmw = await createOrganisation(db(), { type: 'ocmw', name: 'OCMW Gent (test)', municipalities: ['44021'] })
  vdab = await createOrganisation(db(), { type: 'vdab', name: 'VDAB Regio Gent (test)', regions: ['REFREG13'] })
  for (const organisation of [ocmw, vdab]) await createUser(db(), { role: 'triage_worker', organisationId: organisation.id })
  // An outreach partner that also lists the municipality must never be taken for its OCMW.
  await createOrganisation(db(), { type: 'outreach_partner', municipalities: ['44021'] })
})

const intakeCount = async () => (await db().select({ n: count() }).from(intakes))[0]!.n
const byKey = async (submissionKey: string) => (await db().select().from(intakes).where(eq(intakes.submissionKey, submissionKey)))[0]

describe('the intake form', () => {
  it('keeps nothing in the database until the summary is sent, then commits one intake routed to OCMW and VDAB', async () => {
    const before = await intakeCount()
    const browser = new IntakeBrowser()
    const key = await fillIn(browser, 'ar')
    expect(await intakeCount()).toBe(before)

    const sent = await submit(browser, key, 'ar')
    expect(sent.status).toBe(302)
    expect(location(sent)).toBe('/aanmelden/klaar?lng=ar')
    const intake = (await byKey(key))!
    expect(intake).toMatchObject({
      language: 'ar',
      firstName: 'Amina',
      municipalityNis: '44021',
      ocmwOrganisationId: ocmw.id,
      vdabOrganisationId: vdab.id,
      suggestedDestination: 'ocmw',
      suggestionReasons: [{ rule: 'Welzijnsdrempel: heeft schulden', destination: 'ocmw' }],
      firstContactDueOn: addWorkingDays(brusselsDate(), 5),
      consentProcessing: true,
      consentSharing: true,
      contactLanguage: 'ar',
      wantsTraining: true,
      inEducation: false,
      assistedByUserId: null,
      status: 'new',
    })
    expect(intake.reference).toMatch(REFERENCE_PATTERN)
    const events = await db().select().from(intakeEvents).where(eq(intakeEvents.intakeId, intake.id))
    expect(events).toMatchObject([{ fromStatus: null, toStatus: 'new' }])
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.subjectId, intake.id), eq(auditLog.action, 'intake.submitted')))
    expect(audits).toHaveLength(1)

    // The confirmation: the reference, who calls within how many working days, and the status link.
    const shown = await confirmation(browser, 'ar')
    expect(shown.reference).toBe(intake.reference)
    expect(shown.next).toContain(`${ocmw.name} أو ${vdab.name}`)
    expect(shown.next).toContain('خلال 5 أيام عمل')
    expect(shown.statusPath).toMatch(/^\/aanmelden\/status\/[\w-]{43}\?lng=ar$/)

    // The mail, in Arabic, right to left, with the same status link.
    const [queued] = await db().select().from(emailMessages).where(eq(emailMessages.to, intake.email!))
    const mail = await deliveredMail(queued!.id)
    expect(mail!.subject).toBe(`تسجيلك في Stapsteen (${intake.reference})`)
    expect(mail!.html).toMatch(/<html[^>]*\blang="ar"/)
    expect(mail!.html).toMatch(/<html[^>]*\bdir="rtl"/)
    expect(mail!.html).toContain(`${BASE_URL}${shown.statusPath}`.replace(/&/g, '&amp;'))
    expect(mail!.text).toContain('مرحبًا Amina')
  })

  it('sends an intake without consent to share to the OCMW only', async () => {
    const browser = new IntakeBrowser()
    const key = await fillIn(browser, 'nl', { toestemming: { consentProcessing: 'on' } })
    expect((await submit(browser, key)).status).toBe(302)
    expect(await byKey(key)).toMatchObject({ consentSharing: false, ocmwOrganisationId: ocmw.id, vdabOrganisationId: null })
    expect((await confirmation(browser, 'nl')).next).not.toContain(vdab.name)
  })

  it('creates one intake when the summary is sent twice, at once or again later, and shows the same confirmation', async () => {
    const browser = new IntakeBrowser()
    const key = await fillIn(browser)
    const other = browser.clone()
    const before = await intakeCount()
    const [first, second] = await Promise.all([submit(browser, key), submit(other, key)])
    expect([first.status, second.status]).toEqual([302, 302])
    expect(location(first)).toBe('/aanmelden/klaar?lng=nl')
    expect(location(second)).toBe('/aanmelden/klaar?lng=nl')
    expect(await intakeCount()).toBe(before + 1)
    // The page sent again after the confirmation (back button, resubmit).
    expect(location(await submit(browser, key))).toBe('/aanmelden/klaar?lng=nl')
    expect(await intakeCount()).toBe(before + 1)
    expect((await confirmation(browser)).reference).toBe((await confirmation(other)).reference)
  })

  it('refuses a postcode outside Flanders and asks for the municipality of a shared postcode', async () => {
    const browser = new IntakeBrowser()
    await fillIn(browser)
    const post = (fields: Record<string, string>) => browser.post(stepAction, '/aanmelden/woonplaats?lng=fr', fields, { step: 'woonplaats' })
    const brussels = await post({ postcode: '1000' })
    expect(brussels.status).toBe(400)
    expect(await brussels.json()).toMatchObject({ result: { error: { postcode: ['errors.postcodeNotFlemish'] } } })
    const shared = await post({ postcode: '1804' })
    expect(shared.status).toBe(400)
    const body = (await shared.json()) as { result: { error: Record<string, string[]> }; municipalityChoices: { nis: string }[] }
    expect(body.result.error).toEqual({ municipalityNis: ['errors.municipalityChoose'] })
    expect(body.municipalityChoices).toHaveLength(2)
    expect((await post({ postcode: '1804', municipalityNis: body.municipalityChoices[0]!.nis })).status).toBe(302)
  })

  it('asks the steps in order and offers contact through an organisation only when there is one', async () => {
    const browser = new IntakeBrowser()
    await browser.post(startAction, '/aanmelden?lng=nl', {})
    expect(location(await browser.get(stepLoader, '/aanmelden/situatie?lng=nl', { step: 'situatie' }))).toBe('/aanmelden/naam?lng=nl')
    expect(location(await browser.get(summaryLoader, '/aanmelden/controle?lng=nl'))).toBe('/aanmelden/naam?lng=nl')
    expect(location(await browser.get(stepLoader, '/aanmelden/naam', { step: 'naam' }))).toBe('/aanmelden/naam?lng=nl')
    const missing = await browser.get(stepLoader, '/aanmelden/onbekend?lng=nl', { step: 'onbekend' })
    expect(missing.status).toBe(404)
    const contact = await browser.post(stepAction, '/aanmelden/contact?lng=nl', { contactMethod: 'organisation' }, { step: 'contact' })
    expect(contact.status).toBe(400)
    expect(await contact.json()).toMatchObject({ result: { error: { contactMethod: ['errors.organisationUnknown'] } } })
    // Without a form started, a step sends the person to the start page.
    expect(location(await new IntakeBrowser().post(stepAction, '/aanmelden/naam?lng=uk', { firstName: 'Olena' }, { step: 'naam' }))).toBe('/aanmelden?lng=uk&verlopen=1')
  })

  it('records the channel of an outreach link, starts in its language, and lets the resident be reached through it', async () => {
    const partner = await createOrganisation(db(), { type: 'outreach_partner', name: 'Buurthuis Test' })
    const code = `kanaal-${freshIp().replace(/\./g, '')}`
    const [channel] = await db().insert(intakeChannels).values({ code, organisationId: partner.id, name: 'Onthaal', language: 'tr' }).returning()
    const browser = new IntakeBrowser()
    const landed = await browser.get(channelLoader, `/aanmelden/k/${code.toUpperCase()}`, { code: code.toUpperCase() })
    expect(location(landed)).toBe('/aanmelden?lng=tr')
    const key = await fillIn(browser, 'tr', { contact: { contactMethod: 'organisation' } }, false)
    await submit(browser, key, 'tr')
    expect(await byKey(key)).toMatchObject({ channelId: channel!.id, language: 'tr', contactMethod: 'organisation', email: null })
    expect((await confirmation(browser, 'tr')).contactWay).toBe('Buurthuis Test aracılığıyla sizinle iletişime geçecekler.')

    const unknown = new IntakeBrowser()
    expect(location(await unknown.get(channelLoader, '/aanmelden/k/bestaat-niet', { code: 'bestaat-niet' }))).toBe('/aanmelden?lng=nl&kanaal=onbekend')
    expect(unknown.cookies.size).toBe(0)
  })

  it('marks an intake filled in with an outreach worker as assisted, and needs the worker still logged in to send it', async () => {
    const partner = await createOrganisation(db(), { type: 'outreach_partner', name: 'Buurtwerk Test' })
    const worker = await createUser(db(), { organisationId: partner.id, role: 'outreach_worker' })
    const browser = new IntakeBrowser()
    const login = await signIn(new Request(`${BASE_URL}/inloggen`), worker.id, 'password', '/partner')
    const [pair = ''] = login.headers.get('Set-Cookie')!.split(';')
    browser.cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1))
    expect(location(await browser.post(assistedStart, '/partner/aanmelden', { language: 'uk' }))).toBe('/aanmelden/naam?lng=uk')
    const key = await fillIn(browser, 'uk', { contact: { contactMethod: 'organisation' } }, false)

    const loggedOut = browser.clone()
    loggedOut.cookies.delete('stapsteen_session')
    expect(location(await submit(loggedOut, key, 'uk'))).toBe(`/inloggen?redirectTo=${encodeURIComponent('/aanmelden/controle?lng=uk')}`)
    expect(await byKey(key)).toBeUndefined()

    await submit(browser, key, 'uk')
    expect(await byKey(key)).toMatchObject({ assistedByUserId: worker.id, channelId: null, contactMethod: 'organisation' })
  })

  it('asks whether a young person is in education, and suggests VDAB only to those who are not', async () => {
    const young = { geboortejaar: { birthYear: String(new Date().getFullYear() - 20) }, drempels: { barriers: [] } }
    const outcome = async (inEducation: 'yes' | 'no') => {
      const browser = new IntakeBrowser()
      const key = await fillIn(browser, 'nl', { ...young, situatie: { situation: 'no_income', inEducation } })
      await submit(browser, key)
      return byKey(key)
    }
    const youthRule = { rule: `Geboren in ${young.geboortejaar.birthYear}: jonger dan 25 jaar, en niet in opleiding`, destination: 'vdab' }
    const notInEducation = (await outcome('no'))!
    expect(notInEducation).toMatchObject({ inEducation: false, suggestedDestination: 'vdab' })
    expect(notInEducation.suggestionReasons).toContainEqual(youthRule)
    const inEducation = (await outcome('yes'))!
    expect(inEducation.inEducation).toBe(true)
    expect(inEducation.suggestionReasons).not.toContainEqual(youthRule)

    // Changed from the summary without an answer to the question: the step says which field, and keeps the draft.
    const browser = new IntakeBrowser()
    await fillIn(browser)
    const unanswered = await browser.post(stepAction, '/aanmelden/situatie?lng=nl', { situation: 'no_income' }, { step: 'situatie' })
    expect(unanswered.status).toBe(400)
    expect(JSON.stringify(await unanswered.json())).toContain('errors.inEducationRequired')
  })

  it('suggests and times with the settings of the municipality’s region', async () => {
    await db()
      .insert(triageSettings)
      .values({ regionCode: 'REFREG13', firstContactWorkingDays: 2, welfareBarriers: ['childcare'] })
      .onConflictDoUpdate({ target: triageSettings.regionCode, set: { firstContactWorkingDays: 2, welfareBarriers: ['childcare'] } })
    // Destelbergen's OCMW is deactivated here, so no OCMW receives the intake and the region's VDAB team does.
    await db().update(organisations).set({ deactivatedAt: new Date() }).where(eq(organisations.slug, 'ocmw-44013'))
    try {
      const browser = new IntakeBrowser()
      const key = await fillIn(browser, 'nl', { woonplaats: { postcode: '9070' }, drempels: { barriers: ['debts'] } })
      await submit(browser, key)
      // Debts are no welfare barrier in this region.
      expect(await byKey(key)).toMatchObject({
        municipalityNis: '44013',
        ocmwOrganisationId: null,
        vdabOrganisationId: vdab.id,
        suggestedDestination: 'vdab',
        firstContactDueOn: addWorkingDays(brusselsDate(), 2),
      })
      expect((await confirmation(browser)).next.startsWith(`${vdab.name} neemt binnen 2 werkdagen contact met u op, ten laatste op `)).toBe(true)
    } finally {
      await db().delete(triageSettings).where(eq(triageSettings.regionCode, 'REFREG13'))
      await db().update(organisations).set({ deactivatedAt: null }).where(eq(organisations.slug, 'ocmw-44013'))
    }
  })
})

describe('the draft cookie', () => {
  it('keeps even the longest answers, in a script of three bytes a character, within one cookie', async () => {
    // Different characters, so compression cannot shrink them.
    const long = (length: number) => Array.from({ length }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919 + length) % 20_000))).join('')
    const answers = parseAnswers({
      naam: { firstName: long(80), lastName: long(80) },
      contact: { contactMethod: 'email', phone: '+380501234567123', email: `${'a'.repeat(64)}@${'b'.repeat(185)}.be` },
      woonplaats: { postcode: '1804', municipalityNis: '23096' },
      geboortejaar: { birthYear: 1990 },
      situatie: { situation: 'unemployment_benefit', inEducation: 'yes' },
      werk: { wantsWork: 'not_now', wantsTraining: 'unknown' },
      drempels: { barriers: [...intakeBarriers], barrierOther: long(200) },
      nederlands: { dutchSelfAssessment: 'a_little' },
      voorkeur: { contactLanguage: 'other', contactLanguageOther: long(40), contactMoments: [...contactMoments] },
      toestemming: { consentProcessing: true, consentSharing: true },
    })
    expect(firstMissingStep(answers)).toBeUndefined()
    const draft = { ...newDraft({ language: 'ar', channelId: randomUUID(), assisted: true }), answers }
    const [pair = ''] = (await commitDraft(new Request(`${BASE_URL}/aanmelden`), draft)).split(';')
    // Browsers keep a cookie of at most 4096 bytes (name and value).
    expect(pair.length).toBeLessThan(4096)
    expect(await readDraft(new Request(`${BASE_URL}/aanmelden`, { headers: { Cookie: pair } }))).toEqual(draft)
    // One character changed for another (the same character would change nothing: a test that could pass by luck).
    const tampered = pair.slice(0, -8) + (pair.at(-8) === 'A' ? 'B' : 'A') + pair.slice(-7)
    expect(tampered).not.toBe(pair)
    expect(await readDraft(new Request(`${BASE_URL}/aanmelden`, { headers: { Cookie: tampered } }))).toBeUndefined()
  })
})

describe('the rate limit of the intake form', () => {
  it(`refuses more than ${INTAKE_LIMIT.max} submissions per address in ${INTAKE_LIMIT.windowMinutes} minutes, keeping the answers`, async () => {
    const browser = new IntakeBrowser()
    const ipKey = await limitKey(INTAKE_LIMIT, browser.ip)
    for (let i = 0; i < INTAKE_LIMIT.max; i++) await countAttempt(db(), ipKey, INTAKE_LIMIT.windowMinutes)
    const key = await fillIn(browser)
    const refused = await submit(browser, key)
    expect(refused.status).toBe(429)
    expect(((await refused.json()) as { result: { error: Record<string, string[]> } }).result.error).toEqual({ '': ['errors.rateLimited'] })
    expect(await byKey(key)).toBeUndefined()

    // Another address is not affected; this one may again once its window is over.
    const elsewhere = new IntakeBrowser()
    expect((await submit(elsewhere, await fillIn(elsewhere))).status).toBe(302)
    await db().update(rateLimits).set({ windowEndsAt: sql`now() - interval '1 minute'` }).where(eq(rateLimits.key, ipKey))
    expect(location(await submit(browser, key))).toBe('/aanmelden/klaar?lng=nl')
    expect(await byKey(key)).toBeDefined()
  })

  // React escapes these in text; the Ukrainian message has an apostrophe.
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#x27;')

  it.each(i18nConfig.supportedLngs)('shows the refusal as the focused error summary of the summary page, in %s (issue 16, point 7)', async (language) => {
    const browser = new IntakeBrowser()
    const ipKey = await limitKey(INTAKE_LIMIT, browser.ip)
    for (let i = 0; i < INTAKE_LIMIT.max; i++) await countAttempt(db(), ipKey, INTAKE_LIMIT.windowMinutes)
    const key = await fillIn(browser, language)
    const body = new URLSearchParams({ ...(await personsHoneypot()), submissionKey: key })
    const request = new Request(`${BASE_URL}/aanmelden/controle?lng=${language}`, { method: 'POST', body, headers: { Cookie: cookieHeader(browser.cookies) } })
    const { status, html } = await renderAfterPost(summaryRoute, '/aanmelden/controle', request, { locale: language, clientIp: browser.ip })
    expect(status).toBe(429)
    const texts = JSON.parse(fs.readFileSync(`public/locales/${language}/intake.json`, 'utf8')) as { errorSummary: string; errors: { rateLimited: string } }
    const summary = errorSummaryIn(html)!
    expect(summary).toMatch(/^<section tabindex="-1" autofocus=""/)
    expect(summary).toContain(`>${escape(texts.errorSummary)}</h2>`)
    expect(summary).toContain(`<p id="intake-submit-error" role="alert" class="mt-2 font-medium text-red-800">${escape(texts.errors.rateLimited)}</p>`)
    // The form names the message as its description, and the page still offers to send it.
    expect(html).toMatch(/<form [^>]*id="intake-submit"[^>]*aria-describedby="intake-submit-error"/)
    expect(html).toContain(`name="submissionKey" value="${key}"`)
    expect(html.match(/autofocus/g)).toHaveLength(1)
    expect(await byKey(key)).toBeUndefined()
  })

  it('stores a keyed hash of the address, never the address, and forgets it after the window', async () => {
    const ip = freshIp()
    const ipKey = await limitKey(INTAKE_LIMIT, ip)
    expect(await countAttempt(db(), ipKey, INTAKE_LIMIT.windowMinutes)).toBe(1)
    expect(await countAttempt(db(), ipKey, INTAKE_LIMIT.windowMinutes)).toBe(2)
    const rows = await db().select().from(rateLimits)
    for (const row of rows) expect(row.key).not.toContain(ip)
    expect(ipKey).not.toBe(await limitKey(INTAKE_LIMIT, freshIp()))
    await db().update(rateLimits).set({ windowEndsAt: sql`now() - interval '1 minute'` }).where(eq(rateLimits.key, ipKey))
    expect(await countAttempt(db(), await limitKey(INTAKE_LIMIT, freshIp()), INTAKE_LIMIT.windowMinutes)).toBe(1)
    expect(await db().select().from(rateLimits).where(eq(rateLimits.key, ipKey))).toEqual([])
  })
})
