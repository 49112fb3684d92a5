/**
 * The two places where people are managed: the admins' /admin/gebruikers and a coordinator's
 * /organisatie/medewerkers. Same pages, same forms; what differs is the address, the words, and (server side,
 * app/features/staff/staff.server.ts) who gets in.
 */
export const staffAreas = {
  admin: { path: '/admin/gebruikers', title: 'Gebruikers' },
  organisation: { path: '/organisatie/medewerkers', title: 'Medewerkers' },
} as const

export type StaffArea = keyof typeof staffAreas
