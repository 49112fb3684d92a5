import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import getPort from 'get-port'
import { fakeResend } from '#tests/support/fake-resend'
import { stopOrphanedPostgres } from '#tests/support/orphaned-postgres'

/**
 * A second Stapsteen, set up as a real deployment is: a public PUBLIC_URL, no demo, a fresh embedded database,
 * and a mail provider (a stand-in for Resend in this process: a public portal has no dev outbox).
 * The browser reaches it at http://localhost:PORT; the links it mails point to PUBLIC_URL, and `local()` turns
 * them into this server's address, as the reverse proxy in front of a real deployment would.
 */
const root = path.resolve(import.meta.dirname, '../..')
export const PUBLIC_URL = 'https://stapsteen.example'

export type SentMail = { to: string; subject: string; html: string; text: string }

export type PublicPortal = {
  base: string
  /** The newest mail the portal gave its mail provider for `to` with this subject; waits for its delivery job. */
  mailTo: (to: string, subject: string) => Promise<SentMail>
  /** A mailed link, to this server. */
  local: (link: string) => string
  /** `npm run …` on this portal's DATA_DIR, as an operator runs it next to the server. */
  command: (script: string, args: string[]) => Promise<{ code: number | null; stdout: string; stderr: string }>
  stop: () => Promise<void>
}

function environment(port: number, dataDir: string, resendUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL }
  // Exactly the settings of a first real start, whatever the shell running the tests says.
  for (const name of ['DATABASE_URL', 'SEED_DEMO', 'RUN_WORKER', 'TRUST_PROXY', 'MEILISEARCH_URL']) delete env[name]
  env.SEED_DEMO = 'false'
  env.RESEND_API_KEY = 're_public_portal_test'
  env.RESEND_BASE_URL = resendUrl
  return env
}

const MAIL_TIMEOUT_MS = 15_000

function run(child: ChildProcess) {
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  // 'exit', not 'close': the embedded PostgreSQL the server started may hold its output pipes a little longer.
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { out: () => stdout, err: () => stderr, exit }
}

const STOP_TIMEOUT_MS = 20_000

export async function startPublicPortal(): Promise<PublicPortal> {
  const port = await getPort({ host: '127.0.0.1' })
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stapsteen-public-'))
  const resend = await fakeResend()
  const env = environment(port, dataDir, resend.url)
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const output = run(server)
  let exited: number | null | undefined
  void output.exit.then((code) => (exited = code))
  const deadline = Date.now() + 90_000
  while (!output.out().includes('Stapsteen draait op')) {
    if (exited !== undefined || Date.now() > deadline) {
      server.kill('SIGKILL')
      await resend.close()
      throw new Error(`The public portal did not start (${exited ?? 'timeout'}).\n${output.out()}\n${output.err()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const base = `http://localhost:${port}`
  return {
    base,
    mailTo: async (to, subject) => {
      const until = Date.now() + MAIL_TIMEOUT_MS
      for (;;) {
        const mail = resend.mails().findLast((sent) => sent.to === to && sent.subject === subject)
        if (mail) return mail as SentMail
        if (Date.now() > until) throw new Error(`No mail "${subject}" to ${to} reached the mail provider within ${MAIL_TIMEOUT_MS / 1000} s`)
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    },
    local: (link) => {
      const url = new URL(link)
      if (url.origin !== PUBLIC_URL) throw new Error(`${link} does not point to ${PUBLIC_URL}`)
      return base + url.pathname + url.search
    },
    command: async (script, args) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
      const result = run(child)
      const code = await result.exit
      return { code, stdout: result.out(), stderr: result.err() }
    },
    stop: async () => {
      server.kill('SIGTERM')
      let timer: NodeJS.Timeout | undefined
      const stopped = await Promise.race([output.exit.then(() => true), new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), STOP_TIMEOUT_MS)))])
      clearTimeout(timer)
      if (!stopped) {
        server.kill('SIGKILL')
        await output.exit
      }
      await stopOrphanedPostgres(dataDir)
      await resend.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
