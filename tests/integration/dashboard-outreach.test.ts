import { describe, expect, test } from 'vitest'
import { brusselsDate } from '#domain/intake-working-days'
import { periodContaining } from '#domain/statistics-period'
import { db } from '#db/client'
import { erasureProofs, intakeReferrals } from '#db/schema'
import { createIntake, createOrganisation } from '#db/seed/factories'
import { seedDemoIntakeFigures } from '#db/seed/intake-figures'
import { loader } from '#app/routes/admin+/cijfers.$sectie'
import { body, context, cookieFor, organisation, page, person } from './staff-support'

/**
 * "Aanmeldingen en triage" of the regional dashboard (issue 14), through the page as Regio Gent's admin: every table's
 * three columns (REFREG13 in the quarter, REFREG13 the quarter before, Flanders in the quarter), numbers worked out by
 * hand. Each test has its own quarter (and the one before it to itself), so the tests of this file never count each
 * other's rows; Antwerpen (REFREG01) rows count for Flanders only, rows just outside the quarter not at all.
 */
const GENT = { municipalityNis: '44021', postcode: '9000' }
const ANTWERPEN = { municipalityNis: '11002', postcode: '2000' }
const at = (iso: string) => new Date(iso)

async function table(periode: string, id: string) {
  const platform = await organisation('stapsteen')
  const cookie = await cookieFor((await person(platform.id, 'regional_admin', { regions: ['REFREG13'] })).id)
  const data = await body(loader({ request: page(cookie, `/admin/cijfers/aanmeldingen?periode=${periode}`), params: { sectie: 'aanmeldingen' }, context }))
  const found = data.tables.find((t: { id: string }) => t.id === id)
  const values = Object.fromEntries(found.rows.map((row: { key: string; values: (number | null)[] }) => [row.key, row.values]))
  return { data, values }
}

