import type { Tx } from '#db/client'
import { audit } from '#db/queries/audit'
import { insertApiToken } from '#db/queries/auth'
import { digest, newSecret } from '#core/crypto.server'

/**
 * A new API bearer token for a user, made by `npm run token:create` or on their account page. Only its digest is
 * stored: the token itself is shown once, to the one who asked for it.
 */
export async function createApiToken(tx: Tx, userId: string, via: 'cli' | 'account') {
  const token = `stp_${newSecret()}`
  await insertApiToken(tx, digest(token), userId)
  await audit(tx, { actorUserId: via === 'account' ? userId : null, action: 'api-token.create', subjectType: 'user', subjectId: userId, details: { via } })
  return token
}
