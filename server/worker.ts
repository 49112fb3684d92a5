import { boot, exitOnStartupError } from './boot'
import { logger } from '#core/logger'
import { registerWorkers } from './worker-registry'

/** `npm run worker`: a job worker on its own, for scale-out (several of them on one external Postgres). */
async function main() {
  const { boss, close } = await boot('command', { seed: false, worker: true, serves: true })
  await registerWorkers(boss)
  const shutdown = async () => {
    await close()
    process.exit(0)
  }
  // Before saying ready: a supervisor that stops the worker as soon as it reads that line gets a clean stop.
  process.on('SIGINT', () => void shutdown())
  process.on('SIGTERM', () => void shutdown())
  logger().info('Stapsteen worker is ready')
}

main().catch(exitOnStartupError)
