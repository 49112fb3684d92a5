import type { SessionUser } from './session-user'
import { roles, type organisationTypes } from './values'
import { hasPermission, organisationTypesByRole, type PermissionHolder, type Role, staffRoles } from './permissions'

/**
 * Whom a signed-in user manages, made from their SessionUser by staffScope() (below, where the rules are). Every
 * query of db/queries/staff.ts applies it inside its own SQL: someone outside it does not exist for the actor.
 */
export type StaffScope = {
  actor: SessionUser
  /** Every account; the organisations of the actor's regions; the actor's own organisation. */
  reach: StaffReach
  /** The roles of the people the actor sees and manages, and the only roles they may give. */
  roles: readonly Role[]
  /** The kinds of organisation the actor invites into. */
  organisationTypes: readonly (typeof organisationTypes)[number][]
}

/**
 * Who manages whom (docs/permissions.md, "Scopes"). The permission decides how far someone reaches; the reach
 * decides which roles they see, give and take away, and in which organisations. The query functions in
 * db/queries/staff.ts apply it inside their SQL.
 *
 * - `all` (`user:manage`, platform admins): every account, every role.
 * - `regions` (`user:manage-region`, regional admins): the staff of the OCMWs, VDAB teams and outreach partners
 *   serving a municipality in their regions and the employers with a site there; never an admin.
 * - `organisation` (`staff:manage-own-org`, coordinators): the caseworkers, triage and outreach workers of their
 *   own organisation.
 */
export type StaffReach = 'all' | 'regions' | 'organisation'

export function staffReach(user: PermissionHolder): StaffReach | undefined {
  if (hasPermission(user, 'user:manage')) return 'all'
  if (hasPermission(user, 'user:manage-region')) return 'regions'
  if (hasPermission(user, 'staff:manage-own-org')) return 'organisation'
  return undefined
}

/** The roles of the people each reach sees and manages: also the only roles it may give. */
export const rolesByReach: Record<StaffReach, readonly Role[]> = {
  all: roles,
  regions: [...staffRoles, 'employer'],
  organisation: staffRoles,
}

type OrganisationType = (typeof organisationTypesByRole)[Role][number]

/** The roles someone with this reach may give to a person of an organisation of this type. */
export const assignableRoles = (reach: StaffReach, organisationType: OrganisationType): Role[] =>
  rolesByReach[reach].filter((role) => organisationTypesByRole[role].includes(organisationType))

/** The kinds of organisation a reach invites into: those where at least one of its roles works. */
export const organisationTypesForReach = (reach: StaffReach): OrganisationType[] => [
  ...new Set(rolesByReach[reach].flatMap((role) => organisationTypesByRole[role])),
]

/** Reference regions belong to regional admins only, and they need at least one. */
export const takesRegions = (role: Role) => role === 'regional_admin'

/** The actor's StaffScope, which every staff query applies; undefined for someone who manages nobody. */
export function staffScope(user: SessionUser): StaffScope | undefined {
  const reach = staffReach(user)
  return reach && { actor: user, reach, roles: rolesByReach[reach], organisationTypes: organisationTypesForReach(reach) }
}
