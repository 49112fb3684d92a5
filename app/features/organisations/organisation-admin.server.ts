import { requireUserWithAnyPermission } from '#app/auth/session.server'
import { organisationAdminFor } from './organisation-admin'
import type { OrganisationFormValues } from './organisation-form-schema'
import { db } from '#app/utils/db.server'
import { getManagedOrganisation, type OrganisationAdmin } from '#db/queries/organisation-admin'
import type { OrganisationValues } from '#db/queries/organisation-changes'
import { listMunicipalities, listRegions, type Region } from '#db/queries/reference'

/**
 * The pages under /admin/organisaties: a platform admin (`organisation:manage`) or a regional admin
 * (`organisation:manage-region`). Which organisations they reach is decided in the queries, from `admin`.
 */
export async function requireOrganisationAdmin(request: Request) {
  const user = await requireUserWithAnyPermission(request, ['organisation:manage', 'organisation:manage-region'])
  const admin = organisationAdminFor(user)
  // The regions the admin works in: the filter's choices and the groups of municipalities on the form.
  const regions = (await listRegions(db())).filter((region) => admin.regionCodes === null || admin.regionCodes.includes(region.code))
  return { user, admin, regions }
}

export const organisationNotFound = () => new Response('Deze organisatie bestaat niet of valt buiten jouw regio’s.', { status: 404 })

/** One organisation the admin manages; any other id (or no uuid at all) is a 404, as if it did not exist. */
export async function requireManagedOrganisation(admin: OrganisationAdmin, id: string | undefined) {
  const organisation = id ? await getManagedOrganisation(db(), admin, id) : undefined
  if (!organisation) throw organisationNotFound()
  return organisation
}

/** The municipality checkboxes of the form: those of the regions the admin works in, per region. */
export async function municipalityGroups(regions: Region[]) {
  const all = await listMunicipalities(
    db(),
    regions.map((r) => r.code),
  )
  return regions.map((region) => ({ ...region, municipalities: all.filter((m) => m.regionCode === region.code).map(({ nis, name }) => ({ nis, name })) }))
}

/** The form's values as the queries take them: a whole region becomes its municipalities; an empty field is none. */
export async function organisationValuesFromForm({ wholeRegions, ...values }: OrganisationFormValues): Promise<OrganisationValues> {
  const inRegions = wholeRegions.length > 0 ? (await listMunicipalities(db(), wholeRegions)).map((m) => m.nis) : []
  return {
    ...values,
    municipalities: [...values.municipalities, ...inRegions],
    contactEmail: values.contactEmail ?? null,
    dpoEmail: values.dpoEmail ?? null,
    firstContactDays: values.firstContactDays ?? null,
  }
}
