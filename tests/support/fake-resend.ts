import { once } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type CapturedRequest = { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }

/**
 * A stand-in for api.resend.com (point RESEND_BASE_URL at `url`) that records each request and gives a fixed
 * answer: what the portal handed its mail provider, as the provider got it.
 */
export async function fakeResend(status = 200, answer = '{"id":"re_fake"}') {
  const requests: CapturedRequest[] = []
  const server = http.createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    requests.push({ method: req.method, url: req.url, headers: req.headers, body })
    res.writeHead(status, { 'content-type': 'application/json' }).end(answer)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    requests,
    url: `http://127.0.0.1:${port}`,
    /** The mails posted so far, as Resend's API takes them. */
    mails: () => requests.map((request) => JSON.parse(request.body) as { to: string | string[]; subject: string; html: string; text: string }),
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}
