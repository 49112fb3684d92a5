import { count, eq } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { appSettings, users } from '#db/schema'
import { seedDemoClients } from './clients'
import { seedDemoCompensation } from './compensation'
import { seedDemoPendingEmployer } from './employers'
import { seedDemoImportRuns } from './import-runs'
import { seedDemoSavedSearch } from './saved-searches'
import { seedDemoIntake } from './intake'
import { seedDemoIntakeFigures } from './intake-figures'
import { seedDemoTriage } from './intake-triage'
import { createEmployer, createOrganisation, createUser, enterpriseNumberFrom } from './factories'
import { seedDemoPlacements } from './placements'
import { seedDemoPlacementOutcomes } from './placement-outcomes'
import { seedDemoTrajectoryRecords } from './trajectory-records'
import { seedDemoTrajectories } from './trajectories'

/**
 * Demo data for a first start on localhost: organisations of every type and one login per role. Only runs on a
 * database without any account that never held the demo, so it never touches real data. Every organisation it
 * makes is marked `demo` (and so is everything they own), which is what the "Demo-omgeving" band, the public
 * start's refusal and `npm run demo:remove` go by. All names are invented.
 */
export const DEMO_PASSWORD = 'stapsteen-demo-2026'

export type DemoLogin = { email: string; role: string; organisation: string }

// Set once the demo was made: after `npm run demo:remove` a restart does not bring it back.
export const DEMO_SEEDED_KEY = 'demo_seeded_at'

