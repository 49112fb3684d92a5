import { json } from '@remix-run/node'
import type { Permission } from '#domain/permissions'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ownOrganisationOverview } from '#app/features/organisations/own-organisation.server'

/** Loader shared by the role home pages: the permission differs, the content is the user's organisation. */
export async function roleHomeLoader(request: Request, permission: Permission) {
  const user = await requireUserWithPermission(request, permission)
  return json({ userName: user.name, overview: await ownOrganisationOverview(user) })
}
