import { requireUserWithAnyPermission } from '#app/auth/session.server'

/** The audit log has two permissions, one per scope; which entries a user then sees is decided in `listAuditEntries`. */
export const requireAuditReader = (request: Request) => requireUserWithAnyPermission(request, ['audit:read-all', 'audit:read-region'])
