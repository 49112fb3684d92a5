import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/**
 * AES-256-GCM with a 32-byte key: the tag authenticates, so a changed or foreign value fails to open instead of
 * opening to garbage. Used for the intake draft and toast cookies and for a mail's secret until it is delivered.
 */
export function seal(key: Buffer, plain: Buffer): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(plain), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
}

/** Throws when the value was not sealed with this key or was changed. */
export function unseal(key: Buffer, sealed: string): Buffer {
  const bytes = Buffer.from(sealed, 'base64url')
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12))
  decipher.setAuthTag(bytes.subarray(12, 28))
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()])
}

/** The plain value, or undefined when `sealed` is not a value sealed with this key (a cookie changed or forged). */
export function tryUnseal(key: Buffer, sealed: unknown): Buffer | undefined {
  if (typeof sealed !== 'string') return undefined
  try {
    return unseal(key, sealed)
  } catch {
    return undefined
  }
}
