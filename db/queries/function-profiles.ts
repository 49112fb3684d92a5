import { and, asc, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm'
import type { FunctionProfileInput } from '#domain/function-profile-form'
import type { SessionUser } from '#domain/session-user'
import { isUuid } from '#domain/ids'
import type { Tx } from '#db/client'
import { functionProfiles, occupations, organisations } from '#db/schema'
import { audit } from './audit'
import { ownOrganisation } from './clients'

/**
 * Function profiles (issue 13): written by an OCMW or VDAB team, read by its own caseworkers and, once published, by
 * every OCMW/VDAB caseworker. Only the owning organisation changes or publishes one. A profile holds no personal
 * data (occupation, titles, competences, tasks), so reads are not audited; every change is, with ids only.
 */
const visibleTo = (organisationId: string) => or(eq(functionProfiles.organisationId, organisationId), isNotNull(functionProfiles.publishedAt))

const summary = {
  id: functionProfiles.id,
  title: functionProfiles.title,
  occupationUri: functionProfiles.occupationUri,
  occupation: occupations.label,
  organisation: organisations.name,
  organisationId: functionProfiles.organisationId,
  publishedAt: functionProfiles.publishedAt,
  updatedAt: functionProfiles.updatedAt,
}

/** The profiles the user may read, for the given occupations (all when none given): own organisation's first. */
export async function listFunctionProfiles(tx: Tx, user: SessionUser, occupationUris?: string[]) {
  const organisationId = ownOrganisation(user)
  if (occupationUris?.length === 0) return []
  const rows = await tx
    .select(summary)
    .from(functionProfiles)
    .innerJoin(occupations, eq(occupations.uri, functionProfiles.occupationUri))
    .innerJoin(organisations, eq(organisations.id, functionProfiles.organisationId))
    .where(and(visibleTo(organisationId), occupationUris ? inArray(functionProfiles.occupationUri, occupationUris) : undefined))
    .orderBy(desc(sql`${functionProfiles.organisationId} = ${organisationId}`), asc(occupations.label), asc(functionProfiles.title))
    .limit(200)
  return rows.map((row) => ({ ...row, own: row.organisationId === organisationId }))
}

/** One profile the user may read, with `own` (may change and publish it); undefined for others and malformed ids. */
export async function getFunctionProfile(tx: Tx, user: SessionUser, id: string) {
  const organisationId = ownOrganisation(user)
  if (!isUuid(id)) return undefined
  const [row] = await tx
    .select({ ...summary, phases: functionProfiles.phases })
    .from(functionProfiles)
    .innerJoin(occupations, eq(occupations.uri, functionProfiles.occupationUri))
    .innerJoin(organisations, eq(organisations.id, functionProfiles.organisationId))
    .where(and(eq(functionProfiles.id, id), visibleTo(organisationId)))
  return row ? { ...row, own: row.organisationId === organisationId } : undefined
}

export async function insertFunctionProfile(tx: Tx, user: SessionUser, input: Omit<FunctionProfileInput, 'intent'>) {
  const organisationId = ownOrganisation(user)
  const [row] = await tx
    .insert(functionProfiles)
    .values({ organisationId, occupationUri: input.occupationUri, title: input.title, phases: input.phases, createdByUserId: user.id })
    .returning({ id: functionProfiles.id })
  if (!row) throw new Error('function profile insert returned nothing')
  await audit(tx, { actorUserId: user.id, organisationId, action: 'function-profile.create', subjectType: 'function_profile', subjectId: row.id, details: { occupationUri: input.occupationUri } })
  return row.id
}

/** Changes the own organisation's profile (not its occupation: that is what others search it by); false for another organisation's id. */
export async function updateFunctionProfile(tx: Tx, user: SessionUser, id: string, input: Pick<FunctionProfileInput, 'title' | 'phases'>) {
  const organisationId = ownOrganisation(user)
  if (!isUuid(id)) return false
  const changed = await tx
    .update(functionProfiles)
    .set({ title: input.title, phases: input.phases, updatedAt: sql`now()` })
    .where(and(eq(functionProfiles.id, id), eq(functionProfiles.organisationId, organisationId)))
    .returning({ id: functionProfiles.id })
  if (changed.length === 0) return false
  await audit(tx, { actorUserId: user.id, organisationId, action: 'function-profile.update', subjectType: 'function_profile', subjectId: id, details: { phases: input.phases.length } })
  return true
}

/** Publishing makes the profile readable by every OCMW/VDAB caseworker; only the owning organisation may. */
export async function setFunctionProfilePublished(tx: Tx, user: SessionUser, id: string, published: boolean) {
  const organisationId = ownOrganisation(user)
  if (!isUuid(id)) return false
  const changed = await tx
    .update(functionProfiles)
    .set({ publishedAt: published ? sql`coalesce(${functionProfiles.publishedAt}, now())` : null, updatedAt: sql`now()` })
    .where(and(eq(functionProfiles.id, id), eq(functionProfiles.organisationId, organisationId)))
    .returning({ id: functionProfiles.id })
  if (changed.length === 0) return false
  await audit(tx, { actorUserId: user.id, organisationId, action: published ? 'function-profile.publish' : 'function-profile.unpublish', subjectType: 'function_profile', subjectId: id, details: {} })
  return true
}
