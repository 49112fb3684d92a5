import { count, eq, inArray, like, or, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client'
import {
  findMunicipality,
  findOccupation,
  listRegions,
  municipalitiesForPostcode,
  searchOccupations,
} from '#db/queries/reference'
import { loadReferenceData, REFERENCE_HASH_KEY } from '#db/reference/load'
import { appSettings, auditLog, municipalities, occupations, organisationMunicipalities, organisations, postcodes, referenceRegions, users } from '#db/schema'

async function counts() {
  const [row] = await db().execute<{ regions: number; municipalities: number; occupations: number; pairs: number; postcodes: number }>(sql`
    select (select count(*) from reference_regions)::int as regions,
           (select count(*) from municipalities)::int as municipalities,
           (select count(*) from occupations)::int as occupations,
           (select count(*) from postcodes)::int as pairs,
           (select count(distinct postcode) from postcodes)::int as postcodes`)
  return row
}

const storedHash = async () =>
  (await db().select().from(appSettings).where(eq(appSettings.key, REFERENCE_HASH_KEY)))[0]?.value

describe('reference data as loaded by the global setup', () => {
  it('has every region, municipality, postcode and occupation', async () => {
    expect(await counts()).toEqual({ regions: 15, municipalities: 285, occupations: 3007, pairs: 522, postcodes: 521 })
    expect(await storedHash()).toMatch(/^[0-9a-f]{64}$/)
  })

  it('lists the regions ordered by code', async () => {
    const regions = await listRegions(db())
    expect(regions).toHaveLength(15)
    expect(regions[0]).toEqual({ code: 'REFREG01', name: 'Regio Antwerpen' })
    expect(regions.at(-1)).toEqual({ code: 'REFREG15', name: 'Limburg' })
    expect(regions.map((r) => r.code)).toEqual([...regions.map((r) => r.code)].sort())
  })

  it('finds a municipality by NIS code, and nothing for an unknown code', async () => {
    expect(await findMunicipality(db(), '71072')).toMatchObject({ nis: '71072', name: 'Hasselt', province: 'Limburg', regionCode: 'REFREG15' })
    expect(await findMunicipality(db(), '46030')).toMatchObject({ name: 'Beveren-Kruibeke-Zwijndrecht', regionCode: 'REFREG14' })
    expect(await findMunicipality(db(), '99999')).toBeUndefined()
  })

  it('maps postcodes to municipalities, 1804 to two of them', async () => {
    const gent = await municipalitiesForPostcode(db(), '9000')
    expect(gent).toHaveLength(1)
    expect(gent[0]).toMatchObject({ nis: '44021', name: 'Gent', province: 'Oost-Vlaanderen' })
    expect((await municipalitiesForPostcode(db(), '1804')).map((m) => m.name)).toEqual(['Vilvoorde', 'Zemst'])
    expect(await municipalitiesForPostcode(db(), '1000')).toEqual([]) // Brussels is not in the Flemish Region
  })

  it('finds an occupation by URI', async () => {
    const uri = 'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34'
    expect(await findOccupation(db(), uri)).toMatchObject({ code: '2654.1.7', iscoGroup: '2654', label: 'inspiciënt' })
    expect((await findOccupation(db(), uri))?.altLabels).toContain('toneelmeester')
    expect(await findOccupation(db(), 'http://data.europa.eu/esco/occupation/nope')).toBeUndefined()
  })
})

describe('searchOccupations', () => {
  it('finds an occupation by an alternative label and says which one matched', async () => {
    const [first] = await searchOccupations(db(), 'kapster')
    expect(first).toMatchObject({ label: 'kapper', matchedAltLabel: 'kapster' })
  })

  it('ranks preferred-label matches before alternative-label matches', async () => {
    const hits = await searchOccupations(db(), 'loodgieter')
    expect(hits[0]).toMatchObject({ label: 'loodgieter', matchedAltLabel: null })
    // badkamermonteur matches only through its alternative label "loodgieter (badkamers)".
    const viaAlt = hits.findIndex((h) => h.label === 'badkamermonteur')
    expect(viaAlt).toBeGreaterThan(0)
    expect(hits[viaAlt]?.matchedAltLabel).toMatch(/loodgieter/)
    const isPreferred = hits.map((h) => h.matchedAltLabel === null)
    expect(isPreferred).toEqual([...isPreferred].sort((a, b) => Number(b) - Number(a))) // all preferred first
    expect(isPreferred.filter(Boolean)).toHaveLength(4)
  })

  it('ignores case, accents, soft hyphens and typographic apostrophes', async () => {
    expect((await searchOccupations(db(), 'INSPICIENT'))[0]?.label).toBe('inspiciënt')
    expect((await searchOccupations(db(), 'conciërge')).map((h) => h.label)).toEqual(['conciërge', 'hotelconciërge'])
    // The ESCO alt label is "ont­van­ger der di­rec­te be­las­tin­gen", with soft hyphens.
    expect(await searchOccupations(db(), 'Directe Belastingen')).toMatchObject([{ label: 'ontvanger' }])
    expect((await searchOccupations(db(), "auto's", 50)).map((h) => h.label)).toContain('manager autogaragebedrijf')
  })

  it('treats LIKE wildcards literally, respects the limit and returns nothing for an empty query', async () => {
    expect(await searchOccupations(db(), '%')).toEqual([])
    expect(await searchOccupations(db(), 'a_b')).toEqual([])
    expect(await searchOccupations(db(), '   ')).toEqual([])
    expect(await searchOccupations(db(), 'manager', 3)).toHaveLength(3)
    expect(await searchOccupations(db(), 'manager')).toHaveLength(10)
  })
})

describe('loadReferenceData', () => {
  // How long a load takes is for a benchmark (`npm run bench:start` times the first start), not for a test.
  it('does nothing when the files are the ones already loaded', async () => {
    const before = await storedHash()
    const xid = await db().transaction(async (tx) => {
      await loadReferenceData(tx)
      // Postgres assigns a transaction id at the first write: none means not a single row was touched.
      const [row] = await tx.execute<{ xid: string | null }>(sql`select pg_current_xact_id_if_assigned()::text as xid`)
      return row?.xid
    })
    expect(xid).toBeNull()
    expect(await storedHash()).toBe(before)
    expect(await counts()).toEqual({ regions: 15, municipalities: 285, occupations: 3007, pairs: 522, postcodes: 521 })
  })

  it('reloads when the stored hash differs, restoring edited rows', async () => {
    const before = await storedHash()
    await db().update(municipalities).set({ name: 'Edited' }).where(eq(municipalities.nis, '44021'))
    await db().update(occupations).set({ altLabels: [] }).where(eq(occupations.label, 'kapper'))
    await db().delete(postcodes).where(eq(postcodes.postcode, '9000'))
    await db().update(appSettings).set({ value: 'stale' }).where(eq(appSettings.key, REFERENCE_HASH_KEY))

    await db().transaction((tx) => loadReferenceData(tx))

    expect((await findMunicipality(db(), '44021'))?.name).toBe('Gent')
    expect((await municipalitiesForPostcode(db(), '9000')).map((m) => m.name)).toEqual(['Gent'])
    expect((await searchOccupations(db(), 'kapster'))[0]?.label).toBe('kapper')
    expect(await storedHash()).toBe(before)
    expect(await counts()).toEqual({ regions: 15, municipalities: 285, occupations: 3007, pairs: 522, postcodes: 521 })
  })

  it('loads everything into empty tables', async () => {
    await db().transaction(async (tx) => {
      await tx.delete(organisationMunicipalities)
      await tx.delete(organisations).where(inArray(organisations.type, ['ocmw', 'vdab']))
      await tx.delete(postcodes)
      await tx.delete(municipalities)
      await tx.delete(referenceRegions)
      await tx.delete(occupations)
      await tx.delete(appSettings).where(eq(appSettings.key, REFERENCE_HASH_KEY))
      await loadReferenceData(tx)
    })
    expect(await counts()).toEqual({ regions: 15, municipalities: 285, occupations: 3007, pairs: 522, postcodes: 521 })
    expect(await storedHash()).toMatch(/^[0-9a-f]{64}$/)
    expect(await referenceOrganisationCounts()).toEqual({ ocmw: 285, vdab: 15 })
  })
})

const referenceOrganisationCounts = async () => {
  const rows = await db()
    .select({ type: organisations.type, n: count() })
    .from(organisations)
    .where(or(like(organisations.slug, 'ocmw-_____'), like(organisations.slug, 'vdab-refreg__')))
    .groupBy(organisations.type)
  return Object.fromEntries(rows.map((r) => [r.type, r.n]))
}

const servedBy = async (slug: string) =>
  (
    await db()
      .select({ nis: organisationMunicipalities.municipalityNis })
      .from(organisationMunicipalities)
      .innerJoin(organisations, eq(organisations.id, organisationMunicipalities.organisationId))
      .where(eq(organisations.slug, slug))
      .orderBy(organisationMunicipalities.municipalityNis)
  ).map((r) => r.nis)

describe('reference organisations', () => {
  it('gives every municipality its OCMW and every reference region its VDAB team, without staff or contact address', async () => {
    expect(await referenceOrganisationCounts()).toEqual({ ocmw: 285, vdab: 15 })
    const [gent] = await db().select().from(organisations).where(eq(organisations.slug, 'ocmw-44021'))
    expect(gent).toMatchObject({ name: 'OCMW Gent', type: 'ocmw', demo: false, contactEmail: null, deactivatedAt: null })
    expect(await servedBy('ocmw-44021')).toEqual(['44021'])
    const regionGent = (await db().select({ nis: municipalities.nis }).from(municipalities).where(eq(municipalities.regionCode, 'REFREG13'))).map((m) => m.nis).sort()
    expect(regionGent.length).toBeGreaterThan(5)
    expect(await servedBy('vdab-refreg13')).toEqual(regionGent)
    const [team] = await db().select().from(organisations).where(eq(organisations.slug, 'vdab-refreg13'))
    expect(team).toMatchObject({ name: 'VDAB-team Regio Gent', type: 'vdab' })
    const [staff] = await db().select({ n: count() }).from(users).where(inArray(users.organisationId, [gent!.id, team!.id]))
    expect(staff!.n).toBe(0)
  })

  it('never overwrites what an admin changed and never deletes; a missing one comes back', async () => {
    await db().update(organisations).set({ name: 'OCMW Gent (hernoemd)', contactEmail: 'triage@gent.example', deactivatedAt: new Date() }).where(eq(organisations.slug, 'ocmw-44021'))
    const [gent] = await db().select().from(organisations).where(eq(organisations.slug, 'ocmw-44021'))
    // Destelbergen is served by a cluster now: its own OCMW no longer serves it.
    const [destelbergen] = await db().select().from(organisations).where(eq(organisations.slug, 'ocmw-44013'))
    await db().delete(organisationMunicipalities).where(eq(organisationMunicipalities.organisationId, destelbergen!.id))
    // A municipality new in the file (a merger) has no OCMW yet.
    const [merged] = await db().select().from(organisations).where(eq(organisations.slug, 'ocmw-44088'))
    await db().delete(organisationMunicipalities).where(eq(organisationMunicipalities.organisationId, merged!.id))
    await db().delete(organisations).where(eq(organisations.id, merged!.id))
    await db().update(appSettings).set({ value: 'stale' }).where(eq(appSettings.key, REFERENCE_HASH_KEY))

    await db().transaction((tx) => loadReferenceData(tx))

    const [after] = await db().select().from(organisations).where(eq(organisations.slug, 'ocmw-44021'))
    expect(after).toEqual(gent)
    expect(await servedBy('ocmw-44013')).toEqual([])
    expect(await servedBy('ocmw-44088')).toEqual(['44088'])
    expect(await referenceOrganisationCounts()).toEqual({ ocmw: 285, vdab: 15 })
  })
})

describe('audit_log', () => {
  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    const [row] = await db()
      .insert(auditLog)
      .values({ action: 'test.append', subjectType: 'test', subjectId: 'x', details: { n: 1 } })
      .returning()
    expect(row?.id).toBeGreaterThan(0)
    const id = row!.id

    // drizzle wraps the driver error; the trigger's message is on the cause.
    const refused = (op: string) => ({ cause: expect.objectContaining({ message: `audit_log is append-only (${op} refused)` }) })
    await expect(db().update(auditLog).set({ action: 'test.rewritten' }).where(eq(auditLog.id, id))).rejects.toMatchObject(refused('UPDATE'))
    await expect(db().delete(auditLog).where(eq(auditLog.id, id))).rejects.toMatchObject(refused('DELETE'))
    await expect(db().execute(sql`truncate audit_log`)).rejects.toMatchObject(refused('TRUNCATE'))

    const after = await db().select().from(auditLog).where(eq(auditLog.id, id))
    expect(after).toEqual([row])
  })
})
