import type { Tx } from '#db/client'
import { createEmployer, createUser, enterpriseNumberFrom } from './factories'

/**
 * One employer that registered itself and confirmed its e-mail address, but waits for a regional admin: so
 * the admin of Regio Gent finds something in the verification queue on the first start. Its contact has no
 * password, so nobody can log in with it.
 */
export async function seedDemoPendingEmployer(tx: Tx) {
  const { organisation } = await createEmployer(tx, {
    demo: true,
    slug: 'schrijnwerkerij-de-vos',
    name: 'Schrijnwerkerij De Vos bv',
    employerType: 'private',
    enterpriseNumber: enterpriseNumberFrom(6_543_210),
    profile: {
      sector: 'Bouw en hout',
      contactName: 'Lien De Vos',
      contactEmail: 'schrijnwerkerij-de-vos@demo.stapsteen.be',
      contactPhone: '09 234 56 78',
      verificationStatus: 'pending',
      verifiedAt: null,
    },
    sites: [{ municipalityNis: '44021', postcode: '9032', name: 'Werkplaats Wondelgem', street: 'Industrieweg 41' }],
  })
  // createUser leaves emailVerifiedAt at its default (now): the address counts as confirmed.
  await createUser(tx, { email: 'schrijnwerkerij-de-vos@demo.stapsteen.be', name: 'Lien De Vos', role: 'employer', organisationId: organisation.id })
  return organisation
}
