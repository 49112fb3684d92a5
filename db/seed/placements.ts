import { and, eq } from 'drizzle-orm'
import type { PlacementInput } from '#domain/placement-form'
import { genericCompetences } from '#domain/placement-values'
import type { Tx } from '#db/client'
import { changePlacementStatus } from '#db/queries/placement-lifecycle'
import { createPlacement } from '#db/queries/placements'
import { employerSites, occupations, organisations } from '#db/schema'

/**
 * Demo placements for the verified demo employers, so the public list, the employer pages and matching have
 * something to show on a first start. Occupations are looked up by their Dutch ESCO label (the reference data
 * is loaded before the seed), so the URIs are real. All texts are invented.
 */
type Demo = Omit<PlacementInput, 'siteId' | 'occupationUri' | 'startDate' | 'fullUntil'> & {
  employer: string
  site: string
  occupation: string
  draft?: true
}

const [onTime, teamwork, instructions, safety, dutch] = genericCompetences

const demos: Demo[] = [
  {
    employer: 'bakkerij-van-damme', site: 'Bakkerij Gent centrum', occupation: 'bakkerijmedewerker', title: 'Hulp in de bakkerij',
    description: 'U helpt ons team in het bakhuis: deeg afwegen, broodjes vormen, ovens laden en alles proper houden. We werken vroeg, maar u bent om de middag thuis.',
    tasks: ['Deeg afwegen en vormen', 'Bakplaten klaarzetten en ovens laden', 'Het bakhuis en de machines reinigen'],
    competences: [onTime, instructions, safety, 'Hygiënisch werken met voeding'],
    hoursPerWeek: 19, schedule: ['day'], places: 2, dutchLevel: 'A2', support: ['mentor', 'training_on_the_job', 'public_transport'], instruments: ['TWE_ART60', 'IBO', 'BVS'],
  },
  {
    employer: 'bakkerij-van-damme', site: 'Winkel Antwerpen', occupation: 'verkoopspecialist brood en banket', title: 'Verkoper in onze bakkerswinkel',
    description: 'Klanten helpen aan de toonbank, brood snijden en inpakken, afrekenen aan de kassa en de winkel mooi aangevuld houden.',
    tasks: ['Klanten bedienen aan de toonbank', 'Brood snijden en inpakken', 'Afrekenen aan de kassa', 'Rekken aanvullen'],
    competences: [onTime, teamwork, dutch, 'Met een kassa werken'],
    hoursPerWeek: 30, schedule: ['day', 'weekend'], places: 1, dutchLevel: 'B1', support: ['mentor', 'onboarding', 'public_transport'], instruments: ['TWE_ART60', 'IBO', 'WES'],
  },
  {
    employer: 'bakkerij-van-damme', site: 'Bakkerij Gent centrum', occupation: 'bakker', title: 'Bakker in opleiding (nachtploeg)', draft: true,
    description: 'Nog in voorbereiding: leren bakken van brood en koffiekoeken in de nachtploeg, samen met onze meesterbakker.',
    tasks: ['Deeg maken volgens recept', 'Brood en koffiekoeken bakken'],
    competences: [onTime, safety],
    hoursPerWeek: 38, schedule: ['night'], places: 1, dutchLevel: 'A2', support: ['mentor'], instruments: ['IBO'],
  },
  {
    employer: 'logistiek-kanaalzone', site: 'Magazijn Zelzate', occupation: 'magazijnmedewerker', title: 'Magazijnmedewerker',
    description: 'Goederen ontvangen, nakijken en op de juiste plaats in het magazijn zetten. U werkt met een handscanner en leert een transpallet besturen.',
    tasks: ['Leveringen ontvangen en nakijken', 'Goederen stockeren met een handscanner', 'Het magazijn ordelijk houden'],
    competences: [instructions, safety, teamwork, 'Werken met een handscanner'],
    hoursPerWeek: 38, schedule: ['day'], places: 3, dutchLevel: 'A1', support: ['training_on_the_job', 'onboarding'], instruments: ['TWE_ART60', 'IBO', 'WES', 'BIS'],
  },
  {
    employer: 'logistiek-kanaalzone', site: 'Magazijn Zelzate', occupation: 'orderpicker', title: 'Orderpicker in ploegen',
    description: 'Bestellingen verzamelen in het magazijn, inpakken en klaarzetten voor de vrachtwagens. Vroege of late ploeg, afwisselend per week.',
    tasks: ['Bestellingen verzamelen volgens de picklijst', 'Pakketten inpakken en labelen', 'Paletten klaarzetten voor verzending'],
    competences: [onTime, instructions, safety],
    hoursPerWeek: 30, schedule: ['shifts'], places: 4, dutchLevel: 'none', support: ['training_on_the_job', 'public_transport'], instruments: ['TWE_ART60', 'BVS', 'WES'],
  },
  {
    employer: 'stad-gent-groendienst', site: 'Groendienst depot', occupation: 'medewerker groenvoorziening/medewerkster groenvoorziening', title: 'Groenarbeider parken en plantsoenen',
    description: 'Met een ploeg van de groendienst onderhoudt u parken en plantsoenen in Gent: maaien, snoeien, bladeren ruimen en perken beplanten.',
    tasks: ['Gras maaien en bladeren ruimen', 'Hagen en struiken snoeien', 'Perken beplanten'],
    competences: [teamwork, safety, onTime, 'Werken met tuingereedschap'],
    hoursPerWeek: 38, schedule: ['day'], places: 2, dutchLevel: 'A1', support: ['mentor', 'onboarding'], instruments: ['TWE_ART60', 'WES', 'WIJK_WERKEN'],
  },
  {
    employer: 'stad-gent-groendienst', site: 'Groendienst depot', occupation: 'tuinier', title: 'Tuinier in de stadskwekerij',
    description: 'In de kwekerij van de stad kweekt u planten voor de parken: zaaien, verspenen, water geven en planten klaarmaken voor het uitplanten.',
    tasks: ['Zaaien en verspenen', 'Planten water geven en verzorgen', 'Planten klaarzetten voor de ploegen'],
    competences: [instructions, safety, 'Planten herkennen en verzorgen'],
    hoursPerWeek: 19.5, schedule: ['day'], places: 1, dutchLevel: 'A2', support: ['mentor', 'childcare_friendly_hours', 'wheelchair_accessible'], instruments: ['TWE_ART60', 'BVS', 'WIJK_WERKEN'],
  },
  {
    employer: 'woonzorgcentrum-ter-linde', site: 'Ter Linde', occupation: 'medewerker linnenkamer', title: 'Logistiek assistent linnen en voorraad',
    description: 'U zorgt dat bewoners en verpleging altijd proper linnen en voldoende materiaal hebben: sorteren, plooien, rondbrengen en de voorraad aanvullen.',
    tasks: ['Linnen sorteren en plooien', 'Linnen en materiaal rondbrengen op de afdelingen', 'De voorraad tellen en aanvullen'],
    competences: [onTime, dutch, instructions, 'Hygiënisch werken'],
    hoursPerWeek: 25, schedule: ['day', 'weekend'], places: 1, dutchLevel: 'A2', support: ['mentor', 'wheelchair_accessible', 'childcare_friendly_hours'], instruments: ['TWE_ART60', 'WES'],
  },
  {
    employer: 'woonzorgcentrum-ter-linde', site: 'Ter Linde', occupation: 'keukenhulp', title: 'Keukenhulp in het woonzorgcentrum',
    description: 'U helpt de koks bij het klaarmaken van de maaltijden voor onze bewoners: groenten snijden, borden opdienen, afwassen en de keuken opruimen.',
    tasks: ['Groenten en fruit voorbereiden', 'Maaltijden mee opdienen', 'Afwassen en de keuken opruimen'],
    competences: [teamwork, safety, 'Hygiënisch werken met voeding'],
    hoursPerWeek: 19, schedule: ['day', 'evening'], places: 2, dutchLevel: 'A1', support: ['mentor', 'training_on_the_job'], instruments: ['TWE_ART60', 'IBO', 'BVS'],
  },
  {
    employer: 'maatwerkbedrijf-de-schakel', site: 'Atelier Leuven', occupation: 'inpakker met de hand', title: 'Medewerker inpak en assemblage',
    description: 'In ons atelier pakken we producten in voor klanten en zetten we eenvoudige onderdelen in elkaar. Rustig tempo, met een vaste begeleider.',
    tasks: ['Producten tellen en inpakken', 'Eenvoudige onderdelen monteren', 'Dozen labelen en stapelen'],
    competences: [instructions, teamwork, onTime],
    hoursPerWeek: 24, schedule: ['day'], places: 5, dutchLevel: 'none', support: ['mentor', 'training_on_the_job', 'public_transport', 'wheelchair_accessible'], instruments: ['TWE_ART60', 'BVS', 'OS'],
  },
  {
    employer: 'maatwerkbedrijf-de-schakel', site: 'Atelier Leuven', occupation: 'fietsenmaker', title: 'Fietshersteller in het fietsatelier',
    description: 'U herstelt tweedehandsfietsen die we daarna verkopen of uitlenen: banden plakken, remmen en verlichting nakijken, kettingen vervangen.',
    tasks: ['Banden plakken en vervangen', 'Remmen en verlichting nakijken', 'Fietsen poetsen en klaarzetten voor verkoop'],
    competences: [safety, instructions, 'Met gereedschap werken'],
    hoursPerWeek: 30, schedule: ['day'], places: 2, dutchLevel: 'A1', support: ['mentor', 'training_on_the_job', 'public_transport'], instruments: ['TWE_ART60', 'IBO', 'OS', 'WES'],
  },
]

