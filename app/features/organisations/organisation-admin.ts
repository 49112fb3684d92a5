import type { OrganisationAdmin } from '#db/queries/organisation-admin'
import { managedOrganisationTypes } from './organisation-form-schema'
import type { SessionUser } from '#domain/session-user'
import { hasPermission, organisationTypesByRole, type Role, roleLabels } from '#domain/permissions'

/**
 * Who changes organisations, as db/queries/organisation-admin.ts needs it: a platform admin every organisation,
 * a regional admin their regions' (the scope is applied in the queries), the command line everything with
 * `via: 'cli'` in the audit log. The role rules travel along, since db/ does not import app/.
 */
const roles: OrganisationAdmin['roles'] = {
  fits: (role, type) => organisationTypesByRole[role as Role]?.includes(type) ?? false,
  label: (role) => roleLabels[role as Role] ?? role,
}

export const organisationAdminFor = (user: SessionUser): OrganisationAdmin => ({
  userId: user.id,
  organisationId: user.organisation.id,
  regionCodes: hasPermission(user, 'organisation:manage') ? null : user.regionCodes,
  roles,
})

/** The types an admin may choose: a platform team only a platform admin makes or changes. */
export const typesFor = (admin: OrganisationAdmin) => managedOrganisationTypes.filter((type) => admin.regionCodes === null || type !== 'platform')

export const commandLineAdmin: OrganisationAdmin = { userId: null, organisationId: null, regionCodes: null, via: 'cli', roles }
