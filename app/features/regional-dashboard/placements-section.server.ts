import { iscoMajorGroupLabels } from '#domain/isco-major-groups'
import { employerTypeLabels } from '#domain/placement-values'
import type { employerTypes } from '#domain/values'
import {
  daysToFirstAcceptance,
  freePlacesNow,
  placementEndings,
  publishedByEmployerType,
  publishedByIscoMajorGroup,
} from '#db/queries/dashboard-placements'
import { compensationTable } from './compensation-table.server'
import { sharedPerSlice } from './per-slice'
import type { Section } from './stat-table'

/** The share of places at private employers the TWE evaluation found (issue 14): the line regions measure against. */
export const TWE_PRIVATE_BASELINE_PERCENT = 8

const where = 'Een plaats hoort bij de regio van de gemeente waar het werk is (de vestiging van de werkgever).'
const firstPublished = `Werkervaringsplaatsen die in de periode voor het eerst gepubliceerd werden. ${where}`
// "Gepubliceerd", "per soort werkgever" and "aandeel privéwerkgevers" count the same placements: one query per slice
// (per-slice.ts).
const byEmployerType = sharedPerSlice(publishedByEmployerType)
const typeLabel = (type: string | null) => (type ? employerTypeLabels[type as (typeof employerTypes)[number]].label : 'Soort werkgever niet ingevuld')

/** Werkervaringsplaatsen: what employers offer, how quickly it is taken, what it costs them. */
export const placementsSection: Section = {
  slug: 'plaatsen',
  title: 'Werkervaringsplaatsen',
  intro: 'Hoeveel werkervaringsplaatsen werkgevers aanbieden, bij welk soort werkgever, hoe snel ze ingevuld raken en wat ze een werkgever kosten.',
  tables: [
    {
      id: 'plaatsen-verloop',
      title: 'Gepubliceerd, volzet en afgesloten',
      description: `Werkervaringsplaatsen die in de periode voor het eerst gepubliceerd werden, volzet raakten (de laatste plaats ingevuld of door de werkgever op volzet gezet) of afgesloten werden. ${where}`,
      unit: 'aantal',
      compute: async (tx, slice) => {
        const [byType, ended] = await Promise.all([byEmployerType(tx, slice), placementEndings(tx, slice)])
        return [
          { key: 'gepubliceerd', label: 'Gepubliceerd', value: byType.reduce((sum, row) => sum + row.count, 0) },
          { key: 'volzet', label: 'Volzet', value: ended.filled },
          { key: 'afgesloten', label: 'Afgesloten', value: ended.closed },
        ]
      },
    },
    {
      id: 'plaatsen-per-beroepsgroep',
      title: 'Gepubliceerd per beroepsgroep',
      description: `${firstPublished} Ingedeeld volgens de hoofdgroep van het ISCO-08-beroep waar het ESCO-beroep van de plaats onder valt.`,
      unit: 'aantal',
      compute: async (tx, slice) =>
        (await publishedByIscoMajorGroup(tx, slice)).map((row) => ({
          key: `isco-${row.group}`,
          label: iscoMajorGroupLabels[row.group] ?? `ISCO-hoofdgroep ${row.group}`,
          value: row.count,
        })),
    },
    {
      id: 'plaatsen-per-werkgeverstype',
      title: 'Gepubliceerd per soort werkgever',
      description: `${firstPublished} Ingedeeld volgens het soort organisatie dat de werkgever bij de registratie opgaf.`,
      unit: 'aantal',
      compute: async (tx, slice) =>
        (await byEmployerType(tx, slice)).map((row) => ({ key: row.employerType ?? 'onbekend', label: typeLabel(row.employerType), value: row.count })),
    },
    {
      id: 'plaatsen-aandeel-prive',
      title: 'Aandeel privéwerkgevers',
      description: `Het deel van de werkervaringsplaatsen die in de periode voor het eerst gepubliceerd werden, dat bij een privébedrijf is, naast de basislijn uit de evaluatie van TWE (${TWE_PRIVATE_BASELINE_PERCENT} % van de plaatsen). ${where}`,
      unit: 'procent',
      compute: async (tx, slice) => {
        const rows = await byEmployerType(tx, slice)
        const total = rows.reduce((sum, row) => sum + row.count, 0)
        const privateCount = rows.find((row) => row.employerType === 'private')?.count ?? 0
        return [
          { key: 'prive', label: 'Plaatsen bij een privébedrijf', value: total === 0 ? null : (privateCount / total) * 100 },
          { key: 'basislijn', label: `Basislijn TWE-evaluatie: ${TWE_PRIVATE_BASELINE_PERCENT} %`, value: TWE_PRIVATE_BASELINE_PERCENT },
        ]
      },
    },
    {
      id: 'plaatsen-tijd-tot-aanvaarding',
      title: 'Tijd tot het eerste aanvaarde voorstel',
      description: `De mediaan van het aantal dagen tussen de eerste publicatie van een plaats en het eerste voorstel dat de werkgever aanvaardde, voor plaatsen waarvan dat eerste aanvaarde voorstel in de periode valt. ${where}`,
      unit: 'dagen',
      chart: false,
      compute: async (tx, slice) => {
        const result = await daysToFirstAcceptance(tx, slice)
        return [
          { key: 'mediaan', label: 'Mediaan', value: result.median },
          { key: 'plaatsen', label: 'Aantal plaatsen met een eerste aanvaard voorstel', value: result.placements, unit: 'aantal' },
        ]
      },
    },
    {
      id: 'plaatsen-vrij-nu',
      title: 'Vrije plaatsen nu',
      description: `Een momentopname van vandaag, los van de gekozen periode: gepubliceerde werkervaringsplaatsen (niet gepauzeerd) en hoeveel plaatsen ze nog vrij hebben. Stapsteen bewaart niet hoeveel plaatsen er vroeger vrij waren, dus in de kolom van de vorige periode staat hetzelfde cijfer. ${where}`,
      unit: 'aantal',
      compute: async (tx, slice) => {
        const now = await freePlacesNow(tx, slice)
        return [
          { key: 'werkervaringsplaatsen', label: 'Gepubliceerde werkervaringsplaatsen', value: now.placements },
          { key: 'vrije-plaatsen', label: 'Vrije plaatsen', value: now.places },
        ]
      },
    },
    compensationTable,
  ],
}
