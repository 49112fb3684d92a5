import type { organisationTypes } from './values'

/** Every kind of organisation by its Dutch name, for lists, forms and "OCMW Gent (OCMW)" labels. */
export const organisationTypeLabels = {
  ocmw: 'OCMW',
  vdab: 'VDAB-team',
  outreach_partner: 'Outreachpartner',
  platform: 'Platformteam',
  employer: 'Werkgever',
} as const satisfies Record<(typeof organisationTypes)[number], string>
