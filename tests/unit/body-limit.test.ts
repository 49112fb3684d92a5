import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createReadableStreamFromReadable } from '@remix-run/node'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_UPLOAD_MB } from '#app/features/placement-import/placement-import'
import { bodyLimit, bodyLimitFor, countedBody, FORM_LIMIT_BYTES, refuseTooLarge, UPLOAD_LIMIT_BYTES } from '#server/body-limit'
import { send } from '#tests/support/http-client'

// The middleware in front of a handler that would read the body, on a real HTTP server.
const app = express()
app.use(bodyLimit())
app.post('*', (req, res) => {
  let bytes = 0
  req.on('data', (chunk: Buffer) => (bytes += chunk.length))
  req.on('end', () => res.send(`read ${bytes}`))
})

// As server/remix-handler.ts wires it: the route reads the counted body as Remix's formData() does.
const readAsRemix = express()
readAsRemix.use(bodyLimit())
let reachedRoute = 0
readAsRemix.post('*', async (req, res) => {
  const limit = bodyLimitFor(req.path)
  const body = countedBody(req, limit, () => refuseTooLarge(res, limit))
  reachedRoute = 0
  body.on('data', (chunk: Buffer) => (reachedRoute += chunk.length))
  const request = new Request('http://x.invalid', { method: 'POST', body: createReadableStreamFromReadable(body), duplex: 'half' } as RequestInit)
  const read = await request.arrayBuffer().catch(() => null)
  if (!res.headersSent) res.status(read ? 200 : 500).send(read ? `read ${read.byteLength}` : 'read failed without an answer')
})

const servers: http.Server[] = []
const listen = (handler: express.Express) =>
  new Promise<number>((resolve) => {
    const listening = handler.listen(0, '127.0.0.1', () => resolve((listening.address() as AddressInfo).port))
    servers.push(listening)
  })
let port: number
let countedPort: number
beforeAll(async () => {
  port = await listen(app)
  countedPort = await listen(readAsRemix)
})
afterAll(() => Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())))))

/** POSTs `size` bytes, with a declared length or chunked; resolves with status and text. */
async function post(path: string, size: number, chunked = false) {
  const body = chunked ? { stream: size } : { body: 'a'.repeat(size) }
  const { status, text } = await send(port, { method: 'POST', path, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, ...body })
  return { status, text }
}

const sendChunked = (path: string, size: number) =>
  send(countedPort, { method: 'POST', path, headers: { 'Content-Type': 'application/json' }, stream: size })

describe('bodyLimit', () => {
  it('lets a form up to 1 MB through and refuses a larger one with 413 and a Dutch reason', async () => {
    expect(await post('/inloggen', FORM_LIMIT_BYTES)).toEqual({ status: 200, text: `read ${FORM_LIMIT_BYTES}` })
    const tooLarge = await post('/aanmelden', FORM_LIMIT_BYTES + 1)
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.text).toBe('Dit formulier is te groot: hoogstens 1 MB. Maak de tekst of het bestand kleiner en probeer opnieuw.')
  })

  it('gives the placement import room for its largest file and form fields, and no more', async () => {
    expect(UPLOAD_LIMIT_BYTES).toBeGreaterThan(MAX_UPLOAD_MB * 1024 * 1024)
    expect((await post('/werkgever/importeren', 2 * FORM_LIMIT_BYTES)).status).toBe(200)
    expect((await post('/admin/importeren/', 2 * FORM_LIMIT_BYTES)).status).toBe(200)
    expect((await post('/werkgever/importeren', UPLOAD_LIMIT_BYTES + 1)).status).toBe(413)
    expect((await post('/werkgever/importeren/123', 2 * FORM_LIMIT_BYTES)).status).toBe(413)
  })

  it('refuses a form body without a declared length (411); leaves the API to its own limit', async () => {
    const chunked = await post('/inloggen', 10, true)
    expect(chunked.status).toBe(411)
    expect(chunked.text).toMatch(/zegt niet hoe groot/)
    expect(await post('/api/v1/match', 10, true)).toEqual({ status: 200, text: 'read 10' })
    expect(await post('/api/v1/match', 2 * FORM_LIMIT_BYTES)).toEqual({ status: 200, text: `read ${2 * FORM_LIMIT_BYTES}` })
  })

  it('picks the limit by route as Remix matches it, without regard to case', () => {
    expect(bodyLimitFor('/werkgever/importeren')).toBe(UPLOAD_LIMIT_BYTES)
    expect(bodyLimitFor('/Admin/Importeren/')).toBe(UPLOAD_LIMIT_BYTES)
    expect(bodyLimitFor('/werkgever/importeren/123')).toBe(FORM_LIMIT_BYTES)
    expect(bodyLimitFor('/api/v1/match')).toBe(FORM_LIMIT_BYTES)
  })
})

describe('countedBody', () => {
  it('hands a chunked body within the limit to the route whole', async () => {
    expect(await sendChunked('/api/v1/match', FORM_LIMIT_BYTES)).toMatchObject({ status: 200, text: `read ${FORM_LIMIT_BYTES}` })
  })

  it('answers 413 once a chunked body passes the limit, while the client is still sending, and the route gets no more', async () => {
    const answer = await sendChunked('/api/v1/match', 200 * FORM_LIMIT_BYTES)
    expect(answer.status).toBe(413)
    expect(answer.text).toBe('Dit formulier is te groot: hoogstens 1 MB. Maak de tekst of het bestand kleiner en probeer opnieuw.')
    // Far from the 200 MB the client meant to send; what was sent beyond the limit was thrown away.
    expect(answer.sent).toBeLessThan(20 * FORM_LIMIT_BYTES)
    expect(reachedRoute).toBeLessThanOrEqual(FORM_LIMIT_BYTES)
  })
})
