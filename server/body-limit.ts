import type { RequestHandler } from 'express'

/**
 * Forms are read whole into memory (Remix's `formData()`, the import's multipart parser), so their size is checked
 * before anything reads them: a form needs far less than 1 MB; the placement import's upload may hold a file of
 * up to MAX_UPLOAD_MB (app/components/placement-import.tsx) and its form fields. A body without a declared length
 * (chunked) could not be checked up front, so it is refused with 411: browsers always declare the length of a
 * form. The API limits its JSON bodies itself while reading them (app/utils/api-input.server.ts), with answers in
 * its own JSON format.
 */
const MB = 1024 * 1024
export const FORM_LIMIT_BYTES = MB
export const UPLOAD_LIMIT_BYTES = 21 * MB
const UPLOAD_PATHS = /^\/(werkgever|admin)\/importeren\/?$/

const refuse = (res: Parameters<RequestHandler>[1], status: number, message: string) =>
  res.status(status).set('Connection', 'close').type('text/plain; charset=utf-8').send(message)

export function bodyLimit(): RequestHandler {
  return (req, res, next) => {
    if (req.path.startsWith('/api/')) return next()
    const declared = req.headers['content-length']
    if (declared === undefined) {
      if (req.headers['transfer-encoding'] === undefined) return next()
      return refuse(res, 411, 'Dit verzoek zegt niet hoe groot het is. Verstuur het formulier opnieuw vanuit uw browser.')
    }
    const limit = UPLOAD_PATHS.test(req.path) ? UPLOAD_LIMIT_BYTES : FORM_LIMIT_BYTES
    if (Number(declared) <= limit) return next()
    const megabytes = Math.round(limit / MB)
    return refuse(res, 413, `Dit formulier is te groot: hoogstens ${megabytes} MB. Maak de tekst of het bestand kleiner en probeer opnieuw.`)
  }
}