export async function seedDemoIfEmpty(tx: Tx): Promise<DemoLogin[] | undefined> {
  const [accounts] = await tx.select({ n: count() }).from(users)
  const [seeded] = await tx.select().from(appSettings).where(eq(appSettings.key, DEMO_SEEDED_KEY))
  if ((accounts?.n ?? 0) > 0 || seeded) return undefined
  await tx.insert(appSettings).values({ key: DEMO_SEEDED_KEY, value: new Date().toISOString() })

  const org = (input: Parameters<typeof createOrganisation>[1]) => createOrganisation(tx, { ...input, demo: true })
  const platform = await org({ slug: 'stapsteen-demo', name: 'Stapsteen demoteam', type: 'platform' })
  const ocmwGent = await org({ slug: 'ocmw-gent', name: 'OCMW Gent', type: 'ocmw', municipalities: ['44021'] })
  await org({ slug: 'ocmw-antwerpen', name: 'OCMW Antwerpen', type: 'ocmw', municipalities: ['11002'] })
  const cluster = await org({
    slug: 'ocmw-cluster-kanaalzone',
    name: 'OCMW-cluster Kanaalzone (Zelzate, Lochristi, Destelbergen)',
    type: 'ocmw',
    municipalities: ['43018', '44087', '44013'],
  })
  const vdab = await org({ slug: 'vdab-regio-gent', name: 'VDAB-team Regio Gent', type: 'vdab', regions: ['REFREG13'] })
  const outreach = await org({ slug: 'buurtcentrum-de-brug', name: 'Buurtcentrum De Brug vzw', type: 'outreach_partner', municipalities: ['44021'] })
  const employers = [
    { slug: 'bakkerij-van-damme', name: 'Bakkerij Van Damme bv', employerType: 'private', kbo: 4_123_456, sector: 'Voeding', contact: 'Els Van Damme', sites: [{ municipalityNis: '44021', postcode: '9000', name: 'Bakkerij Gent centrum', street: 'Veldstraat 12' }, { municipalityNis: '11002', postcode: '2000', name: 'Winkel Antwerpen', street: 'Meir 80' }] },
    { slug: 'logistiek-kanaalzone', name: 'Logistiek Kanaalzone nv', employerType: 'private', kbo: 8_765_432, sector: 'Logistiek', contact: 'Karim Bouzid', sites: [{ municipalityNis: '43018', postcode: '9060', name: 'Magazijn Zelzate', street: 'Havenlaan 3' }] },
    { slug: 'stad-gent-groendienst', name: 'Stad Gent – Groendienst', employerType: 'public', kbo: 2_070_077, sector: 'Openbaar groen', contact: 'Tom De Smet', sites: [{ municipalityNis: '44021', postcode: '9050', name: 'Groendienst depot', street: 'Proeftuinstraat 86' }] },
    { slug: 'woonzorgcentrum-ter-linde', name: 'Woonzorgcentrum Ter Linde vzw', employerType: 'nonprofit', kbo: 4_455_667, sector: 'Zorg', contact: 'Marleen Goossens', sites: [{ municipalityNis: '44087', postcode: '9080', name: 'Ter Linde', street: 'Lindenlaan 5' }] },
    { slug: 'maatwerkbedrijf-de-schakel', name: 'Maatwerkbedrijf De Schakel', employerType: 'social_economy', kbo: 4_899_001, sector: 'Sociale economie', contact: 'Ahmed Yilmaz', sites: [{ municipalityNis: '24062', postcode: '3000', name: 'Atelier Leuven', street: 'Vaartkom 2' }] },
  ] as const
  const employerOrgs = []
  for (const e of employers) {
    const { organisation } = await createEmployer(tx, {
      demo: true,
      slug: e.slug,
      name: e.name,
      employerType: e.employerType,
      enterpriseNumber: enterpriseNumberFrom(e.kbo),
      profile: { sector: e.sector, contactName: e.contact, contactEmail: `${e.slug}@demo.stapsteen.be` },
      sites: [...e.sites],
    })
    employerOrgs.push(organisation)
  }
  await seedDemoPendingEmployer(tx)

  await seedDemoCompensation(tx)
  await seedDemoPlacements(tx)
  const people = [
    { email: 'werkgever@demo.stapsteen.be', name: 'Els Van Damme', role: 'employer', organisation: employerOrgs[0]! },
    { email: 'werkgever.publiek@demo.stapsteen.be', name: 'Tom De Smet', role: 'employer', organisation: employerOrgs[2]! },
    { email: 'begeleider.ocmw@demo.stapsteen.be', name: 'Sara Peeters', role: 'caseworker', organisation: ocmwGent },
    { email: 'begeleider.cluster@demo.stapsteen.be', name: 'Jonas Claes', role: 'caseworker', organisation: cluster },
    // The cluster's coordinator: manages its staff (/organisatie/medewerkers), so a demo shows that role too.
    { email: 'coordinator.cluster@demo.stapsteen.be', name: 'Hilde Claeys', role: 'caseworker', organisation: cluster, coordinator: true },
    { email: 'bemiddelaar.vdab@demo.stapsteen.be', name: 'Nadia El Amrani', role: 'caseworker', organisation: vdab },
    { email: 'triage.ocmw@demo.stapsteen.be', name: 'Lotte Maes', role: 'triage_worker', organisation: ocmwGent },
    { email: 'triage.vdab@demo.stapsteen.be', name: 'Pieter Wouters', role: 'triage_worker', organisation: vdab },
    { email: 'outreach@demo.stapsteen.be', name: 'Yusuf Kaya', role: 'outreach_worker', organisation: outreach },
    { email: 'regio.gent@demo.stapsteen.be', name: 'An Verhoeven', role: 'regional_admin', organisation: platform, regions: ['REFREG13'] },
    { email: 'beheer@demo.stapsteen.be', name: 'Bart Jacobs', role: 'platform_admin', organisation: platform },
  ] as const
  const logins: DemoLogin[] = []
  for (const p of people) {
    const regions = 'regions' in p ? [...p.regions] : []
    const coordinator = 'coordinator' in p && p.coordinator
    await createUser(tx, { email: p.email, name: p.name, role: p.role, organisationId: p.organisation.id, password: DEMO_PASSWORD, regions, coordinator })
    logins.push({ email: p.email, role: p.role, organisation: p.organisation.name })
  }
  await seedDemoClients(tx)
  await seedDemoPlacementOutcomes(tx)
  await seedDemoTrajectories(tx)
  await seedDemoTrajectoryRecords(tx)
  await seedDemoImportRuns(tx)
  await seedDemoSavedSearch(tx)
  await seedDemoIntake(tx)
  await seedDemoTriage(tx)
  await seedDemoIntakeFigures(tx)
  return logins
}
