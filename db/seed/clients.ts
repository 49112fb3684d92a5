import { eq, inArray } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { occupations, users } from '#db/schema'
import { createClient } from './factories'

/**
 * Demo clients for the OCMW Gent caseworker, the VDAB bemiddelaar and one of the OCMW cluster (whose trajectory
 * goes to OCMW Gent after a move, db/seed/trajectory-records.ts), with jobdoelwitten the demo placements
 * (db/seed/placements.ts) fit, so "Zoek passende plaatsen" shows something on a first start. Initials and
 * first names are invented; no contact details.
 */
type Demo = {
  caseworker: string
  displayName: string
  firstName?: string
  nis: string
  postcode: string
  /** Dutch ESCO labels, most wanted first. */
  targets: string[]
  competences: string[]
  dutchLevel: 'none' | 'A1' | 'A2' | 'B1' | 'B2' | 'C1'
  maxDistanceKm: number
  hoursAvailable: number
  instruments?: ('TWE_ART60' | 'IBO' | 'BVS' | 'WES' | 'BIS' | 'OS' | 'WIJK_WERKEN')[]
  notes?: string
}

const OCMW = 'begeleider.ocmw@demo.stapsteen.be'
const VDAB = 'bemiddelaar.vdab@demo.stapsteen.be'
const CLUSTER = 'begeleider.cluster@demo.stapsteen.be'

const demos: Demo[] = [
  {
    caseworker: OCMW, displayName: 'K.B.', firstName: 'Kevin', nis: '44021', postcode: '9000', targets: ['magazijnmedewerker', 'keukenhulp'],
    competences: ['Op tijd komen', 'Veilig werken', 'Rijbewijs B'], dutchLevel: 'A1', maxDistanceKm: 25, hoursAvailable: 38, instruments: ['TWE_ART60'],
    notes: 'Wil graag met de handen werken; heeft een fiets.',
  },
  {
    caseworker: OCMW, displayName: 'F.E.', firstName: 'Fatima', nis: '44021', postcode: '9050', targets: ['tuinier', 'medewerker groenvoorziening/medewerkster groenvoorziening'],
    competences: ['Samenwerken in een team', 'Planten herkennen en verzorgen'], dutchLevel: 'A2', maxDistanceKm: 15, hoursAvailable: 38,
  },
  {
    caseworker: OCMW, displayName: 'J.D.', nis: '44021', postcode: '9000', targets: ['bakkerijmedewerker', 'verkoopspecialist brood en banket'],
    competences: ['Instructies opvolgen'], dutchLevel: 'A2', maxDistanceKm: 20, hoursAvailable: 24, instruments: ['TWE_ART60', 'BVS'],
  },
  {
    caseworker: OCMW, displayName: 'M.S.', firstName: 'Marta', nis: '44087', postcode: '9080', targets: ['medewerker linnenkamer'],
    competences: ['Op tijd komen', 'Hygiënisch werken'], dutchLevel: 'B1', maxDistanceKm: 10, hoursAvailable: 25, notes: 'Kan niet in het weekend werken.',
  },
  {
    caseworker: OCMW, displayName: 'L.V.', firstName: 'Lina', nis: '44021', postcode: '9000', targets: ['bakkerijmedewerker'],
    competences: ['Op tijd komen', 'Hygiënisch werken met voeding'], dutchLevel: 'A2', maxDistanceKm: 10, hoursAvailable: 19, instruments: ['TWE_ART60'],
  },
  {
    caseworker: OCMW, displayName: 'Y.B.', firstName: 'Youssef', nis: '44021', postcode: '9040', targets: ['keukenhulp'],
    competences: ['Samenwerken in een team'], dutchLevel: 'A2', maxDistanceKm: 15, hoursAvailable: 38, instruments: ['TWE_ART60'],
  },
  {
    caseworker: CLUSTER, displayName: 'T.W.', firstName: 'Thijs', nis: '44087', postcode: '9080', targets: ['orderpicker', 'magazijnmedewerker'],
    competences: ['Instructies opvolgen', 'Werken met een handscanner'], dutchLevel: 'B1', maxDistanceKm: 20, hoursAvailable: 38, instruments: ['TWE_ART60'],
    notes: 'Verhuist naar Gent, bij zijn zus.',
  },
  {
    caseworker: VDAB, displayName: 'A.Y.', firstName: 'Aylin', nis: '43018', postcode: '9060', targets: ['orderpicker', 'magazijnmedewerker'],
    competences: ['Werken met een handscanner'], dutchLevel: 'none', maxDistanceKm: 30, hoursAvailable: 38, instruments: ['IBO', 'WES'],
  },
  {
    caseworker: VDAB, displayName: 'R.M.', nis: '44013', postcode: '9070', targets: ['keukenhulp', 'medewerker linnenkamer'],
    competences: ['Samenwerken in een team'], dutchLevel: 'A2', maxDistanceKm: 15, hoursAvailable: 25,
  },
]

/** Called by seedDemoIfEmpty after the demo caseworkers exist. */
export async function seedDemoClients(tx: Tx) {
  const caseworkers = await tx.select({ id: users.id, email: users.email, organisationId: users.organisationId }).from(users).where(inArray(users.email, [OCMW, VDAB, CLUSTER]))
  for (const { caseworker, targets, nis, ...demo } of demos) {
    const user = caseworkers.find((c) => c.email === caseworker)
    if (!user) throw new Error(`demo client ${demo.displayName}: unknown caseworker ${caseworker}`)
    const uris = []
    for (const label of targets) {
      const [occupation] = await tx.select({ uri: occupations.uri }).from(occupations).where(eq(occupations.label, label))
      if (!occupation) throw new Error(`demo client ${demo.displayName}: unknown occupation ${label}`)
      uris.push(occupation.uri)
    }
    await createClient(tx, { ...demo, organisationId: user.organisationId, caseworkerUserId: user.id, homeMunicipalityNis: nis, jobTargets: uris })
  }
}
