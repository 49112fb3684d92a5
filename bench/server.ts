import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import getPort from 'get-port'

/**
 * The real web server (`server/index.ts` with the Remix build in build/, as `npm start` runs it) in a child
 * process on a free port, against the benchmark's database: the load generator and the server must not share
 * one event loop, or the benchmark would measure itself. No worker (nothing must reindex behind the
 * benchmark's back), no demo, no Meilisearch; request logging as in production.
 */
export type RunningServer = { baseUrl: string; pid: number | undefined; stop: () => Promise<void> }

const root = fileURLToPath(new URL('..', import.meta.url))

/** `profileDir`: the server writes a V8 CPU profile there when it stops (`--profile DIR`). */
export async function startServer(databaseUrl: string, profileDir?: string): Promise<RunningServer> {
  const port = await getPort({ host: '127.0.0.1' })
  const child = spawn(process.execPath, [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), RUN_WORKER: 'false', SEED_DEMO: 'false', NODE_ENV: 'production', MEILISEARCH_URL: '', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let errors = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000)
  })
  const baseUrl = `http://127.0.0.1:${port}`
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM')
    await exited
  }
  const until = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server stopped while starting (exit ${child.exitCode}): ${errors.trim() || 'no message'}`)
    if (await answers(`${baseUrl}/healthz`)) return { baseUrl, pid: child.pid, stop }
    if (Date.now() > until) {
      await stop()
      throw new Error(`The server did not answer /healthz within 120 s: ${errors.trim()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

async function answers(url: string) {
  try {
    return (await fetch(url)).ok
  } catch {
    return false
  }
}
