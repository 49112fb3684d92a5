import type { Server } from 'node:http'
import { boot, exitOnStartupError } from './boot'
import { appBuild } from './app-build'
import { addReadinessCheck } from './health'
import { ConfigError, env } from '#core/env'
import { createHttpApp } from './http'
import { logger } from '#core/logger'
import { startSearch } from '#search/readiness'

/** `npm start`: the web server, by default with the job worker in the same process. */
async function main() {
  const started = Date.now()
  const booting = boot('server', { seed: true, serves: true })
  // The build (and its import) runs while the database starts: the one waits on PostgreSQL, the other on the
  // compiler and the module loader. boot() has read the configuration before its first await.
  let buildMs = 0
  const building = appBuild({ cached: process.argv.includes('--build'), log: (message) => process.stdout.write(`${message}\n`) })
  building.then(() => (buildMs = Date.now() - started)).catch(() => {}) // awaited below, after boot: a failing boot must not also report this one
  const { boss, close, demoLogins } = await booting
  const config = env()
  addReadinessCheck('search', await startSearch())

  const { build, assetsDir, release } = await building.catch(async (error: unknown) => {
    await close()
    throw error
  })
  // The job handlers load after the server can answer (below); until then /readyz says so.
  let workersRegistered = !config.RUN_WORKER
  addReadinessCheck('jobWorker', async () => {
    if (!workersRegistered) throw new Error('starting: the job handlers are loading')
  })
  const app = createHttpApp(build, { trustProxy: config.TRUST_PROXY, assetsDir })
  const server = await listen(app, config.PORT).catch(async (error) => {
    release()
    await close()
    throw error
  })

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger().info({ signal }, 'stopping')
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeIdleConnections()
    })
    await close()
    release()
    process.exit(0)
  }
  // Before saying ready: whoever stops the server as soon as it reads that line gets a clean stop.
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  // The job handlers are most of the server's own modules: loaded once pages are served, so the first answer
  // does not wait for them (jobs wait in the queue meanwhile). "Stapsteen draait op" still means all is up.
  if (config.RUN_WORKER) await (await import('./worker-registry')).registerWorkers(boss)
  workersRegistered = true

  const address = `http://localhost:${config.PORT}`
  // sinceProcessStart includes loading the server's modules, before main() ran.
  logger().info({ ms: Date.now() - started, sinceProcessStart: Math.round(performance.now()), buildReady: buildMs, address, worker: config.RUN_WORKER }, 'Stapsteen is ready')
  process.stdout.write(`\nStapsteen draait op ${address}\n`)
  // Imported here, not at the top: it reaches the demo seed, which boot() loads while PostgreSQL starts.
  if (demoLogins) process.stdout.write((await import('#db/seed/print')).formatDemoLogins(demoLogins, address))
}

function listen(app: ReturnType<typeof createHttpApp>, port: number) {
  return new Promise<Server>((resolve, reject) => {
    const server = app.listen(port, () => resolve(server))
    server.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new ConfigError(`Port ${port} is already in use. Stop the program using it, or set PORT to a free port (e.g. PORT=3001 npm start).`))
      } else reject(error)
    })
  })
}

main().catch(exitOnStartupError)
