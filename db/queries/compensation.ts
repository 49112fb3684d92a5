import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import { formatDate } from '#domain/compensation-labels'
import {
  type EmployerType,
  type Instrument,
  isIsoDate,
  MAX_NOTE_LENGTH,
  normaliseRule,
  ruleProblems,
  type RuleValues,
} from '#domain/compensation-rules'
import type { Tx } from '#db/client'
import {
  compensationRules,
  compensationSchedules,
  compensationVersions,
  employerProfiles,
  employerSites,
  municipalities,
  organisationMunicipalities,
  organisations,
  placements,
  referenceRegions,
} from '#db/schema'
import { audit } from './audit'

/**
 * Compensation schedules. They are public information (the comparison page shows them to anyone), so reads
 * take no user; createVersion takes the admin and refuses regions outside the admin's own.
 * Routes reach these through app/features/compensation/*.server.ts: createVersion queues mail (server-only code).
 */
export type Region = { code: string; name: string }
export type Ocmw = { id: string; name: string }
export type VersionWithRules = {
  id: string
  validFrom: string
  note: string | null
  isDemo: boolean
  createdAt: string
  rules: RuleValues[]
}
/** One schedule: a region's own, or one OCMW's deviation (ocmw set), with every version, newest first. */
export type ScheduleHistory = { id: string; region: Region; ocmw: Ocmw | null; versions: VersionWithRules[] }

const ruleColumns = {
  versionId: compensationRules.versionId,
  instrument: compensationRules.instrument,
  employerType: compensationRules.employerType,
  employerPaysCents: compensationRules.employerPaysCents,
  employerPaysUnit: compensationRules.employerPaysUnit,
  wagePolicy: compensationRules.wagePolicy,
  grossHourlyWageCents: compensationRules.grossHourlyWageCents,
  referenceScale: compensationRules.referenceScale,
  covers: compensationRules.covers,
}

type RuleRow = { versionId: string } & Omit<RuleValues, 'covers'> & { covers: string[] }
const toRule = ({ versionId: _versionId, ...rule }: RuleRow): RuleValues => ({ ...rule, covers: rule.covers as RuleValues['covers'] })

/** Every schedule of the given regions (all regions when none given) with its full history. */
export async function loadSchedules(tx: Tx, filter: { regionCodes?: readonly string[] } = {}): Promise<ScheduleHistory[]> {
  const schedules = await tx
    .select({
      id: compensationSchedules.id,
      regionCode: referenceRegions.code,
      regionName: referenceRegions.name,
      ocmwId: organisations.id,
      ocmwName: organisations.name,
    })
    .from(compensationSchedules)
    .innerJoin(referenceRegions, eq(referenceRegions.code, compensationSchedules.regionCode))
    .leftJoin(organisations, eq(organisations.id, compensationSchedules.ocmwOrganisationId))
    .where(filter.regionCodes ? inArray(compensationSchedules.regionCode, [...filter.regionCodes]) : undefined)
    .orderBy(asc(referenceRegions.code), sql`${organisations.name} nulls first`)
  if (schedules.length === 0) return []
  const versions = await tx
    .select()
    .from(compensationVersions)
    .where(
      inArray(
        compensationVersions.scheduleId,
        schedules.map((s) => s.id),
      ),
    )
    .orderBy(desc(compensationVersions.validFrom))
  const rules = versions.length
    ? await tx
        .select(ruleColumns)
        .from(compensationRules)
        .where(
          inArray(
            compensationRules.versionId,
            versions.map((v) => v.id),
          ),
        )
        .orderBy(asc(compensationRules.instrument), asc(compensationRules.employerType))
    : []
  return schedules.map((s) => ({
    id: s.id,
    region: { code: s.regionCode, name: s.regionName },
    ocmw: s.ocmwId && s.ocmwName ? { id: s.ocmwId, name: s.ocmwName } : null,
    versions: versions
      .filter((v) => v.scheduleId === s.id)
      .map((v) => ({
        id: v.id,
        validFrom: v.validFrom,
        note: v.note,
        isDemo: v.isDemo,
        createdAt: v.createdAt.toISOString(),
        rules: rules.filter((r) => r.versionId === v.id).map(toRule),
      })),
  }))
}

export type AppliedRule = {
  instrument: Instrument
  /** Null: neither the region nor the municipality's OCMW has a rule for this instrument on that day. */
  applied: { region: Region; ocmw: Ocmw | null; version: { id: string; validFrom: string; isDemo: boolean }; rule: RuleValues } | null
}

/**
 * For each instrument, the rule in force on `on` for a workplace in that municipality and that type of employer:
 * the deviation of the OCMW serving the municipality when its version in force regulates the instrument, else
 * the region's schedule, else none. Undefined region: the municipality is unknown.
 */
