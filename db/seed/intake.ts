import { eq } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { intakeChannels, organisations } from '#db/schema'

/** The demo outreach channel: Buurtcentrum De Brug's link /aanmelden/k/debrug (Dutch form by default). */
export async function seedDemoIntake(tx: Tx) {
  const [brug] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'buurtcentrum-de-brug'))
  if (!brug) throw new Error('seedDemoIntake needs the organisation buurtcentrum-de-brug')
  await tx.insert(intakeChannels).values({ code: 'debrug', organisationId: brug.id, name: 'Onthaal Buurtcentrum De Brug', language: 'nl' })
}
