import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { appSettings } from '#db/schema'

/** A secret shared by every web process, made on first use (concurrent first uses agree on one). */
export async function sharedSecret(tx: Tx, key: string): Promise<string> {
  await tx
    .insert(appSettings)
    .values({ key, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing()
  const [row] = await tx.select().from(appSettings).where(eq(appSettings.key, key))
  if (!row) throw new Error(`setting ${key} missing after insert`)
  return row.value
}
