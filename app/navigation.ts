import { hasPermission, homeByRole, type Role } from '#domain/permissions'

type NavItem = { to: string; label: string; end?: boolean }

const DEV_OUTBOX = '/dev/outbox'

/** The menu per role: each role sees its own area of the portal and what it may do there; coordinators a bit more. */
const extraItems: Partial<Record<Role, NavItem[]>> = {
  employer: [
    { to: '/werkgever/plaatsen', label: 'Werkervaringsplaatsen' },
    { to: '/werkgever/kosten', label: 'Kosten per vestiging' },
    { to: '/werkgever/organisatie', label: 'Organisatie' },
    { to: '/werkgever/importeren', label: 'Plaatsen importeren' },
    { to: '/werkgever/voorstellen', label: 'Voorstellen' },
    { to: '/werkgever/evaluaties', label: 'Evaluaties' },
  ],
  caseworker: [
    { to: '/begeleider/clienten', label: 'Cliënten' },
    { to: '/begeleider/evaluaties', label: 'Evaluaties' },
    { to: '/begeleider/zoeken', label: 'Plaatsen zoeken' },
    { to: '/begeleider/bewaard', label: 'Bewaarde zoekopdrachten' },
    { to: '/begeleider/functieprofielen', label: 'Functieprofielen' },
    { to: '/begeleider/gedeelde-trajecten', label: 'Gedeelde trajecten' },
    { to: '/begeleider/overdrachten', label: 'Overdrachten' },
  ],
  regional_admin: [
    { to: '/admin/werkgevers', label: 'Werkgevers verifiëren' },
    { to: '/admin/organisaties', label: 'Organisaties' },
    { to: '/admin/vergoedingen', label: 'Vergoedingen' },
    { to: '/admin/importeren', label: 'Plaatsen importeren' },
    { to: '/admin/triage-instellingen', label: 'Triage-instellingen' },
    { to: '/admin/zonder-ontvanger', label: 'Zonder ontvanger' },
    { to: '/admin/gebruikers', label: 'Gebruikers' },
    { to: '/admin/cijfers', label: 'Cijfers' },
    { to: '/admin/zoektermen', label: 'Zoektermen' },
    { to: '/admin/audit', label: 'Auditlog' },
  ],
  outreach_worker: [
    { to: '/partner/aanmelden', label: 'Inwoner aanmelden' },
    { to: '/partner/kanalen', label: 'Aanmeldlinks en affiches' },
  ],
  platform_admin: [
    { to: '/admin/organisaties', label: 'Organisaties' },
    { to: '/admin/zonder-ontvanger', label: 'Zonder ontvanger' },
    { to: '/admin/gebruikers', label: 'Gebruikers' },
    { to: '/admin/importeren', label: 'Plaatsen importeren' },
    { to: '/admin/cijfers', label: 'Cijfers' },
    { to: '/admin/zoektermen', label: 'Zoektermen' },
    { to: '/admin/audit', label: 'Auditlog' },
    { to: DEV_OUTBOX, label: 'Dev-outbox' },
  ],
}

/** What a coordinator's mark adds to the menu of their role. */
const coordinatorItems: NavItem[] = [{ to: '/organisatie/medewerkers', label: 'Medewerkers' }]

/** `devOutbox`: whether this portal has one (emails/transport.server.ts hasDevOutbox); else its item is left out. */
export function navigationFor(user: { role: Role; coordinator?: boolean }, portal: { devOutbox: boolean }): NavItem[] {
  return [
    { to: homeByRole[user.role], label: 'Overzicht', end: true },
    ...(extraItems[user.role] ?? []).filter((item) => portal.devOutbox || item.to !== DEV_OUTBOX),
    ...(hasPermission(user, 'staff:manage-own-org') ? coordinatorItems : []),
    { to: '/account', label: 'Mijn account' },
  ]
}

/** Public pages, shown to everyone in the header. */
export const publicNavigation: NavItem[] = [
  { to: '/plaatsen', label: 'Werkervaringsplaatsen' },
  { to: '/vergoedingen', label: 'Vergoedingen per regio' },
  { to: '/werkgever-worden', label: 'Werkgever worden' },
  { to: '/cijfers', label: 'Open cijfers' },
]
