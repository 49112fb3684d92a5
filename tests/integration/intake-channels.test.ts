import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { signIn } from '#app/auth/session.server'
import { loader as posterLoader } from '#app/routes/partner+/kanalen.$channelId.affiche'
import { action as channelsAction, loader as channelsLoader } from '#app/routes/partner+/kanalen._index'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { db } from '#db/client'
import {
  CHANNEL_CODE_ALPHABET,
  CHANNEL_CODE_LENGTH,
  createOwnChannel,
  getOwnChannel,
  listOwnChannels,
  newChannelCode,
  renameOwnChannel,
} from '#db/queries/intake-channels'
import { loadSessionUser } from '#db/queries/users'
import { auditLog, intakeChannels, intakes } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'

const BASE = 'http://localhost'
// Links name the portal's own address (PUBLIC_URL, else localhost:PORT), never the address a request came to.
const PORTAL = publicBaseUrl()
const context = { requestId: 'intake-channels-test', clientIp: '127.0.0.1' }
const DAY = 86_400_000

/** An outreach worker of a new outreach partner (or of the given one), as the session sees them, with a cookie. */
async function outreachWorker(organisationId?: string) {
  const organisation = organisationId ?? (await createOrganisation(db(), { type: 'outreach_partner', name: `Buurtwerk ${randomBytes(3).toString('hex')}` })).id
  const row = await createUser(db(), { organisationId: organisation, role: 'outreach_worker' })
  const user = (await loadSessionUser(db(), row.id))!
  const response = await signIn(new Request(`${BASE}/inloggen`), row.id, 'password', '/partner')
  return { user, cookie: response.headers.get('Set-Cookie')!.split(';')[0]! }
}
type Worker = Awaited<ReturnType<typeof outreachWorker>>

/** An intake that came in through a channel `daysAgo` days ago; only what the schema requires. */
async function intakeVia(channelId: string | null, daysAgo: number) {
  const key = randomBytes(8).toString('hex')
  await db()
    .insert(intakes)
    .values({
      reference: `STP-${key}`,
      statusTokenHash: `hash-${key}`,
      submissionKey: `key-${key}`,
      channelId,
      language: 'nl',
      contactMethod: 'phone',
      phone: '0470 00 00 00',
      municipalityNis: '44021',
      situation: 'no_income',
      wantsWork: 'yes',
      dutchSelfAssessment: 'everyday',
      consentProcessing: true,
      consentSharing: true,
      suggestedDestination: 'vdab',
      suggestionReasons: [],
      firstContactDueOn: '2026-12-31',
      createdAt: new Date(Date.now() - daysAgo * DAY),
    })
}

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.set(name, value)
  return data
}
const post = (worker: Worker, fields: Record<string, string>) =>
  new Request(`${BASE}/partner/kanalen`, { method: 'POST', body: form(fields), headers: { Cookie: worker.cookie } })
const get = (worker: Worker, path: string) => new Request(`${BASE}${path}`, { headers: { Cookie: worker.cookie } })

/** Runs a loader or action that answers with a thrown Response (redirect, 404) or with data; returns a Response. */
async function respond(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run()
    return result instanceof Response ? result : Response.json(result)
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

describe('channel codes', () => {
  it('are 8 characters from an alphabet without look-alikes, and differ', () => {
    const codes = Array.from({ length: 500 }, newChannelCode)
    for (const code of codes) {
      expect(code).toHaveLength(CHANNEL_CODE_LENGTH)
      for (const char of code) expect(CHANNEL_CODE_ALPHABET).toContain(char)
    }
    expect(new Set(codes).size).toBe(codes.length)
    expect(CHANNEL_CODE_ALPHABET).not.toMatch(/[01ilo]/)
  })

  it('are drawn again when the first one is taken', async () => {
    const { user } = await outreachWorker()
    const taken = await createOwnChannel(db(), user, { name: 'Eerste', language: 'nl' })
    const fresh = newChannelCode()
    const draws = [taken.code, fresh]
    const second = await createOwnChannel(db(), user, { name: 'Tweede', language: 'fr' }, () => draws.shift()!)
    expect(second.code).toBe(fresh)
    expect(draws).toEqual([])
  })
})

describe('intake channels of an outreach partner', () => {
  it('lists only the own organisation, with intake counts in total and of the last 30 days', async () => {
    const mine = await outreachWorker()
    const colleague = await outreachWorker(mine.user.organisation.id)
    const other = await outreachWorker()
    const market = await createOwnChannel(db(), mine.user, { name: 'Markt op zaterdag', language: 'ar' })
    const quiet = await createOwnChannel(db(), colleague.user, { name: 'Taalcafé', language: 'nl' })
    const theirs = await createOwnChannel(db(), other.user, { name: 'Hun link', language: 'nl' })
    await intakeVia(market.id, 0)
    await intakeVia(market.id, 29)
    await intakeVia(market.id, 31)
    await intakeVia(market.id, 400)
    await intakeVia(theirs.id, 1)
    await intakeVia(null, 1)

    const listed = await listOwnChannels(db(), mine.user)
    expect(listed.map((c) => [c.name, c.language, c.intakesTotal, c.intakesRecent])).toEqual([
      ['Taalcafé', 'nl', 0, 0],
      ['Markt op zaterdag', 'ar', 4, 2],
    ])
    expect(listed.map((c) => c.id)).toEqual([quiet.id, market.id])
    // Counts only: nothing about who registered.
    expect(Object.keys(listed[0]!).sort()).toEqual(['code', 'createdAt', 'id', 'intakesRecent', 'intakesTotal', 'language', 'name'])
    expect((await listOwnChannels(db(), other.user)).map((c) => [c.name, c.intakesTotal])).toEqual([['Hun link', 1]])
  })

  it('lets nobody of another organisation see or rename a channel', async () => {
    const mine = await outreachWorker()
    const other = await outreachWorker()
    const channel = await createOwnChannel(db(), mine.user, { name: 'Onthaal', language: 'nl' })

    expect(await getOwnChannel(db(), other.user, channel.id)).toBeNull()
    expect(await renameOwnChannel(db(), other.user, channel.id, 'Overgenomen')).toBeNull()
    expect(await getOwnChannel(db(), mine.user, 'not-a-uuid')).toBeNull()
    expect(await renameOwnChannel(db(), mine.user, 'not-a-uuid', 'Iets')).toBeNull()
    const [stored] = await db().select().from(intakeChannels).where(eq(intakeChannels.id, channel.id))
    expect(stored).toMatchObject({ name: 'Onthaal', organisationId: mine.user.organisation.id, code: channel.code })

    expect(await renameOwnChannel(db(), mine.user, channel.id, 'Onthaal en bib')).toEqual({ id: channel.id, name: 'Onthaal en bib' })
    expect(await getOwnChannel(db(), mine.user, channel.id)).toMatchObject({ name: 'Onthaal en bib', code: channel.code, organisationName: mine.user.organisation.name })
    const logged = await db()
      .select({ action: auditLog.action, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'intake-channel'), eq(auditLog.subjectId, channel.id)))
      .orderBy(auditLog.id)
    expect(logged).toEqual([
      { action: 'intake-channel.create', actor: mine.user.id },
      { action: 'intake-channel.rename', actor: mine.user.id },
    ])
  })

  it('refuses users who are no outreach worker of an outreach partner', async () => {
    const ocmw = await createOrganisation(db(), { type: 'ocmw' })
    const row = await createUser(db(), { organisationId: ocmw.id, role: 'triage_worker' })
    const user = (await loadSessionUser(db(), row.id))!
    await expect(listOwnChannels(db(), user)).rejects.toThrow(/no intake channels/)
  })
})

