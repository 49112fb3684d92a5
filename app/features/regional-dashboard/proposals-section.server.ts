import { declineReasonLabels } from '#domain/proposal-form'
import { proposalFigures } from '#db/queries/dashboard-proposals'
import { sharedPerSlice } from './per-slice'
import type { Section } from './stat-table'

const where = 'Een voorstel hoort bij de regio van de werkervaringsplaats (waar het werk is), ook als de cliënt elders woont.'

// Both tables count from one scan of the proposals per slice (per-slice.ts).
const figuresFor = sharedPerSlice(proposalFigures)

/** Matching: how many clients caseworkers propose to employers, and what the employers answer. */
export const proposalsSection: Section = {
  slug: 'voorstellen',
  title: 'Voorstellen',
  intro: 'Hoeveel cliënten begeleiders voorstellen aan werkgevers, hoeveel werkgevers er aanvaarden en waarom ze afwijzen.',
  tables: [
    {
      id: 'voorstellen-verloop',
      title: 'Verstuurd, aanvaard, afgewezen en ingetrokken',
      description: `Voorstellen die in de periode verstuurd werden, en voorstellen waarover in de periode beslist werd: aanvaard of afgewezen door de werkgever, of ingetrokken door de begeleider. ${where}`,
      unit: 'aantal',
      compute: async (tx, slice) => {
        const { flow } = await figuresFor(tx, slice)
        return [
          { key: 'verstuurd', label: 'Verstuurd', value: flow.sent },
          { key: 'aanvaard', label: 'Aanvaard', value: flow.accepted },
          { key: 'afgewezen', label: 'Afgewezen', value: flow.declined },
          { key: 'ingetrokken', label: 'Ingetrokken', value: flow.withdrawn },
        ]
      },
    },
    {
      id: 'voorstellen-afgewezen-per-reden',
      title: 'Afgewezen voorstellen per reden',
      description: `Voorstellen die een werkgever in de periode afwees, per reden die de werkgever uit de lijst koos. Wat een werkgever er zelf bij schreef, staat hier nooit. ${where}`,
      unit: 'aantal',
      compute: async (tx, slice) =>
        (await figuresFor(tx, slice)).declinedByReason.map((row) => ({
          key: row.reason ?? 'geen-reden',
          label: row.reason ? declineReasonLabels[row.reason] : 'Geen reden gekozen',
          value: row.count,
        })),
    },
  ],
}
