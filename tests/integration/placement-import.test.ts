import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq, inArray } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { db } from '#db/client'
import { importPlacements, type ImportOptions } from '#app/features/placement-import/import.server'
import { createImportRun, getOwnImportRun } from '#app/features/placement-import/runs.server'
import { processImportRun } from '#app/features/placement-import/worker.server'
import { auditLog, employerProfiles, organisations, placementEvents, placements } from '#db/schema'
import { createEmployer, createOrganisation, createUser, enterpriseNumberFrom } from '#db/seed/factories'
import { runCommand } from '#tests/support/run-command'

// Two real ESCO occupations (db/reference/esco-occupations-nl.json).
const STAGEHAND = 'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34'
const WIRE_DRAWER = 'http://data.europa.eu/esco/occupation/000e93a3-d956-4e45-aacb-f12c83fedf84'
const GENT = { nis: '44021', lat: 51.0745, lon: 3.7255 }

const cli: ImportOptions['actor'] = { userId: null, organisationId: null, via: 'cli' }

// Every test works with its own enterprise numbers, so tests never see each other's employers.
let nextKbo = 19_000_000
const newKbo = () => enterpriseNumberFrom((nextKbo += 1))

type Fields = { [key: string]: unknown }
function placement(kbo: string, externalId: string, patch: Fields = {}): Fields {
  return {
    externalId,
    employer: { name: `Werkhuis ${kbo}`, enterpriseNumber: kbo, type: 'social_economy' },
    title: 'Medewerker atelier',
    occupation: STAGEHAND,
    description: 'Helpen in het atelier en de opslag.',
    location: { postcode: '9000' },
    hoursPerWeek: 24,
    dutchLevel: 'A1',
    instruments: ['WES', 'TWE_ART60'],
    places: 2,
    ...patch,
  }
}

const importJson = (records: unknown[], options: Partial<ImportOptions> = {}) =>
  importPlacements(db(), JSON.stringify(records), { fileName: 'plaatsen.json', actor: cli, ...options })

async function organisationOf(kbo: string) {
  const [row] = await db().select().from(organisations).where(eq(organisations.enterpriseNumber, kbo))
  return row
}
async function placementsOf(kbo: string) {
  const organisation = await organisationOf(kbo)
  return organisation ? db().select().from(placements).where(eq(placements.organisationId, organisation.id)) : []
}