async function find(tx: Tx, demo: Demo) {
  const [site] = await tx
    .select({ organisationId: organisations.id, siteId: employerSites.id })
    .from(employerSites)
    .innerJoin(organisations, eq(organisations.id, employerSites.organisationId))
    .where(and(eq(organisations.slug, demo.employer), eq(employerSites.name, demo.site)))
  const [occupation] = await tx.select({ uri: occupations.uri }).from(occupations).where(eq(occupations.label, demo.occupation))
  if (!site || !occupation) throw new Error(`demo placement "${demo.title}": unknown site or occupation`)
  return { ...site, occupationUri: occupation.uri }
}

/** Called by seedDemoIfEmpty after the demo employers (with their sites) exist. */
export async function seedDemoPlacements(tx: Tx) {
  for (const demo of demos) {
    const { employer: _employer, site: _site, occupation: _occupation, draft, ...values } = demo
    const { organisationId, siteId, occupationUri } = await find(tx, demo)
    const actor = { organisationId, actorUserId: null }
    const id = await createPlacement(tx, actor, { ...values, siteId, occupationUri, startDate: null, fullUntil: null })
    if (!draft) await changePlacementStatus(tx, { placementId: id, organisationId, to: 'published', actorUserId: null, note: 'Demo-gegevens' })
  }
}
