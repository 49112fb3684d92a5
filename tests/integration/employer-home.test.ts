import { describe, expect, it } from 'vitest'
import { signIn } from '#app/auth/session.server'
import { loader } from '#app/routes/werkgever+/_index'
import { db } from '#db/client'
import { occupations, placements } from '#db/schema'
import { createEmployer, createUser } from '#db/seed/factories'

/** Issue 16: a new employer's home says where the region's verification stands and what to do next. */
const BASE = 'http://localhost'
const context = { requestId: 'employer-home-test', clientIp: '127.0.0.1' }

async function employerHome(profile: { verificationStatus: 'pending' | 'verified' | 'rejected'; verificationReason?: string }, placementCount = 0) {
  const { organisation, sites } = await createEmployer(db(), { profile })
  const [occupation] = await db().select({ uri: occupations.uri }).from(occupations).limit(1)
  for (let n = 0; n < placementCount; n++) {
    await db().insert(placements).values({
      organisationId: organisation.id,
      siteId: sites[0]!.id,
      title: `Plaats ${n}`,
      occupationUri: occupation!.uri,
      description: 'Meehelpen.',
      municipalityNis: '44021',
      lat: 51.05,
      lon: 3.72,
      hoursPerWeek: 19,
      places: 1,
      dutchLevel: 'A2',
      instruments: ['TWE_ART60'],
      status: 'draft',
    })
  }
  const user = await createUser(db(), { organisationId: organisation.id, role: 'employer' })
  const cookie = (await signIn(new Request(`${BASE}/inloggen`), user.id, 'password', '/werkgever')).headers.get('Set-Cookie')!.split(';')[0]!
  const response = await loader({ request: new Request(`${BASE}/werkgever`, { headers: { Cookie: cookie } }), params: {}, context })
  expect(response.status).toBe(200)
  const { verification, reason, nextStep } = await response.json()
  return { verification, reason, nextStep }
}

describe('the employer’s home', () => {
  it('of a new employer: waiting for the region, and the first placement as the next step', async () => {
    expect(await employerHome({ verificationStatus: 'pending' })).toEqual({ verification: 'pending', reason: null, nextStep: 'first-placement' })
  })

  it('of an approved employer without placements: approved, and the first placement as the next step', async () => {
    expect(await employerHome({ verificationStatus: 'verified' })).toEqual({ verification: 'verified', reason: null, nextStep: 'first-placement' })
  })

  it('offers no first placement once one exists, approved or not', async () => {
    expect(await employerHome({ verificationStatus: 'verified' }, 1)).toEqual({ verification: 'verified', reason: null, nextStep: null })
    expect(await employerHome({ verificationStatus: 'pending' }, 2)).toEqual({ verification: 'pending', reason: null, nextStep: null })
  })

  it('of a refused employer: the reason, and fixing the details instead of a placement', async () => {
    const home = await employerHome({ verificationStatus: 'rejected', verificationReason: 'Het ondernemingsnummer hoort bij een ander bedrijf.' })
    expect(home).toEqual({ verification: 'rejected', reason: 'Het ondernemingsnummer hoort bij een ander bedrijf.', nextStep: 'fix-details' })
  })
})
