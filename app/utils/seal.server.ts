import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { db } from '~/utils/db.server'
import { sharedSecret } from '../../db/queries/settings'

/**
 * A value only this server can read, for cookies that carry personal data (the intake draft, the toast).
 * Compressed (the field names repeat), then AES-256-GCM: its tag also authenticates, so a changed value opens to
 * nothing. `key` is 32 bytes, from app_settings (`sharedSecret`), one per purpose.
 */
export function seal(key: Buffer, value: unknown): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(deflateRawSync(JSON.stringify(value))), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
}

/** The sealed value, or undefined when it is not one this key sealed. */
export function open(key: Buffer, sealed: unknown): unknown {
  if (typeof sealed !== 'string') return undefined
  try {
    const bytes = Buffer.from(sealed, 'base64url')
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12))
    decipher.setAuthTag(bytes.subarray(12, 28))
    return JSON.parse(inflateRawSync(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()])).toString('utf8'))
  } catch {
    return undefined
  }
}

const secrets = new Map<string, Promise<{ signing: string; key: Buffer }>>()

/** The cookie signing secret and the sealing key named `keyName`, both shared by every web process. */
export function cookieSecrets(keyName: string) {
  let loaded = secrets.get(keyName)
  if (!loaded) {
    loaded = Promise.all([sharedSecret(db(), 'cookie_secret'), sharedSecret(db(), keyName)]).then(([signing, key]) => ({ signing, key: Buffer.from(key, 'base64url') }))
    secrets.set(keyName, loaded)
  }
  return loaded
}
