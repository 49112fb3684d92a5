import { intakesByChannel } from '#db/queries/dashboard-outreach'
import { contactTables } from './outreach-contact-tables.server'
import { outcomeTables } from './outreach-outcome-tables.server'
import type { Section } from './stat-table'

const wayLabels = { direct: 'Rechtstreeks (aanmeldformulier)', assisted: 'Met hulp van een outreachwerker' } as Record<string, string>

/** Outreach and triage: how residents reach the portal and how quickly and where the triage answers them. */
export const outreachSection: Section = {
  slug: 'aanmeldingen',
  title: 'Aanmeldingen en triage',
  intro: 'Hoe inwoners zich aanmelden, hoe snel ze een eerste contact krijgen en wie hen verder helpt.',
  tables: [
    {
      id: 'aanmeldingen-per-kanaal',
      title: 'Aanmeldingen per kanaal',
      description: 'Aanmeldingen van inwoners uit de regio, volgens de datum waarop ze verstuurd werden. Een kanaal is de link of affiche van een outreachpartner.',
      unit: 'aantal',
      compute: async (tx, slice) =>
        (await intakesByChannel(tx, slice)).map((row) =>
          row.way === 'channel'
            ? { key: `partner-${row.partnerId}`, label: `Kanaal van ${row.partner}`, value: row.count }
            : { key: row.way, label: wayLabels[row.way]!, value: row.count },
        ),
    },
    ...contactTables,
    ...outcomeTables,
  ],
}
