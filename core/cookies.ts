import { env, isPublicPortal } from './env'

/** The session cookie's name without prefix; the security headers look for it to tell signed-in requests. */
export const SESSION_COOKIE = 'stapsteen_session'

/**
 * How every cookie of the portal is named and flagged: decided here only (issue 11, finding 9).
 *
 * On a public portal: `Secure` always, and the `__Host-` prefix, which the browser accepts only with Secure,
 * `Path=/` and no Domain, so neither a sibling subdomain nor a plain-http page can set or overwrite it. The
 * prefix changes the name: a cookie from before the change is not read at all (that visitor signs in again).
 * On this machine (localhost, plain http) as before: no prefix, the cookie's own path, and Secure when the
 * request came over https (only known when there is a request: the toast cookie has none).
 */
export function cookieAttributes(name: string, request?: Request, localPath = '/') {
  if (isPublicPortal(env())) return { name: `__Host-${name}`, secure: true, path: '/' }
  return { name, secure: request !== undefined && new URL(request.url).protocol === 'https:', path: localPath }
}