describe('importPlacements', () => {
  it('imports a valid file: employers created and verified, placements published with their history', async () => {
    const kbo = newKbo()
    const progress: [number, number][] = []
    const result = await importJson(
      [placement(kbo, 'a'), placement(kbo, 'b', { location: { municipalityNis: '24062', street: 'Vaartkom 2', lat: 50.88, lon: 4.7 }, status: 'draft' })],
      { onProgress: (done, total) => void progress.push([done, total]) },
    )
    expect(result).toEqual({ ok: true, imported: 2, updated: 0, unchanged: 0, employersCreated: 1, warnings: [] })
    expect(progress.at(-1)).toEqual([2, 2])

    const organisation = await organisationOf(kbo)
    expect(organisation).toMatchObject({ type: 'employer', employerType: 'social_economy', name: `Werkhuis ${kbo}`, slug: `werkhuis-${kbo.replace(/\./g, '-')}` })
    const [profile] = await db().select().from(employerProfiles).where(eq(employerProfiles.organisationId, organisation!.id))
    expect(profile).toMatchObject({ verificationStatus: 'verified', sector: 'Onbekend', contactName: organisation!.name, contactEmail: '' })

    const rows = (await placementsOf(kbo)).sort((x, y) => x.externalId!.localeCompare(y.externalId!))
    // Without coordinates and NIS code: the postcode's municipality and its reference point.
    expect(rows[0]).toMatchObject({ externalId: 'a', status: 'published', municipalityNis: GENT.nis, postcode: '9000', lat: GENT.lat, lon: GENT.lon, instruments: ['TWE_ART60', 'WES'] })
    expect(rows[0]!.publishedAt).not.toBeNull()
    expect(rows[1]).toMatchObject({ externalId: 'b', status: 'draft', municipalityNis: '24062', postcode: null, street: 'Vaartkom 2', lat: 50.88, lon: 4.7, publishedAt: null })
    const events = await db().select().from(placementEvents).where(inArray(placementEvents.placementId, rows.map((r) => r.id)))
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.note]).sort()).toEqual([[null, 'draft', 'import'], [null, 'published', 'import']])

    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'placement.import'))
    expect(audits.at(-1)?.details).toMatchObject({ fileName: 'plaatsen.json', format: 'json', records: 2, imported: 2, updated: 0, via: 'cli' })
  })

  it('gives imported 0, updated 0 for the same file again, also with the sets in another order', async () => {
    const kbo = newKbo()
    const file = [placement(kbo, 'a'), placement(kbo, 'b', { schedule: ['weekend', 'day'] })]
    expect(await importJson(file)).toMatchObject({ ok: true, imported: 2, updated: 0 })
    expect(await importJson(file)).toMatchObject({ ok: true, imported: 0, updated: 0, unchanged: 2 })
    const reordered = [placement(kbo, 'a', { instruments: ['TWE_ART60', 'WES'] }), placement(kbo, 'b', { schedule: ['day', 'weekend'] })]
    expect(await importJson(reordered)).toMatchObject({ ok: true, imported: 0, updated: 0, unchanged: 2 })
  })

  it('counts a changed record as updated, and records a status change in the history', async () => {
    const kbo = newKbo()
    await importJson([placement(kbo, 'a'), placement(kbo, 'b', { status: 'draft' })])
    const result = await importJson([placement(kbo, 'a', { hoursPerWeek: 30, tasks: ['Sorteren'] }), placement(kbo, 'b'), placement(kbo, 'c')])
    expect(result).toMatchObject({ ok: true, imported: 1, updated: 2, unchanged: 0 })
    const rows = await placementsOf(kbo)
    const a = rows.find((r) => r.externalId === 'a')!
    const b = rows.find((r) => r.externalId === 'b')!
    expect(a).toMatchObject({ hoursPerWeek: 30, tasks: ['Sorteren'], status: 'published' })
    expect(b.status).toBe('published')
    const history = await db().select().from(placementEvents).where(eq(placementEvents.placementId, b.id))
    expect(history.map((e) => [e.fromStatus, e.toStatus])).toEqual([[null, 'draft'], ['draft', 'published']])
    expect(await db().select().from(placementEvents).where(eq(placementEvents.placementId, a.id))).toHaveLength(1)
  })

  it('imports nothing when one record is bad, and names its record, field and reason', async () => {
    const kbo = newKbo()
    const result = await importJson([placement(kbo, 'a'), placement(kbo, 'b', { hoursPerWeek: 0 }), placement(kbo, 'c')])
    expect(result).toEqual({ ok: false, kind: 'records', warnings: [], errors: [{ record: 2, field: 'hoursPerWeek', reason: 'Moet groter dan 0 zijn.' }] })
    expect(await organisationOf(kbo)).toBeUndefined()
  })

  it.each([
    ['an unknown occupation', { occupation: 'http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000' }, 'occupation', /bestaat niet in Stapsteen/],
    ['an unknown postcode', { location: { postcode: '1000' } }, 'location.postcode', /^Postcode 1000 ligt niet in Vlaanderen/],
    ['an unknown municipality', { location: { municipalityNis: '99999' } }, 'location.municipalityNis', /geen Vlaamse gemeente met NIS-code 99999/],
    ['a postcode outside the municipality', { location: { postcode: '9000', municipalityNis: '24062' } }, 'location.postcode', /^Postcode 9000 ligt niet in Leuven \(24062\), maar in Gent \(44021\)\.$/],
    ['a postcode of two municipalities without NIS code', { location: { postcode: '1804' } }, 'location.municipalityNis', /^Postcode 1804 ligt in Vilvoorde \(23088\) en Zemst \(23096\)\./],
    ['only one coordinate', { location: { postcode: '9000', lat: 51 } }, 'location.lon', /samen/],
    ['a bad KBO check digit', { employer: { name: 'X', enterpriseNumber: '0412.345.615', type: 'private' } }, 'employer.enterpriseNumber', /controlecijfers/],
  ])('refuses %s', async (_, patch, field, reason) => {
    const kbo = newKbo()
    const result = await importJson([placement(kbo, 'ok'), placement(kbo, 'bad', patch)])
    expect(result).toEqual({ ok: false, kind: 'records', warnings: [], errors: [{ record: 2, field, reason: expect.stringMatching(reason) }] })
    expect(await organisationOf(kbo)).toBeUndefined()
  })

  it('refuses the same (enterprise number, externalId) twice in one file, and collects every error', async () => {
    const kbo = newKbo()
    const result = await importJson([placement(kbo, 'a'), placement(kbo, 'a'), placement(kbo, 'b', { title: 'X', places: 0 })])
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { record: 2, field: 'externalId', reason: 'Record 1 heeft al externalId "a" bij dit ondernemingsnummer.' },
        { record: 3, field: 'title', reason: 'Moet minstens 2 tekens lang zijn.' },
        { record: 3, field: 'places', reason: 'Moet minstens 1 zijn.' },
      ],
    })
  })

  it('keeps the first name of an employer and says so', async () => {
    const kbo = newKbo()
    const other = { name: 'Andere naam', enterpriseNumber: kbo, type: 'social_economy' }
    const result = await importJson([placement(kbo, 'a'), placement(kbo, 'b', { employer: other }), placement(kbo, 'c', { employer: other })])
    expect(result).toMatchObject({ ok: true, imported: 3, warnings: [{ record: 2, field: 'employer.name', reason: expect.stringContaining('record 1') }] })
    expect((await organisationOf(kbo))?.name).toBe(`Werkhuis ${kbo}`)
  })

  it('lets an existing unverified employer submit, not publish', async () => {
    const { organisation } = await createEmployer(db(), { enterpriseNumber: newKbo(), profile: { verificationStatus: 'pending', verifiedAt: null } })
    const kbo = organisation.enterpriseNumber!
    expect(await importJson([placement(kbo, 'a')])).toMatchObject({ ok: true, imported: 1, employersCreated: 0, warnings: [{ field: 'employer.name' }] })
    expect((await placementsOf(kbo))[0]).toMatchObject({ status: 'submitted', publishedAt: null, organisationId: organisation.id })
    expect(await importJson([placement(kbo, 'a')])).toMatchObject({ ok: true, imported: 0, updated: 0 })
  })

  it('leaves a status set in the portal alone, but refuses to take a published placement back to draft', async () => {
    const kbo = newKbo()
    await importJson([placement(kbo, 'a'), placement(kbo, 'b')])
    const [a] = (await placementsOf(kbo)).filter((p) => p.externalId === 'a')
    await db().update(placements).set({ status: 'paused' }).where(eq(placements.id, a!.id))
    expect(await importJson([placement(kbo, 'a'), placement(kbo, 'b')])).toMatchObject({ ok: true, imported: 0, updated: 0 })
    expect((await placementsOf(kbo)).find((p) => p.externalId === 'a')?.status).toBe('paused')
    const back = await importJson([placement(kbo, 'b', { status: 'draft' })])
    expect(back).toMatchObject({ ok: false, errors: [{ record: 1, field: 'status', reason: expect.stringMatching(/^Deze plaats is al gepubliceerd/) }] })
  })

  it('lets an employer import only its own enterprise number', async () => {
    const own = newKbo()
    const { organisation } = await createEmployer(db(), { enterpriseNumber: own, name: `Werkhuis ${own}`, employerType: 'social_economy' })
    const other = newKbo()
    const actor = { userId: null, organisationId: organisation.id, via: 'web' as const }
    const result = await importJson([placement(own, 'a'), placement(other, 'b')], { actor, onlyEnterpriseNumber: own })
    expect(result).toEqual({
      ok: false,
      kind: 'records',
      warnings: [],
      errors: [{ record: 2, field: 'employer.enterpriseNumber', reason: `U kan alleen plaatsen van uw eigen organisatie (${own}) importeren.` }],
    })
    expect(await organisationOf(other)).toBeUndefined()
    expect(await importJson([placement(own, 'a')], { actor, onlyEnterpriseNumber: own })).toMatchObject({ ok: true, imported: 1 })
  })

  it("keeps a regional admin to the reference regions, also for placements that are already there", async () => {
    const kbo = newKbo()
    await importJson([placement(kbo, 'leuven', { location: { postcode: '3000' } })])
    const gentOnly = { regionCodes: ['REFREG13'] }
    expect(await importJson([placement(kbo, 'gent')], gentOnly)).toMatchObject({ ok: true, imported: 1 })
    const result = await importJson([placement(kbo, 'elders', { location: { postcode: '3000' } }), placement(kbo, 'leuven')], gentOnly)
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { record: 1, field: 'location.postcode', reason: "Leuven ligt buiten je referentieregio's (REFREG13)." },
        { record: 2, field: 'externalId', reason: expect.stringContaining("Deze plaats ligt nu in Leuven, buiten je referentieregio's") },
      ],
    })
  })

  it('reads CSV with line numbers as record numbers', async () => {
    const kbo = newKbo()
    const header = 'externalId,employer.name,employer.enterpriseNumber,employer.type,title,occupation,description,location.postcode,hoursPerWeek,dutchLevel,instruments,places'
    const row = (id: string, hours: string) => `${id},Werkhuis,${kbo},private,Magazijnier,${WIRE_DRAWER},"Dozen vullen, sorteren en stapelen.",9000,${hours},none,IBO|WES,1`
    const text = [header, row('a', '20'), '', row('b', '0')].join('\n')
    const result = await importPlacements(db(), text, { fileName: 'plaatsen.csv', actor: cli })
    expect(result).toMatchObject({ ok: false, errors: [{ record: 4, field: 'hoursPerWeek' }] })
  })
})

