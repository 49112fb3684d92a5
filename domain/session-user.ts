import type { Role } from './permissions'
import type { organisationTypes } from './values'

/** The signed-in user as every loader sees it: identity, role, organisation and (for regional admins) regions. */
export type SessionUser = {
  id: string
  email: string
  name: string
  role: Role
  coordinator: boolean
  organisation: { id: string; slug: string; name: string; type: (typeof organisationTypes)[number] }
  regionCodes: string[]
}
