import { createReadableStreamFromReadable, createRequestHandler, type ServerBuild } from '@remix-run/node'
// The Express adapter's own header and response code; its request builder is what this file replaces.
import { createRemixHeaders, sendRemixResponse } from '@remix-run/express/dist/server.js'
import type { RequestHandler } from 'express'
import { bodyLimitFor, countedBody, refuseTooLarge } from './body-limit'
import { cspNonce } from './security-headers'

/**
 * Remix behind Express, as @remix-run/express does it but for the Request it builds (issue 11, finding 1):
 * - its URL is the request's own path (normal form, server/request-path.ts) resolved on the Host, so no header
 *   can change the path Remix routes on; the adapter put `X-Forwarded-Host` and `Host` before the path text;
 * - its body is counted as it streams (server/body-limit.ts): past the route's limit the client gets 413 and the
 *   route's read fails, so a chunked body cannot fill the memory whatever path or framing it came with.
 */
export function remixHandler(build: ServerBuild): RequestHandler {
  const handle = createRequestHandler(build, build.mode)
  return async (req, res, next) => {
    // Loaders and actions stop when the client is gone (or was refused) before the answer was sent.
    const controller = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) controller.abort()
    })
    const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers: createRemixHeaders(req.headers), signal: controller.signal }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const limit = bodyLimitFor(req.path)
      const body = countedBody(req, limit, () => {
        controller.abort()
        refuseTooLarge(res, limit)
      })
      init.body = createReadableStreamFromReadable(body)
      init.duplex = 'half'
    }
    try {
      const url = new URL(req.originalUrl, `${req.protocol}://${req.headers.host}`)
      const response = await handle(new Request(url, init), { requestId: String(req.id), clientIp: req.ip ?? 'unknown', cspNonce: cspNonce(res) })
      // Already answered: the body was over its limit.
      if (!res.headersSent) await sendRemixResponse(res, response)
    } catch (error) {
      if (!res.headersSent) next(error)
    }
  }
}
