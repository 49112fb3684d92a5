import type { roles } from './values'

export type Role = (typeof roles)[number]

/**
 * Every permission the portal checks, and which roles hold it. docs/permissions.md is the readable form of
 * this table; a unit test keeps both in step. Permissions say *what*; which records a user may touch is the
 * organisation (or region) scope applied inside the query functions in db/.
 */
export const permissionsByRole = {
  employer: ['dashboard:employer', 'compensation:read-own', 'organisation:manage-own', 'placement:manage-own', 'placement:import-own'],
  caseworker: ['dashboard:caseworker', 'placement:read-published', 'client:manage-own-org', 'api:use'],
  triage_worker: ['dashboard:triage', 'intake:triage-own-org'],
  outreach_worker: ['dashboard:outreach', 'intake:assist'],
  regional_admin: [
    'dashboard:admin',
    'placement:read-published',
    'employer:verify-region',
    'compensation:manage-region',
    'triage:configure-region',
    'placement:import',
    'audit:read-region',
    'statistics:read-region',
    'organisation:manage-region',
    'user:manage-region',
    'intake:read-unreceived',
    'api:use',
    'search-terms:propose',
  ],
  platform_admin: [
    'dashboard:admin',
    'organisation:manage',
    'user:manage',
    'intake:read-unreceived',
    'placement:read-published',
    'placement:import',
    'audit:read-all',
    'statistics:read-all',
    'outbox:read',
    'api:use',
    'search-terms:review',
  ],
} as const satisfies Record<Role, readonly string[]>

/**
 * What a user marked *coordinator* holds on top of their role: managing the staff of their own OCMW, VDAB team
 * or outreach partner (invite, change role, deactivate). Only people of those organisations can be coordinators.
 */
export const coordinatorPermissions = ['staff:manage-own-org'] as const

export type Permission = (typeof permissionsByRole)[Role][number] | (typeof coordinatorPermissions)[number]

/** Who holds permissions: a role alone, or a user with their role and coordinator mark. */
export type PermissionHolder = Role | { role: Role; coordinator?: boolean }

export function hasPermission(holder: PermissionHolder, permission: Permission): boolean {
  const { role, coordinator = false } = typeof holder === 'string' ? { role: holder } : holder
  if ((permissionsByRole[role] as readonly string[]).includes(permission)) return true
  return coordinator && canCoordinate(role) && (coordinatorPermissions as readonly string[]).includes(permission)
}

/** The roles of OCMW, VDAB and outreach staff: the people a coordinator is and manages. */
export const staffRoles = ['caseworker', 'triage_worker', 'outreach_worker'] as const satisfies readonly Role[]
export const canCoordinate = (role: Role) => (staffRoles as readonly Role[]).includes(role)

/** Where each role lands after logging in: its own area of the portal. */
export const homeByRole: Record<Role, string> = {
  employer: '/werkgever',
  caseworker: '/begeleider',
  triage_worker: '/triage',
  outreach_worker: '/partner',
  regional_admin: '/admin',
  platform_admin: '/admin',
}

export const roleLabels: Record<Role, string> = {
  employer: 'Werkgever',
  caseworker: 'Trajectbegeleider / bemiddelaar',
  triage_worker: 'Triagemedewerker',
  outreach_worker: 'Outreachmedewerker',
  regional_admin: 'Regionale beheerder',
  platform_admin: 'Platformbeheerder',
}

type OrganisationType = 'ocmw' | 'vdab' | 'employer' | 'outreach_partner' | 'platform'

/** Which kind of organisation each role works for; `user:create` and the admin pages enforce it. */
export const organisationTypesByRole: Record<Role, readonly OrganisationType[]> = {
  employer: ['employer'],
  caseworker: ['ocmw', 'vdab'],
  triage_worker: ['ocmw', 'vdab'],
  outreach_worker: ['outreach_partner'],
  regional_admin: ['platform', 'ocmw', 'vdab'],
  platform_admin: ['platform'],
}

/** The roles that hold a permission by role alone (a coordinator's extra permissions are not roles' permissions). */
export const rolesWith = (permission: Permission): Role[] =>
  (Object.keys(permissionsByRole) as Role[]).filter((role) => (permissionsByRole[role] as readonly string[]).includes(permission))
