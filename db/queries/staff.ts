import { type AnyColumn, and, asc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Tx } from '#db/client'
import { organisations, userRegions, users } from '#db/schema'
import { isUuid } from '#domain/ids'
import { escapeLike } from './reference'
import { organisationInRegions } from './region-scope'
import type { StaffScope } from '#domain/staff-rules'

type Role = (typeof users.$inferSelect)['role']


/** The organisation (a column of the outer query) is one the actor works with. */
export function organisationInScope(tx: Tx, scope: StaffScope, organisationId: AnyColumn): SQL {
  if (scope.reach === 'all') return sql`true`
  if (scope.reach === 'regions') return organisationInRegions(tx, scope.actor.regionCodes, organisationId)
  return eq(organisationId, scope.actor.organisation.id)
}

/** The user of the outer query is someone the actor manages. */
export const userInScope = (tx: Tx, scope: StaffScope) =>
  and(inArray(users.role, [...scope.roles]), organisationInScope(tx, scope, users.organisationId))!

export const staffStatuses = ['active', 'invited', 'deactivated'] as const
export type StaffStatus = (typeof staffStatuses)[number]

/** "Invited" until the first sign-in: whoever has not signed in yet may need the invitation again. */
const status = sql<StaffStatus>`case when ${users.disabledAt} is not null then 'deactivated' when ${users.lastLoginAt} is null then 'invited' else 'active' end`

export type StaffFilters = { organisationId?: string; role?: Role; status?: StaffStatus; search?: string }

export const STAFF_LIST_LIMIT = 200

const listColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  coordinator: users.coordinator,
  organisationId: users.organisationId,
  organisationName: organisations.name,
  lastLoginAt: users.lastLoginAt,
  status,
}

/** The people the actor manages that match the filters, by name; at most STAFF_LIST_LIMIT (`more` says so). */
export async function listStaff(tx: Tx, scope: StaffScope, filters: StaffFilters) {
  const text = filters.search ? `%${escapeLike(filters.search)}%` : undefined
  const rows = await tx
    .select(listColumns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        userInScope(tx, scope),
        filters.organisationId ? eq(users.organisationId, filters.organisationId) : undefined,
        filters.role ? eq(users.role, filters.role) : undefined,
        filters.status ? eq(status, filters.status) : undefined,
        text ? or(ilike(users.name, text), ilike(users.email, text), ilike(organisations.name, text)) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${users.name})`), asc(users.email))
    .limit(STAFF_LIST_LIMIT + 1)
  return { rows: rows.slice(0, STAFF_LIST_LIMIT), more: rows.length > STAFF_LIST_LIMIT }
}

const inviter = alias(users, 'inviter')

/** One person the actor manages, with what the details page shows; undefined for anyone else. */
export async function getStaffMember(tx: Tx, scope: StaffScope, userId: string) {
  if (!isUuid(userId)) return undefined
  const [row] = await tx
    .select({
      ...listColumns,
      organisationType: organisations.type,
      regionCodes: sql<string[]>`array(select ${userRegions.regionCode} from ${userRegions} where ${userRegions.userId} = ${users.id} order by 1)`,
      invitedBy: inviter.name,
      createdAt: users.createdAt,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(inviter, eq(inviter.id, users.invitedByUserId))
    .where(and(eq(users.id, userId), userInScope(tx, scope)))
  return row
}
export type StaffMember = NonNullable<Awaited<ReturnType<typeof getStaffMember>>>

/** Organisations of a kind the actor invites into, within their reach. */
const invitableOrganisation = (tx: Tx, scope: StaffScope) =>
  and(inArray(organisations.type, [...scope.organisationTypes]), organisationInScope(tx, scope, organisations.id))

const organisationColumns = {
  id: organisations.id,
  name: organisations.name,
  type: organisations.type,
  demo: organisations.demo,
  active: sql<boolean>`${organisations.deactivatedAt} is null`,
}

/** An organisation the actor manages people of (`active`: one can still be invited into it); else undefined. */
export async function findOrganisationInScope(tx: Tx, scope: StaffScope, organisationId: string) {
  if (!isUuid(organisationId)) return undefined
  const [row] = await tx
    .select(organisationColumns)
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), invitableOrganisation(tx, scope)))
  return row
}

export const ORGANISATION_CHOICES_LIMIT = 50

/**
 * The active organisations the invitation form offers: those whose name contains `search`, by name, at most
 * ORGANISATION_CHOICES_LIMIT (`more` says there are others: search more precisely).
 */
export async function organisationChoices(tx: Tx, scope: StaffScope, search: string) {
  const rows = await tx
    .select(organisationColumns)
    .from(organisations)
    .where(and(invitableOrganisation(tx, scope), isNull(organisations.deactivatedAt), search ? ilike(organisations.name, `%${escapeLike(search)}%`) : undefined))
    .orderBy(asc(organisations.name), asc(organisations.slug))
    .limit(ORGANISATION_CHOICES_LIMIT + 1)
  return { rows: rows.slice(0, ORGANISATION_CHOICES_LIMIT), more: rows.length > ORGANISATION_CHOICES_LIMIT }
}
