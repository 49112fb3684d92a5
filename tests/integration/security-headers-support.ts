import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import zlib from 'node:zlib'
import type { ServerBuild } from '@remix-run/node'
import { afterAll, beforeAll } from 'vitest'
import { db } from '#db/client'
import { findOrganisationBySlug } from '#db/queries/organisations'
import { createUser } from '#db/seed/factories'
import { env, setEnv } from '#core/env'
import { createHttpApp } from '#server/http'
import { logger } from '#core/logger'
import { MIN_FILL_MS } from '#app/utils/honeypot.server'

/**
 * The real web process (server/http.ts with the Remix build) on a real socket, as a localhost or a public portal:
 * for the tests of issue 11, finding 9 (headers, cookies, compression). Each kind has its own test file, so each
 * gets fresh modules (the toast cookie's storage is made once per process).
 */
const buildFile = path.resolve(import.meta.dirname, '../../build/index.js')

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; raw: Buffer }

export function useWebServer(publicUrl: string | undefined) {
  const server = { base: '', host: '' }
  let listening: http.Server | undefined
  beforeAll(async () => {
    if (!fs.existsSync(buildFile)) throw new Error('No Remix build found (build/index.js). Run `npx remix build` first.')
    setEnv({ ...env(), PUBLIC_URL: publicUrl, RESEND_API_KEY: undefined })
    // One log line per request would drown the test output; warnings and errors still show.
    logger().level = 'warn'
    const build = (await import(buildFile)) as ServerBuild
    listening = http.createServer(createHttpApp(build, { trustProxy: false }))
    await new Promise<void>((resolve) => listening!.listen(0, '127.0.0.1', resolve))
    server.host = `127.0.0.1:${(listening.address() as AddressInfo).port}`
    server.base = `http://${server.host}`
  })
  afterAll(async () => {
    listening?.closeAllConnections()
    await new Promise<void>((resolve) => listening?.close(() => resolve()) ?? resolve())
  })

  /** node:http, not fetch: headers go out exactly as given, and nothing is decompressed behind our back. */
  function send(method: string, pathname: string, headers: Record<string, string> = {}, form?: Record<string, string>) {
    const body = form === undefined ? undefined : new URLSearchParams(form).toString()
    return new Promise<Answer>((resolve, reject) => {
      const request = http.request(
        `${server.base}${pathname}`,
        { method, headers: { ...(body !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}), ...headers } },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () => {
            const raw = Buffer.concat(chunks)
            const encoding = response.headers['content-encoding']
            const plain = encoding === 'br' ? zlib.brotliDecompressSync(raw) : encoding === 'gzip' ? zlib.gunzipSync(raw) : raw
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: plain.toString('utf8'), raw })
          })
        },
      )
      request.on('error', reject)
      request.end(body)
    })
  }

  /** Every field of a page's forms that has a value (the honeypot's among them), to send back with a form. */
  const fieldsWithValues = (html: string) =>
    Object.fromEntries(
      [...html.matchAll(/<input\b[^>]*>/g)].flatMap(([input]) => {
        const name = /name="([^"]*)"/.exec(input)?.[1]
        const value = /value="([^"]*)"/.exec(input)?.[1]
        return name && value !== undefined ? [[name, value.replace(/&amp;/g, '&')]] : []
      }),
    )

  /** A platform admin with a password, signed in through the real login form; returns the whole Set-Cookie. */
  async function signIn() {
    const platform = (await findOrganisationBySlug(db(), 'stapsteen'))!
    const password = 'een lange zin als wachtwoord'
    const user = await createUser(db(), { organisationId: platform.id, role: 'platform_admin', password, emailVerifiedAt: new Date() })
    const answer = await send('POST', '/inloggen', {}, { email: user.email, password })
    if (answer.status !== 302) throw new Error(`login failed: ${answer.status} ${answer.body.slice(0, 200)}`)
    const setCookie = answer.headers['set-cookie']?.[0] ?? ''
    return { user, answer, setCookie, cookie: setCookie.split(';')[0]! }
  }

  /** Starts an intake form (POST /aanmelden), which sets the draft cookie; returns that response. */
  async function startIntake() {
    const start = await send('GET', '/aanmelden?lng=nl')
    // The honeypot refuses a form posted faster than a person could (app/utils/honeypot.server.ts).
    await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS))
    return send('POST', '/aanmelden?index&lng=nl', {}, fieldsWithValues(start.body))
  }

  return { server, send, signIn, startIntake }
}

/** One Set-Cookie line's attributes, lower-cased names: `{ name, value, path, secure, domain, … }`. */
export function parseSetCookie(line: string) {
  const [pair = '', ...attributes] = line.split(';').map((part) => part.trim())
  const at = pair.indexOf('=')
  const parsed: Record<string, string | true> = { name: pair.slice(0, at), value: pair.slice(at + 1) }
  for (const attribute of attributes) {
    const [key = '', value] = attribute.split('=')
    parsed[key.toLowerCase()] = value ?? true
  }
  return parsed
}