export async function applicableRules(
  tx: Tx,
  input: { municipalityNis: string; employerType: EmployerType; instruments: readonly Instrument[]; on: string },
): Promise<{ region: Region | undefined; rules: AppliedRule[] }> {
  const wanted = [...new Set(input.instruments)]
  const [place] = await tx
    .select({ code: referenceRegions.code, name: referenceRegions.name })
    .from(municipalities)
    .innerJoin(referenceRegions, eq(referenceRegions.code, municipalities.regionCode))
    .where(eq(municipalities.nis, input.municipalityNis))
  if (!place) return { region: undefined, rules: wanted.map((instrument) => ({ instrument, applied: null })) }

  const ocmws = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisationMunicipalities)
    .innerJoin(organisations, eq(organisations.id, organisationMunicipalities.organisationId))
    .where(and(eq(organisationMunicipalities.municipalityNis, input.municipalityNis), eq(organisations.type, 'ocmw')))
    .orderBy(asc(organisations.name))
  const schedules = await tx
    .select({ id: compensationSchedules.id, ocmwId: compensationSchedules.ocmwOrganisationId })
    .from(compensationSchedules)
    .where(
      and(
        eq(compensationSchedules.regionCode, place.code),
        ocmws.length
          ? or(
              isNull(compensationSchedules.ocmwOrganisationId),
              inArray(
                compensationSchedules.ocmwOrganisationId,
                ocmws.map((o) => o.id),
              ),
            )
          : isNull(compensationSchedules.ocmwOrganisationId),
      ),
    )
  // Per schedule, the latest version that started on or before the day.
  const versions = schedules.length
    ? await tx
        .selectDistinctOn([compensationVersions.scheduleId], {
          id: compensationVersions.id,
          scheduleId: compensationVersions.scheduleId,
          validFrom: compensationVersions.validFrom,
          isDemo: compensationVersions.isDemo,
        })
        .from(compensationVersions)
        .where(
          and(
            inArray(
              compensationVersions.scheduleId,
              schedules.map((s) => s.id),
            ),
            lte(compensationVersions.validFrom, input.on),
          ),
        )
        .orderBy(compensationVersions.scheduleId, desc(compensationVersions.validFrom))
    : []
  const rules =
    versions.length && wanted.length
      ? await tx
          .select(ruleColumns)
          .from(compensationRules)
          .where(
            and(
              inArray(
                compensationRules.versionId,
                versions.map((v) => v.id),
              ),
              eq(compensationRules.employerType, input.employerType),
              inArray(compensationRules.instrument, wanted),
            ),
          )
      : []

  // Deviations first (in OCMW name order), the region's own schedule last: the first hit wins.
  const candidates = [...ocmws.map((o) => ({ ocmw: o as Ocmw | null, id: o.id })), { ocmw: null, id: null }].flatMap(({ ocmw, id }) => {
    const schedule = schedules.find((s) => s.ocmwId === id)
    const version = schedule && versions.find((v) => v.scheduleId === schedule.id)
    return version ? [{ ocmw, version }] : []
  })
  return {
    region: place,
    rules: wanted.map((instrument) => {
      for (const { ocmw, version } of candidates) {
        const rule = rules.find((r) => r.versionId === version.id && r.instrument === instrument)
        if (rule)
          return {
            instrument,
            applied: {
              region: place,
              ocmw,
              version: { id: version.id, validFrom: version.validFrom, isDemo: version.isDemo },
              rule: toRule(rule),
            },
          }
      }
      return { instrument, applied: null }
    }),
  }
}

/**
 * The OCMWs (and OCMW clusters) serving at least one municipality of the region: who may get a deviation. `demo`
 * tells the demo's OCMW Gent from the real one of the same name.
 */
export function listOcmwsInRegion(tx: Tx, regionCode: string): Promise<(Ocmw & { demo: boolean })[]> {
  return tx
    .selectDistinct({ id: organisations.id, name: organisations.name, demo: organisations.demo })
    .from(organisations)
    .innerJoin(organisationMunicipalities, eq(organisationMunicipalities.organisationId, organisations.id))
    .innerJoin(municipalities, eq(municipalities.nis, organisationMunicipalities.municipalityNis))
    .where(and(eq(organisations.type, 'ocmw'), eq(municipalities.regionCode, regionCode)))
    .orderBy(asc(organisations.name))
}

/** A region the admin manages, or undefined: the admin's region codes come from the session, never the request. */
export async function findRegionInScope(tx: Tx, scope: readonly string[], code: string): Promise<Region | undefined> {
  if (!scope.includes(code)) return undefined
  const [region] = await tx
    .select({ code: referenceRegions.code, name: referenceRegions.name })
    .from(referenceRegions)
    .where(eq(referenceRegions.code, code))
  return region
}

