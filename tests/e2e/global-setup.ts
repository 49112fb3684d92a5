import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import getPort from 'get-port'
import type { TestProject } from 'vitest/node'
import { stopOrphanedPostgres } from '#tests/support/orphaned-postgres'

/**
 * Real Stapsteen servers for the e2e run, one per Vitest worker: `node --import tsx server/index.ts` on a free port,
 * each with its own fresh DATA_DIR (embedded Postgres, migrated and seeded with the demo data on this first start).
 * Assumes `remix build` has run (npm test and npm run test:e2e do it first).
 */
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const STARTUP_TIMEOUT_MS = 60_000
const SHUTDOWN_TIMEOUT_MS = 20_000

export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(projectRoot, 'build', 'index.js'))) {
    throw new Error('No Remix build found (build/index.js). Run `npx remix build` before the e2e tests.')
  }
  // One server per Vitest worker (VITEST_POOL_ID 1…maxWorkers): e2e files may run at once, each against a demo of
  // its own (fixtures.ts), while the files of one worker share theirs one after another.
  const workers = project.vitest.config.maxWorkers
  const started = await Promise.allSettled(Array.from({ length: workers }, () => startServer()))
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
  const failed = started.find((result) => result.status === 'rejected')
  if (failed) {
    await Promise.all(servers.map((server) => server.stop()))
    throw failed.reason
  }
  project.provide('baseUrls', servers.map((server) => server.baseUrl))
  const scanCacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stapsteen-e2e-scanned-'))
  project.provide('scanCacheDir', scanCacheDir)
  return async () => {
    fs.rmSync(scanCacheDir, { recursive: true, force: true })
    await Promise.all(servers.map((server) => server.stop()))
    // A server that fails while the tests run says so here, instead of only through confusing test failures.
    for (const server of servers) server.assertExitedCleanly()
  }
}

/** `npm start` on a free port and a fresh DATA_DIR, once it answers /healthz. */
async function startServer() {
  const port = await getPort({ host: '127.0.0.1' })
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stapsteen-e2e-'))
  const baseUrl = `http://localhost:${port}`

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
  }
  // Only the embedded database, the demo data, the in-process mail worker and the dev outbox, whatever the
  // shell says: the tests must never touch a real database or send real mail.
  for (const name of [
    'DATABASE_URL',
    'PUBLIC_URL',
    'SEED_DEMO',
    'RUN_WORKER',
    'RESEND_API_KEY',
    'TRUST_PROXY',
    'MEILISEARCH_URL',
  ]) {
    delete env[name]
  }
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const capture = (chunk: Buffer) => {
    output += chunk.toString('utf8')
    // Keep the tail only: enough to explain a failure, never unbounded.
    if (output.length > 200_000) output = output.slice(-100_000)
  }
  server.stdout?.on('data', capture)
  server.stderr?.on('data', capture)
  const exited = new Promise<number | null>((resolve) =>
    server.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))),
  )

  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM')
      let timer: NodeJS.Timeout | undefined
      const done = await Promise.race([
        exited.then(() => true),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), SHUTDOWN_TIMEOUT_MS)
        }),
      ])
      clearTimeout(timer)
      if (!done) {
        server.kill('SIGKILL')
        await exited
        await stopOrphanedPostgres(dataDir)
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  }

  try {
    await waitForHealthy(server, exited, `${baseUrl}/healthz`)
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`)
  }

  return {
    baseUrl,
    stop,
    assertExitedCleanly() {
      if (server.exitCode !== 0 && server.exitCode !== null) {
        throw new Error(`The e2e server exited with code ${server.exitCode}.\n--- server output ---\n${output}`)
      }
    },
  }
}

async function waitForHealthy(server: ChildProcess, exited: Promise<number | null>, url: string) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS
  let early: number | null | undefined
  void exited.then((code) => {
    early = code
  })
  while (Date.now() < deadline) {
    if (early !== undefined) throw new Error(`The e2e server exited during startup (exit code ${early}).`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await delay(200)
  }
  throw new Error(`The e2e server (pid ${server.pid}) did not answer ${url} within ${STARTUP_TIMEOUT_MS / 1000} s.`)
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrls: string[]
    scanCacheDir: string
  }
}