describe('import runs (large uploads, imported by a job)', () => {
  async function uploader() {
    const organisation = await createOrganisation(db(), { type: 'platform' })
    return createUser(db(), { organisationId: organisation.id, role: 'platform_admin' })
  }

  it('imports, records progress and the result, drops the file, and does nothing when the job comes again', async () => {
    const user = await uploader()
    const kbo = newKbo()
    const content = JSON.stringify([placement(kbo, 'a'), placement(kbo, 'b')])
    const runId = await db().transaction((tx) => createImportRun(tx, { userId: user.id, organisationId: user.organisationId, scope: {}, fileName: 'groot.json', content, total: 2 }))
    expect(await getOwnImportRun(db(), user.id, runId)).toMatchObject({ status: 'queued', done: 0, total: 2 })

    await processImportRun(runId)
    const run = await getOwnImportRun(db(), user.id, runId)
    expect(run).toMatchObject({ status: 'imported', done: 2, imported: 2, updated: 0, report: { errors: [], warnings: [] } })
    expect(run?.finishedAt).not.toBeNull()
    expect(await placementsOf(kbo)).toHaveLength(2)
    // The text is gone, and a second delivery of the job finds nothing left to do.
    await processImportRun(runId)
    expect(await getOwnImportRun(db(), user.id, runId)).toMatchObject({ status: 'imported', imported: 2 })
  })

  it('stores the report of a rejected file, imports nothing, and shows a run only to its uploader', async () => {
    const user = await uploader()
    const kbo = newKbo()
    const content = JSON.stringify([placement(kbo, 'a', { dutchLevel: 'D1' })])
    const runId = await db().transaction((tx) => createImportRun(tx, { userId: user.id, organisationId: user.organisationId, scope: {}, fileName: 'fout.json', content, total: 1 }))
    await processImportRun(runId)
    expect(await getOwnImportRun(db(), user.id, runId)).toMatchObject({ status: 'rejected', imported: null, report: { errors: [{ record: 1, field: 'dutchLevel' }] } })
    expect(await organisationOf(kbo)).toBeUndefined()
    expect(await getOwnImportRun(db(), (await uploader()).id, runId)).toBeUndefined()
    expect(await getOwnImportRun(db(), user.id, 'not-a-uuid')).toBeUndefined()
  })
})