/** The employer type of the user's own organisation; undefined for organisations that are no employer. */
export async function findOwnEmployerType(tx: Tx, organisationId: string): Promise<EmployerType | undefined> {
  const [row] = await tx
    .select({ employerType: organisations.employerType })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.type, 'employer')))
  return row?.employerType ?? undefined
}

/** The organisation's own sites with their municipality and region, for its cost overview. */
export function listOwnSitesWithRegion(tx: Tx, organisationId: string) {
  return tx
    .select({
      id: employerSites.id,
      name: employerSites.name,
      municipalityNis: employerSites.municipalityNis,
      municipalityName: municipalities.name,
      regionCode: referenceRegions.code,
      regionName: referenceRegions.name,
    })
    .from(employerSites)
    .innerJoin(municipalities, eq(municipalities.nis, employerSites.municipalityNis))
    .innerJoin(referenceRegions, eq(referenceRegions.code, municipalities.regionCode))
    .where(eq(employerSites.organisationId, organisationId))
    .orderBy(asc(employerSites.name))
}

/** Every municipality as a point with its region: what the map of Flanders is drawn from. */
export function listMunicipalityPoints(tx: Tx) {
  return tx
    .select({
      nis: municipalities.nis,
      name: municipalities.name,
      regionCode: municipalities.regionCode,
      lat: municipalities.lat,
      lon: municipalities.lon,
    })
    .from(municipalities)
    .orderBy(asc(municipalities.nis))
}

// ------------------------------------------------------------------------------------------------ writes

type ScheduleKey = { regionCode: string; ocmwOrganisationId?: string | null }

const sameSchedule = ({ regionCode, ocmwOrganisationId }: ScheduleKey) =>
  and(
    eq(compensationSchedules.regionCode, regionCode),
    ocmwOrganisationId
      ? eq(compensationSchedules.ocmwOrganisationId, ocmwOrganisationId)
      : isNull(compensationSchedules.ocmwOrganisationId),
  )

/**
 * Writes a version and its rules without any check: createVersion is the checked way in; the demo seed and
 * tests use this directly. The schedule row is made on first use.
 */
export async function insertVersion(
  tx: Tx,
  input: ScheduleKey & {
    validFrom: string
    rules: readonly RuleValues[]
    note?: string | null
    isDemo?: boolean
    createdBy?: string | null
  },
): Promise<string> {
  await tx
    .insert(compensationSchedules)
    .values({ regionCode: input.regionCode, ocmwOrganisationId: input.ocmwOrganisationId ?? null })
    .onConflictDoNothing()
  const [schedule] = await tx.select({ id: compensationSchedules.id }).from(compensationSchedules).where(sameSchedule(input))
  const [version] = await tx
    .insert(compensationVersions)
    .values({
      scheduleId: schedule!.id,
      validFrom: input.validFrom,
      note: input.note ?? null,
      isDemo: input.isDemo ?? false,
      createdBy: input.createdBy ?? null,
    })
    .returning({ id: compensationVersions.id })
  await tx.insert(compensationRules).values(input.rules.map((rule) => ({ ...normaliseRule(rule), versionId: version!.id })))
  return version!.id
}

export type SaveVersionInput = ScheduleKey & {
  validFrom: string
  rules: readonly RuleValues[]
  note?: string | null
  /** The signed-in regional admin; `regionCodes` comes from the session. */
  actor: { id: string; regionCodes: readonly string[] }
}

/** Field errors use the admin form's field names (`validFrom`, `rules[3].employerPays` …). */
export type SaveVersionResult =
  | { ok: true; versionId: string; notify: ScheduleChangeNotice }
  | { ok: false; formErrors: string[]; fieldErrors: Record<string, string[]> }

/** Whom a new version concerns and what to tell them (app/features/compensation/schedule-change.server.ts mails it). */
export type ScheduleChangeNotice = {
  recipients: { name: string; email: string; contactName: string }[]
  scheduleName: string
  regionCode: string
  validFrom: string
  note: string | null
}

/**
 * A new version of a region's schedule (or of one OCMW's deviation), in one transaction with its audit entry; it
 * returns the employers with published placements where it applies, to be told. Checks everything first and
 * writes nothing when anything is wrong. A lock per schedule makes "starts after the latest version" hold
 * even when two admins save at once.
 */
