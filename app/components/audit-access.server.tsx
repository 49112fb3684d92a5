import { hasPermission } from '~/auth/permissions'
import { requireUser } from '~/auth/session.server'

/**
 * The audit log has two permissions, one per scope (a regional admin's regions, or everything), and
 * `requireUserWithPermission` checks one: this is its counterpart for "either". Which entries a user then sees
 * is decided in `listAuditEntries`.
 */
export async function requireAuditReader(request: Request) {
  const user = await requireUser(request)
  if (!hasPermission(user, 'audit:read-all') && !hasPermission(user, 'audit:read-region')) {
    throw new Response('Je hebt geen toegang tot deze pagina.', { status: 403, statusText: 'Forbidden' })
  }
  return user
}
