import { and, eq, sql } from 'drizzle-orm'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compensationForPlacement } from '#app/features/compensation/placement-compensation.server'
import { PlacementCompensation } from '#app/features/placements/placement-compensation'
import { type EmployerType, type Instrument, ruleProblems, type RuleValues } from '#domain/compensation-rules'
import { versionFormStart } from '#app/features/compensation/version-form'
import { db, type Tx } from '#db/client'
import { applicableRules, insertVersion, loadSchedules } from '#db/queries/compensation'
import { createVersion, type CreateVersionInput } from '#app/features/compensation/schedule-change.server'
import { auditLog, compensationRules, compensationVersions, emailMessages, occupations, placements } from '#db/schema'
import { seedDemoCompensation } from '#db/seed/compensation'
import { createEmployer, createOrganisation, createUser } from '#db/seed/factories'
import { startJobQueue, stopJobQueue } from '#core/jobs'
import { testDatabaseUrl } from '#tests/support/database'

// Regio Gent (REFREG13): Gent 44021, Zelzate 43018, Lochristi 44087. Regio Antwerpen (REFREG01): Antwerpen 11002.
const GENT = '44021'
const ZELZATE = '43018'
const ANTWERPEN = '11002'

beforeAll(async () => {
  // createVersion mails employers, which enqueues a pg-boss job in the same transaction.
  await startJobQueue(testDatabaseUrl, { worker: false })
})
afterAll(async () => {
  await stopJobQueue()
})

/**
 * Compensation history is append-only (no DELETE, by trigger), so every test works inside a transaction that
 * is rolled back at its end: nothing stays behind, and each test starts from the same empty schedules.
 */
async function rolledBack(test: (tx: Tx) => Promise<void>) {
  const rollback = new Error('rollback')
  try {
    await db().transaction(async (tx) => {
      await test(tx)
      throw rollback
    })
  } catch (error) {
    if (error !== rollback) throw error
  }
}

const rule = (instrument: Instrument, employerType: EmployerType, values: Partial<RuleValues> = {}): RuleValues => ({
  instrument,
  employerType,
  employerPaysCents: 450,
  employerPaysUnit: 'per_hour',
  wagePolicy: 'reference_scale',
  grossHourlyWageCents: null,
  referenceScale: 'OCMW-barema E1',
  covers: ['work_clothes'],
  ...values,
})

async function regionalAdmin(tx: Tx, regions: string[]) {
  const platform = await createOrganisation(tx, { type: 'platform' })
  const user = await createUser(tx, { organisationId: platform.id, role: 'regional_admin', regions })
  return { id: user.id, regionCodes: regions }
}

const input = (actor: CreateVersionInput['actor'], values: Partial<CreateVersionInput> = {}): CreateVersionInput => ({
  regionCode: 'REFREG13',
  validFrom: '2027-01-01',
  rules: [rule('TWE_ART60', 'private')],
  note: 'Indexering',
  actor,
  baseUrl: 'https://stapsteen.example.be',
  ...values,
})

const countVersions = async (tx: Tx) => (await tx.select({ n: sql<number>`count(*)::int` }).from(compensationVersions))[0]!.n

async function placement(tx: Tx, organisationId: string, municipalityNis: string, status: 'draft' | 'published') {
  const [occupation] = await tx.select({ uri: occupations.uri }).from(occupations).limit(1)
  await tx.insert(placements).values({
    organisationId,
    title: 'Magazijnmedewerker',
    occupationUri: occupation!.uri,
    description: 'Helpen in het magazijn.',
    municipalityNis,
    lat: 51,
    lon: 3.7,
    hoursPerWeek: 19,
    places: 1,
    dutchLevel: 'A2',
    instruments: ['TWE_ART60'],
    status,
  })
}