describe('npm run placements:import (the CLI as an operator runs it)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'placements-import-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  const run = (args: string[]) => runCommand('cli/placements-import.ts', args)
  const write = (name: string, text: string) => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, text)
    return file
  }

  it('prints one summary line, and imported 0, updated 0 the second time', async () => {
    const kbo = newKbo()
    const file = write('plaatsen.ndjson', [placement(kbo, 'a'), placement(kbo, 'b')].map((r) => JSON.stringify(r)).join('\n'))
    const first = await run([file])
    expect(first, first.stderr).toMatchObject({ code: 0, stdout: 'imported 2, updated 0\n' })
    expect(await run([file])).toMatchObject({ code: 0, stdout: 'imported 0, updated 0\n' })
  })

  it('prints record K: FIELD: REASON for every bad record, exits 1 and imports nothing', async () => {
    const kbo = newKbo()
    const file = write('fout.json', JSON.stringify([placement(kbo, 'a'), placement(kbo, 'b', { location: { postcode: '0999' } }), placement(kbo, 'c', { places: 501 })]))
    const result = await run([file])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('record 2: location.postcode: Een postcode heeft 4 cijfers, bv. 9000.\nrecord 3: places: Mag hoogstens 500 zijn.\n')
    expect(result.stderr).toContain('Nothing was imported: 2 records have errors.')
    expect(await organisationOf(kbo)).toBeUndefined()
  })

  it('names the line of a file that is not valid JSON, exits 1 and imports nothing', async () => {
    const kbo = newKbo()
    const file = write('kapot.json', `[\n${JSON.stringify(placement(kbo, 'a'))},\n{"externalId": "b",}\n]`)
    const result = await run([file])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^line 3: Het bestand is hier geen geldige JSON\. [^\n]*\n$/)
    expect(await organisationOf(kbo)).toBeUndefined()
  })

  it('exits 2 with one sentence for a missing argument or an unreadable file', async () => {
    const missing = await run([])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/^Give exactly one FILE to import\.\nUsage: npm run placements:import -- FILE/)
    const absent = await run([path.join(dir, 'bestaat-niet.json')])
    expect(absent.code).toBe(2)
    expect(absent.stderr).toMatch(/^Cannot read .*bestaat-niet\.json: no such file\.\n/)
    expect(absent.stdout).toBe('')
  })
})
