import http from 'node:http'

/**
 * Load for the latency benchmark: `clients` concurrent clients in a closed loop (each sends its next request as
 * soon as it has read the answer to the previous one, like 20 caseworker systems that keep asking — or, with a
 * think time, at a person's pace), and a minimal HTTP client with one kept-alive connection per client.
 */
export type Sample = { ms: number; category: string }
export type Outcome = { samples: Sample[]; errors: string[]; seconds: number }

export async function closedLoop<T extends { category: string }>(
  items: T[],
  clients: number,
  send: (item: T, client: number) => Promise<unknown>,
  /** Each client waits about this long (0.5–1.5×, starts spread) before its next request: a person's pace, not a machine's. */
  thinkMs = 0,
): Promise<Outcome> {
  const samples: Sample[] = []
  const errors: string[] = []
  let next = 0
  const started = performance.now()
  const pause = (share: number) => new Promise((resolve) => setTimeout(resolve, thinkMs * share))
  const client = async (id: number) => {
    if (thinkMs > 0) await pause(Math.random())
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i]!
      const t = performance.now()
      try {
        await send(item, id)
        samples.push({ ms: performance.now() - t, category: item.category })
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error))
      }
      if (thinkMs > 0) await pause(0.5 + Math.random())
    }
  }
  await Promise.all(Array.from({ length: clients }, (_, id) => client(id)))
  return { samples, errors, seconds: (performance.now() - started) / 1000 }
}

export type HttpClient = {
  /** Resolves with the body of a 200 answer; anything else is an error with its status. */
  request(method: 'GET' | 'POST', path: string, options?: { token?: string; json?: unknown }): Promise<string>
  /** The status only (probing which routes exist). */
  status(method: 'GET' | 'POST', path: string, options?: { token?: string; json?: unknown }): Promise<number>
  close(): void
}

export function httpClient(baseUrl: string, connections: number): HttpClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
  const send = (method: string, path: string, options: { token?: string; json?: unknown } = {}) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const body = options.json === undefined ? undefined : JSON.stringify(options.json)
      const headers: Record<string, string> = { accept: 'application/json' }
      if (options.token) headers.authorization = `Bearer ${options.token}`
      if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) })
      const request = http.request(new URL(path, baseUrl), { method, agent, headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
        response.on('error', reject)
      })
      request.on('error', reject)
      request.end(body)
    })
  return {
    async request(method, path, options) {
      const { status, body } = await send(method, path, options)
      if (status !== 200) throw new Error(`${method} ${path} answered ${status}: ${body.slice(0, 300)}`)
      return body
    },
    async status(method, path, options) {
      return (await send(method, path, options)).status
    },
    close: () => agent.destroy(),
  }
}
