import { and, count, eq, inArray, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { municipalities, organisationMunicipalities, organisations, users } from '#db/schema'
import { audit } from './audit'
import { isUuid } from '#domain/ids'
import { getManagedOrganisation, type ManagedType, type OrganisationAdmin } from './organisation-admin'

/**
 * Creating and changing organisations (the form at /admin/organisaties, `org:create`, `orgs:import`), after the
 * shared schema (app/features/organisations/organisation-form-schema.ts) accepted the values. What needs the database is checked here,
 * with reasons in the same plain Dutch: the slug is free, the NIS codes exist, a regional admin stays within their
 * regions, and no account is left in an organisation of a type its role does not fit. Every change is audited
 * with the organisation as `organisationId`, so regional admins see it in their audit viewer.
 */
export type OrganisationValues = {
  name: string
  type: ManagedType
  municipalities: string[]
  /** Undefined: keep what is stored (an import record without the field); null: none. */
  contactEmail?: string | null
  dpoEmail?: string | null
  firstContactDays?: number | null
}

export type FieldErrors = Partial<Record<'slug' | keyof OrganisationValues, string[]>>

export type ChangeResult =
  | { kind: 'saved'; id: string; name: string; created: boolean; changed: string[] }
  | { kind: 'invalid'; fieldErrors: FieldErrors }
  | { kind: 'not-found' }

type Served = { nis: string; regionCode: string }

const PLATFORM_ONLY = 'Een platformteam maakt of wijzigt alleen een platformbeheerder.'

/**
 * The municipalities the organisation will serve, or why not. A regional admin adds and removes only within their
 * own regions: what the organisation serves elsewhere stays, and a municipality elsewhere cannot be added.
 */
async function plannedArea(tx: Tx, admin: OrganisationAdmin, wanted: string[], current: Served[]) {
  const unique = [...new Set(wanted)]
  const known =
    unique.length > 0
      ? await tx
          .select({ nis: municipalities.nis, name: municipalities.name, regionCode: municipalities.regionCode })
          .from(municipalities)
          .where(inArray(municipalities.nis, unique))
      : []
  const errors: string[] = []
  const unknown = unique.filter((nis) => !known.some((m) => m.nis === nis))
  if (unknown.length > 0) errors.push(`${unknown.length === 1 ? 'Deze NIS-code bestaat' : 'Deze NIS-codes bestaan'} niet: ${unknown.join(', ')}.`)
  const regionCodes = admin.regionCodes
  if (regionCodes === null) return { errors, nis: unique }
  const own = (m: Served) => regionCodes.includes(m.regionCode)
  const outside = known.filter((m) => !own(m) && !current.some((c) => c.nis === m.nis))
  if (outside.length > 0) {
    const names = outside.map((m) => `${m.name} (${m.nis})`).join(', ')
    errors.push(`${names} ${outside.length === 1 ? 'ligt' : 'liggen'} buiten jouw regio's; dat kan alleen een platformbeheerder toevoegen.`)
  }
  const inside = known.filter(own).map((m) => m.nis)
  if (inside.length === 0 && errors.length === 0) {
    errors.push("Laat minstens één gemeente in jouw regio's aangevinkt: anders kan je deze organisatie niet meer beheren.")
  }
  return { errors, nis: [...inside, ...current.filter((m) => !own(m)).map((m) => m.nis)] }
}

export async function createManagedOrganisation(
  tx: Tx,
  admin: OrganisationAdmin,
  values: OrganisationValues & { slug: string },
): Promise<Exclude<ChangeResult, { kind: 'not-found' }>> {
  const fieldErrors: FieldErrors = {}
  if (admin.regionCodes !== null && values.type === 'platform') fieldErrors.type = [PLATFORM_ONLY]
  const area = await plannedArea(tx, admin, values.municipalities, [])
  if (area.errors.length > 0 && !fieldErrors.type) fieldErrors.municipalities = area.errors
  const [taken] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, values.slug))
  if (taken) fieldErrors.slug = ['Deze slug is al in gebruik. Kies een andere.']
  if (Object.keys(fieldErrors).length > 0) return { kind: 'invalid', fieldErrors }

  const [created] = await tx
    .insert(organisations)
    .values({
      slug: values.slug,
      name: values.name,
      type: values.type,
      contactEmail: values.contactEmail ?? null,
      dpoEmail: values.dpoEmail ?? null,
      firstContactDays: values.firstContactDays ?? null,
    })
    // Two admins creating the same slug at once: the second hears it is taken.
    .onConflictDoNothing({ target: organisations.slug })
    .returning({ id: organisations.id })
  if (!created) return { kind: 'invalid', fieldErrors: { slug: ['Deze slug is al in gebruik. Kies een andere.'] } }
  if (area.nis.length > 0) await tx.insert(organisationMunicipalities).values(area.nis.map((nis) => ({ organisationId: created.id, municipalityNis: nis })))
  await audit(tx, {
    actorUserId: admin.userId,
    organisationId: created.id,
    action: 'organisation.create',
    subjectType: 'organisation',
    subjectId: created.id,
    details: { slug: values.slug, name: values.name, type: values.type, municipalities: area.nis.length, via: admin.via },
  })
  return { kind: 'saved', id: created.id, name: values.name, created: true, changed: [] }
}

