import { and, inArray, sql } from 'drizzle-orm'
import { checkKbo } from '#domain/kbo'
import { type PlacementStatus, publishTarget } from '#domain/placement-lifecycle'
import { parsePlacementRecord, type PlacementRecord } from '#domain/placement-record'
import type { Tx } from '#db/client'
import { occupations, placements } from '#db/schema'
import { instruments, schedules, supportKinds } from '#domain/values'
import { findEmployers, type PlannedEmployer } from './employers.server'
import { loadGazetteer, resolveLocation } from './location.server'
import type { RawRecord } from './parsed'
import { importedStatus } from './status'
import type { ImportIssue, ImportScope } from './types'

/**
 * Checks every record (schema first, then against the database, in a handful of bulk queries) and works out
 * what applying the file would change. All errors are collected, so one run reports every bad record.
 */
const compared = [
  'title', 'occupationUri', 'description', 'tasks', 'competences', 'municipalityNis', 'postcode', 'street', 'lat', 'lon',
  'hoursPerWeek', 'schedule', 'startDate', 'places', 'dutchLevel', 'support', 'instruments', 'status',
] as const
export type PlacementValues = Pick<typeof placements.$inferSelect, (typeof compared)[number]>

export type PlannedPlacement = {
  record: number
  enterpriseNumber: string
  externalId: string
  values: PlacementValues
  change: 'new' | 'updated' | 'unchanged'
  /** The status before the import; undefined for a new placement. */
  previousStatus?: PlacementStatus
}
export type ImportPlan = { employers: Map<string, PlannedEmployer>; placements: PlannedPlacement[] }

// Lists that are sets in the format (uniqueItems) are stored in the order of their value list, so the same set
// written in another order is no change.
const inOrderOf = <T extends string>(order: readonly string[], values: readonly T[]) => [...values].sort((a, b) => order.indexOf(a) - order.indexOf(b))
const setsInOrder = (v: Pick<PlacementValues, 'schedule' | 'support' | 'instruments'>) => ({
  schedule: inOrderOf(schedules, v.schedule),
  support: inOrderOf(supportKinds, v.support),
  instruments: inOrderOf(instruments, v.instruments),
})
const same = (a: PlacementValues, b: PlacementValues) => compared.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]))

type Valid = { record: number; data: PlacementRecord; enterpriseNumber: string }
type Fail = (record: number, field: string, reason: string) => void

/** What can be said without the database: the schema, the employer's own number, duplicates in the file. */
function checkRecords(raw: RawRecord[], scope: ImportScope, fail: Fail): Valid[] {
  const valid: Valid[] = []
  const firstOfKey = new Map<string, number>()
  for (const item of raw) {
    if ('issue' in item) {
      fail(item.record, item.issue.field, item.issue.reason)
      continue
    }
    const check = parsePlacementRecord(item.value)
    if (!check.ok) {
      for (const issue of check.issues) fail(item.record, issue.field, issue.reason)
      continue
    }
    const kbo = checkKbo(check.record.employer.enterpriseNumber)
    if (!kbo.ok) throw new Error('the record schema let an invalid enterprise number through')
    if (scope.onlyEnterpriseNumber !== undefined && kbo.value !== scope.onlyEnterpriseNumber) {
      fail(item.record, 'employer.enterpriseNumber', `U kan alleen plaatsen van uw eigen organisatie (${scope.onlyEnterpriseNumber}) importeren.`)
      continue
    }
    const key = `${kbo.value} ${check.record.externalId}`
    const first = firstOfKey.get(key)
    if (first !== undefined) {
      fail(item.record, 'externalId', `Record ${first} heeft al externalId "${check.record.externalId}" bij dit ondernemingsnummer.`)
      continue
    }
    firstOfKey.set(key, item.record)
    valid.push({ record: item.record, data: check.record, enterpriseNumber: kbo.value })
  }
  return valid
}

/** Adds the employers the file introduces (from their first record) and warns where a name or type is not used. */
function planEmployers(valid: Valid[], employers: Map<string, PlannedEmployer>, warnings: ImportIssue[]) {
  const warned = new Set<string>()
  for (const { record, data, enterpriseNumber } of valid) {
    const employer = employers.get(enterpriseNumber)
    if (!employer) {
      employers.set(enterpriseNumber, { enterpriseNumber, name: data.employer.name, type: data.employer.type, firstRecord: record })
    } else if ((employer.name !== data.employer.name || employer.type !== data.employer.type) && !warned.has(enterpriseNumber)) {
      warned.add(enterpriseNumber)
      const source = employer.existing ? 'staat al in Stapsteen' : `komt eerder in het bestand voor (record ${employer.firstRecord})`
      warnings.push({ record, field: 'employer.name', reason: `Deze werkgever ${source} als "${employer.name}" (${employer.type}); die naam en soort blijven behouden.` })
    }
  }
}

