import { createHash, randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

// argon2id with the OWASP-recommended minimum (19 MiB, 2 iterations, 1 lane).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const hashPassword = (password: string) => hash(password, ARGON2)

export async function verifyPassword(storedHash: string | null, password: string) {
  // Without a stored hash we still spend the same work, so response time does not reveal which accounts exist.
  if (!storedHash) {
    await hash(password, ARGON2)
    return false
  }
  try {
    return await verify(storedHash, password)
  } catch {
    return false
  }
}

/** A secret for a cookie, a reset link or an API token: 256 bits, URL-safe. */
export const newSecret = () => randomBytes(32).toString('base64url')

/** Only this digest of a secret is stored: enough to recognise it, useless to a thief of the database. */
export const digest = (secret: string) => createHash('sha256').update(secret).digest('hex')
