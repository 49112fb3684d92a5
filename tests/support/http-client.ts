import http from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { MIN_FILL_MS } from '#app/utils/honeypot.server'
import { cookieHeader, keepCookies } from './cookie-jar'

export type Answer = { status: number; headers: http.IncomingHttpHeaders; text: string; sent: number }

type Options = {
  method?: string
  /** Sent as written, as `curl --path-as-is` does: node:http neither resolves dot segments nor re-encodes. */
  path: string
  headers?: http.OutgoingHttpHeaders
  /** A body with its length declared. */
  body?: string
  /** A chunked body of this many bytes, sent 64 KiB at a time as the socket takes them, until the answer comes. */
  stream?: number
  /**
   * With `stream`: once this many bytes are sent, wait up to 10 s for the answer before sending on. A server that
   * answers without reading the body is then told apart from one that reads it by what was sent, not by how fast
   * each process got the CPU (on a busy machine the client could outrun a server that answers at once).
   */
  pauseAfter?: number
}

/**
 * One HTTP request exactly as given (Host included), for attacks a browser would never send; resolves with the
 * answer and how many body bytes had been sent by the time it came.
 */
export function send(port: number, { method = 'GET', path, headers = {}, body, stream, pauseAfter = Infinity }: Options) {
  return new Promise<Answer>((resolve, reject) => {
    let sent = 0
    let answered = false
    let onAnswer = () => {}
    // A connection of its own, kept alive as browsers and curl do: a client that says `Connection: close` is
    // closed on once answered, and would lose the answer to a reset while it is still sending.
    const agent = new http.Agent({ keepAlive: true })
    const request = http.request({ host: '127.0.0.1', port, method, path, headers, agent, setHost: !Object.keys(headers).some((name) => name.toLowerCase() === 'host') }, (response) => {
      answered = true
      onAnswer()
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, sent })
        agent.destroy()
      })
    })
    // Once answered, the client closing its own connection mid-body is not a failure.
    request.on('error', (error) => (answered ? undefined : reject(error)))
    if (stream === undefined) return void request.end(body)
    const chunk = Buffer.alloc(64 * 1024, 'a')
    // Between chunks the client looks for an answer, so `sent` says how far it got before the server answered.
    let paused = false
    const pump = async () => {
      while (!answered && sent < stream) {
        if (!paused && sent >= pauseAfter) {
          paused = true
          await Promise.race([new Promise<void>((resolve) => (onAnswer = resolve)), sleep(10_000)])
          if (answered) break
        }
        const piece = chunk.subarray(0, Math.min(chunk.length, stream - sent))
        sent += piece.length
        if (request.write(piece)) await new Promise(setImmediate)
        else await new Promise((resolve) => request.once('drain', resolve))
      }
      if (!answered) request.end()
    }
    void pump()
  })
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#x27': "'", '#39': "'" }
const unescapeHtml = (text: string) => text.replace(/&(amp|quot|lt|gt|#x27|#39);/g, (_, name: string) => ENTITIES[name]!)

/**
 * A browser without JavaScript, over real HTTP: keeps cookies, follows no redirect by itself, and submits a form
 * with every value the page put in it (hidden fields, the honeypot) plus what the person fills in.
 */
export class HttpBrowser {
  readonly cookies = new Map<string, string>()
  constructor(
    readonly port: number,
    readonly headers: http.OutgoingHttpHeaders = {},
  ) {}

  async get(path: string) {
    return this.remember(await send(this.port, { path, headers: this.requestHeaders() }))
  }

  /**
   * Loads the page at `path` and submits its first POST form where the form says (its action, else `path`),
   * after reading it a moment as a person does: the public forms' honeypot refuses a post right after the page.
   */
  async submit(path: string, fields: Record<string, string | string[]>) {
    const page = await this.get(path)
    const form = postForm(page.text)
    await sleep(MIN_FILL_MS)
    const body = new URLSearchParams(form.values)
    for (const [name, value] of Object.entries(fields)) {
      body.delete(name)
      for (const item of [value].flat()) body.append(name, item)
    }
    return this.post(form.action ?? path, body.toString())
  }

  async post(path: string, body: string) {
    const headers = { ...this.requestHeaders(), 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) }
    return this.remember(await send(this.port, { method: 'POST', path, headers, body }))
  }

  private requestHeaders(): http.OutgoingHttpHeaders {
    const cookie = cookieHeader(this.cookies)
    return { ...this.headers, ...(cookie ? { Cookie: cookie } : {}) }
  }

  private remember(answer: Answer) {
    keepCookies(this.cookies, answer.headers['set-cookie'] ?? [])
    return answer
  }
}

/**
 * The page's first POST form as a browser would send it before anyone types: its action (Remix's `<Form>` names
 * `?index` for an index route) and its text, hidden and readonly values.
 */
function postForm(html: string) {
  const form = /<form([^>]*method="post"[^>]*)>([\s\S]*?)<\/form>/i.exec(html)
  if (!form) throw new Error(`No POST form on the page:\n${html.slice(0, 2000)}`)
  const attribute = (tag: string, name: string) => {
    const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]
    return value === undefined ? undefined : unescapeHtml(value)
  }
  const values: [string, string][] = []
  for (const [tag] of form[2]!.matchAll(/<input\b[^>]*>/gi)) {
    const type = attribute(tag, 'type') ?? 'text'
    const name = attribute(tag, 'name')
    if (!name || ['checkbox', 'radio', 'submit', 'file', 'password'].includes(type)) continue
    values.push([name, attribute(tag, 'value') ?? ''])
  }
  return { action: attribute(form[1]!, 'action'), values }
}
