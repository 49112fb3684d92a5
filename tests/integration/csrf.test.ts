import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sameOriginGuard } from '#server/csrf'

/** The guard in front of a handler that records what got through, on a real socket. */
let server: http.Server
let host: string
const reached: string[] = []

beforeAll(async () => {
  const app = express()
  app.use(sameOriginGuard())
  app.all('*', (req, res) => {
    reached.push(`${req.method} ${req.path}`)
    res.status(200).send('handled')
  })
  server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
})

/** node:http rather than fetch, so Origin, Referer, Cookie and Host go out exactly as given. */
function send(method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const [hostname, port] = host.split(':')
    const req = http.request({ hostname, port: Number(port), method, path, headers: { Host: host, ...headers } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end(method === 'POST' ? 'a=1' : undefined)
  })
}

const form = { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: 'stapsteen_session=abc' }

describe('sameOriginGuard', () => {
  it('refuses a POST whose Origin is another site, before the handler runs', async () => {
    reached.length = 0
    const response = await send('POST', '/inloggen', { ...form, Origin: 'https://evil.example' })
    expect(response.status).toBe(403)
    expect(response.body).toContain('andere website')
    expect(reached).toEqual([])
  })

  it('refuses a POST from the same host name on another port', async () => {
    const response = await send('POST', '/inloggen', { ...form, Origin: `http://127.0.0.1:1` })
    expect(response.status).toBe(403)
  })

  it('refuses a POST without Origin whose Referer is another site', async () => {
    const response = await send('POST', '/inloggen', { ...form, Referer: 'https://evil.example/page' })
    expect(response.status).toBe(403)
  })

  it('refuses other state-changing methods from another site', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect((await send(method, '/werkgever', { ...form, Origin: 'https://evil.example' })).status, method).toBe(403)
    }
  })

  it('passes a POST from the same origin', async () => {
    reached.length = 0
    const response = await send('POST', '/inloggen', { ...form, Origin: `http://${host}` })
    expect(response.status).toBe(200)
    expect(reached).toEqual(['POST /inloggen'])
  })

  it('passes a POST with a same-site Referer and no Origin', async () => {
    expect((await send('POST', '/inloggen', { ...form, Referer: `http://${host}/inloggen` })).status).toBe(200)
  })

  it('passes a POST without Origin or Referer (not sent by a browser on a cross-site request)', async () => {
    expect((await send('POST', '/inloggen', form)).status).toBe(200)
  })

  it('passes GET, HEAD and OPTIONS from anywhere', async () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect((await send(method, '/werkgever', { Origin: 'https://evil.example', Cookie: 'stapsteen_session=abc' })).status, method).toBe(200)
    }
  })

  it('passes an /api/ POST without a cookie from another origin (bearer-token clients)', async () => {
    reached.length = 0
    const response = await send('POST', '/api/v1/placements', { Origin: 'https://tool.example', Authorization: 'Bearer stp_x' })
    expect(response.status).toBe(200)
    expect(reached).toEqual(['POST /api/v1/placements'])
  })

  it('still refuses an /api/ POST from another origin when it carries a cookie', async () => {
    const response = await send('POST', '/api/v1/placements', { ...form, Origin: 'https://evil.example' })
    expect(response.status).toBe(403)
  })
})
