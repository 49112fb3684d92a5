/**
 * A curated list of work-related ICF categories (activities and participation, the d-codes) for the final report of
 * a TWE trajectory: the shared vocabulary the TWE framework asks for. The selection is ours; the codes and their
 * titles are WHO's and are not ours to reword.
 *
 * Source: World Health Organization, International Classification of Functioning, Disability and Health (ICF),
 * Geneva 2001; Dutch titles from "ICF. Nederlandse vertaling van de International Classification of Functioning,
 * Disability and Health", WHO-FIC Collaborating Centre in the Netherlands, RIVM, Bilthoven 2002. See
 * db/reference/SOURCES.md for what was checked and how.
 */
export const icfCodes = [
  'd155',
  'd175',
  'd210',
  'd220',
  'd230',
  'd240',
  'd310',
  'd350',
  'd710',
  'd720',
  'd740',
  'd825',
  'd845',
  'd850',
  'd855',
] as const

export type IcfCode = (typeof icfCodes)[number]

const titles: Record<IcfCode, string> = {
  // Chapter 1, learning and applying knowledge
  d155: 'Verwerven van vaardigheden',
  d175: 'Oplossen van problemen',
  // Chapter 2, general tasks and demands
  d210: 'Ondernemen van een enkelvoudige taak',
  d220: 'Ondernemen van meervoudige taken',
  d230: 'Uitvoeren van de dagelijkse routine',
  d240: 'Omgaan met stress en andere mentale eisen',
  // Chapter 3, communication
  d310: 'Communiceren als ontvanger van gesproken boodschappen',
  d350: 'Conversatie',
  // Chapter 7, interpersonal interactions and relationships
  d710: 'Basale tussenmenselijke interacties',
  d720: 'Complexe tussenmenselijke interacties',
  d740: 'Formele relaties',
  // Chapter 8, major life areas: education, work and employment
  d825: 'Beroepsopleiding',
  d845: 'Verwerven, behouden en beëindigen van een baan',
  d850: 'Betaald werk',
  d855: 'Onbetaald werk',
}

export const isIcfCode = (value: string): value is IcfCode => (icfCodes as readonly string[]).includes(value)

export const icfTitle = (code: IcfCode): string => titles[code]

/**
 * ICF's generic qualifier for activities and participation (the extent of a problem in performance): 0 no problem to
 * 4 complete problem, in the Dutch edition's words. The final report rates each listed code it assessed.
 */
export const icfQualifiers = ['0', '1', '2', '3', '4'] as const
export type IcfQualifier = (typeof icfQualifiers)[number]
export const icfQualifierLabels: Record<IcfQualifier, string> = {
  '0': 'Geen probleem',
  '1': 'Licht probleem',
  '2': 'Matig probleem',
  '3': 'Ernstig probleem',
  '4': 'Volledig probleem',
}