export async function saveVersion(tx: Tx, input: SaveVersionInput): Promise<SaveVersionResult> {
  return tx.transaction(async (t) => {
    const formErrors: string[] = []
    const fieldErrors: Record<string, string[]> = {}
    const fieldError = (name: string, message: string) => void (fieldErrors[name] ??= []).push(message)
    const fail = () => ({ ok: false as const, formErrors, fieldErrors })

    const region = await findRegionInScope(t, input.actor.regionCodes, input.regionCode)
    if (!region) return { ok: false, formErrors: ['Je beheert deze referentieregio niet.'], fieldErrors }
    const ocmw = input.ocmwOrganisationId ? (await listOcmwsInRegion(t, region.code)).find((o) => o.id === input.ocmwOrganisationId) : null
    if (ocmw === undefined) fieldError('ocmwOrganisationId', `Kies een OCMW dat gemeenten in ${region.name} bedient.`)
    if (!isIsoDate(input.validFrom)) fieldError('validFrom', 'Vul een geldige datum in, bv. 2027-01-01.')
    if ((input.note ?? '').length > MAX_NOTE_LENGTH) fieldError('note', `Houd de toelichting korter dan ${MAX_NOTE_LENGTH} tekens.`)
    if (input.rules.length === 0) formErrors.push('Een versie regelt minstens één instrument.')
    const keys = input.rules.map((r) => `${r.instrument}/${r.employerType}`)
    if (new Set(keys).size !== keys.length)
      formErrors.push('Elke combinatie van instrument en soort werkgever mag maar één keer voorkomen.')
    input.rules.forEach((rule, index) => {
      for (const [field, message] of Object.entries(ruleProblems(rule))) fieldError(`rules[${index}].${field}`, message)
    })
    if (formErrors.length || Object.keys(fieldErrors).length) return fail()

    const key = { regionCode: region.code, ocmwOrganisationId: ocmw?.id ?? null }
    await t.execute(sql`select pg_advisory_xact_lock(hashtext(${`compensation:${key.regionCode}:${key.ocmwOrganisationId ?? ''}`}))`)
    const [latest] = await t
      .select({ validFrom: sql<string | null>`max(${compensationVersions.validFrom})` })
      .from(compensationVersions)
      .innerJoin(compensationSchedules, eq(compensationSchedules.id, compensationVersions.scheduleId))
      .where(sameSchedule(key))
    if (latest?.validFrom && input.validFrom <= latest.validFrom) {
      fieldError('validFrom', `Er is al een versie vanaf ${formatDate(latest.validFrom)}. Een nieuwe versie begint later dan die datum.`)
      return fail()
    }

    const note = input.note?.trim() || null
    const versionId = await insertVersion(t, { ...key, validFrom: input.validFrom, rules: input.rules, note, createdBy: input.actor.id })
    const scheduleName = ocmw ? `${ocmw.name} (${region.name})` : region.name
    const recipients = await employersToNotify(t, key)
    await audit(t, {
      actorUserId: input.actor.id,
      action: 'compensation.version-created',
      subjectType: 'compensation_version',
      subjectId: versionId,
      details: {
        regionCode: region.code,
        ocmwOrganisationId: key.ocmwOrganisationId,
        validFrom: input.validFrom,
        rules: input.rules.length,
        notified: recipients.length,
      },
    })
    return { ok: true, versionId, notify: { recipients, scheduleName, regionCode: region.code, validFrom: input.validFrom, note } }
  })
}

const isEmail = (value: string) => z.string().email().safeParse(value).success

/**
 * Employers with a published placement where the schedule applies: any municipality of the region, or for a
 * deviation the OCMW's municipalities. One mail per address; empty or broken addresses are skipped, so one bad
 * profile cannot block a schedule change.
 */
async function employersToNotify(tx: Tx, key: { regionCode: string; ocmwOrganisationId: string | null }) {
  const rows = await tx
    .selectDistinct({ name: organisations.name, email: employerProfiles.contactEmail, contactName: employerProfiles.contactName })
    .from(placements)
    .innerJoin(organisations, eq(organisations.id, placements.organisationId))
    .innerJoin(employerProfiles, eq(employerProfiles.organisationId, organisations.id))
    .innerJoin(municipalities, eq(municipalities.nis, placements.municipalityNis))
    .where(
      and(
        eq(placements.status, 'published'),
        eq(municipalities.regionCode, key.regionCode),
        key.ocmwOrganisationId
          ? inArray(
              placements.municipalityNis,
              tx
                .select({ nis: organisationMunicipalities.municipalityNis })
                .from(organisationMunicipalities)
                .where(eq(organisationMunicipalities.organisationId, key.ocmwOrganisationId)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(organisations.name))
  const seen = new Set<string>()
  return rows
    .map((row) => ({ ...row, email: row.email.trim() }))
    .filter((row) => {
      const address = row.email.toLowerCase()
      if (!isEmail(address) || seen.has(address)) return false
      seen.add(address)
      return true
    })
}
