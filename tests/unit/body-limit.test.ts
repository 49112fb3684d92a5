import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_UPLOAD_MB } from '../../app/components/placement-import'
import { bodyLimit, FORM_LIMIT_BYTES, UPLOAD_LIMIT_BYTES } from '../../server/body-limit'

// The middleware in front of a handler that would read the body, on a real HTTP server.
const app = express()
app.use(bodyLimit())
app.post('*', (req, res) => {
  let bytes = 0
  req.on('data', (chunk: Buffer) => (bytes += chunk.length))
  req.on('end', () => res.send(`read ${bytes}`))
})
let server: http.Server
let port: number
beforeAll(async () => {
  server = await new Promise<http.Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
  })
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** POSTs `size` bytes, with a declared length or chunked; resolves with status and text. */
function post(path: string, size: number, chunked = false) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/x-www-form-urlencoded' }
    if (!chunked) headers['content-length'] = size
    const request = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }))
    })
    // The server may answer and close before the whole body is sent: that is the point.
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)))
    // Node declares the length of a body given to end() at once; written first, it goes chunked.
    if (chunked) request.write(Buffer.alloc(size, 'a'))
    request.end(chunked ? undefined : Buffer.alloc(size, 'a'))
  })
}

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
})
