import type { roles } from '../../db/schema/users'

export type Role = (typeof roles)[number]

/**
 * Every permission the portal checks, and which roles hold it. docs/permissions.md is the readable form of
 * this table; a unit test keeps both in step. Permissions say *what*; which records a user may touch is the
 * organisation (or region) scope applied inside the query functions in db/.
 */
export const permissionsByRole = {
  employer: ['dashboard:employer', 'organisation:read-own', 'organisation:manage-own', 'placement:manage-own', 'placement:import-own'],
  caseworker: ['dashboard:caseworker', 'organisation:read-own', 'placement:read-published', 'client:manage-own-org', 'api:use'],
  triage_worker: ['dashboard:triage', 'organisation:read-own', 'intake:triage-own-org'],
  outreach_worker: ['dashboard:outreach', 'organisation:read-own', 'intake:assist'],
  regional_admin: [
    'dashboard:admin',
    'organisation:read-own',
    'placement:read-published',
    'employer:verify-region',
    'compensation:manage-region',
    'triage:configure-region',
    'placement:import',
    'audit:read-region',
    'api:use',
  ],
  platform_admin: [
    'dashboard:admin',
    'organisation:read-own',
    'organisation:manage',
    'user:manage',
    'placement:read-published',
    'placement:import',
    'audit:read-all',
    'outbox:read',
    'api:use',
  ],
} as const satisfies Record<Role, readonly string[]>

export type Permission = (typeof permissionsByRole)[Role][number]

export function hasPermission(role: Role, permission: Permission): boolean {
  return (permissionsByRole[role] as readonly string[]).includes(permission)
}

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
