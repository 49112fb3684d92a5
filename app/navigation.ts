import { homeByRole, type Role } from './auth/permissions'

type NavItem = { to: string; label: string; end?: boolean }

/** The menu per role: each role sees its own area of the portal and what it may do there. */
const extraItems: Partial<Record<Role, NavItem[]>> = {
  platform_admin: [{ to: '/dev/outbox', label: 'Dev-outbox' }],
}

export function navigationFor(role: Role): NavItem[] {
  return [{ to: homeByRole[role], label: 'Overzicht', end: true }, ...(extraItems[role] ?? []), { to: '/account', label: 'Mijn account' }]
}
