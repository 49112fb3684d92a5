import type { RequestHandler } from 'express'
import { isApiPath } from './request-path'

/**
 * CSRF stance (docs/decisions/0004-csrf.md): session cookies are SameSite=Lax, and a state-changing request
 * whose Origin (or Referer) names another site is refused. Browsers always send Origin on cross-site POSTs,
 * so this closes the gap SameSite=Lax leaves (top-level POST from older browsers, sibling subdomains).
 */
export function sameOriginGuard(): RequestHandler {
  return (req, res, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next()
    // API clients authenticate with bearer tokens, which a browser never attaches on its own.
    if (isApiPath(req.path) && !req.headers.cookie) return next()
    const source = req.headers.origin ?? req.headers.referer
    if (!source || source === 'null') return next()
    let origin: string
    try {
      origin = new URL(source).host
    } catch {
      origin = ''
    }
    if (origin === req.headers.host) return next()
    res.status(403).type('text/plain; charset=utf-8').send('Dit formulier kwam van een andere website en is geweigerd.')
  }
}
