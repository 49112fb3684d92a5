import type { RequestHandler } from 'express'
import { refuse } from './refuse'

/**
 * Every check in front of Remix (static files, CSRF, body limit) reads Express's raw `req.path`, while Remix
 * routes on the path a WHATWG URL parser makes of it and then percent-decodes: `/api/%2e%2e/wachtwoord-vergeten`
 * was an API path to the checks and the password-reset form to Remix (issue 11, finding 1). Rather than
 * normalise in two places, only requests whose path is already in the one normal form get past here; browsers
 * never send anything else. In normal form the raw path is exactly what Remix routes on, so a check on
 * `req.path` is a check on the route that runs.
 */

// Characters a URL never needs to encode; encoded anyway they make `/%61pi` (Remix: `/api`) differ from
// `/api` (the checks), or hide a dot segment or a slash from the checks.
const NEVER_ENCODED = /[A-Za-z0-9\-._~/\\]/

/** The path of a request target when it is in normal form, else null. */
export function normalPath(target: string): string | null {
  // Origin form only: `http://host/path` (absolute form) and `*` are for proxies.
  if (!target.startsWith('/')) return null
  const end = target.search(/[?#]/)
  const path = end === -1 ? target : target.slice(0, end)
  if (path.includes('//') || path.includes('\\')) return null
  // Unchanged by a browser's parser: no `.` or `..` segment (also not as %2e), nothing it would encode.
  if (new URL(path, 'http://normal.invalid').pathname !== path) return null
  for (const [escape] of path.matchAll(/%(?:[0-9A-Fa-f]{2})?/g)) {
    if (escape.length < 3 || NEVER_ENCODED.test(String.fromCharCode(Number.parseInt(escape.slice(1), 16)))) return null
  }
  try {
    decodeURIComponent(path)
  } catch {
    // Not UTF-8 once decoded: Remix would route on the undecoded text.
    return null
  }
  return path
}

// A host name (underscores too: container names behind a proxy) or an IP address, IPv6 in brackets, with an
// optional port. What matters is what it cannot hold: a slash, `?`, `#`, `@` or a space.
const HOST = /^(?:[\w.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/

/** `/api/…`, matched as Remix matches routes (case-insensitively), for every check that treats the API apart. */
export const isApiPath = (path: string) => /^\/api\//i.test(path)

/**
 * Answers 400 to a request whose path is not in normal form, or whose Host header is not a plain host (Remix
 * builds the request's URL from it: `Host: x/wachtwoord-vergeten?` would have changed the path Remix sees).
 */
export function normalRequestsOnly(): RequestHandler {
  return (req, res, next) => {
    if (normalPath(req.originalUrl) !== null && HOST.test(req.headers.host ?? '')) return next()
    refuse(res, 400, 'Dit adres klopt niet. Controleer de link of typ het adres opnieuw.')
  }
}