describe('applicableRules', () => {
  it("uses the OCMW's deviation where it regulates the instrument, the region's schedule elsewhere", () =>
    rolledBack(async (tx) => {
      const ocmw = await createOrganisation(tx, { type: 'ocmw', name: 'OCMW Test', municipalities: [GENT] })
      await insertVersion(tx, {
        regionCode: 'REFREG13',
        validFrom: '2026-01-01',
        rules: [rule('TWE_ART60', 'private'), rule('IBO', 'private', { employerPaysCents: 60_000, employerPaysUnit: 'per_month' })],
      })
      await insertVersion(tx, {
        regionCode: 'REFREG13',
        ocmwOrganisationId: ocmw.id,
        validFrom: '2026-01-01',
        rules: [rule('TWE_ART60', 'private', { employerPaysCents: 300 })],
      })

      const inGent = await applicableRules(tx, {
        municipalityNis: GENT,
        employerType: 'private',
        instruments: ['TWE_ART60', 'IBO'],
        on: '2026-05-01',
      })
      expect(inGent.region).toEqual({ code: 'REFREG13', name: 'Regio Gent' })
      expect(inGent.rules.map((r) => [r.instrument, r.applied?.ocmw?.name ?? 'regio', r.applied?.rule.employerPaysCents])).toEqual([
        ['TWE_ART60', 'OCMW Test', 300],
        ['IBO', 'regio', 60_000],
      ])
      // Zelzate lies in the same region but OCMW Test does not serve it.
      const inZelzate = await applicableRules(tx, {
        municipalityNis: ZELZATE,
        employerType: 'private',
        instruments: ['TWE_ART60'],
        on: '2026-05-01',
      })
      expect(inZelzate.rules[0]?.applied).toMatchObject({ ocmw: null, rule: { employerPaysCents: 450 } })
    }))

  it('takes the version in force on the day, and nothing before the first version', () =>
    rolledBack(async (tx) => {
      await insertVersion(tx, {
        regionCode: 'REFREG13',
        validFrom: '2026-01-01',
        rules: [rule('TWE_ART60', 'private', { employerPaysCents: 400 })],
      })
      await insertVersion(tx, {
        regionCode: 'REFREG13',
        validFrom: '2026-07-01',
        rules: [rule('TWE_ART60', 'private', { employerPaysCents: 420 })],
      })
      const cents = async (on: string) =>
        (await applicableRules(tx, { municipalityNis: GENT, employerType: 'private', instruments: ['TWE_ART60'], on })).rules[0]?.applied
          ?.rule.employerPaysCents ?? null
      expect(await cents('2025-12-31')).toBeNull()
      expect(await cents('2026-01-01')).toBe(400)
      expect(await cents('2026-06-30')).toBe(400)
      expect(await cents('2026-07-01')).toBe(420)
      expect(await cents('2030-01-01')).toBe(420)
    }))

  it('answers none for a region without schedule, an instrument or employer type without rule, and an unknown municipality', () =>
    rolledBack(async (tx) => {
      await insertVersion(tx, { regionCode: 'REFREG13', validFrom: '2026-01-01', rules: [rule('TWE_ART60', 'private')] })
      const none = async (municipalityNis: string, employerType: EmployerType, instrument: Instrument) =>
        (await applicableRules(tx, { municipalityNis, employerType, instruments: [instrument], on: '2026-05-01' })).rules[0]?.applied
      expect(await none(ANTWERPEN, 'private', 'TWE_ART60')).toBeNull()
      expect(await none(GENT, 'private', 'IBO')).toBeNull()
      expect(await none(GENT, 'public', 'TWE_ART60')).toBeNull()
      const unknown = await applicableRules(tx, {
        municipalityNis: '99999',
        employerType: 'private',
        instruments: ['TWE_ART60'],
        on: '2026-05-01',
      })
      expect(unknown).toEqual({ region: undefined, rules: [{ instrument: 'TWE_ART60', applied: null }] })
    }))
})

