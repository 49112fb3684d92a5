import fs from 'node:fs'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { and, asc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { logger } from '#core/logger'
import { loader as apiLoader } from '#app/routes/api+/v1.referrals.$id'
import { loader as downloadLoader } from '#app/routes/triage+/doorverwijzingen.$referralId[.json]'
import { loader as intakePageLoader } from '#app/routes/triage+/$intakeId'
import { exportableReferralId } from '#app/features/triage/hand-over/referral-export-link'
import { decideReferral } from '#app/features/triage/hand-over/hand-over.server'
import { db, type Tx } from '#db/client'
import { registerFirstContact } from '#db/queries/intake-changes'
import { addNote } from '#db/queries/intake-notes'
import { referIntake } from '#db/queries/intake-referrals'
import { auditLog, intakeReferrals, intakes } from '#db/schema'
import * as values from '#domain/values'
import type { SessionUser } from '#domain/session-user'
import { apiToken } from '#tests/support/trajectory-sharing'
import { requestAs, triageWorld, type TriageWorld } from './intake-triage-support'

/** The warm hand-over's dossier for the receiving organisation (issue 14): its schema, who reads it, what never leaves. */
const schema = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/schemas/referral-export.schema.json'), 'utf8'))
const ajv = new Ajv2020({ strict: true, allErrors: true })
addFormats(ajv)
const validate = ajv.compile(schema)
const SECRET = 'Vertrouwelijk: schulden bij de deurwaarder, niet doorgeven'
const SHARED = 'Inwoner wil snel werken, liefst in de logistiek.'
const CONTEXT = { requestId: 'test', clientIp: '127.0.0.1' }
const UNKNOWN = '00000000-0000-4000-8000-000000000000'
const REFUSED = { error: { message: 'Deze doorverwijzing bestaat niet of je organisatie mag ze niet lezen.', fields: {} } }

const tx = <T>(work: (t: Tx) => Promise<T>) => db().transaction(work)
beforeAll(() => void vi.spyOn(logger(), 'info').mockImplementation(() => undefined))

/** An intake OCMW contacted, with a confidential and a shared note, referred by `from` to the other organisation. */
async function referred(w: TriageWorld, from: 'ocmw' | 'vdab' = 'ocmw') {
  const intake = await w.intake({ email: 'inwoner@example.org', contactMoments: ['morning'], barriers: ['dutch', 'other'], barrierOther: 'Geen rijbewijs' })
  const sender = from === 'ocmw' ? w.ocmwUser : w.vdabUser
  expect(await tx((t) => registerFirstContact(t, sender, intake.id))).toEqual({ kind: 'done' })
  expect(await tx((t) => addNote(t, w.ocmwUser, intake.id, { body: SECRET, confidential: true }))).toEqual({ kind: 'added' })
  expect(await tx((t) => addNote(t, w.ocmwUser, intake.id, { body: SHARED, confidential: false }))).toEqual({ kind: 'added' })
  expect(await tx((t) => referIntake(t, sender, intake.id, 'Graag snel bellen.'))).toMatchObject({ kind: 'referred' })
  const [referral] = await db().select().from(intakeReferrals).where(eq(intakeReferrals.intakeId, intake.id))
  return { intake, referralId: referral!.id }
}

async function callApi(token: string, id: string) {
  const request = new Request(`http://localhost:3000/api/v1/referrals/${id}`, { headers: { Authorization: `Bearer ${token}` } })
  return apiLoader({ request, params: { id }, context: CONTEXT })
}

async function download(user: SessionUser, referralId: string) {
  try {
    return await downloadLoader({ request: await requestAs(user, `/triage/doorverwijzingen/${referralId}.json`), params: { referralId }, context: CONTEXT })
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
}

const exportAudits = (intakeId: string) =>
  db().select({ actorUserId: auditLog.actorUserId, details: auditLog.details }).from(auditLog).where(and(eq(auditLog.action, 'intake.referral-export'), eq(auditLog.subjectId, intakeId))).orderBy(asc(auditLog.id))

describe('the hand-over export', () => {
  it('gives the receiver the dossier by download and API, valid against its schema, without the confidential note', async () => {
    const w = await triageWorld()
    const { intake, referralId } = await referred(w)
    const response = await download(w.vdabUser, referralId)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="doorverwijzing-${referralId}.json"`)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const text = await response.text()
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('deurwaarder')
    const data = JSON.parse(text)
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true)
    expect(data).toMatchObject({
      schemaVersion: 1,
      referral: { id: referralId, status: 'pending', decidedAt: null, requester: { id: w.ocmw.id }, owner: { id: w.vdab.id }, message: 'Graag snel bellen.' },
      intake: { id: intake.id, reference: intake.reference, status: 'referred' },
      resident: { lastName: intake.lastName, email: 'inwoner@example.org', contactMoments: ['morning'], address: { postcode: '9000', municipalityNis: '44021' } },
      answers: { barriers: ['dutch', 'other'], barrierOther: 'Geen rijbewijs' },
    })
    expect(data.notes).toEqual([{ createdAt: expect.any(String), organisation: w.ocmw.name, body: SHARED }])
    expect(data.history.map((e: { toStatus: string }) => e.toStatus)).toEqual(['in_contact', 'referred'])

    const api = await callApi(await apiToken(w.vdabUser), referralId)
    expect(api.status).toBe(200)
    const body = await api.json()
    expect(JSON.stringify(body)).not.toContain(SECRET)
    expect({ ...body, exportedAt: null }).toEqual({ ...data, exportedAt: null })
    expect(await exportAudits(intake.id)).toEqual([
      { actorUserId: w.vdabUser.id, details: { referralId, channel: 'download' } },
      { actorUserId: w.vdabUser.id, details: { referralId, channel: 'api' } },
    ])
  })

  it('stays readable for the receiver after it accepted, and the intake page links to it', async () => {
    const w = await triageWorld()
    const { intake, referralId } = await referred(w)
    expect(await tx((t) => decideReferral(t, w.vdabUser, intake.id, { decision: 'accept' }))).toMatchObject({ kind: 'accepted' })
    const data = await (await callApi(await apiToken(w.vdabUser), referralId)).json()
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true)
    expect(data.referral).toMatchObject({ status: 'accepted', decidedAt: expect.any(String) })
    // The link on the intake page: for the receiver that handles the file, not for the sender (status access now).
    const pageOf = async (user: SessionUser) =>
      (await (await intakePageLoader({ request: await requestAs(user, `/triage/${intake.id}`), params: { intakeId: intake.id }, context: CONTEXT })).json()).page
    expect(exportableReferralId(await pageOf(w.vdabUser), w.vdab.id)).toBe(referralId)
    expect(exportableReferralId(await pageOf(w.ocmwUser), w.ocmw.id)).toBeUndefined()
    expect((await callApi(await apiToken(w.ocmwUser), referralId)).status).toBe(404)
  })

  it('answers 404 to everyone but the receiver, and writes no audit row for a refusal', async () => {
    const w = await triageWorld()
    const { intake, referralId } = await referred(w)
    // The sender, another OCMW, a malformed id and an unknown id: the same answer.
    for (const [user, id] of [[w.ocmwUser, referralId], [w.otherUser, referralId], [w.vdabUser, 'niet-een-id'], [w.vdabUser, UNKNOWN]] as const) {
      const refused = await callApi(await apiToken(user), id)
      expect(refused.status).toBe(404)
      expect(await refused.json()).toEqual(REFUSED)
      expect((await download(user, id)).status).toBe(404)
    }
    expect(await exportAudits(intake.id)).toEqual([])
  })

  it('a VDAB token cannot read an OCMW-only referral (one VDAB sent, or one handed to another team); the OCMW receiver never gets its own confidential note', async () => {
    const w = await triageWorld()
    const { intake, referralId: toOcmw } = await referred(w, 'vdab')
    const ocmwReads = await callApi(await apiToken(w.ocmwUser), toOcmw)
    expect(ocmwReads.status).toBe(200)
    // Not even to the OCMW that wrote it, also once it handles the file (and sees the note on its page).
    expect(await ocmwReads.text()).not.toContain(SECRET)
    expect(await tx((t) => decideReferral(t, w.ocmwUser, intake.id, { decision: 'accept' }))).toMatchObject({ kind: 'accepted' })
    const handled = await (await callApi(await apiToken(w.ocmwUser), toOcmw)).text()
    expect(JSON.parse(handled).notes.map((n: { body: string }) => n.body)).toEqual([SHARED])
    expect(handled).not.toContain(SECRET)
    expect((await callApi(await apiToken(w.vdabUser), toOcmw)).status).toBe(404)

    const elsewhere = await triageWorld()
    const { referralId: toOtherTeam } = await referred(elsewhere)
    expect((await callApi(await apiToken(elsewhere.vdabUser), toOtherTeam)).status).toBe(200)
    expect((await callApi(await apiToken(w.vdabUser), toOtherTeam)).status).toBe(404)
  })

  it('is gone once the receiver declined, or the intake was anonymised', async () => {
    const w = await triageWorld()
    const declined = await referred(w)
    expect(await tx((t) => decideReferral(t, w.vdabUser, declined.intake.id, { decision: 'decline', reason: 'Eerst schulden regelen.' }))).toEqual({ kind: 'declined' })
    expect((await callApi(await apiToken(w.vdabUser), declined.referralId)).status).toBe(404)

    const anonymised = await referred(w)
    const token = await apiToken(w.vdabUser)
    expect((await callApi(token, anonymised.referralId)).status).toBe(200)
    await db().update(intakes).set({ anonymisedAt: new Date(), firstName: null, lastName: null, phone: null, email: null }).where(eq(intakes.id, anonymised.intake.id))
    expect((await callApi(token, anonymised.referralId)).status).toBe(404)
  })
})

describe('docs/schemas/referral-export.schema.json', () => {
  it('lists the same value identifiers as the portal', () => {
    const p = schema.properties
    expect(p.intake.properties.status.enum).toEqual([...values.intakeStatuses])
    expect(p.intake.properties.suggestedDestination.enum).toEqual([...values.triageDestinations])
    expect(p.resident.properties.language.enum).toEqual([...values.intakeLanguages])
    expect(p.resident.properties.contactMethod.enum).toEqual([...values.contactMethods])
    expect(p.resident.properties.contactMoments.items.enum).toEqual([...values.contactMoments])
    expect(p.answers.properties.situation.enum).toEqual([...values.intakeSituations])
    expect(p.answers.properties.wantsWork.enum).toEqual([...values.workWishes])
    expect(p.answers.properties.barriers.items.enum).toEqual([...values.intakeBarriers])
    expect(p.answers.properties.dutchSelfAssessment.enum).toEqual([...values.dutchSelfAssessments])
    expect(p.history.items.properties.toStatus.enum).toEqual([...values.intakeStatuses])
  })

  it('is closed: a field it does not name makes a document invalid', () => {
    const minimal = { schemaVersion: 1, exportedAt: '2026-12-06T10:00:00.000Z', referral: {}, intake: {}, resident: {}, answers: {}, notes: [], history: [] }
    expect(validate({ ...minimal, confidentialNotes: [] })).toBe(false)
    expect(validate.errors?.some((e) => e.keyword === 'additionalProperties')).toBe(true)
  })
})
