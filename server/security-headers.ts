import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import compression from 'compression'
import { type RequestHandler, Router } from 'express'
import helmet from 'helmet'
import onHeaders from 'on-headers'
import { SESSION_COOKIE } from '#core/cookies'
import { env, isPublicPortal } from '#core/env'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /**
     * This response's CSP nonce: app/entry.server.tsx gives it to React and, through useNonce(), to <Scripts>.
     * Optional: loaders and actions never need it, so tests that call them directly need not make one up.
     */
    cspNonce?: string
  }
}

const nonce = (_req: unknown, res: ServerResponse) => `'nonce-${(res as { locals?: { cspNonce?: string } }).locals?.cspNonce}'`

/**
 * The portal's pages: scripts only from the portal and inline only with this response's nonce (Remix's
 * <Scripts>, <ScrollRestoration> and React's own); styles only from the stylesheet, no style attribute; no
 * plugins, no <base>, forms post to the portal only, and no other site may frame a page. Images are the favicon
 * and inline SVG; fonts are the system's. No development websocket: the project has no `remix dev` server.
 */
const pagePolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", nonce],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
} as const

/**
 * A mail as its recipient sees it (/dev/outbox/ID/inhoud, framed by the outbox page): mail HTML styles itself
 * with style attributes, which the page policy refuses. An iframe's srcdoc would inherit the page's policy, so
 * the mail is its own response, with a policy that allows inline styles and nothing else: no script, no image,
 * no form, sandboxed, framed only by the portal itself.
 */
const mailPreviewPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    styleSrc: ["'unsafe-inline'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'self'"],
    sandbox: [],
  },
} as const
const MAIL_PREVIEW = /^\/dev\/outbox\/[0-9a-f-]{36}\/inhoud$/

const YEAR_IN_SECONDS = 365 * 24 * 60 * 60

/**
 * Headers every response gets (issue 11, finding 9), with helmet: the Content-Security-Policy above with a fresh
 * nonce per response, HSTS only on a public portal (a localhost portal speaks plain http), no framing, no MIME
 * sniffing, the referrer only to the portal itself. Then `Cache-Control: no-store` where a shared computer's
 * cache must not keep anything (see noStore), and gzip/brotli compression of what is worth compressing.
 */
export function securityHeaders(publicPortal = isPublicPortal(env())): RequestHandler {
  const common = {
    strictTransportSecurity: publicPortal ? { maxAge: YEAR_IN_SECONDS, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  } as const
  const pages = helmet({ ...common, contentSecurityPolicy: pagePolicy, xFrameOptions: { action: 'deny' } })
  const mailPreview = helmet({ ...common, contentSecurityPolicy: mailPreviewPolicy, xFrameOptions: { action: 'sameorigin' } })
  return Router().use(
    (req, res, next) => {
      res.locals.cspNonce = randomBytes(16).toString('base64')
      return MAIL_PREVIEW.test(req.path) ? mailPreview(req, res, next) : pages(req, res, next)
    },
    noStore(),
    // compression's filter leaves alone what is already compressed (images, archives) and bodies under 1 kB.
    compression(),
  )
}

/**
 * `Cache-Control: no-store`, decided just before the headers go out, so it overrides what a route said:
 * - on every response that sets a cookie (a cached Set-Cookie hands a session to the next visitor);
 * - on every download (Content-Disposition: attachment: the CSV exports), whoever asks;
 * - on every response to a request with a session cookie: signed-in pages, data requests, resource routes.
 * Responses that call themselves `public` (static files, the import template) keep their caching, except
 * with a cookie. Public pages for visitors without a session keep theirs too.
 */
function noStore(): RequestHandler {
  const sessionCookie = new RegExp(`(?:^|;)\\s*(?:__Host-)?${SESSION_COOKIE}=`)
  return (req, res, next) => {
    const signedIn = sessionCookie.test(req.headers.cookie ?? '')
    onHeaders(res, () => {
      const declaredPublic = /^\s*public\b/i.test(String(res.getHeader('Cache-Control') ?? ''))
      const download = /^\s*attachment\b/i.test(String(res.getHeader('Content-Disposition') ?? ''))
      if (res.getHeader('Set-Cookie') !== undefined || ((signedIn || download) && !declaredPublic)) {
        res.setHeader('Cache-Control', 'no-store')
      }
    })
    next()
  }
}

/** The nonce of this response, for getLoadContext. */
export const cspNonce = (res: { locals: Record<string, unknown> }) => String(res.locals.cspNonce)