describe('compensationForPlacement', () => {
  it('gives per instrument the schedule, whether it is a deviation, and the monthly estimate for the hours', () =>
    rolledBack(async (tx) => {
      const ocmw = await createOrganisation(tx, { type: 'ocmw', name: 'OCMW Test', municipalities: [GENT] })
      await insertVersion(tx, {
        regionCode: 'REFREG13',
        validFrom: '2026-01-01',
        isDemo: true,
        rules: [rule('BVS', 'public', { employerPaysCents: 15_000, employerPaysUnit: 'one_off' })],
      })
      await insertVersion(tx, {
        regionCode: 'REFREG13',
        ocmwOrganisationId: ocmw.id,
        validFrom: '2026-02-01',
        rules: [rule('TWE_ART60', 'public', { employerPaysCents: 300 })],
      })
      const data = await compensationForPlacement(tx, {
        municipalityNis: GENT,
        instruments: ['TWE_ART60', 'BVS', 'WES', 'NOT_AN_INSTRUMENT'],
        employerType: 'public',
        hoursPerWeek: 19,
        on: '2026-03-01',
      })
      expect(data).toMatchObject({ on: '2026-03-01', hoursPerWeek: 19, regionName: 'Regio Gent', anyDemo: true })
      expect(data.items).toEqual([
        expect.objectContaining({
          instrument: 'TWE_ART60',
          status: 'schedule',
          ocmwName: 'OCMW Test',
          validFrom: '2026-02-01',
          isDemo: false,
          estimate: { monthlyCents: 24_700, oneOffCents: 0 },
        }),
        expect.objectContaining({
          instrument: 'BVS',
          status: 'schedule',
          ocmwName: null,
          validFrom: '2026-01-01',
          isDemo: true,
          estimate: { monthlyCents: 0, oneOffCents: 15_000 },
        }),
        { instrument: 'WES', status: 'none' },
      ])
      // The result goes through a loader as JSON unchanged, and the placement pages render it as a table.
      expect(JSON.parse(JSON.stringify(data))).toEqual(data)
      const html = renderToStaticMarkup(createElement(PlacementCompensation, { data }))
      expect(html).toContain('<caption')
      expect(html).toContain('Kostprijs voor de werkgever (openbaar bestuur), geschat bij 19 uur per week')
      expect(html).toContain('Afwijking van OCMW Test (Regio Gent), vanaf 1 februari 2026')
      expect(html).toContain('€\u00a0247,00 per maand')
      expect(html).toContain('€\u00a0150,00 eenmalig')
      expect(html).toContain('Nog geen regeling in Regio Gent voor dit instrument.')
      expect(html).toContain('Let op: demowaarden.')
    }))
})

