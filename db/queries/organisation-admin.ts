import { and, asc, eq, ilike, inArray, isNotNull, isNull, ne, notInArray, or, sql, type SQL } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { intakes, municipalities, organisationMunicipalities, organisations, users } from '#db/schema'
import { audit } from './audit'
import { isUuid } from '#domain/ids'
import { servedAreas } from './organisations'
import { escapeLike } from './reference'

/**
 * Organisations as admins see them at /admin/organisaties, and as `org:create` and `orgs:import` change them
 * (changes in organisation-changes.ts). A platform admin and the command line reach every organisation except
 * employers (those are verified at /admin/werkgevers); a regional admin the OCMWs, VDAB teams and outreach
 * partners serving a municipality in their regions. Any other organisation does not exist for them: undefined,
 * which the pages show as 404, so a regional admin cannot even learn that it exists.
 */
export type ManagedType = 'ocmw' | 'vdab' | 'outreach_partner' | 'platform'

export type OrganisationAdmin = {
  /** Null on the command line. */
  userId: string | null
  /** The admin's own organisation, which they cannot deactivate (it would lock them out); null on the command line. */
  organisationId: string | null
  /** Null: every organisation (`organisation:manage`, the command line); else the regional admin's regions. */
  regionCodes: string[] | null
  via?: 'cli'
  /**
   * Which roles may work for which type, and their Dutch names (`organisationTypesByRole`, `roleLabels` in
   * domain/permissions.ts), passed in because db/ does not import app/.
   */
  roles: { fits: (role: string, type: ManagedType) => boolean; label: (role: string) => string }
}

export type OrganisationFilters = {
  type?: ManagedType
  regionCode?: string
  /** No active (not disabled) account. */
  withoutStaff?: boolean
  withoutContact?: boolean
  status?: 'active' | 'deactivated'
  /** Part of the name or slug. */
  query?: string
}

const servingRegions = (tx: Tx, regionCodes: string[]) =>
  tx
    .select({ id: organisationMunicipalities.organisationId })
    .from(organisationMunicipalities)
    .innerJoin(municipalities, eq(municipalities.nis, organisationMunicipalities.municipalityNis))
    .where(inArray(municipalities.regionCode, regionCodes))

function inScope(tx: Tx, admin: OrganisationAdmin): SQL {
  const managed = ne(organisations.type, 'employer')
  if (admin.regionCodes === null) return managed
  if (admin.regionCodes.length === 0) return sql`false`
  return and(managed, ne(organisations.type, 'platform'), inArray(organisations.id, servingRegions(tx, admin.regionCodes)))!
}

/** The organisations with someone who can sign in: an account that is not disabled. */
const staffed = (tx: Tx) => tx.select({ id: users.organisationId }).from(users).where(isNull(users.disabledAt))

/** The organisations' rows with their active accounts counted (a join: the count is of users, per organisation). */
function organisationRows(tx: Tx) {
  const staff = tx
    .select({ organisationId: users.organisationId, n: sql<number>`count(*)::int`.as('n') })
    .from(users)
    .where(isNull(users.disabledAt))
    .groupBy(users.organisationId)
    .as('staff')
  const fields = {
    id: organisations.id,
    slug: organisations.slug,
    name: organisations.name,
    type: sql<ManagedType>`${organisations.type}`,
    demo: organisations.demo,
    contactEmail: organisations.contactEmail,
    dpoEmail: organisations.dpoEmail,
    firstContactDays: organisations.firstContactDays,
    deactivatedAt: organisations.deactivatedAt,
    createdAt: organisations.createdAt,
    staff: sql<number>`coalesce(${staff.n}, 0)`,
  }
  return tx.select(fields).from(organisations).leftJoin(staff, eq(staff.organisationId, organisations.id))
}

