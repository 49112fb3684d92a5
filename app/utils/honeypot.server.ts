import { createHmac, timingSafeEqual } from 'node:crypto'
import { HONEYPOT_STAMP, HONEYPOT_TRAP } from '#app/components/honeypot-fields'
import { db } from '#db/client'
import { sharedSecret } from '#db/queries/settings'
import { logger } from '#core/logger'

/**
 * The honeypot of the public forms (finding 8 of issue 11): a field people never see must come back empty, and
 * the page's stamp (the time it was made, HMAC-signed) must come back unaltered, neither too fresh nor too old.
 * A post without these fields is refused: that is what a script that never loaded the page sends.
 *
 * The bounds: a script posts within milliseconds of fetching the page; a person reads the page first. The
 * quickest person is someone clicking the only button of a page they expected (the intake's start, "confirm my
 * address"), which takes well over a second after the page arrives. The e2e tests are quicker than any person:
 * their quickest post came 660 ms after its page on a busy 2-core machine, and a faster machine shortens that
 * (with JavaScript a step's stamp is renewed by the revalidation right after the previous step). A fifth of a
 * second still refuses the script that posts what it fetched, and leaves the e2e tests a wide margin.
 * A day is long enough for a form left open over lunch or overnight; a harvested stamp stops working after it.
 */
export const MIN_FILL_MS = 200
export const MAX_AGE_MS = 24 * 60 * 60 * 1000

export type HoneypotVerdict = 'ok' | 'missing' | 'trap-filled' | 'forged' | 'too-fast' | 'expired'

// The key is shared through the database so a page made by one web process validates on another.
let key: Promise<string> | undefined
const honeypotKey = () => (key ??= sharedSecret(db(), 'honeypot_key'))
const sign = (secret: string, issuedAt: number) => createHmac('sha256', secret).update(`honeypot ${issuedAt}`).digest()

/** The stamp of a page made at `issuedAt` (milliseconds since 1970): "<time>.<signature>". */
export async function issueStamp(issuedAt = Date.now()) {
  return `${issuedAt}.${sign(await honeypotKey(), issuedAt).toString('base64url')}`
}

export async function honeypotVerdict(formData: FormData, now = Date.now()): Promise<HoneypotVerdict> {
  const trap = formData.get(HONEYPOT_TRAP)
  const stamp = formData.get(HONEYPOT_STAMP)
  if (typeof trap !== 'string' || typeof stamp !== 'string') return 'missing'
  if (trap !== '') return 'trap-filled'
  const [, time, signature] = /^(\d{1,15})\.([\w-]{43})$/.exec(stamp) ?? []
  if (!time || !signature) return 'forged'
  const issuedAt = Number(time)
  if (!timingSafeEqual(Buffer.from(signature, 'base64url'), sign(await honeypotKey(), issuedAt))) return 'forged'
  const age = now - issuedAt
  if (age < MIN_FILL_MS) return 'too-fast'
  return age > MAX_AGE_MS ? 'expired' : 'ok'
}

/** Public forms call this first: anything but a person's submission gets a plain 400. */
export async function checkHoneypot(formData: FormData) {
  const verdict = await honeypotVerdict(formData)
  if (verdict === 'ok') return
  // These two may be a person (a fast hand, a page open for days): counted, so the bounds can be revisited.
  if (verdict === 'too-fast' || verdict === 'expired') logger().info({ honeypot: verdict }, 'public form refused by the honeypot')
  throw new Response('Dit formulier kon niet verwerkt worden.', { status: 400 })
}
