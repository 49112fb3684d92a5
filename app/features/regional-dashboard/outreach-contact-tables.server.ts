import { cohortFiguresFor as figuresFor } from './intake-cohort.server'
import { rowsOf } from './stat-rows'
import type { TableSpec } from './stat-table'

/**
 * The first-contact figures of "Aanmeldingen en triage": how long residents waited, and whether within the term.
 * Three small tables, one unit each, from the same counts (docs/cijfers.md says how each is computed).
 */
const cohort = 'Aanmeldingen van inwoners uit de regio die in de periode verstuurd werden.'

export const contactTables: TableSpec[] = [
  {
    id: 'aanmeldingen-tijd-tot-eerste-contact',
    title: 'Tijd tot het eerste contact (werkdagen)',
    description: `${cohort} Werkdagen van maandag tot vrijdag (feestdagen tellen mee), zoals de termijn voor het eerste contact: 0 is contact op de dag van de aanmelding. Alleen aanmeldingen met een geregistreerd eerste contact tellen mee; wie nog wacht, staat in de tabel "Eerste contact: stand van zaken".`,
    unit: 'dagen',
    compute: async (tx, slice) =>
      rowsOf(await figuresFor(tx, slice), { median: 'Mediaan', p90: '90e percentiel (9 op de 10 kregen binnen deze tijd contact)' }),
  },
  {
    id: 'aanmeldingen-binnen-termijn',
    title: 'Eerste contact binnen de termijn',
    description: `${cohort} Het deel dat een eerste contact kreeg op of vóór de dag waarop het ten laatste moest (de termijn van de regio, of van de organisatie als die een eigen termijn heeft, vastgelegd bij de aanmelding). Telt mee: wie contact kreeg, en wie nog wacht terwijl die dag voorbij is. Telt niet mee: wie nog binnen de termijn wacht, en aanmeldingen afgesloten zonder contact.`,
    unit: 'procent',
    compute: async (tx, slice) => {
      const { onTime, late, waitingOverdue } = await figuresFor(tx, slice)
      const known = onTime + late + waitingOverdue
      // Two decimals, like the percentiles: the CSV shows 66.67, not 66.66666666666667.
      return [{ key: 'onTime', label: 'Binnen de termijn gecontacteerd', value: known === 0 ? null : Math.round((10_000 * onTime) / known) / 100 }]
    },
  },
  {
    id: 'aanmeldingen-eerste-contact',
    title: 'Eerste contact: stand van zaken',
    description: `${cohort} Hoe het eerste contact er vandaag voor staat.`,
    unit: 'aantal',
    compute: async (tx, slice) =>
      rowsOf(await figuresFor(tx, slice), {
        onTime: 'Gecontacteerd binnen de termijn',
        late: 'Gecontacteerd na de termijn',
        waitingOverdue: 'Wacht nog, termijn voorbij',
        waitingInTerm: 'Wacht nog, binnen de termijn',
        closedWithoutContact: 'Afgesloten zonder eerste contact',
      }),
  },
]
