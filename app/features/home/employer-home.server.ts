import { json } from '@remix-run/node'
import { hasPermission } from '#domain/permissions'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ownOrganisationOverview } from '#app/features/organisations/own-organisation.server'
import { db } from '#app/utils/db.server'
import { employerHomeStanding } from '#db/queries/employer-home'

/**
 * The employer's home: the role home, plus where the region's verification stands and the next step. The first
 * placement is offered only to a user who may make placements, and not after a refusal: then the details come first.
 */
export async function employerHomeLoader(request: Request) {
  const user = await requireUserWithPermission(request, 'dashboard:employer')
  const [overview, standing] = await Promise.all([ownOrganisationOverview(user), employerHomeStanding(db(), user.organisation.id)])
  const rejected = standing.verification === 'rejected'
  const mayMake = hasPermission(user, 'placement:manage-own') && !rejected
  const mayFix = hasPermission(user, 'organisation:manage-own') && rejected
  return json({
    userName: user.name,
    overview,
    verification: standing.verification,
    reason: rejected ? standing.reason : null,
    nextStep: mayMake && standing.placements === 0 ? ('first-placement' as const) : mayFix ? ('fix-details' as const) : null,
  })
}
