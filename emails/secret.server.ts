import { db, type Tx } from '#db/client'
import { sharedSecret } from '#db/queries/settings'
import { seal, unseal } from '#core/sealed'
import type { RenderedEmail } from './render.server'
import { type TemplateId, templates } from './templates'

/**
 * A mail's link secret (a set-password, confirmation or status token) never rests in its stored body: the body
 * holds this mark where the token was, and the token waits sealed in the row until the delivery job puts it back
 * for the transport. Should a name in the mail happen to contain the mark, the token shows up there too, but
 * only to its own owner: these mails go to the person the secret belongs to.
 */
export const SECRET_MARK = '[verborgen]'

// As newSecret() makes them: long enough never to match other text, and nothing HTML or a URL would escape.
const TOKEN = /^[\w-]{32,}$/

type Body = Pick<RenderedEmail, 'html' | 'text'>

// Read in the caller's transaction (on its connection) and not cached: should that transaction be the one that
// makes the key and then roll back, the key goes together with the only secret sealed with it.
const key = async (tx: Tx) => Buffer.from(await sharedSecret(tx, 'mail_secret_key'), 'base64url')

/** The rendered mail with its secret replaced by the mark, and the secret sealed; refuses a mail that would leak it. */
export async function hideSecret(tx: Tx, template: TemplateId, rendered: RenderedEmail, secret: string | undefined) {
  if (!templates[template].carriesSecret) {
    if (secret !== undefined) throw new Error(`Email "${template}" carries no secret.`)
    return { ...rendered, sealedSecret: null }
  }
  if (secret === undefined || !TOKEN.test(secret)) throw new Error(`Email "${template}" needs its link's token as secret.`)
  // A template that dropped or encoded the link would otherwise keep the token in clear, or lose it.
  if (!rendered.html.includes(secret) || !rendered.text.includes(secret) || rendered.subject.includes(secret)) {
    throw new Error(`Email "${template}" must show its secret in the link of both bodies, and nowhere in the subject.`)
  }
  return {
    subject: rendered.subject,
    html: rendered.html.replaceAll(secret, SECRET_MARK),
    text: rendered.text.replaceAll(secret, SECRET_MARK),
    sealedSecret: seal(await key(tx), Buffer.from(secret)),
  }
}

/** The body as the recipient gets it: the same every attempt, so a provider's idempotency check accepts a retry. */
export async function revealSecret(body: Body, sealedSecret: string | null): Promise<Body> {
  if (!sealedSecret) return body
  const secret = unseal(await key(db()), sealedSecret).toString()
  return { html: body.html.replaceAll(SECRET_MARK, secret), text: body.text.replaceAll(SECRET_MARK, secret) }
}