describe('createVersion', () => {
  it("refuses a region outside the admin's regions and writes nothing", () =>
    rolledBack(async (tx) => {
      const actor = await regionalAdmin(tx, ['REFREG01'])
      const before = await countVersions(tx)
      expect(await createVersion(tx, input(actor))).toEqual({
        ok: false,
        formErrors: ['Je beheert deze referentieregio niet.'],
        fieldErrors: {},
      })
      expect(await countVersions(tx)).toBe(before)
    }))

  it('refuses a start on or before the latest version, naming that date', () =>
    rolledBack(async (tx) => {
      const actor = await regionalAdmin(tx, ['REFREG13'])
      await insertVersion(tx, { regionCode: 'REFREG13', validFrom: '2026-07-01', rules: [rule('TWE_ART60', 'private')] })
      const before = await countVersions(tx)
      for (const validFrom of ['2026-07-01', '2026-03-01']) {
        const result = await createVersion(tx, input(actor, { validFrom }))
        expect(result).toEqual({
          ok: false,
          formErrors: [],
          fieldErrors: { validFrom: ['Er is al een versie vanaf 1 juli 2026. Een nieuwe versie begint later dan die datum.'] },
        })
      }
      expect(await countVersions(tx)).toBe(before)
      // A deviation is its own schedule with its own history: the region's latest date does not bind it.
      const ocmw = await createOrganisation(tx, { type: 'ocmw', municipalities: [GENT] })
      expect(await createVersion(tx, input(actor, { validFrom: '2026-03-01', ocmwOrganisationId: ocmw.id }))).toMatchObject({ ok: true })
    }))

  it('gives field errors for negative or absurd amounts, a wage policy without its wage or scale, a bad date or OCMW', () =>
    rolledBack(async (tx) => {
      const actor = await regionalAdmin(tx, ['REFREG13'])
      const elsewhere = await createOrganisation(tx, { type: 'ocmw', municipalities: [ANTWERPEN] })
      const before = await countVersions(tx)
      const result = await createVersion(
        tx,
        input(actor, {
          validFrom: '2027-02-30',
          ocmwOrganisationId: elsewhere.id,
          rules: [
            rule('TWE_ART60', 'private', { employerPaysCents: -100 }),
            rule('TWE_ART60', 'public', { employerPaysCents: 100_001 }),
            rule('IBO', 'private', { employerPaysCents: 1_000_001, employerPaysUnit: 'per_month' }),
            rule('BVS', 'private', { employerPaysCents: 2_500_001, employerPaysUnit: 'one_off' }),
            rule('WES', 'private', { employerPaysCents: 500, employerPaysUnit: 'none' }),
            rule('WIJK_WERKEN', 'private', { wagePolicy: 'gross_hourly', grossHourlyWageCents: null, referenceScale: null }),
            rule('WIJK_WERKEN', 'public', { wagePolicy: 'gross_hourly', grossHourlyWageCents: 10_001 }),
            rule('OS', 'private', { referenceScale: '  ' }),
          ],
        }),
      )
      expect(result).toEqual({
        ok: false,
        formErrors: [],
        fieldErrors: {
          ocmwOrganisationId: ['Kies een OCMW dat gemeenten in Regio Gent bedient.'],
          validFrom: ['Vul een geldige datum in, bv. 2027-01-01.'],
          'rules[0].employerPays': ['Een bedrag kan niet negatief zijn.'],
          'rules[1].employerPays': ['Dat is meer dan €\u00a01.000,00 per uur. Kijk het bedrag na.'],
          'rules[2].employerPays': ['Dat is meer dan €\u00a010.000,00 per maand. Kijk het bedrag na.'],
          'rules[3].employerPays': ['Dat is meer dan €\u00a025.000,00 eenmalig. Kijk het bedrag na.'],
          'rules[4].employerPays': ['Bij "betaalt niets" hoort het bedrag 0. Kies een andere eenheid of maak het bedrag 0.'],
          'rules[5].grossHourlyWage': ['Vul het bruto uurloon van de deelnemer in.'],
          'rules[6].grossHourlyWage': ['Dat is meer dan €\u00a0100,00 per uur. Kijk het uurloon na.'],
          'rules[7].referenceScale': ['Vul de naam van het barema in, bv. "OCMW-barema E1".'],
        },
      })
      expect(await countVersions(tx)).toBe(before)
      // The upper bounds themselves are allowed.
      const atLimits = [
        rule('TWE_ART60', 'private', { employerPaysCents: 100_000 }),
        rule('IBO', 'private', { employerPaysCents: 1_000_000, employerPaysUnit: 'per_month' }),
      ]
      expect(await createVersion(tx, input(actor, { rules: atLimits }))).toMatchObject({ ok: true })
    }))

  it('refuses a version without rules or with the same instrument and employer type twice', () =>
    rolledBack(async (tx) => {
      const actor = await regionalAdmin(tx, ['REFREG13'])
      expect(await createVersion(tx, input(actor, { rules: [] }))).toMatchObject({
        ok: false,
        formErrors: ['Een versie regelt minstens één instrument.'],
      })
      const twice = [rule('IBO', 'private'), rule('IBO', 'private', { employerPaysCents: 1 })]
      expect(await createVersion(tx, input(actor, { rules: twice }))).toMatchObject({
        ok: false,
        formErrors: [expect.stringContaining('maar één keer')],
      })
    }))

  it('saves the version with an audit entry and mails employers with published placements in the region only', () =>
    rolledBack(async (tx) => {
      const actor = await regionalAdmin(tx, ['REFREG13'])
      const employer = async (name: string, contactEmail: string) =>
        (await createEmployer(tx, { name, profile: { contactEmail, contactName: `Contact ${name}` } })).organisation
      const published = await employer('Gepubliceerd in Gent', 'gent@werkgever.example')
      const alsoPublished = await employer('Gepubliceerd in Zelzate', 'zelzate@werkgever.example')
      const draftOnly = await employer('Alleen ontwerp', 'ontwerp@werkgever.example')
      const otherRegion = await employer('Antwerpen', 'antwerpen@werkgever.example')
      const noAddress = await employer('Zonder adres', '')
      await placement(tx, published.id, GENT, 'published')
      await placement(tx, published.id, ZELZATE, 'published') // two placements, one mail
      await placement(tx, alsoPublished.id, ZELZATE, 'published')
      await placement(tx, draftOnly.id, GENT, 'draft')
      await placement(tx, otherRegion.id, ANTWERPEN, 'published')
      await placement(tx, noAddress.id, GENT, 'published')

      const result = await createVersion(
        tx,
        input(actor, {
          rules: [
            rule('TWE_ART60', 'private'),
            rule('TWE_ART60', 'public', { employerPaysCents: 0, employerPaysUnit: 'none', covers: [] }),
          ],
        }),
      )
      expect(result).toMatchObject({ ok: true, notified: 2 })
      const versionId = (result as { versionId: string }).versionId

      const [version] = await tx.select().from(compensationVersions).where(eq(compensationVersions.id, versionId))
      expect(version).toMatchObject({ validFrom: '2027-01-01', note: 'Indexering', isDemo: false, createdBy: actor.id })
      expect(
        await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(compensationRules)
          .where(eq(compensationRules.versionId, versionId)),
      ).toEqual([{ n: 2 }])

      const [entry] = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'compensation.version-created'), eq(auditLog.subjectId, versionId)))
      expect(entry).toMatchObject({
        actorUserId: actor.id,
        subjectType: 'compensation_version',
        details: { regionCode: 'REFREG13', validFrom: '2027-01-01', rules: 2, notified: 2 },
      })

      const mails = await tx.select().from(emailMessages).where(eq(emailMessages.template, 'schedule-changed'))
      expect(mails.map((m) => m.to).sort()).toEqual(['gent@werkgever.example', 'zelzate@werkgever.example'])
      const mail = mails.find((m) => m.to === 'gent@werkgever.example')!
      expect(mail.subject).toBe('Nieuwe vergoedingen voor werkervaring in Regio Gent vanaf 1 januari 2027')
      expect(mail.text).toContain('Dag Contact Gepubliceerd in Gent,')
      expect(mail.text).toContain('Toelichting: Indexering')
      expect(mail.text).toContain('https://stapsteen.example.be/werkgever/kosten')
    }))

  it("mails for an OCMW's deviation only employers with published placements in that OCMW's municipalities", () =>
    rolledBack(async (tx) => {
      const actor = await regionalAdmin(tx, ['REFREG13'])
      const ocmw = await createOrganisation(tx, { type: 'ocmw', name: 'OCMW Test', municipalities: [GENT] })
      const inGent = (await createEmployer(tx, { profile: { contactEmail: 'gent@werkgever.example' } })).organisation
      const inZelzate = (await createEmployer(tx, { profile: { contactEmail: 'zelzate@werkgever.example' } })).organisation
      await placement(tx, inGent.id, GENT, 'published')
      await placement(tx, inZelzate.id, ZELZATE, 'published')
      expect(await createVersion(tx, input(actor, { ocmwOrganisationId: ocmw.id }))).toMatchObject({ ok: true, notified: 1 })
      const mails = await tx.select().from(emailMessages).where(eq(emailMessages.template, 'schedule-changed'))
      expect(mails.map((m) => [m.to, m.subject])).toEqual([
        ['gent@werkgever.example', 'Nieuwe vergoedingen voor werkervaring in OCMW Test (Regio Gent) vanaf 1 januari 2027'],
      ])
    }))
})

