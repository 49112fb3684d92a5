import { randomBytes } from 'node:crypto'
import { HONEYPOT_STAMP, HONEYPOT_TRAP } from '#app/components/honeypot-fields'
import { issueStamp, MIN_FILL_MS } from '#app/utils/honeypot.server'
import { db } from '#db/client'
import { createOrganisation, createUser, enterpriseNumberFrom } from '#db/seed/factories'

/** Shared by the tests of the public forms (honeypot, rate limits, registration). */
const unique = () => randomBytes(4).toString('hex')

/**
 * The honeypot's fields as a person's browser sends them: the trap empty, and the stamp of a page that was shown
 * a moment ago (a test posts at once, faster than the honeypot lets anyone).
 */
export async function personsHoneypot(): Promise<Record<string, string>> {
  return { [HONEYPOT_TRAP]: '', [HONEYPOT_STAMP]: await issueStamp(Date.now() - 2 * MIN_FILL_MS) }
}

/** The fields of /werkgever-worden as a browser sends them: a valid registration with a KBO number of its own. */
export const registrationFields = (contactEmail = `an-${unique()}@example.test`) => ({
  organisationName: `Bakkerij ${unique()}`,
  enterpriseNumber: enterpriseNumberFrom(Number.parseInt(randomBytes(3).toString('hex'), 16) % 20_000_000),
  employerType: 'private',
  sector: 'Voeding',
  contactName: 'An Peeters',
  contactEmail,
  password: 'een lange zin als wachtwoord',
  passwordConfirm: 'een lange zin als wachtwoord',
  'sites[0].name': 'Winkel Gent',
  'sites[0].street': 'Veldstraat 12',
  'sites[0].postcode': '9000',
})

/** An employer who registered and has not confirmed the address yet. */
export async function unconfirmedEmployer() {
  const organisation = await createOrganisation(db(), { type: 'employer' })
  return createUser(db(), { organisationId: organisation.id, role: 'employer', email: `wacht-${unique()}@example.test`, emailVerifiedAt: null })
}
