import { hasPermission } from '#domain/permissions'
import { staffAreas } from '#app/features/staff/staff-areas'
import type { SessionUser } from '#domain/session-user'
import { db } from '#db/client'
import { getOwnOrganisation } from '#db/queries/organisations'

/** The signed-in user's own organisation, for the role home pages; a coordinator gets the way to its staff page. */
export async function ownOrganisationOverview(user: SessionUser) {
  const overview = await getOwnOrganisation(db(), user.organisation.id)
  if (!overview) throw new Response('Deze organisatie bestaat niet meer.', { status: 404 })
  return { ...overview, staffPage: hasPermission(user, 'staff:manage-own-org') ? staffAreas.organisation.path : null }
}
