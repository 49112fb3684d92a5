import { and, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { hasPermission } from '#domain/permissions'
import type { Tx } from '#db/client'
import { auditLog } from '#db/schema'
import { organisations, users } from '#db/schema'
import { organisationInRegions } from './region-scope'
import type { SessionUser } from '#domain/session-user'

export type AuditEntry = {
  actorUserId: string | null
  organisationId?: string | null
  action: string
  subjectType: string
  subjectId?: string | null
  details?: Record<string, unknown>
}

/** Appends to the audit log in the caller's transaction: the entry exists exactly when the change does. */
export async function audit(tx: Tx, entry: AuditEntry) {
  await tx.insert(auditLog).values(entry)
}

// ------------------------------------------------------------------------------------------- the viewer

/** What the audit viewer filters on; dates are days in Belgian time (YYYY-MM-DD), both ends included. */
export type AuditFilters = {
  subjectType?: string
  action?: string
  from?: string
  to?: string
  subjectId?: string
}

export const AUDIT_PAGE_SIZE = 50

const actorOrganisation = alias(organisations, 'actor_organisation')

/**
 * The entries the user may read. A platform admin reads everything. A regional admin reads the entries of
 * organisations that serve a municipality in one of their own regions, of employers
 * with a site there (the employers they verify), and entries about one of their regions (`details.regionCode`:
 * compensation changes); other entries without an organisation (logins, scheduled jobs) are for platform admins.
 */
function readableBy(tx: Tx, user: SessionUser): SQL {
  if (hasPermission(user, 'audit:read-all')) return sql`true`
  if (!hasPermission(user, 'audit:read-region')) throw new Error(`${user.role} may not read the audit log`)
  if (user.regionCodes.length === 0) return sql`false`
  return or(organisationInRegions(tx, user.regionCodes, auditLog.organisationId), inArray(sql`${auditLog.details}->>'regionCode'`, user.regionCodes))!
}

// A day runs from midnight to midnight in Brussels, whatever the database server's time zone.
const startOfDay = (day: string) => sql`(${day}::date)::timestamp at time zone 'Europe/Brussels'`
const endOfDay = (day: string) => sql`(${day}::date + 1)::timestamp at time zone 'Europe/Brussels'`

/** The entries the user may read that match the filters, newest first, one page at a time, with the total. */
export async function listAuditEntries(tx: Tx, user: SessionUser, filters: AuditFilters, page = { limit: AUDIT_PAGE_SIZE, offset: 0 }) {
  const where = and(
    readableBy(tx, user),
    filters.subjectType ? eq(auditLog.subjectType, filters.subjectType) : undefined,
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    filters.subjectId ? eq(auditLog.subjectId, filters.subjectId) : undefined,
    filters.from ? gte(auditLog.at, startOfDay(filters.from)) : undefined,
    filters.to ? lt(auditLog.at, endOfDay(filters.to)) : undefined,
  )
  const [entries, [counted]] = await Promise.all([
    tx
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        subjectType: auditLog.subjectType,
        subjectId: auditLog.subjectId,
        details: auditLog.details,
        actorName: users.name,
        actorOrganisation: actorOrganisation.name,
        organisation: organisations.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(actorOrganisation, eq(actorOrganisation.id, users.organisationId))
      .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(page.limit)
      .offset(page.offset),
    tx.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ])
  return { entries, total: counted?.total ?? 0 }
}
