import { eq } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { createSavedSearch } from '#db/queries/saved-searches'
import { users } from '#db/schema'

/**
 * A search the demo OCMW caseworker saved (its e-mail alerts off: a demo mails nobody unasked), so that /begeleider/bewaard shows its table in
 * a demo (and the page sweep checks that table at 390 px; a long name once made the page 632 px wide). Called by
 * seedDemoIfEmpty after the demo accounts exist.
 */
export async function seedDemoSavedSearch(tx: Tx) {
  const [caseworker] = await tx
    .select({ id: users.id, organisationId: users.organisationId })
    .from(users)
    .where(eq(users.email, 'begeleider.ocmw@demo.stapsteen.be'))
  if (!caseworker) throw new Error('The demo OCMW caseworker must exist before the demo saved search.')
  await createSavedSearch(tx, caseworker, { name: 'Magazijn en logistiek voor cliënten met een artikel 60-traject', query: 'q=magazijn&maatregel=TWE_ART60', alert: false }, [])
}
