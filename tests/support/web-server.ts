import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import getPort from 'get-port'
import { testDatabaseUrl } from './database'

const root = path.resolve(import.meta.dirname, '../..')
const STARTUP_TIMEOUT_MS = 60_000

export type WebServer = {
  pid: number
  port: number
  base: string
  /** Everything the process wrote to stdout and stderr so far: its log. */
  output: () => string
  /** Resolves once the output holds `text` (log lines reach the pipe a little after the answer they describe). */
  waitForOutput: (text: string) => Promise<void>
  stop: () => Promise<void>
}

/**
 * `npm start` as an operator runs it (node --import tsx server/index.ts, the Remix build, NODE_ENV=production) on
 * this test file's database, for tests that need real HTTP: raw request lines, headers a browser would never
 * send, the process's own log. No job worker, no demo, no Meilisearch or mail provider the shell may name.
 */
export async function startWebServer(env: Record<string, string> = {}): Promise<WebServer> {
  requireFreshBuild()
  const port = await getPort({ host: '127.0.0.1' })
  // An empty value is an unset variable (core/env.ts).
  const unset = { PUBLIC_URL: '', TRUST_PROXY: '', RESEND_API_KEY: '', MEILISEARCH_URL: '' }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: { ...process.env, ...unset, NODE_ENV: 'production', DATABASE_URL: testDatabaseUrl, PORT: String(port), SEED_DEMO: 'false', RUN_WORKER: 'false', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  let exitCode: number | null | undefined
  void exited.then((code) => (exitCode = code))

  const waitForOutput = async (text: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs
    while (!output.includes(text)) {
      if (exitCode !== undefined || Date.now() > deadline) throw new Error(`The web server never wrote ${JSON.stringify(text)} (${exitCode ?? 'timeout'}):\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  try {
    await waitForOutput('Stapsteen draait op', STARTUP_TIMEOUT_MS)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  return {
    pid: child.pid!,
    port,
    base: `http://localhost:${port}`,
    output: () => output,
    waitForOutput,
    stop: async () => {
      if (exitCode === undefined) child.kill('SIGTERM')
      await exited
    },
  }
}

/** The server runs the Remix build: one older than the code would test yesterday's routes. */
function requireFreshBuild() {
  const build = path.join(root, 'build', 'index.js')
  if (!fs.existsSync(build)) throw new Error('No Remix build (build/index.js): run `npx remix build` first.')
  const built = fs.statSync(build).mtimeMs
  const sources = ['app', 'db', 'emails', 'search', 'server'].flatMap((dir) =>
    fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file)).map((file) => path.join(root, dir, file)),
  )
  const newer = sources.find((file) => fs.statSync(file).mtimeMs > built)
  if (newer) throw new Error(`The Remix build is older than ${path.relative(root, newer)}: run \`npx remix build\` first.`)
}
