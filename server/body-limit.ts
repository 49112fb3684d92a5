import type { IncomingMessage } from 'node:http'
import { Transform } from 'node:stream'
import type { RequestHandler, Response } from 'express'
import { refuse } from './refuse'
import { isApiPath } from './request-path'

/**
 * Forms are read whole into memory (Remix's `formData()`, the import's multipart parser), so a body may not be
 * larger than its route needs: a form far less than 1 MB; the placement import's upload a file of up to
 * MAX_UPLOAD_MB (app/features/placement-import/placement-import.tsx) and its form fields. Two guards:
 * - `bodyLimit` answers before anything is read: 413 for a declared length over the limit, 411 for a form body
 *   without a declared length (browsers always declare it). The API limits its JSON bodies itself, with answers
 *   in its own JSON format (app/utils/api-input.server.ts), and may be sent chunked.
 * - `countedBody` is the body Remix reads, counted as it streams: past the limit the client gets 413 and nothing
 *   more reaches the route, so no path and no framing can make a process hold more than the limit.
 */
const MB = 1024 * 1024
export const FORM_LIMIT_BYTES = MB
export const UPLOAD_LIMIT_BYTES = 21 * MB
const UPLOAD_PATHS = /^\/(werkgever|admin)\/importeren\/?$/i

export const bodyLimitFor = (path: string) => (UPLOAD_PATHS.test(path) ? UPLOAD_LIMIT_BYTES : FORM_LIMIT_BYTES)

export const refuseTooLarge = (res: Response, limit: number) =>
  refuse(res, 413, `Dit formulier is te groot: hoogstens ${Math.round(limit / MB)} MB. Maak de tekst of het bestand kleiner en probeer opnieuw.`)

export function bodyLimit(): RequestHandler {
  return (req, res, next) => {
    const declared = req.headers['content-length']
    if (declared === undefined) {
      if (req.headers['transfer-encoding'] === undefined || isApiPath(req.path)) return next()
      return refuse(res, 411, 'Dit verzoek zegt niet hoe groot het is. Verstuur het formulier opnieuw vanuit uw browser.')
    }
    if (isApiPath(req.path)) return next()
    const limit = bodyLimitFor(req.path)
    if (Number(declared) <= limit) return next()
    return refuseTooLarge(res, limit)
  }
}

export class BodyTooLargeError extends Error {}

/**
 * The request's body, ending in an error once more than `limit` bytes came in; `overLimit` then answers the
 * client. What the client still sends is read and thrown away, as Node does after any early answer.
 */
export function countedBody(req: IncomingMessage, limit: number, overLimit: () => void): Transform {
  let bytes = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      if (bytes <= limit) return done(null, chunk)
      req.unpipe(counter)
      req.resume()
      overLimit()
      done(new BodyTooLargeError(`request body over ${limit} bytes`))
    },
  })
  return req.pipe(counter)
}