describe('versionFormStart', () => {
  /** The form's amount for TWE art. 60 at private employers, as the admin sees it typed. */
  const tweAtPrivate = (start: ReturnType<typeof versionFormStart>) =>
    start.defaultValue.rules.find((r) => r.instrument === 'TWE_ART60' && r.employerType === 'private')?.employerPays

  it("copies the chosen schedule's own latest version, also when the region has a planned version", () =>
    rolledBack(async (tx) => {
      // As in the demo data after an admin planned a region version: the deviation's latest lies in the past.
      const ocmw = await createOrganisation(tx, { type: 'ocmw', name: 'OCMW Test', municipalities: [GENT] })
      const withoutVersions = await createOrganisation(tx, { type: 'ocmw', name: 'OCMW Zonder', municipalities: [GENT] })
      await insertVersion(tx, { regionCode: 'REFREG13', validFrom: '2026-07-01', rules: [rule('TWE_ART60', 'private', { employerPaysCents: 460 })] })
      const planned = await insertVersion(tx, {
        regionCode: 'REFREG13',
        validFrom: '2027-01-01',
        rules: [rule('TWE_ART60', 'private', { employerPaysCents: 495 }), rule('IBO', 'private')],
      })
      const deviation = await insertVersion(tx, {
        regionCode: 'REFREG13',
        ocmwOrganisationId: ocmw.id,
        validFrom: '2026-01-01',
        rules: [rule('TWE_ART60', 'private', { employerPaysCents: 350 })],
      })
      const schedules = await loadSchedules(tx, { regionCodes: ['REFREG13'] })
      const today = '2026-11-23'

      const ofDeviation = versionFormStart(schedules, ocmw.id, today)
      expect(ofDeviation.latestVersionId).toBe(deviation)
      expect(tweAtPrivate(ofDeviation)).toBe('3,50')
      expect(ofDeviation.defaultValue).toMatchObject({ ocmwOrganisationId: ocmw.id, validFrom: '2026-12-01', regulated: ['TWE_ART60'] })

      const ofRegion = versionFormStart(schedules, null, today)
      expect(ofRegion.latestVersionId).toBe(planned)
      expect(tweAtPrivate(ofRegion)).toBe('4,95')
      expect(ofRegion.defaultValue).toMatchObject({ ocmwOrganisationId: '', validFrom: '2027-02-01', regulated: ['TWE_ART60', 'IBO'] })

      // A deviation without versions yet starts from the region's latest rules, with nothing ticked.
      const fresh = versionFormStart(schedules, withoutVersions.id, today)
      expect(fresh.latestVersionId).toBeNull()
      expect(tweAtPrivate(fresh)).toBe('4,95')
      expect(fresh.defaultValue).toMatchObject({ ocmwOrganisationId: withoutVersions.id, validFrom: '2026-12-01', regulated: [] })
    }))
})

