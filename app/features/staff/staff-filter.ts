import type { Role } from '#domain/permissions'
import { isUuid } from '#domain/ids'
import type { StaffFilters, StaffStatus } from '#db/queries/staff'

/**
 * The filters of the people list as they appear in the address (?zoek=…&rol=…&status=…&organisatie=…), so every
 * filtered view has its own address and works without JavaScript. Values the list does not know filter nothing.
 */
export type StaffFilterValues = { zoek: string; rol: string; status: string; organisatie: string }

export const statusParams: Record<string, StaffStatus> = { actief: 'active', uitgenodigd: 'invited', gedeactiveerd: 'deactivated' }

export function parseStaffFilter(params: URLSearchParams, roles: readonly Role[]) {
  const get = (name: keyof StaffFilterValues) => (params.get(name) ?? '').trim()
  const role = roles.find((r) => r === get('rol'))
  const status = statusParams[get('status')]
  const organisationId = isUuid(get('organisatie')) ? get('organisatie') : undefined
  const search = get('zoek').slice(0, 100)
  const values: StaffFilterValues = { zoek: search, rol: role ?? '', status: status ? get('status') : '', organisatie: organisationId ?? '' }
  const filters: StaffFilters = { role, status, organisationId, search: search || undefined }
  return { values, filters }
}
