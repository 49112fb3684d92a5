import { Honeypot } from 'remix-utils/honeypot/server'
import { db } from '../../db/client'
import { sharedSecret } from '../../db/queries/settings'

// The seed is shared through the database so a form rendered by one web process validates on another.
let instance: Promise<Honeypot> | undefined
const honeypot = () =>
  (instance ??= sharedSecret(db(), 'honeypot_seed').then((encryptionSeed) => new Honeypot({ encryptionSeed })))

export const honeypotInputProps = async () => (await honeypot()).getInputProps()

/** Public forms call this first: a filled-in hidden field means a bot, which gets a plain 400. */
export async function checkHoneypot(formData: FormData) {
  const pot = await honeypot()
  try {
    pot.check(formData)
  } catch {
    // A SpamError, or a garbled timestamp crypto-js cannot decode ("Malformed UTF-8 data"): not our page's form.
    throw new Response('Dit formulier kon niet verwerkt worden.', { status: 400 })
  }
}
