import { db } from '#db/client'
import { findOwnEmployerType, findRegionInScope, listMunicipalityPoints, listOcmwsInRegion, listOwnSitesWithRegion, loadSchedules } from '#db/queries/compensation'
import { createVersion, type CreateVersionResult } from './schedule-change.server'
import { listRegions } from '#db/queries/reference'
import { instruments } from '#domain/values'
import type { SessionUser } from '#domain/session-user'
import { buildComparison } from './comparison'
import { compensationForPlacement } from './placement-compensation.server'
import { type EmployerType, type Instrument, type RuleValues, todayIso, versionInForce } from '#domain/compensation-rules'
import { versionFormStart } from './version-form'

/** What the compensation routes need from the database; routes import only this (server-only) module. */

export async function publicComparison(filter: { instrument: Instrument; employerType: EmployerType }) {
  const [regions, schedules, points] = await Promise.all([listRegions(db()), loadSchedules(db()), listMunicipalityPoints(db())])
  return { comparison: buildComparison(regions, schedules, { ...filter, on: todayIso() }), points }
}

/** The admin's regions with each schedule's version in force and the latest version. */
export async function adminRegionsOverview(user: SessionUser) {
  const [regions, schedules] = await Promise.all([listRegions(db()), loadSchedules(db(), { regionCodes: user.regionCodes })])
  const today = todayIso()
  return regions
    .filter((r) => user.regionCodes.includes(r.code))
    .map((region) => ({
      region,
      schedules: schedules
        .filter((s) => s.region.code === region.code)
        .map((s) => ({
          ocmw: s.ocmw,
          current: versionInForce(s.versions, today)?.validFrom ?? null,
          latest: s.versions[0]?.validFrom ?? null,
        })),
    }))
}

/** A region the signed-in admin manages; 404 for any other, so other regions do not even show they exist. */
export async function requireAdminRegion(user: SessionUser, code: string) {
  const region = await findRegionInScope(db(), user.regionCodes, code)
  if (!region) throw new Response('Deze regio bestaat niet of valt niet onder dit account.', { status: 404 })
  return region
}

/**
 * One region of the admin (404 otherwise) and the schedule being edited: the region's own, or one OCMW's
 * deviation, with where its new-version form starts (versionFormStart).
 */
export async function adminRegionEditor(user: SessionUser, code: string, ocmwId: string | null) {
  const region = await requireAdminRegion(user, code)
  const [ocmws, schedules] = await Promise.all([listOcmwsInRegion(db(), region.code), loadSchedules(db(), { regionCodes: [region.code] })])
  const ocmw = ocmwId ? ocmws.find((o) => o.id === ocmwId) : null
  if (ocmw === undefined) throw new Response('Dit OCMW bedient geen gemeenten in deze regio.', { status: 404 })
  const today = todayIso()
  return { region, ocmws, ocmw, schedules, form: versionFormStart(schedules, ocmw?.id ?? null, today), today }
}

/**
 * Saves a version from the admin form. `formIndexes[i]` is the form row of `rules[i]`, so errors about a rule
 * land at the field the admin typed in.
 */
export async function saveVersion(
  user: SessionUser,
  input: {
    regionCode: string
    ocmwOrganisationId: string | null
    validFrom: string
    note: string | null
    rules: RuleValues[]
    formIndexes: number[]
  },
  baseUrl: string,
): Promise<CreateVersionResult> {
  const { formIndexes, ...version } = input
  const result = await db().transaction((tx) => createVersion(tx, { ...version, actor: user, baseUrl }))
  if (result.ok) return result
  const fieldErrors = Object.fromEntries(
    Object.entries(result.fieldErrors).map(([name, messages]) => [
      name.replace(/^rules\[(\d+)\]/, (_, i: string) => `rules[${formIndexes[Number(i)]}]`),
      messages,
    ]),
  )
  return { ...result, fieldErrors }
}

/**
 * The employer's own sites side by side: per site, what each instrument costs for the given hours.
 * 403 for an organisation that is no employer (an employer account of another type would be a data error).
 */
export async function employerCostOverview(user: SessionUser, hoursPerWeek: number) {
  const employerType = await findOwnEmployerType(db(), user.organisation.id)
  if (!employerType) throw new Response('Deze pagina is er voor werkgevers.', { status: 403 })
  const sites = await listOwnSitesWithRegion(db(), user.organisation.id)
  const on = todayIso()
  const columns = await Promise.all(
    sites.map(async (site) => ({
      site,
      compensation: await compensationForPlacement(db(), {
        municipalityNis: site.municipalityNis,
        instruments: [...instruments],
        employerType,
        hoursPerWeek,
        on,
      }),
    })),
  )
  return { employerType, on, columns }
}