describe('the channel pages', () => {
  it('create a channel, name field-level mistakes, and answer 404 for another organisation’s channel', async () => {
    const mine = await outreachWorker()
    const other = await outreachWorker()

    const empty = await respond(() => channelsAction({ request: post(mine, { intent: 'create', name: ' ', language: 'nl' }), params: {}, context }))
    expect(empty.status).toBe(400)
    expect((await empty.json()).result.error).toEqual({ name: ['Gebruik minstens 2 tekens.'] })
    const language = await respond(() => channelsAction({ request: post(mine, { intent: 'create', name: 'Bib', language: 'xx' }), params: {}, context }))
    expect((await language.json()).result.error).toEqual({ language: ['Kies een van de talen uit de lijst.'] })

    const created = await respond(() => channelsAction({ request: post(mine, { intent: 'create', name: 'Bib', language: 'tr' }), params: {}, context }))
    expect(created.status).toBe(302)
    expect(created.headers.get('Location')).toBe('/partner/kanalen')
    const list = await (await respond(() => channelsLoader({ request: get(mine, '/partner/kanalen'), params: {}, context }))).json()
    expect(list.channels).toHaveLength(1)
    const channel = list.channels[0]
    expect(channel.link).toBe(`${PORTAL}/aanmelden/k/${channel.code}`)

    const hijack = await respond(() => channelsAction({ request: post(other, { intent: 'rename', channelId: channel.id, name: 'Van ons' }), params: {}, context }))
    expect(hijack.status).toBe(404)
    const tooLong = await respond(() => channelsAction({ request: post(mine, { intent: 'rename', channelId: channel.id, name: 'x'.repeat(81) }), params: {}, context }))
    expect(tooLong.status).toBe(400)
    expect(await tooLong.json()).toMatchObject({ intent: 'rename', channelId: channel.id, result: { error: { name: ['Gebruik hoogstens 80 tekens.'] } } })

    const poster = (path: string, worker: Worker) => respond(() => posterLoader({ request: get(worker, path), params: { channelId: channel.id }, context }))
    expect((await poster(`/partner/kanalen/${channel.id}/affiche`, other)).status).toBe(404)
  })

  it('build the poster in the chosen language, with the link and its QR code', async () => {
    const mine = await outreachWorker()
    const channel = await createOwnChannel(db(), mine.user, { name: 'Moskee', language: 'tr' })
    const poster = async (query: string) =>
      (await respond(() => posterLoader({ request: get(mine, `/partner/kanalen/${channel.id}/affiche${query}`), params: { channelId: channel.id }, context }))).json()

    const arabic = await poster('?taal=ar')
    expect(arabic.language).toBe('ar')
    expect(arabic.url).toBe(`${PORTAL}/aanmelden/k/${channel.code}?lng=ar`)
    expect(arabic.texts.title).toBe('هل تبحث عن عمل أو تدريب؟')
    expect(arabic.texts.help).toContain(mine.user.organisation.name)
    expect(arabic.texts.qrLabel).toContain(arabic.url)
    expect(arabic.qrSvg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/)

    // No language, or one the form does not speak: the channel's own.
    for (const query of ['', '?taal=xx']) {
      const turkish = await poster(query)
      expect(turkish.language).toBe('tr')
      expect(turkish.url).toBe(`${PORTAL}/aanmelden/k/${channel.code}?lng=tr`)
      expect(turkish.texts.title).toBe('İş ya da eğitim mi arıyorsunuz?')
    }
  })
})