/** The stored placements the file names, by "organisation externalId", with the compared columns. */
async function storedPlacements(tx: Tx, employers: Map<string, PlannedEmployer>, valid: Valid[]) {
  const organisationIds = [...employers.values()].flatMap((e) => (e.existing ? [e.existing.id] : []))
  if (organisationIds.length === 0) return new Map<string, PlacementValues>()
  const rows = await tx
    .select({ organisationId: placements.organisationId, externalId: placements.externalId, ...Object.fromEntries(compared.map((k) => [k, placements[k]])) })
    .from(placements)
    .where(and(inArray(placements.organisationId, organisationIds), sql`${placements.externalId} = any(${sql.param(valid.map((v) => v.data.externalId))}::text[])`))
  return new Map(rows.map((row) => [`${row.organisationId} ${row.externalId}`, row as unknown as PlacementValues]))
}

export async function planImport(tx: Tx, raw: RawRecord[], scope: ImportScope) {
  const errors: ImportIssue[] = []
  const warnings: ImportIssue[] = []
  const fail: Fail = (record, field, reason) => errors.push({ record, field, reason })
  const valid = checkRecords(raw, scope, fail)

  const uris = [...new Set(valid.map((v) => v.data.occupation))]
  const [gazetteer, known, employers] = await Promise.all([
    loadGazetteer(tx),
    uris.length === 0 ? [] : tx.select({ uri: occupations.uri }).from(occupations).where(inArray(occupations.uri, uris)),
    findEmployers(tx, [...new Set(valid.map((v) => v.enterpriseNumber))]),
  ])
  const knownUris = new Set(known.map((row) => row.uri))
  planEmployers(valid, employers, warnings)
  const stored = await storedPlacements(tx, employers, valid)
  const outsideRegions = (regionCode: string) => scope.regionCodes !== undefined && !scope.regionCodes.includes(regionCode)

  const planned: PlannedPlacement[] = []
  for (const { record, data, enterpriseNumber } of valid) {
    const employer = employers.get(enterpriseNumber)!
    const errorsBefore = errors.length
    if (employer.existing && employer.existing.organisationType !== 'employer') {
      fail(record, 'employer.enterpriseNumber', 'Dit ondernemingsnummer hoort bij een organisatie op Stapsteen die geen werkgever is.')
    }
    if (!knownUris.has(data.occupation)) fail(record, 'occupation', 'Dit ESCO-beroep bestaat niet in Stapsteen (ESCO v1.1.1). Kijk de URI na op esco.ec.europa.eu.')
    const location = resolveLocation(gazetteer, data.location)
    if (!location.ok) fail(record, location.field, location.reason)
    else if (outsideRegions(location.municipality.regionCode)) {
      const field = data.location.municipalityNis === undefined ? 'location.postcode' : 'location.municipalityNis'
      fail(record, field, `${location.municipality.name} ligt buiten je referentieregio's (${scope.regionCodes!.join(', ')}).`)
    }
    const current = employer.existing && stored.get(`${employer.existing.id} ${data.externalId}`)
    const currentTown = current && gazetteer.municipalities.get(current.municipalityNis)
    if (currentTown && outsideRegions(currentTown.regionCode)) {
      fail(record, 'externalId', `Deze plaats ligt nu in ${currentTown.name}, buiten je referentieregio's; je kan ze niet wijzigen.`)
    }
    const status = importedStatus(current?.status, data.status === 'draft' ? 'draft' : publishTarget(employer.existing?.verified ?? true))
    if (!status.ok) fail(record, 'status', status.reason)
    if (errors.length > errorsBefore || !location.ok || !status.ok) continue

    const values: PlacementValues = {
      title: data.title,
      occupationUri: data.occupation,
      description: data.description,
      tasks: data.tasks ?? [],
      competences: data.competences ?? [],
      municipalityNis: location.municipality.nis,
      postcode: data.location.postcode ?? null,
      street: data.location.street ?? null,
      lat: location.lat,
      lon: location.lon,
      hoursPerWeek: data.hoursPerWeek,
      startDate: data.startDate ?? null,
      places: data.places,
      dutchLevel: data.dutchLevel,
      status: status.status,
      ...setsInOrder({ schedule: data.schedule ?? [], support: data.support ?? [], instruments: data.instruments }),
    }
    const change = !current ? 'new' : same(values, { ...current, ...setsInOrder(current) }) ? 'unchanged' : 'updated'
    planned.push({ record, enterpriseNumber, externalId: data.externalId, values, change, previousStatus: current?.status })
  }

  errors.sort((a, b) => a.record - b.record)
  return { errors, warnings, plan: { employers, placements: planned } satisfies ImportPlan }
}
