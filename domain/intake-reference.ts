/**
 * Reference codes the resident reads over the phone ("STP-4K7Q-9MZD"): no 0/O, 1/I/L, so nothing is
 * ambiguous, and 31⁸ ≈ 8.5 × 10¹¹ codes, so a collision is rare (the unique column catches it; submit retries).
 */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const REFERENCE_PATTERN = new RegExp(`^STP-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`)

// 248 = 8 × 31: bytes from 248 up are drawn again, so every character is equally likely.
const UNBIASED_LIMIT = 256 - (256 % REFERENCE_ALPHABET.length)

export function generateReference(randomBytes: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const chars: string[] = []
  while (chars.length < 8) {
    for (const byte of randomBytes(16)) {
      if (byte < UNBIASED_LIMIT && chars.length < 8) chars.push(REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length]!)
    }
  }
  return `STP-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`
}