/** One page of the organisations in scope that match the filters, by name, with the total and where each works. */
export async function listManagedOrganisations(tx: Tx, admin: OrganisationAdmin, filters: OrganisationFilters, page: { limit: number; offset: number }) {
  const text = filters.query?.trim() ? `%${escapeLike(filters.query.trim())}%` : undefined
  const where = and(
    inScope(tx, admin),
    filters.type ? eq(organisations.type, filters.type) : undefined,
    filters.regionCode ? inArray(organisations.id, servingRegions(tx, [filters.regionCode])) : undefined,
    filters.withoutStaff ? notInArray(organisations.id, staffed(tx)) : undefined,
    filters.withoutContact ? isNull(organisations.contactEmail) : undefined,
    filters.status === 'active' ? isNull(organisations.deactivatedAt) : filters.status === 'deactivated' ? isNotNull(organisations.deactivatedAt) : undefined,
    text ? or(ilike(organisations.name, text), ilike(organisations.slug, text)) : undefined,
  )
  const [rows, [counted]] = await Promise.all([
    organisationRows(tx).where(where).orderBy(asc(organisations.name), asc(organisations.slug)).limit(page.limit).offset(page.offset),
    tx.select({ total: sql<number>`count(*)::int` }).from(organisations).where(where),
  ])
  const areas = await servedAreas(
    tx,
    rows.map((r) => r.id),
  )
  return { rows: rows.map((row) => ({ ...row, area: areas.get(row.id)! })), total: counted?.total ?? 0 }
}

/** One organisation in scope with what its page shows, or undefined (not there, or not the admin's). */
export async function getManagedOrganisation(tx: Tx, admin: OrganisationAdmin, id: string) {
  if (!isUuid(id)) return undefined
  const [row] = await organisationRows(tx).where(and(eq(organisations.id, id), inScope(tx, admin)))
  if (!row) return undefined
  // What deactivating would leave without a team: open intakes it receives or handles (a BitmapOr of three indexes).
  const [open] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(intakes)
    .where(
      and(
        ne(intakes.status, 'closed'),
        isNull(intakes.anonymisedAt),
        or(eq(intakes.ocmwOrganisationId, id), eq(intakes.vdabOrganisationId, id), eq(intakes.handlingOrganisationId, id)),
      ),
    )
  return { ...row, openIntakes: open?.n ?? 0, municipalities: await servedMunicipalities(tx, id) }
}

export async function servedMunicipalities(tx: Tx, organisationId: string) {
  return tx
    .select({ nis: municipalities.nis, name: municipalities.name, regionCode: municipalities.regionCode })
    .from(organisationMunicipalities)
    .innerJoin(municipalities, eq(municipalities.nis, organisationMunicipalities.municipalityNis))
    .where(eq(organisationMunicipalities.organisationId, organisationId))
    .orderBy(asc(municipalities.name))
}

/**
 * Deactivates (or reactivates) an organisation in scope. Nothing is deleted: its people can no longer sign in
 * (`activeUser`), intake routing skips it, and its open intakes wait under "Zonder ontvanger".
 */
export async function setOrganisationActive(tx: Tx, admin: OrganisationAdmin, id: string, active: boolean) {
  const organisation = await getManagedOrganisation(tx, admin, id)
  if (!organisation) return { kind: 'not-found' as const }
  if (!active && id === admin.organisationId) return { kind: 'own' as const }
  const [changed] = await tx
    .update(organisations)
    .set({ deactivatedAt: active ? null : sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(organisations.id, id), active ? isNotNull(organisations.deactivatedAt) : isNull(organisations.deactivatedAt)))
    .returning({ id: organisations.id })
  if (changed) {
    await audit(tx, {
      actorUserId: admin.userId,
      organisationId: id,
      action: active ? 'organisation.reactivate' : 'organisation.deactivate',
      subjectType: 'organisation',
      subjectId: id,
      details: { ...(active ? {} : { openIntakes: organisation.openIntakes, staff: organisation.staff }), via: admin.via },
    })
  }
  return { kind: 'done' as const, name: organisation.name, changed: changed !== undefined }
}
