import type { dutchLevels, instruments, placementStatuses, schedules, supportKinds } from './values'
import type { employerTypes } from './values'

/**
 * Dutch words for the value lists of a placement, each with a plain explanation where people need one. The
 * explanations name "de werkgever" rather than "u": the same words show on the employer's form, on the public
 * placement page and to caseworkers.
 */
type Labelled<T extends string> = Record<T, { label: string; help?: string }>

export const instrumentLabels: Labelled<(typeof instruments)[number]> = {
  TWE_ART60: { label: 'TWE met artikel 60§7-contract', help: 'Het OCMW neemt de persoon in dienst en stelt hem of haar tewerk bij de werkgever.' },
  IBO: { label: 'IBO', help: 'Individuele beroepsopleiding: VDAB-opleiding op de werkvloer, waarna de werkgever de persoon in dienst neemt.' },
  BVS: { label: 'BVS', help: 'Beroepsverkennende stage: een korte stage om een beroep te leren kennen.' },
  WES: { label: 'WES', help: 'Werkervaringsstage: werkervaring opdoen onder begeleiding, zonder arbeidscontract bij de werkgever.' },
  BIS: { label: 'BIS', help: 'Beroepsinlevingsstage: een stage met een stagevergoeding die de werkgever betaalt.' },
  OS: { label: 'OS', help: 'Opleidingsstage: het praktijkgedeelte van een VDAB-opleiding.' },
  WIJK_WERKEN: { label: 'Wijk-werken', help: 'Een paar uur per week klussen in de buurt, met een kleine vergoeding per uur.' },
}

export const dutchLevelLabels: Labelled<(typeof dutchLevels)[number]> = {
  none: { label: 'Geen Nederlands nodig', help: 'Het werk kan met gebaren, voorbeelden of in een andere taal.' },
  A1: { label: 'A1 – eerste woorden', help: 'Begrijpt eenvoudige woorden en korte zinnen, zoals "neem die doos".' },
  A2: { label: 'A2 – eenvoudige gesprekken', help: 'Kan over gewone dingen praten en eenvoudige instructies volgen.' },
  B1: { label: 'B1 – zelfstandig', help: 'Kan de meeste werkinstructies begrijpen en uitleggen wat er misloopt.' },
  B2: { label: 'B2 – vlot', help: 'Kan vlot praten met klanten en collega\'s en werkteksten lezen.' },
  C1: { label: 'C1 – zeer goed', help: 'Kan moeilijke teksten lezen en schrijven, zoals verslagen.' },
}

export const scheduleLabels: Labelled<(typeof schedules)[number]> = {
  day: { label: 'Overdag' },
  evening: { label: '\'s Avonds' },
  night: { label: '\'s Nachts' },
  weekend: { label: 'In het weekend' },
  shifts: { label: 'In ploegen' },
}

export const supportLabels: Labelled<(typeof supportKinds)[number]> = {
  mentor: { label: 'Een vaste mentor op de werkvloer' },
  training_on_the_job: { label: 'Opleiding op de werkvloer' },
  onboarding: { label: 'Een onthaal- en inwerkprogramma' },
  public_transport: { label: 'Openbaar vervoer in de buurt' },
  wheelchair_accessible: { label: 'Toegankelijk met een rolstoel' },
  childcare_friendly_hours: { label: 'Uren die passen bij kinderopvang en school' },
}

export const statusLabels: Labelled<(typeof placementStatuses)[number]> = {
  draft: { label: 'Ontwerp' },
  submitted: { label: 'Ingediend', help: 'Wordt zichtbaar zodra uw organisatie geverifieerd is.' },
  published: { label: 'Gepubliceerd' },
  paused: { label: 'Gepauzeerd' },
  filled: { label: 'Ingevuld' },
  closed: { label: 'Afgesloten' },
}

export const employerTypeLabels: Labelled<(typeof employerTypes)[number]> = {
  private: { label: 'Privébedrijf' },
  public: { label: 'Openbaar bestuur' },
  nonprofit: { label: 'Vzw / social profit' },
  social_economy: { label: 'Sociale economie' },
}

/** Competences most placements build; employers tick these and may add their own. */
export const genericCompetences = [
  'Op tijd komen',
  'Samenwerken in een team',
  'Instructies opvolgen',
  'Veilig werken',
  'Nederlands op de werkvloer',
] as const
