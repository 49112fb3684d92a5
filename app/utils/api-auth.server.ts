import { db } from '#db/client'
import { findApiTokenUser } from '#db/queries/auth'
import type { SessionUser } from '#domain/session-user'
import { digest } from '#core/crypto.server'
import { hasPermission, type Permission } from '#domain/permissions'
import { ApiError } from './api-errors.server'

/**
 * Bearer-token authentication for /api/v1 (tokens from `npm run token:create`, stored as a digest). Only the
 * Authorization header counts: a session cookie never opens the API, so a cross-site page cannot use a signed-in
 * browser against it (docs/decisions/0004-csrf.md).
 */
const REALM = 'Bearer realm="stapsteen"'
// RFC 6750: the scheme is case-insensitive; a token is visible ASCII. Ours are "stp_" + 43 characters.
const BEARER = /^Bearer +([\x21-\x7e]{1,512}) *$/i

const unauthorized = (message: string, challenge: string) => new ApiError(401, message, {}, { 'WWW-Authenticate': challenge })

/** The user behind the request's token, when that user may do `permission`; otherwise throws a 401 or 403 ApiError. */
export async function requireApiUser(request: Request, permission: Permission): Promise<SessionUser> {
  const header = request.headers.get('Authorization')
  const token = header === null ? undefined : BEARER.exec(header)?.[1]
  if (!token) {
    // No bearer credentials at all (none, or another scheme): RFC 6750 asks for the bare challenge.
    throw unauthorized('Stuur een API-token mee in de header "Authorization: Bearer TOKEN".', REALM)
  }
  // Revoked tokens and disabled accounts find no user.
  const user = await findApiTokenUser(db(), digest(token))
  if (!user) throw unauthorized('Dit API-token is ongeldig of ingetrokken. Vraag een nieuw token aan.', `${REALM}, error="invalid_token"`)
  if (!hasPermission(user, permission)) {
    throw new ApiError(403, 'Dit account mag de API niet gebruiken: de API is er voor trajectbegeleiders, bemiddelaars en beheerders.')
  }
  return user
}
