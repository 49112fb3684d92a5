import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import getPort from 'get-port'
import type { TestProject } from 'vitest/node'
import { stopOrphanedPostgres } from '#tests/support/orphaned-postgres'

/**
 * One real Stapsteen server for the whole e2e run: `node --import tsx server/index.ts` on a free port, with
 * its own fresh DATA_DIR (embedded Postgres, migrated and seeded with the demo data on this first start).
 * Assumes `remix build` has run (npm test and npm run test:e2e do it first).
 */
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const STARTUP_TIMEOUT_MS = 60_000
const SHUTDOWN_TIMEOUT_MS = 20_000

export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(projectRoot, 'build', 'index.js'))) {
    throw new Error('No Remix build found (build/index.js). Run `npx remix build` before the e2e tests.')
  }
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

  project.provide('baseUrl', baseUrl)
  const scanCacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stapsteen-e2e-scanned-'))
  project.provide('scanCacheDir', scanCacheDir)
  return async () => {
    fs.rmSync(scanCacheDir, { recursive: true, force: true })
    await stop()
    // A server that fails while the tests run says so here, instead of only through confusing test failures.
    if (server.exitCode !== 0 && server.exitCode !== null) {
      throw new Error(`The e2e server exited with code ${server.exitCode}.\n--- server output ---\n${output}`)
    }
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
    baseUrl: string
    scanCacheDir: string
  }
}
