import { db } from './db.server'
import { sharedSecret } from '#db/queries/settings'

const secrets = new Map<string, Promise<{ signing: string; key: Buffer }>>()

/**
 * For a cookie that is signed and sealed (core/sealed.ts): the cookie signing secret and the 32-byte sealing
 * key named `keyName` (one per purpose), both from app_settings so every web process reads the same cookies.
 */
export function cookieSecrets(keyName: string) {
  let loaded = secrets.get(keyName)
  if (!loaded) {
    loaded = Promise.all([sharedSecret(db(), 'cookie_secret'), sharedSecret(db(), keyName)]).then(([signing, key]) => ({ signing, key: Buffer.from(key, 'base64url') }))
    secrets.set(keyName, loaded)
  }
  return loaded
}