describe('/admin/cijfers/aanmeldingen', () => {
  test('time to first contact in working days (Belgian dates), the share within the term and where the first contact stands', async () => {
    // 2025-Q2 in Gent. Waited (working days): 0, 1, 10 (Easter Monday counts), 3, and 1 across midnight in Brussels.
    const contacted = [
      { createdAt: at('2025-04-07T07:00:00Z'), firstContactAt: at('2025-04-07T13:00:00Z'), firstContactDueOn: '2025-04-14' },
      { createdAt: at('2025-04-11T08:00:00Z'), firstContactAt: at('2025-04-14T08:00:00Z'), firstContactDueOn: '2025-04-18' },
      { createdAt: at('2025-04-16T08:00:00Z'), firstContactAt: at('2025-04-30T08:00:00Z'), firstContactDueOn: '2025-04-23' },
      { createdAt: at('2025-05-06T08:00:00Z'), firstContactAt: at('2025-05-09T08:00:00Z'), firstContactDueOn: '2025-05-13' },
      // 23:30 on Monday 30 June and 00:30 on Tuesday 1 July in Brussels: the last day of the quarter, 1 working day.
      { createdAt: at('2025-06-30T21:30:00Z'), firstContactAt: at('2025-06-30T22:30:00Z'), firstContactDueOn: '2025-07-07' },
    ]
    for (const intake of contacted) await createIntake(db(), { ...GENT, ...intake, status: 'in_contact' })
    await createIntake(db(), { ...GENT, createdAt: at('2025-04-08T08:00:00Z'), firstContactDueOn: '2025-04-15' })
    await createIntake(db(), { ...GENT, createdAt: at('2025-04-09T08:00:00Z'), firstContactDueOn: brusselsDate() })
    await createIntake(db(), { ...GENT, createdAt: at('2025-04-10T08:00:00Z'), status: 'closed', closeReason: 'duplicate' })
    // Antwerpen: 20 working days, late — Flanders only.
    await createIntake(db(), { ...ANTWERPEN, createdAt: at('2025-04-03T08:00:00Z'), firstContactAt: at('2025-05-01T08:00:00Z'), firstContactDueOn: '2025-04-10', status: 'in_contact' })
    // 23:30 on 31 March in Brussels: the quarter before (2 working days, on time).
    await createIntake(db(), { ...GENT, createdAt: at('2025-03-31T21:30:00Z'), firstContactAt: at('2025-04-02T08:00:00Z'), firstContactDueOn: '2025-04-07', status: 'in_contact' })

    const time = await table('2025-Q2', 'aanmeldingen-tijd-tot-eerste-contact')
    // Gent [0, 1, 1, 3, 10]; before [2]; Flanders [0, 1, 1, 3, 10, 20].
    expect(time.values).toEqual({ median: [1, 2, 2], p90: [7.2, 2, 15] })
    const share = (await table('2025-Q2', 'aanmeldingen-binnen-termijn')).values.onTime
    // 4 on time of 4 + 1 late + 1 waiting past its day; before 1 of 1; Flanders 4 of 7.
    expect(share).toEqual([66.67, 100, 57.14])
    expect((await table('2025-Q2', 'aanmeldingen-eerste-contact')).values).toEqual({
      onTime: [4, 1, 4],
      late: [1, 0, 2],
      waitingOverdue: [1, 0, 1],
      waitingInTerm: [1, 0, 1],
      closedWithoutContact: [1, 0, 1],
    })
  })

  test('a median over nobody is "–", not 0', async () => {
    await createIntake(db(), { ...GENT, createdAt: at('2021-05-04T08:00:00Z'), firstContactDueOn: brusselsDate() })
    const { data } = await table('2021-Q2', 'aanmeldingen-tijd-tot-eerste-contact')
    const rows = (id: string) => data.tables.find((t: { id: string }) => t.id === id).rows.map((r: { values: unknown[] }) => r.values)
    expect(rows('aanmeldingen-tijd-tot-eerste-contact')).toEqual([
      [null, null, null],
      [null, null, null],
    ])
    expect(rows('aanmeldingen-binnen-termijn')).toEqual([[null, null, null]])
  })

  test('suggested against final destination: the handling organisation now, open, or closed without a trajectory', async () => {
    const ocmw = await organisation('ocmw-44021')
    const vdab = await organisation('vdab-refreg13')
    const q3 = at('2024-08-12T08:00:00Z')
    const gent = (suggestedDestination: 'ocmw' | 'vdab' | 'joint', rest: Parameters<typeof createIntake>[1]) =>
      createIntake(db(), { ...GENT, createdAt: q3, suggestedDestination, ...rest })
    await gent('ocmw', { status: 'in_contact', handlingOrganisationId: ocmw.id })
    await gent('ocmw', { status: 'accepted', handlingOrganisationId: vdab.id })
    await gent('vdab', { status: 'in_contact', handlingOrganisationId: vdab.id })
    await gent('vdab', { status: 'closed', closeReason: 'trajectory_started', handlingOrganisationId: ocmw.id })
    await gent('joint', { status: 'referred', handlingOrganisationId: ocmw.id })
    await gent('joint', { status: 'new' })
    await gent('joint', { status: 'new', handlingOrganisationId: vdab.id })
    await gent('joint', { status: 'closed', closeReason: 'not_reachable', handlingOrganisationId: vdab.id })
    // Anonymised intakes keep what the figures need: still counted.
    await gent('joint', { status: 'in_contact', handlingOrganisationId: vdab.id, anonymisedAt: at('2024-09-01T08:00:00Z') })
    const antwerpen = await organisation('ocmw-11002')
    await createIntake(db(), { ...ANTWERPEN, createdAt: q3, suggestedDestination: 'ocmw', status: 'in_contact', handlingOrganisationId: antwerpen.id })
    // 00:30 on 1 October in Brussels: the next quarter.
    await gent('vdab', { createdAt: at('2024-09-30T22:30:00Z'), status: 'in_contact', handlingOrganisationId: vdab.id })

    const { values } = await table('2024-Q3', 'aanmeldingen-bestemming')
    expect(values).toEqual({
      'ocmw-ocmw': [1, 0, 2],
      'ocmw-vdab': [1, 0, 1],
      'ocmw-open': [0, 0, 0],
      'ocmw-closed': [0, 0, 0],
      'vdab-ocmw': [1, 0, 1],
      'vdab-vdab': [1, 0, 1],
      'vdab-open': [0, 0, 0],
      'vdab-closed': [0, 0, 0],
      'joint-ocmw': [0, 0, 0],
      'joint-vdab': [1, 0, 1],
      'joint-open': [3, 0, 3],
      'joint-closed': [1, 0, 1],
    })
  })

  test('warm hand-overs by the day they were sent, with their answer; a typed decline reason never shows', async () => {
    const ocmw = await organisation('ocmw-44021')
    const vdab = await organisation('vdab-refreg13')
    const reason = 'Geen plaats meer in oktober, vraag het opnieuw'
    const referral = async (place: typeof GENT, createdAt: string, status: 'pending' | 'accepted' | 'declined') => {
      // The intake itself was sent earlier: the hand-over's own date counts.
      const intake = await createIntake(db(), { ...place, createdAt: at('2020-06-15T08:00:00Z'), status: status === 'pending' ? 'referred' : 'in_contact' })
      await db()
        .insert(intakeReferrals)
        .values({ intakeId: intake.id, fromOrganisationId: ocmw.id, toOrganisationId: vdab.id, status, createdAt: at(createdAt), declineReason: status === 'declined' ? reason : null })
    }
    // 00:30 on 1 October in Brussels: the first minutes of 2023-Q4.
    await referral(GENT, '2023-09-30T22:30:00Z', 'accepted')
    await referral(GENT, '2023-11-02T09:00:00Z', 'accepted')
    await referral(GENT, '2023-11-20T09:00:00Z', 'declined')
    await referral(GENT, '2023-12-18T09:00:00Z', 'pending')
    await referral(ANTWERPEN, '2023-11-03T09:00:00Z', 'declined')
    await referral(GENT, '2023-08-10T09:00:00Z', 'accepted')
    // 00:30 on 1 January 2024 in Brussels: the next quarter.
    await referral(GENT, '2023-12-31T23:30:00Z', 'declined')

    const { data, values } = await table('2023-Q4', 'aanmeldingen-overdrachten')
    expect(values).toEqual({ sent: [4, 1, 5], accepted: [2, 1, 2], declined: [1, 0, 2], pending: [1, 0, 1] })
    expect(JSON.stringify(data)).not.toContain(reason)
  })

  test('intakes without a receiver: open ones no active triage worker sees, by the quarter they were sent in', async () => {
    const reference = await organisation('ocmw-44021')
    const staffed = await createOrganisation(db(), { type: 'ocmw', municipalities: ['44021'] })
    await person(staffed.id, 'triage_worker')
    const q2 = at('2023-05-10T08:00:00Z')
    await createIntake(db(), { ...GENT, createdAt: q2, ocmwOrganisationId: reference.id, firstContactDueOn: '2023-05-17' })
    await createIntake(db(), { ...GENT, createdAt: q2, ocmwOrganisationId: reference.id, handlingOrganisationId: reference.id, status: 'in_contact', firstContactAt: q2, firstContactDueOn: '2023-05-17' })
    await createIntake(db(), { ...GENT, createdAt: q2, ocmwOrganisationId: staffed.id, firstContactDueOn: '2023-05-17' })
    await createIntake(db(), { ...GENT, createdAt: q2, ocmwOrganisationId: reference.id, status: 'closed', closeReason: 'moved_away' })
    await createIntake(db(), { ...GENT, createdAt: q2, ocmwOrganisationId: reference.id, anonymisedAt: at('2023-12-01T08:00:00Z') })
    await createIntake(db(), { ...ANTWERPEN, createdAt: q2, firstContactDueOn: '2023-05-17' })
    await createIntake(db(), { ...GENT, createdAt: at('2023-07-03T08:00:00Z'), ocmwOrganisationId: reference.id })

    const { values } = await table('2023-Q2', 'aanmeldingen-zonder-ontvanger')
    expect(values).toEqual({ waiting: [2, 0, 3], overdue: [1, 0, 2] })
  })

  test('withdrawn: closed because the resident is no longer interested, or sharing consent withdrawn', async () => {
    const q4 = at('2022-11-08T09:00:00Z')
    const withdrawn = { consentSharing: false, consentWithdrawnAt: at('2022-11-20T09:00:00Z') }
    await createIntake(db(), { ...GENT, createdAt: q4, status: 'closed', closeReason: 'no_longer_interested' })
    await createIntake(db(), { ...GENT, createdAt: q4, status: 'in_contact', ...withdrawn })
    await createIntake(db(), { ...GENT, createdAt: q4, status: 'closed', closeReason: 'no_longer_interested', ...withdrawn })
    await createIntake(db(), { ...GENT, createdAt: q4, status: 'closed', closeReason: 'not_reachable' })
    await createIntake(db(), { ...ANTWERPEN, createdAt: q4, status: 'closed', closeReason: 'no_longer_interested' })
    await createIntake(db(), { ...GENT, createdAt: at('2023-01-02T09:00:00Z'), status: 'closed', closeReason: 'no_longer_interested', ...withdrawn })

    const { values } = await table('2022-Q4', 'aanmeldingen-ingetrokken')
    expect(values).toEqual({ noLongerInterested: [2, 0, 3], consentWithdrawn: [2, 0, 2] })
  })

  test('erasures by the day they were carried out, for all of Flanders: the proof names no municipality', async () => {
    const proof = (erasedAt: string) => ({ intakeReference: `STP-TEST-${erasedAt.slice(0, 13)}`, requestedAt: at(erasedAt), erasedAt: at(erasedAt), via: 'status-page' })
    // 00:30 on 1 April and 23:30 on 30 June in Brussels are in 2022-Q2; 00:30 on 1 July is not.
    for (const erasedAt of ['2022-03-31T22:30:00Z', '2022-05-15T10:00:00Z', '2022-06-30T21:30:00Z', '2022-06-30T22:30:00Z', '2022-02-10T10:00:00Z']) {
      await db().insert(erasureProofs).values(proof(erasedAt))
    }
    const { values } = await table('2022-Q2', 'aanmeldingen-gewist')
    expect(values).toEqual({ erased: [3, 1, 3] })
  })

  test('the demo gives Regio Gent a figure in every table of the running quarter, erasures excepted', async () => {
    // The demo's two triage teams, each with its triage worker (db/seed/demo.ts).
    for (const team of [
      { slug: 'ocmw-gent', type: 'ocmw' as const, municipalities: ['44021'] },
      { slug: 'vdab-regio-gent', type: 'vdab' as const, regions: ['REFREG13'] },
    ]) {
      await person((await createOrganisation(db(), { ...team, demo: true })).id, 'triage_worker')
    }
    await seedDemoIntakeFigures(db())
    const quarter = periodContaining('kwartaal', brusselsDate()).key
    const now = async (id: string) => Object.fromEntries(Object.entries((await table(quarter, id)).values).map(([key, values]) => [key, (values as unknown[])[0]]))
    // Contact within half of at most a week after the intake: always inside the five working days.
    expect(await now('aanmeldingen-eerste-contact')).toMatchObject({ onTime: 5, late: 0, waitingInTerm: expect.any(Number), closedWithoutContact: 0 })
    expect((await now('aanmeldingen-tijd-tot-eerste-contact')).median).toEqual(expect.any(Number))
    expect((await now('aanmeldingen-binnen-termijn')).onTime).toBeGreaterThan(80)
    expect(await now('aanmeldingen-bestemming')).toMatchObject({ 'ocmw-ocmw': 1, 'ocmw-closed': 1, 'ocmw-open': 1, 'vdab-ocmw': 1, 'vdab-vdab': 1, 'joint-vdab': 1 })
    expect(await now('aanmeldingen-overdrachten')).toEqual({ sent: 2, accepted: 1, declined: 1, pending: 0 })
    expect((await now('aanmeldingen-zonder-ontvanger')).waiting).toBe(1)
    expect((await now('aanmeldingen-ingetrokken')).noLongerInterested).toBe(1)
  })
})