describe('append-only history (database triggers)', () => {
  it('refuses to change or delete a version or a rule', () =>
    rolledBack(async (tx) => {
      const versionId = await insertVersion(tx, { regionCode: 'REFREG13', validFrom: '2026-01-01', rules: [rule('TWE_ART60', 'private')] })
      // Each attempt in its own savepoint: a refused statement aborts only that savepoint. Drizzle wraps the
      // database's error; its cause is PostgreSQL's own message, raised by the trigger.
      const refusal = async (statement: (t: Tx) => Promise<unknown>) => {
        try {
          await tx.transaction(async (t) => void (await statement(t)))
          return 'allowed'
        } catch (error) {
          return ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message
        }
      }
      const ofVersion = eq(compensationVersions.id, versionId)
      const ofRules = eq(compensationRules.versionId, versionId)
      expect(await refusal((t) => t.update(compensationVersions).set({ validFrom: '2020-01-01' }).where(ofVersion))).toBe(
        'compensation_versions is append-only (UPDATE refused)',
      )
      expect(await refusal((t) => t.delete(compensationVersions).where(ofVersion))).toBe(
        'compensation_versions is append-only (DELETE refused)',
      )
      expect(await refusal((t) => t.update(compensationRules).set({ employerPaysCents: 1 }).where(ofRules))).toBe(
        'compensation_rules is append-only (UPDATE refused)',
      )
      expect(await refusal((t) => t.delete(compensationRules).where(ofRules))).toBe('compensation_rules is append-only (DELETE refused)')
      const [rowAfter] = await tx.select().from(compensationRules).where(eq(compensationRules.versionId, versionId))
      expect(rowAfter?.employerPaysCents).toBe(450)
    }))
})

describe('seedDemoCompensation', () => {
  it('seeds demo schedules for 11 regions, a July version for two, and the OCMW Gent deviation', () =>
    rolledBack(async (tx) => {
      await createOrganisation(tx, { type: 'ocmw', slug: 'ocmw-gent', name: 'OCMW Gent', municipalities: [GENT] })
      await seedDemoCompensation(tx)
      const rows = await tx.execute<{ region: string; ocmw: boolean; versions: number; demo: boolean }>(sql`
        select s.region_code as region, s.ocmw_organisation_id is not null as ocmw, count(v.id)::int as versions, bool_and(v.is_demo) as demo
        from compensation_schedules s join compensation_versions v on v.schedule_id = s.id group by 1, 2 order by 1, 2`)
      expect(rows.filter((r) => !r.ocmw)).toHaveLength(11)
      expect(rows.every((r) => r.demo)).toBe(true)
      expect(rows.filter((r) => r.versions === 2).map((r) => r.region)).toEqual(['REFREG01', 'REFREG13'])
      expect(rows.filter((r) => r.ocmw)).toEqual([{ region: 'REFREG13', ocmw: true, versions: 1, demo: true }])
      // Every seeded rule passes the same checks an admin's rules do.
      const seeded = await tx.select().from(compensationRules)
      expect(seeded.length).toBeGreaterThan(11 * 7 * 4)
      expect(seeded.filter((r) => Object.keys(ruleProblems({ ...r, covers: r.covers as RuleValues['covers'] })).length > 0)).toEqual([])
      // In Gent the deviation of OCMW Gent applies to art. 60; the region's own schedule to the rest.
      const gent = await compensationForPlacement(tx, {
        municipalityNis: GENT,
        instruments: ['TWE_ART60', 'IBO'],
        employerType: 'private',
        hoursPerWeek: 19,
        on: '2026-11-01',
      })
      expect(gent.items.map((i) => i.status === 'schedule' && [i.ocmwName, i.rule.employerPaysUnit])).toEqual([
        ['OCMW Gent', 'per_hour'],
        [null, 'per_month'],
      ])
    }))
})
