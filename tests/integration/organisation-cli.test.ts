import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { asc, eq, inArray } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { db } from '#db/client'
import { auditLog, organisationMunicipalities, organisations } from '#db/schema'
import { createEmployer, createOrganisation, createUser } from '#db/seed/factories'
import { expectUsageError, runCommand } from '#tests/support/run-command'
import { bySlug } from './organisation-support'

const orgCreate = (args: string[]) => runCommand('cli/org-create.ts', args)
const orgsImport = (args: string[]) => runCommand('cli/orgs-import.ts', args)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgs-import-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
const file = (name: string, content: string) => {
  const target = path.join(dir, name)
  fs.writeFileSync(target, content)
  return target
}

const served = async (slug: string) =>
  (
    await db()
      .select({ nis: organisationMunicipalities.municipalityNis })
      .from(organisationMunicipalities)
      .innerJoin(organisations, eq(organisations.id, organisationMunicipalities.organisationId))
      .where(eq(organisations.slug, slug))
      .orderBy(asc(organisationMunicipalities.municipalityNis))
  ).map((r) => r.nis)

describe('org:create', () => {
  it('creates the organisation with its municipalities and addresses, audited as done on the command line', async () => {
    const result = await orgCreate([
      'ocmw-cluster-leie',
      '--type',
      'ocmw',
      '--name',
      'OCMW-cluster Leie',
      '--municipalities',
      '44021, 42010',
      '--contact-email',
      'triage@leie.example.test',
      '--dpo-email',
      'dpo@leie.example.test',
    ])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toBe('Created ocmw-cluster-leie (ocmw, 2 municipalities).\n')
    const created = await bySlug('ocmw-cluster-leie')
    expect(created).toMatchObject({ name: 'OCMW-cluster Leie', type: 'ocmw', contactEmail: 'triage@leie.example.test', dpoEmail: 'dpo@leie.example.test' })
    expect(await served('ocmw-cluster-leie')).toEqual(['42010', '44021'])
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.subjectId, created.id))
    expect(entry).toMatchObject({ action: 'organisation.create', actorUserId: null, organisationId: created.id, details: { via: 'cli', municipalities: 2 } })
  })

  // One case per way a mistake is reported (a field of the schema, a check in the database, the call itself); the
  // schema's other reasons are the form's, tested in tests/unit/organisation-form.test.ts. Each case starts a process.
  describe('refuses a wrong call with exit code 2 and one sentence, creating nothing', () => {
    it.each([
      ['an unknown type', ['org-a', '--type', 'school', '--name', 'School A'], /^--type: Kies een soort organisatie: ocmw, vdab, outreach_partner, platform\.$/],
      ['an unknown NIS code', ['org-c', '--type', 'ocmw', '--name', 'OCMW C', '--municipalities', '44021,99999'], /^--municipalities: Deze NIS-code bestaat niet: 99999\.$/],
      ['an invalid address', ['org-h', '--type', 'platform', '--name', 'Team H', '--dpo-email', 'geen'], /^--dpo-email: Dit is geen geldig e-mailadres/],
      ['an unknown option', ['org-j', '--type', 'ocmw', '--name', 'OCMW J', '--region', 'REFREG13'], /^Unknown option '--region'/],
    ])('%s', async (_, args, message) => {
      expectUsageError(await orgCreate(args), message)
      expect(await bySlug(args[0]!)).toBeUndefined()
    })

    it('a slug in use, leaving the organisation that has it as it was', async () => {
      const before = await bySlug('ocmw-44021')
      expectUsageError(await orgCreate(['ocmw-44021', '--type', 'ocmw', '--name', 'OCMW Gent bis', '--municipalities', '44021']), /^SLUG: Deze slug is al in gebruik\. Kies een andere\.$/)
      expect(await bySlug('ocmw-44021')).toEqual(before)
    })

    it('no SLUG', async () => {
      expectUsageError(await orgCreate(['--type', 'ocmw', '--name', 'OCMW I']), /^Give exactly one SLUG\.$/)
    })
  })
})

