import { db } from '#db/client'
import { findOrganisationBySlug } from '#db/queries/organisations'
import { createUser } from '#db/seed/factories'
import { sessionUser } from './intake-triage-support'

/** Admins for the organisation tests, in the platform team the migrations create. */
export const bySlug = async (slug: string) => (await findOrganisationBySlug(db(), slug))!

export async function platformAdmin() {
  const platform = await bySlug('stapsteen')
  return sessionUser((await createUser(db(), { organisationId: platform.id, role: 'platform_admin' })).id)
}

export async function regionalAdmin(regions = ['REFREG13']) {
  const platform = await bySlug('stapsteen')
  return sessionUser((await createUser(db(), { organisationId: platform.id, role: 'regional_admin', regions })).id)
}
