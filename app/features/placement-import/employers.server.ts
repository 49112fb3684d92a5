import { eq, inArray, or, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { employerProfiles, organisations } from '#db/schema'
import { type employerTypes } from '#domain/values'
import type { ImportActor } from './types'

/**
 * The employers of an import, by enterprise number. An existing organisation keeps its own name and type (the
 * employer manages its profile); a new one takes them from its first record in the file.
 */
export type EmployerType = (typeof employerTypes)[number]
export type PlannedEmployer = {
  enterpriseNumber: string
  name: string
  type: EmployerType
  firstRecord: number
  existing?: { id: string; organisationType: string; verified: boolean }
}

export async function findEmployers(tx: Tx, enterpriseNumbers: string[]) {
  if (enterpriseNumbers.length === 0) return new Map<string, PlannedEmployer>()
  const rows = await tx
    .select({
      id: organisations.id,
      name: organisations.name,
      type: organisations.type,
      employerType: organisations.employerType,
      enterpriseNumber: organisations.enterpriseNumber,
      verification: employerProfiles.verificationStatus,
    })
    .from(organisations)
    .leftJoin(employerProfiles, eq(employerProfiles.organisationId, organisations.id))
    .where(inArray(organisations.enterpriseNumber, enterpriseNumbers))
  return new Map(
    rows.map((row): [string, PlannedEmployer] => [
      row.enterpriseNumber!,
      {
        enterpriseNumber: row.enterpriseNumber!,
        name: row.name,
        type: row.employerType ?? 'private',
        firstRecord: 0,
        existing: { id: row.id, organisationType: row.type, verified: row.verification === 'verified' },
      },
    ]),
  )
}

/** "Bakkerij Van Damme bv" → "bakkerij-van-damme-bv", the same rule as self-registration. */
function slugBase(name: string) {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'werkgever'
}

/** One slug per name, unique against the database and against each other, with -2, -3 … where needed. */
async function uniqueSlugs(tx: Tx, names: string[]) {
  const bases = [...new Set(names.map(slugBase))]
  const taken = await tx
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(or(inArray(organisations.slug, bases), sql`regexp_replace(${organisations.slug}, '-[0-9]+$', '') = any(${sql.param(bases)}::text[])`))
  const used = new Set(taken.map((row) => row.slug))
  return names.map((name) => {
    const base = slugBase(name)
    let slug = base
    for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`
    used.add(slug)
    return slug
  })
}

const CHUNK = 500

/**
 * Creates the organisations the file introduces, verified: an import comes from a regional admin or an operator,
 * who vouch for these employers. They have no contact person until someone of the employer registers, so the
 * contact is the organisation's name and an empty address (the columns are NOT NULL). Answers id per number.
 */
export async function createEmployers(tx: Tx, employers: PlannedEmployer[], actor: ImportActor) {
  const ids = new Map<string, string>()
  if (employers.length === 0) return ids
  const slugs = await uniqueSlugs(tx, employers.map((e) => e.name))
  for (let i = 0; i < employers.length; i += CHUNK) {
    const chunk = employers.slice(i, i + CHUNK)
    const rows = await tx
      .insert(organisations)
      .values(chunk.map((e, j) => ({ slug: slugs[i + j]!, name: e.name, type: 'employer' as const, employerType: e.type, enterpriseNumber: e.enterpriseNumber })))
      .returning({ id: organisations.id, enterpriseNumber: organisations.enterpriseNumber })
    for (const row of rows) ids.set(row.enterpriseNumber!, row.id)
    await tx.insert(employerProfiles).values(
      chunk.map((e) => ({
        organisationId: ids.get(e.enterpriseNumber)!,
        sector: 'Onbekend',
        contactName: e.name,
        contactEmail: '',
        verificationStatus: 'verified' as const,
        verifiedAt: new Date(),
        verifiedBy: actor.userId,
      })),
    )
  }
  return ids
}