describe('orgs:import', () => {
  const records = [
    { slug: 'partner-dok', type: 'outreach_partner', name: 'Buurtwerk Dok', municipalities: ['44021'], contactEmail: 'dok@example.test' },
    { slug: 'vdab-gent-noord', type: 'vdab', name: 'VDAB-team Gent-Noord', municipalities: ['44021', '42010'], firstContactDays: 3 },
    // An existing reference OCMW: its fields are updated, its slug stays.
    { slug: 'ocmw-44019', type: 'ocmw', name: 'OCMW Evergem (cluster)', municipalities: ['44019', '44021'], dpoEmail: 'dpo@evergem.example.test' },
  ]

  it('imports a JSON array, updates existing organisations by slug, and changes nothing the second time', async () => {
    const before = await bySlug('ocmw-44019')
    const json = file('organisaties.json', JSON.stringify(records, null, 2))
    const first = await orgsImport([json])
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toBe('imported 2, updated 1\n')
    expect(await bySlug('partner-dok')).toMatchObject({ type: 'outreach_partner', name: 'Buurtwerk Dok', contactEmail: 'dok@example.test', dpoEmail: null })
    expect(await bySlug('vdab-gent-noord')).toMatchObject({ firstContactDays: 3 })
    expect(await bySlug('ocmw-44019')).toMatchObject({ id: before.id, name: 'OCMW Evergem (cluster)', dpoEmail: 'dpo@evergem.example.test' })
    expect(await served('ocmw-44019')).toEqual(['44019', '44021'])
    const entries = await db().select().from(auditLog).where(inArray(auditLog.organisationId, [before.id]))
    expect(entries).toMatchObject([{ action: 'organisation.update', actorUserId: null, details: { via: 'cli', fields: ['name', 'dpoEmail', 'municipalities'] } }])

    const second = await orgsImport([json])
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout).toBe('imported 0, updated 0\n')
  })

  it('imports a CSV with |-separated municipalities; an empty cell keeps what is stored', async () => {
    const csv = file(
      'organisaties.csv',
      [
        'slug,type,name,municipalities,contactEmail,dpoEmail,firstContactDays',
        'partner-haven,outreach_partner,Havenwerking,44021|42010,haven@example.test,,',
        'partner-dok,outreach_partner,Buurtwerk Dok Gent,44021,,,5',
        '',
      ].join('\n'),
    )
    const result = await orgsImport([csv])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toBe('imported 1, updated 1\n')
    expect(await served('partner-haven')).toEqual(['42010', '44021'])
    // partner-dok kept its contact address (empty cell), and took the new name and first-contact days.
    expect(await bySlug('partner-dok')).toMatchObject({ name: 'Buurtwerk Dok Gent', contactEmail: 'dok@example.test', firstContactDays: 5 })
    expect((await orgsImport([csv])).stdout).toBe('imported 0, updated 0\n')
  })

  it('reports every bad record and imports nothing', async () => {
    const ocmw = await createOrganisation(db(), { type: 'ocmw', slug: 'ocmw-met-team', name: 'OCMW Met Team', municipalities: ['44021'] })
    await createUser(db(), { organisationId: ocmw.id, role: 'triage_worker' })
    const json = file(
      'fouten.json',
      JSON.stringify([
        { slug: 'partner-nieuw', type: 'outreach_partner', name: 'Nieuw', municipalities: ['44021'] },
        { slug: 'partner-fout', type: 'outreach_partner', name: 'Fout', municipalities: ['99999'], website: 'x' },
        { slug: 'ocmw-met-team', type: 'outreach_partner', name: 'OCMW Met Team', municipalities: ['44021'] },
        { slug: 'partner-nieuw', type: 'outreach_partner', name: 'Nog eens', municipalities: ['44021'] },
      ]),
    )
    const result = await orgsImport([json])
    expect(result.code).toBe(1)
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      'record 2: website: Onbekend veld: dit veld bestaat niet in het formaat.',
      'record 3: type: Dit kan niet: deze organisatie heeft accounts met een rol die niet bij die soort past: Triagemedewerker (1). Geef hen eerst een andere rol of organisatie.',
      'record 4: slug: Record 1 heeft dezelfde slug al.',
    ])
    expect(result.stderr).toContain('Nothing was imported: 3 records have errors.')
    expect(await bySlug('partner-nieuw')).toBeUndefined()
    expect((await bySlug('ocmw-met-team')).type).toBe('ocmw')
  })

  it('checks the database for records the schema accepts, and still imports nothing', async () => {
    const csv = file(
      'twee-fouten.csv',
      ['slug,type,name,municipalities', 'partner-goed,outreach_partner,Goed,44021', 'partner-slecht,outreach_partner,Slecht,99999', 'Partner Fout,ocmw,X,44021', ''].join('\n'),
    )
    const result = await orgsImport([csv])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe(
      [
        'record 3: municipalities: Deze NIS-code bestaat niet: 99999.',
        'record 4: slug: Gebruik alleen kleine letters, cijfers en streepjes (niet vooraan of achteraan), zoals ocmw-cluster-kanaalzone.',
        'record 4: name: Een naam heeft minstens 2 tekens.',
        '',
      ].join('\n'),
    )
    expect(await bySlug('partner-goed')).toBeUndefined()
    expect(await db().select().from(organisations).where(inArray(organisations.slug, ['partner-goed', 'partner-slecht']))).toEqual([])
  })

  it('never touches an employer, whatever the record says', async () => {
    const { organisation: employer } = await createEmployer(db(), { slug: 'bakkerij-import', name: 'Bakkerij Import' })
    const json = file(
      'werkgever.json',
      JSON.stringify([
        { slug: 'bakkerij-import', type: 'outreach_partner', name: 'Overgenomen', municipalities: ['44021'] },
        { slug: 'nieuwe-werkgever', type: 'employer', name: 'Nieuwe werkgever', municipalities: [] },
      ]),
    )
    const result = await orgsImport([json])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe(
      [
        'record 1: slug: "bakkerij-import" is een werkgever. Werkgevers beheer je onder /admin/werkgevers, niet met deze import.',
        'record 2: type: Werkgevers beheer je niet hier: ze registreren zich zelf en worden geverifieerd onder /admin/werkgevers.',
        '',
      ].join('\n'),
    )
    expect(await bySlug('bakkerij-import')).toMatchObject({ id: employer.id, type: 'employer', name: 'Bakkerij Import' })
  })

  it('names the line of a file it cannot read', async () => {
    const result = await orgsImport([file('kapot.json', '[\n{"slug": "x",\n')])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^line 3: Het bestand is hier geen geldige JSON/)
    const missing = await orgsImport([path.join(dir, 'bestaat-niet.csv')])
    expectUsageError(missing, /^Cannot read .*bestaat-niet\.csv: no such file\.$/)
  })
})