/** Why the type cannot change: accounts whose role does not fit the new type (disabled ones too: they may return). */
async function misfitAccounts(tx: Tx, admin: OrganisationAdmin, id: string, type: ManagedType) {
  const byRole = await tx.select({ role: users.role, n: count() }).from(users).where(eq(users.organisationId, id)).groupBy(users.role)
  const misfits = byRole.filter((r) => !admin.roles.fits(r.role, type))
  if (misfits.length === 0) return undefined
  const list = misfits.map((r) => `${admin.roles.label(r.role)} (${r.n})`).join(', ')
  return `Dit kan niet: deze organisatie heeft accounts met een rol die niet bij die soort past: ${list}. Geef hen eerst een andere rol of organisatie.`
}

// Values shown in the audit log; e-mail addresses may name a person, so only the field name is logged for them.
const loggedFields = ['name', 'type', 'firstContactDays'] as const
const addressFields = ['contactEmail', 'dpoEmail'] as const

/** Saves the organisation's fields and served municipalities; `changed` lists what differed (empty: nothing did). */
export async function updateManagedOrganisation(tx: Tx, admin: OrganisationAdmin, id: string, values: OrganisationValues): Promise<ChangeResult> {
  if (!isUuid(id)) return { kind: 'not-found' }
  // Locked before reading, so two admins saving at once each compare with what the other saved.
  await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id)).for('update')
  const current = await getManagedOrganisation(tx, admin, id)
  if (!current) return { kind: 'not-found' }
  const fieldErrors: FieldErrors = {}
  if (values.type !== current.type) {
    const misfit = admin.regionCodes !== null && values.type === 'platform' ? PLATFORM_ONLY : await misfitAccounts(tx, admin, id, values.type)
    if (misfit) fieldErrors.type = [misfit]
  }
  const area = await plannedArea(tx, admin, values.municipalities, current.municipalities)
  if (area.errors.length > 0) fieldErrors.municipalities = area.errors
  if (Object.keys(fieldErrors).length > 0) return { kind: 'invalid', fieldErrors }

  const next = {
    name: values.name,
    type: values.type,
    firstContactDays: values.firstContactDays === undefined ? current.firstContactDays : values.firstContactDays,
    contactEmail: values.contactEmail === undefined ? current.contactEmail : values.contactEmail,
    dpoEmail: values.dpoEmail === undefined ? current.dpoEmail : values.dpoEmail,
  }
  const changed: string[] = [...loggedFields, ...addressFields].filter((field) => next[field] !== current[field])
  const before = new Set(current.municipalities.map((m) => m.nis))
  const added = area.nis.filter((nis) => !before.has(nis))
  const removed = [...before].filter((nis) => !area.nis.includes(nis))
  if (added.length + removed.length > 0) changed.push('municipalities')
  if (changed.length === 0) return { kind: 'saved', id, name: current.name, created: false, changed: [] }

  await tx.update(organisations).set({ ...next, updatedAt: sql`now()` }).where(eq(organisations.id, id))
  if (removed.length > 0) {
    await tx.delete(organisationMunicipalities).where(and(eq(organisationMunicipalities.organisationId, id), inArray(organisationMunicipalities.municipalityNis, removed)))
  }
  if (added.length > 0) await tx.insert(organisationMunicipalities).values(added.map((nis) => ({ organisationId: id, municipalityNis: nis })))
  const logged = loggedFields.filter((field) => changed.includes(field))
  await audit(tx, {
    actorUserId: admin.userId,
    organisationId: id,
    action: 'organisation.update',
    subjectType: 'organisation',
    subjectId: id,
    details: {
      fields: changed,
      ...(logged.length > 0 ? { from: pick(current, logged), to: pick(next, logged) } : {}),
      ...(added.length > 0 ? { added } : {}),
      ...(removed.length > 0 ? { removed } : {}),
      via: admin.via,
    },
  })
  return { kind: 'saved', id, name: values.name, created: false, changed }
}

const pick = <T extends object, K extends keyof T>(value: T, keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, value[key]]))
