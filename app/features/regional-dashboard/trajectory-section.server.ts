import {
  evaluationsDue,
  outflowAfterThreeMonths,
  runningTrajectoriesByKind,
  stopsByReason,
  suspensionsByReason,
  trainingRequests,
} from '#db/queries/dashboard-trajectories'
import {
  endOutcomeLabels,
  stopReasonLabels,
  suspensionReasonLabels,
  trainingOutcomeLabels,
  trainingRefusalReasonLabels,
  trajectoryKindLabels,
} from '#domain/trajectory-values'
import { sharedPerSlice } from './per-slice'
import type { Section, StatRow } from './stat-table'

/**
 * Every value of an enumerated list as a row, in the list's order (zeros too, so the region, the previous period and
 * Flanders show the same rows), then a row for counts without a known value when there are any.
 */
function enumRows(labels: Record<string, string>, counts: { key: string | null; count: number }[], unknownLabel?: string): StatRow[] {
  const total = (key: string) => counts.reduce((sum, row) => sum + ((row.key ?? 'unknown') === key ? row.count : 0), 0)
  const rows = Object.entries(labels).map(([key, label]) => ({ key, label, value: total(key) }))
  const unknown = total('unknown')
  return unknownLabel && unknown > 0 ? [...rows, { key: 'unknown', label: unknownLabel, value: unknown }] : rows
}

// The two evaluation tables count the same due days: one query per slice (per-slice.ts).
const evaluationsFor = sharedPerSlice(evaluationsDue)

const evaluationOutcomeLabels = { on_time: 'Op tijd gehouden', late: 'Te laat gehouden', not_held: 'Nog niet gehouden' }

/** The TWE trajectories of the region's clients (issue 13's trajectory, counted as issue 14 asks). */
export const trajectorySection: Section = {
  slug: 'trajecten',
  title: 'Trajecten',
  intro:
    'De TWE-trajecten van cliënten die in de regio wonen: hoeveel er lopen, of de evaluaties op tijd gebeuren, schorsingen en stopzettingen, opleidingen en waar mensen drie maanden na hun traject staan.',
  tables: [
    {
      id: 'trajecten-lopend-per-soort',
      title: 'Lopende trajecten per soort',
      description:
        'Trajecten die ergens in de periode liepen: gestart voor het einde van de periode en niet stopgezet of afgerond voor de eerste dag ervan. Geschorste trajecten tellen mee. Regio: de gemeente waar de cliënt woont.',
      unit: 'aantal',
      compute: async (tx, slice) =>
        enumRows(trajectoryKindLabels, await runningTrajectoriesByKind(tx, slice)),
    },
    {
      id: 'trajecten-evaluaties-vervallen',
      title: 'Evaluaties die vervielen',
      description:
        'Per vervaldag in de periode (tot gisteren): een evaluatie is 6 maanden na de start of na de vorige evaluatie verschuldigd, of op het einde van een fase als dat eerder is. Op tijd = gehouden op of voor de vervaldag. Vervaldagen tijdens een schorsing of na het einde van het traject tellen niet.',
      unit: 'aantal',
      compute: async (tx, slice) => {
        const rows = await evaluationsFor(tx, slice)
        const sum = (field: 'onTime' | 'late' | 'notHeld') => rows.reduce((total, row) => total + row[field], 0)
        return [
          { key: 'on_time', label: evaluationOutcomeLabels.on_time, value: sum('onTime') },
          { key: 'late', label: evaluationOutcomeLabels.late, value: sum('late') },
          { key: 'not_held', label: evaluationOutcomeLabels.not_held, value: sum('notHeld') },
        ]
      },
    },
    {
      id: 'trajecten-evaluaties-op-tijd',
      title: 'Aandeel evaluaties op tijd',
      description:
        'Van de evaluaties die in de periode vervielen (zie de tabel hierboven): het deel dat op of voor de vervaldag gehouden werd, per soort traject. Geen vervallen evaluaties: "–".',
      unit: 'procent',
      compute: async (tx, slice) => {
        const rows = await evaluationsFor(tx, slice)
        const share = (list: typeof rows) => {
          const due = list.reduce((total, row) => total + row.onTime + row.late + row.notHeld, 0)
          return due === 0 ? null : Math.round((1000 * list.reduce((total, row) => total + row.onTime, 0)) / due) / 10
        }
        return [
          ...Object.entries(trajectoryKindLabels).map(([key, label]) => ({ key, label, value: share(rows.filter((row) => row.kind === key)) })),
          { key: 'all', label: 'Alle trajecten', value: share(rows) },
        ]
      },
    },
    {
      id: 'trajecten-schorsingen-per-reden',
      title: 'Schorsingen per reden',
      description: 'Schorsingen die in de periode begonnen, per reden uit de lijst van het formulier.',
      unit: 'aantal',
      compute: async (tx, slice) =>
        enumRows(
          suspensionReasonLabels,
          // Only the form's reasons are shown: any other text (cleared by retention) is counted, never displayed.
          (await suspensionsByReason(tx, slice)).map((row) => ({ key: Object.hasOwn(suspensionReasonLabels, row.reason) ? row.reason : 'unknown', count: row.count })),
          'Reden niet meer gekend (gewist na de bewaartermijn)',
        ),
    },
    {
      id: 'trajecten-stopzettingen-per-reden',
      title: 'Stopzettingen per reden',
      description:
        'Trajecten die in de periode vroegtijdig stopgezet werden (de einddatum), per reden. Afgeronde trajecten, die hun volledige duur liepen, staan hier niet bij.',
      unit: 'aantal',
      compute: async (tx, slice) =>
        enumRows(stopReasonLabels, await stopsByReason(tx, slice), 'Geen reden opgegeven'),
    },
    {
      id: 'trajecten-opleidingsaanvragen',
      title: 'Opleidingsaanvragen',
      description: 'Aanvragen voor een opleiding die in de periode gedaan werden, volgens hoe ver ze vandaag staan.',
      unit: 'aantal',
      compute: async (tx, slice) =>
        enumRows(trainingOutcomeLabels, (await trainingRequests(tx, slice)).map((row) => ({ key: row.outcome, count: row.count }))),
    },
    {
      id: 'trajecten-opleidingen-geweigerd',
      title: 'Geweigerde opleidingen per reden',
      description: 'Van de opleidingsaanvragen in de periode: de geweigerde, per reden uit de lijst van het lerend netwerk.',
      unit: 'aantal',
      compute: async (tx, slice) =>
        enumRows(trainingRefusalReasonLabels, (await trainingRequests(tx, slice)).flatMap((row) => (row.refusalReason ? [{ key: row.refusalReason, count: row.count }] : []))),
    },
    {
      id: 'trajecten-uitstroom-na-3-maanden',
      title: 'Uitstroom 3 maanden na het traject',
      description:
        'Afgeronde en stopgezette trajecten waarvan de opvolgdatum (3 maanden na het einde) in de periode ligt en niet later is dan vandaag, volgens waar de persoon toen stond. Een stopzetting wegens verhuis telt niet: het traject loopt verder in de nieuwe gemeente.',
      unit: 'aantal',
      compute: async (tx, slice) =>
        enumRows(
          { ...endOutcomeLabels, not_recorded: 'Nog niet geregistreerd' },
          (await outflowAfterThreeMonths(tx, slice)).map((row) => ({ key: row.key ?? 'not_recorded', count: row.count })),
        ),
    },
  ],
}
