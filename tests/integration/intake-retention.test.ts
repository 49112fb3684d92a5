import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client'
import { anonymiseStaleIntakes, eraseIntake, queueErasure } from '#db/queries/intake-retention'
import { erasureProofs, intakeEvents, intakeNotes, intakes } from '#db/schema'
import { createIntake, createOrganisation } from '#db/seed/factories'
import { registerPrivacyWorkers } from '#app/features/privacy/privacy-worker.server'
import { startJobQueue } from '#core/jobs'
import { testDatabaseUrl } from '#tests/support/database'
import { eventually } from '#tests/support/eventually'

/** Issue 5's privacy duties: retention (anonymise what made no progress) and erasure (leave only a proof). */
const monthsAgo = (months: number) => sql`now() - make_interval(months => ${months})`

async function intakeWithNote(updatedMonthsAgo: number, status: 'new' | 'in_contact' | 'accepted' = 'new') {
  const ocmw = await createOrganisation(db(), { type: 'ocmw' })
  const intake = await createIntake(db(), { ocmwOrganisationId: ocmw.id, status, barrierOther: 'Mijn buurman helpt niet', email: 'iemand@example.be' })
  await db().insert(intakeNotes).values({ intakeId: intake.id, organisationId: ocmw.id, body: 'Gebeld, mevrouw belt terug', confidential: true })
  await db().insert(intakeEvents).values({ intakeId: intake.id, toStatus: 'new', note: 'Aangemeld door Fatima', at: monthsAgo(updatedMonthsAgo) })
  await db().update(intakes).set({ updatedAt: monthsAgo(updatedMonthsAgo) }).where(eq(intakes.id, intake.id))
  return intake
}
const row = async (id: string) => (await db().select().from(intakes).where(eq(intakes.id, id)))[0]

describe('retention', () => {
  it('anonymises intakes without progress for longer than the period, and keeps what statistics need', async () => {
    const stale = await intakeWithNote(13)
    const recent = await intakeWithNote(11)
    const progressed = await intakeWithNote(13, 'accepted')
    expect(await db().transaction((tx) => anonymiseStaleIntakes(tx, 12))).toBeGreaterThanOrEqual(1)

    const after = (await row(stale.id))!
    expect(after).toMatchObject({ firstName: null, lastName: null, phone: null, email: null, postcode: null, birthYear: null, barrierOther: null })
    expect(after.anonymisedAt).not.toBeNull()
    expect(after.statusTokenHash).not.toBe(stale.statusTokenHash)
    expect(after).toMatchObject({ municipalityNis: stale.municipalityNis, situation: stale.situation, wantsWork: stale.wantsWork, language: stale.language })
    expect(await db().select().from(intakeNotes).where(eq(intakeNotes.intakeId, stale.id))).toEqual([])
    expect((await db().select({ note: intakeEvents.note }).from(intakeEvents).where(eq(intakeEvents.intakeId, stale.id))).every((e) => e.note === null)).toBe(true)

    expect((await row(recent.id))!.firstName).toBe(recent.firstName)
    expect((await row(progressed.id))!.firstName).toBe(progressed.firstName)
  })

  it('counts a recent event as progress even when the intake row itself is old', async () => {
    const intake = await intakeWithNote(13)
    await db().insert(intakeEvents).values({ intakeId: intake.id, toStatus: 'in_contact' })
    await db().transaction((tx) => anonymiseStaleIntakes(tx, 12))
    expect((await row(intake.id))!.anonymisedAt).toBeNull()
  })

  it('does nothing the second time', async () => {
    await intakeWithNote(13)
    await db().transaction((tx) => anonymiseStaleIntakes(tx, 12))
    expect(await db().transaction((tx) => anonymiseStaleIntakes(tx, 12))).toBe(0)
  })
})

describe('erasure', () => {
  it('deletes the intake with its notes and history and leaves a proof without personal data', async () => {
    const intake = await intakeWithNote(1)
    const requestedAt = new Date()
    expect(await db().transaction((tx) => eraseIntake(tx, intake.id, { requestedAt, via: 'status_page' }))).toBe(true)
    expect(await row(intake.id)).toBeUndefined()
    expect(await db().select().from(intakeNotes).where(eq(intakeNotes.intakeId, intake.id))).toEqual([])
    const [proof] = await db().select().from(erasureProofs).where(eq(erasureProofs.intakeReference, intake.reference))
    expect(proof).toMatchObject({ intakeReference: intake.reference, via: 'status_page' })
    expect(JSON.stringify(proof)).not.toContain(intake.lastName!)
    expect(await db().transaction((tx) => eraseIntake(tx, intake.id, { requestedAt, via: 'status_page' }))).toBe(false)
  })

  it('is carried out by the job queued with the request', async () => {
    const intake = await intakeWithNote(1)
    await registerPrivacyWorkers(await startJobQueue(testDatabaseUrl, { worker: true }))
    await db().transaction((tx) => queueErasure(tx, { intakeId: intake.id, via: 'status_page' }))
    await eventually(async () => (await row(intake.id)) === undefined)
  })
})
