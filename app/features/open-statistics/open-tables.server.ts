import { employerTypeLabels } from '#domain/placement-values'
import { proposalStatusLabels } from '#domain/proposal-form'
import { destinationLabels } from '#domain/triage-labels'
import { trajectoryKindLabels, trajectoryKinds } from '#domain/trajectory-values'
import { employerTypes, proposalStatuses, triageDestinations } from '#domain/values'
import type { Tx } from '#db/client'
import * as counts from '#db/queries/open-statistics'

/**
 * The tables of the open statistics (issue 14): each counts one kind of record per reference region (the rows,
 * always all 15) and one category (the columns), for one closed quarter. Ids, column keys and labels are what
 * the CSV and JSON carry, and docs/open-data.md explains each one (tests/integration/open-data-dictionary.test.ts
 * keeps them identical).
 */
export type OpenColumn = { key: string; label: string }

export type OpenTableSpec = {
  id: string
  title: string
  description: string
  columns: readonly OpenColumn[]
  count: (tx: Tx, quarter: counts.Quarter) => Promise<counts.RegionCount[]>
}

const columnsOf = <K extends string>(keys: readonly K[], label: (key: K) => string): OpenColumn[] => keys.map((key) => ({ key, label: label(key) }))

const received = 'ontvangen in het kwartaal (Belgische tijd), per regio van de gemeente van de inwoner; ook geanonimiseerde, gewiste tellen niet'

const intakesByDestination: OpenTableSpec = {
  id: 'aanmeldingen-bestemming',
  title: 'Aanmeldingen per referentieregio en voorgestelde bestemming',
  description: `Aanmeldingen van inwoners ${received}, volgens de bestemming die de triageregels voorstelden.`,
  columns: columnsOf(triageDestinations, (key) => destinationLabels[key]),
  count: counts.intakesByRegionAndDestination,
}

const wayInLabels = { direct: 'Rechtstreeks', channel: 'Via een partnerkanaal', assisted: 'Met hulp van een outreachwerker' }

const intakesByWayIn: OpenTableSpec = {
  id: 'aanmeldingen-instroom',
  title: 'Aanmeldingen per referentieregio en manier van aanmelden',
  description: `Aanmeldingen van inwoners ${received}: rechtstreeks, via de link of affiche van een outreachpartner, of samen met een outreachwerker.`,
  columns: columnsOf(['direct', 'channel', 'assisted'] as const, (key) => wayInLabels[key]),
  count: counts.intakesByRegionAndWayIn,
}

const handOverLabels = { accepted: 'Aanvaard', declined: 'Geweigerd', pending: 'Nog open' }

const handOvers: OpenTableSpec = {
  id: 'warme-overdrachten',
  title: 'Warme overdrachten per referentieregio en uitkomst',
  description:
    'Warme overdrachten van een aanmelding naar een andere organisatie, verstuurd in het kwartaal, per regio van de gemeente van de inwoner, met de uitkomst op de laatste dag van het kwartaal.',
  columns: columnsOf(['accepted', 'declined', 'pending'] as const, (key) => handOverLabels[key]),
  count: counts.handOversByRegionAndOutcome,
}

const placementsByEmployerType: OpenTableSpec = {
  id: 'werkplekken-werkgeverstype',
  title: 'Gepubliceerde werkplekken per referentieregio en type werkgever',
  description:
    'Werkervaringsplaatsen die in het kwartaal gepubliceerd werden, per regio van de gemeente van de werkplek en het type werkgever (privé apart, voor de 8 %-basislijn van de TWE-evaluatie). Werkplekken van een organisatie zonder werkgeverstype tellen niet.',
  columns: columnsOf(employerTypes, (key) => employerTypeLabels[key].label),
  count: counts.placementsByRegionAndEmployerType,
}

const proposalsByOutcome: OpenTableSpec = {
  id: 'voorstellen-uitkomst',
  title: 'Voorstellen aan werkgevers per referentieregio en uitkomst',
  description:
    'Voorstellen van een kandidaat voor een werkplek, verstuurd in het kwartaal, per regio van de gemeente van de werkplek, met de uitkomst op de laatste dag van het kwartaal.',
  columns: columnsOf(proposalStatuses, (key) => proposalStatusLabels[key]),
  count: counts.proposalsByRegionAndOutcome,
}

const trajectoriesByKind: OpenTableSpec = {
  id: 'trajecten-soort',
  title: 'Gestarte TWE-trajecten per referentieregio en soort',
  description: 'Trajecten tijdelijke werkervaring met een startdatum in het kwartaal, per regio van de woonplaats van de cliënt en de soort traject.',
  columns: columnsOf(trajectoryKinds, (key) => trajectoryKindLabels[key]),
  count: counts.trajectoriesByRegionAndKind,
}

/**
 * The tables in publishing order, grouped: the tables of one group count the same records per region, so they
 * share their row totals and are suppressed as one system (domain/suppression-shared.ts, ADR 0015).
 */
export const openTableGroups: readonly (readonly OpenTableSpec[])[] = [
  [intakesByDestination, intakesByWayIn],
  [handOvers],
  [placementsByEmployerType],
  [proposalsByOutcome],
  [trajectoriesByKind],
]

export const openTables = openTableGroups.flat()
