import { randomBytes } from 'node:crypto'
import { hashPassword } from '#core/crypto.server'
import { eq, inArray } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { intakes } from '#db/schema/intake'
import { generateReference } from '#domain/intake-reference'
import {
  clients,
  employerProfiles,
  employerSites,
  municipalities,
  organisationMunicipalities,
  organisations,
  userRegions,
  users,
} from '#db/schema'

/**
 * Builders for organisations and users, shared by the demo seed and the tests so both create data the same
 * way. Every argument is optional: a test states only what it cares about.
 */
/** `regions` is a shorthand for every municipality of those reference regions (a VDAB team's area). */
type OrganisationInput = Partial<typeof organisations.$inferInsert> & { municipalities?: string[]; regions?: string[] }

const unique = () => randomBytes(4).toString('hex')

/** A valid KBO/BCE enterprise number: 8 digits starting with 0 or 1, then 97 − (those 8 digits mod 97). */
export function enterpriseNumberFrom(first8: number) {
  const base = String(first8).padStart(8, '0')
  const check = String(97 - (Number(base) % 97)).padStart(2, '0')
  const digits = base + check
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`
}

export async function createOrganisation(tx: Tx, input: OrganisationInput = {}) {
  const suffix = unique()
  const { municipalities: servedNis = [], regions = [], ...values } = input
  const type = values.type ?? 'employer'
  const [organisation] = await tx
    .insert(organisations)
    .values({
      slug: `org-${suffix}`,
      name: `Organisatie ${suffix}`,
      ...values,
      type,
      employerType: type === 'employer' ? (values.employerType ?? 'private') : null,
    })
    .returning()
  if (!organisation) throw new Error('organisation insert returned nothing')
  const served = new Set(servedNis)
  if (regions.length > 0) {
    const inRegions = await tx.select({ nis: municipalities.nis }).from(municipalities).where(inArray(municipalities.regionCode, regions))
    for (const { nis } of inRegions) served.add(nis)
  }
  if (served.size > 0) {
    await tx.insert(organisationMunicipalities).values([...served].map((nis) => ({ organisationId: organisation.id, municipalityNis: nis })))
  }
  return organisation
}

type UserInput = Partial<typeof users.$inferInsert> & { password?: string; regions?: string[] }

export async function createUser(tx: Tx, input: UserInput & { organisationId: string }) {
  const suffix = unique()
  const { password, regions = [], ...values } = input
  const [user] = await tx
    .insert(users)
    .values({
      email: `user-${suffix}@example.test`,
      name: `Gebruiker ${suffix}`,
      role: 'employer',
      ...values,
      passwordHash: password ? await hashPassword(password) : null,
    })
    .returning()
  if (!user) throw new Error('user insert returned nothing')
  if (regions.length > 0) await tx.insert(userRegions).values(regions.map((regionCode) => ({ userId: user.id, regionCode })))
  return user
}

type EmployerInput = OrganisationInput & {
  profile?: Partial<typeof employerProfiles.$inferInsert>
  /** Sites by municipality NIS code; coordinates come from the municipality's reference point. */
  sites?: { municipalityNis: string; postcode: string; name?: string; street?: string }[]
}

/** An employer organisation with its profile (verified unless told otherwise) and sites. */
export async function createEmployer(tx: Tx, input: EmployerInput = {}) {
  const { profile, sites = [{ municipalityNis: '44021', postcode: '9000' }], ...organisationInput } = input
  const organisation = await createOrganisation(tx, {
    enterpriseNumber: enterpriseNumberFrom(Number.parseInt(randomBytes(3).toString('hex'), 16) % 20_000_000),
    ...organisationInput,
    type: 'employer',
  })
  await tx.insert(employerProfiles).values({
    organisationId: organisation.id,
    sector: 'Handel',
    contactName: 'Contactpersoon',
    contactEmail: `contact-${organisation.slug}@example.test`,
    verificationStatus: 'verified',
    verifiedAt: new Date(),
    ...profile,
  })
  const createdSites = []
  for (const [index, site] of sites.entries()) {
    const [municipality] = await tx.select().from(municipalities).where(eq(municipalities.nis, site.municipalityNis))
    if (!municipality) throw new Error(`unknown municipality ${site.municipalityNis}`)
    const [row] = await tx
      .insert(employerSites)
      .values({
        organisationId: organisation.id,
        name: site.name ?? `Vestiging ${index + 1}`,
        street: site.street ?? null,
        postcode: site.postcode,
        municipalityNis: site.municipalityNis,
        lat: municipality.lat,
        lon: municipality.lon,
      })
      .returning()
    createdSites.push(row!)
  }
  return { organisation, sites: createdSites }
}

type ClientInput = Partial<typeof clients.$inferInsert> & { organisationId: string }

// ESCO "magazijnmedewerker": a jobdoelwit that exists in the reference data.
const WAREHOUSE_WORKER = 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f'

/** A client of an OCMW or VDAB organisation, living in Gent unless told otherwise. */
export async function createClient(tx: Tx, input: ClientInput) {
  const [client] = await tx
    .insert(clients)
    .values({
      displayName: `Cliënt ${unique()}`,
      homeMunicipalityNis: '44021',
      postcode: '9000',
      jobTargets: [WAREHOUSE_WORKER],
      dutchLevel: 'A2',
      maxDistanceKm: 25,
      hoursAvailable: 38,
      ...input,
    })
    .returning()
  if (!client) throw new Error('client insert returned nothing')
  return client
}

type IntakeInput = Partial<typeof intakes.$inferInsert>

/**
 * A resident's intake as the public form stores it, inserted directly (tests and the triage demo): a Dutch
 * registration in Gent that waits in the queues of the organisations given as ocmwOrganisationId and
 * vdabOrganisationId, first contact due in five days unless told otherwise.
 */
export async function createIntake(tx: Tx, input: IntakeInput = {}) {
  const suffix = unique()
  const dueOn = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10)
  const [intake] = await tx
    .insert(intakes)
    .values({
      reference: generateReference(),
      statusTokenHash: `test-token-${suffix}-${randomBytes(8).toString('hex')}`,
      submissionKey: `test-submission-${suffix}-${randomBytes(8).toString('hex')}`,
      language: 'nl',
      firstName: 'Inwoner',
      lastName: `Test ${suffix}`,
      contactMethod: 'phone',
      phone: `04${String(Number.parseInt(randomBytes(4).toString('hex'), 16)).padStart(8, '0').slice(0, 8)}`,
      postcode: '9000',
      municipalityNis: '44021',
      birthYear: 1990,
      situation: 'no_income',
      wantsWork: 'yes',
      wantsTraining: true,
      inEducation: false,
      barriers: [],
      dutchSelfAssessment: 'everyday',
      consentProcessing: true,
      consentSharing: true,
      suggestedDestination: 'vdab',
      suggestionReasons: [{ rule: 'Wil nu werken; duidde geen drempels aan', destination: 'vdab' }],
      firstContactDueOn: dueOn,
      ...input,
    })
    .returning()
  if (!intake) throw new Error('intake insert returned nothing')
  return intake
}
