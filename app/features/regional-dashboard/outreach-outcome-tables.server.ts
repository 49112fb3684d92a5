import { brusselsDate } from '#domain/intake-working-days'
import { type Destination, destinationLabels } from '#domain/triage-labels'
import { triageDestinations } from '#domain/values'
import { destinations, erasures, referralOutcomes, unreceivedFigures } from '#db/queries/dashboard-triage-outcomes'
import { cohortFiguresFor } from './intake-cohort.server'
import { rowsOf } from './stat-rows'
import type { TableSpec } from './stat-table'

/**
 * What became of the intakes in "Aanmeldingen en triage": the suggestion against where they ended up, the warm
 * hand-overs, files nobody receives, and residents who withdrew or had their intake erased. docs/cijfers.md
 * explains each figure; the descriptions say what is counted.
 */
const cohort = 'Aanmeldingen van inwoners uit de regio die in de periode verstuurd werden'

const finalLabels: Record<string, string> = {
  ocmw: 'behandeld door het OCMW',
  vdab: 'behandeld door VDAB',
  open: 'nog niet bepaald',
  closed: 'afgesloten zonder traject',
}

export const outcomeTables: TableSpec[] = [
  {
    id: 'aanmeldingen-bestemming',
    title: 'Voorgestelde en uiteindelijke bestemming',
    description: `${cohort}, per suggestie van de triage en waar ze vandaag staan. Uiteindelijk is de organisatie die het dossier nu behandelt (na een aanvaarde overdracht: de ontvanger). Nog niet bepaald: niemand nam het op, er is nog geen eerste contact, of een overdracht wacht op antwoord. Afgesloten zonder traject: afgesloten om een andere reden dan een gestart traject. Eén organisatie behandelt een dossier, dus "samen" bestaat alleen als suggestie.`,
    unit: 'aantal',
    compute: async (tx, slice) => {
      const rows = await destinations(tx, slice)
      // Every combination, always in the same order: the table reads as a grid, also where a count is 0.
      return triageDestinations.flatMap((suggested: Destination) =>
        Object.keys(finalLabels).map((final) => ({
          key: `${suggested}-${final}`,
          label: `Suggestie ${destinationLabels[suggested]}: ${finalLabels[final]}`,
          value: rows.find((row) => row.suggested === suggested && row.final === final)?.count ?? 0,
        })),
      )
    },
  },
  {
    id: 'aanmeldingen-overdrachten',
    title: 'Warme overdrachten',
    description:
      'Overdrachten tussen OCMW en VDAB die in de periode verstuurd werden, voor inwoners uit de regio, met hun antwoord tot nu toe. Een weigering heeft een reden in vrije tekst: die tonen we nooit, we tellen alleen hoeveel overdrachten geweigerd werden.',
    unit: 'aantal',
    compute: async (tx, slice) =>
      rowsOf(await referralOutcomes(tx, slice), { sent: 'Verstuurd', accepted: 'Aanvaard', declined: 'Geweigerd', pending: 'Wacht op antwoord' }),
  },
  {
    id: 'aanmeldingen-zonder-ontvanger',
    title: 'Aanmeldingen zonder ontvanger',
    description: `${cohort}, die vandaag in de wachtrij van niemand staan: geen actieve triagemedewerker van een actieve organisatie ziet ze (de lijst "Zonder ontvanger"). Afgesloten en geanonimiseerde aanmeldingen tellen niet mee.`,
    unit: 'aantal',
    compute: async (tx, slice) =>
      rowsOf(await unreceivedFigures(tx, slice, brusselsDate()), {
        waiting: 'Wachten zonder ontvanger',
        overdue: 'waarvan de termijn voor het eerste contact voorbij is',
      }),
  },
  {
    id: 'aanmeldingen-ingetrokken',
    title: 'Ingetrokken',
    description: `${cohort}: afgesloten omdat de inwoner niet meer geïnteresseerd is, of waarvoor de inwoner de toestemming om gegevens te delen tussen OCMW en VDAB introk (op de statuspagina). Eén aanmelding kan in beide rijen staan.`,
    unit: 'aantal',
    compute: async (tx, slice) =>
      rowsOf(await cohortFiguresFor(tx, slice), {
        noLongerInterested: 'Afgesloten: niet meer geïnteresseerd',
        consentWithdrawn: 'Toestemming om te delen ingetrokken',
      }),
  },
  {
    id: 'aanmeldingen-gewist',
    title: 'Gewist op vraag van de inwoner (heel Vlaanderen)',
    description:
      'Aanmeldingen die in de periode gewist werden omdat de inwoner dat vroeg. Van een gewiste aanmelding blijft alleen een bewijs met de referentiecode en de datums, zonder gemeente: dit cijfer geldt dus altijd voor heel Vlaanderen, ook in de kolommen van een regio.',
    unit: 'aantal',
    compute: async (tx, slice) => [{ key: 'erased', label: 'Gewist in heel Vlaanderen', value: await erasures(tx, slice) }],
  },
]
