import type { Server } from 'node:http'
import type { ServerBuild } from '@remix-run/node'
import { formatDemoLogins } from '#db/seed/print'
import { boot, exitOnStartupError } from './boot'
import { addReadinessCheck } from './health'
import { ConfigError, env } from '#core/env'
import { createHttpApp } from './http'
import { logger } from '#core/logger'
import { registerWorkers } from './worker-registry'
import { startSearch } from '#search/readiness'

/** `npm start`: the web server, by default with the job worker in the same process. */
async function main() {
  const started = Date.now()
  const { boss, close, demoLogins } = await boot('server', { seed: true, serves: true })
  const config = env()
  addReadinessCheck('search', await startSearch())
  if (config.RUN_WORKER) await registerWorkers(boss)

  // The Remix build is made by `remix build` (npm start runs it first).
  const buildPath = new URL('../build/index.js', import.meta.url).href
  const build = (await import(buildPath)) as ServerBuild
  const app = createHttpApp(build, { trustProxy: config.TRUST_PROXY })
  const server = await listen(app, config.PORT).catch(async (error) => {
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
    process.exit(0)
  }
  // Before saying ready: whoever stops the server as soon as it reads that line gets a clean stop.
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  const address = `http://localhost:${config.PORT}`
  logger().info({ ms: Date.now() - started, address, worker: config.RUN_WORKER }, 'Stapsteen is ready')
  process.stdout.write(`\nStapsteen draait op ${address}\n`)
  if (demoLogins) process.stdout.write(formatDemoLogins(demoLogins, address))
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
